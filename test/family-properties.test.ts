// Batch-split, merge and SIMD = scalar properties, and rejected input, for the
// families without a test file of their own: operating points, reductions
// (Mean, Sum, MeanMetricWrapper) and the hinge / regression-loss metrics.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  SensitivityAtSpecificity, RecallAtPrecision, Mean, Sum, MeanMetricWrapper, Hinge, SquaredHinge,
  MeanAbsolutePercentageError, MeanSquaredLogarithmicError, CosineSimilarity, ConcordanceCorrelation, Poisson,
  type Metric, type Tensor,
} from '../src/index.js';
import { cutRanges } from './support/batches.js';
import { expectRejected } from './support/errors.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';

const RUNS = { seed: 20261122, numRuns: 25 };

/** Per-sample absolute error, as a user-written MeanMetricWrapper function. */
const absoluteError = (yTrue: Tensor, yPred: Tensor) =>
  ({ data: Float64Array.from(yTrue.data, (y, i) => Math.abs(y - yPred.data[i]!)), shape: yTrue.shape });

/** A metric factory and how to feed it rows of (label row, prediction row, weight). */
interface Family {
  readonly make: () => Metric;
  readonly update: (metric: Metric, y: number[][], p: number[][], w: number[]) => void;
  /** Exact equality (counts) instead of 1e-12 relative. */
  readonly exact: boolean;
}

const pairs = (metric: Metric, y: number[][], p: number[][], w: number[]): void => metric.updateState(y, p, w);
const values = (metric: Metric, y: number[][], _p: number[][], w: number[]): void =>
  (metric as unknown as { updateState(values: number[][], weight: number[]): void }).updateState(y, w);

const FAMILIES: Record<string, Family> = {
  SensitivityAtSpecificity: { make: () => new SensitivityAtSpecificity({ specificity: 0.6, numThresholds: 20 }), update: pairs, exact: true },
  RecallAtPrecision: { make: () => new RecallAtPrecision({ precision: 0.5, numThresholds: 7 }), update: pairs, exact: true },
  Mean: { make: () => new Mean(), update: values, exact: false },
  Sum: { make: () => new Sum(), update: values, exact: false },
  MeanMetricWrapper: { make: () => new MeanMetricWrapper({ fn: absoluteError }), update: pairs, exact: false },
  Hinge: { make: () => new Hinge(), update: pairs, exact: false },
  SquaredHinge: { make: () => new SquaredHinge(), update: pairs, exact: false },
  MeanAbsolutePercentageError: { make: () => new MeanAbsolutePercentageError(), update: pairs, exact: false },
  MeanSquaredLogarithmicError: { make: () => new MeanSquaredLogarithmicError(), update: pairs, exact: false },
  CosineSimilarity: { make: () => new CosineSimilarity(), update: pairs, exact: false },
  ConcordanceCorrelation: { make: () => new ConcordanceCorrelation(), update: pairs, exact: false },
  Poisson: { make: () => new Poisson(), update: pairs, exact: false },
};

// Rows of two columns: labels 0/1 (so the hinge and threshold metrics see binary labels), scores in (0, 1), integer weights.
const rows = fc.array(fc.tuple(
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 })),
  fc.tuple(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
  fc.integer({ min: 0, max: 3 }),
), { minLength: 1, maxLength: 60 });
const cuts = fc.array(fc.nat(), { maxLength: 4 });

function expectSame(actual: number, expected: number, exact: boolean): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else if (exact) expect(actual).toBe(expected);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
}

describe.each(Object.entries(FAMILIES))('%s', (_name, family) => {
  const run = (y: number[][], p: number[][], w: number[], ranges: Array<[number, number]>): Metric => {
    const metric = family.make();
    for (const [from, to] of ranges) if (to > from) family.update(metric, y.slice(from, to), p.slice(from, to), w.slice(from, to));
    return metric;
  };

  test('any split into batches, any merge of shards and the scalar build equal one pass', () => {
    fc.assert(fc.property(rows, cuts, (data, cutAt) => {
      const y = data.map((row) => [...row[0]]), p = data.map((row) => [...row[1]]), w = data.map((row) => row[2]);
      const whole = run(y, p, w, [[0, data.length]]).result() as number;
      const ranges = cutRanges(data.length, cutAt);
      expectSame(run(y, p, w, ranges).result() as number, whole, family.exact);
      const shards = ranges.map((range) => run(y, p, w, [range]));
      const merged = family.make();
      for (const shard of shards.reverse()) merged.mergeState(shard);
      expectSame(merged.result() as number, whole, family.exact);
      if (bothKernelBuilds) {
        const scalar = withKernelBuild('scalar', () => run(y, p, w, [[0, data.length]]).result() as number);
        expectSame(scalar, whole, family.exact);
      }
    }), RUNS);
  });

  test('a NaN input is rejected and leaves the state as it was', () => {
    const metric = family.make();
    family.update(metric, [[1, 0], [0, 1]], [[0.8, 0.3], [0.4, 0.6]], [1, 2]);
    // Mean and Sum read only the first argument (their values).
    if (family.update !== values) expectRejected(metric, () => family.update(metric, [[1, 0]], [[NaN, 0.5]], [1]), 'NON_FINITE');
    expectRejected(metric, () => family.update(metric, [[NaN, 0]], [[0.5, 0.5]], [1]), 'NON_FINITE');
    expectRejected(metric, () => family.update(metric, [[1, 0]], [[0.5, 0.5]], [Infinity]), 'NON_FINITE');
  });
});
