// The regression functions: scikit-learn's documented examples, behaviour that
// differs from scikit-learn on purpose, multi-chunk inputs against plain
// two-pass references, the scalar kernel build, input types and validation.
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { type ArrayInput } from '../src/index.js';
import {
  r2Score, explainedVarianceScore, meanSquaredError, rootMeanSquaredError, meanAbsoluteError,
  meanAbsolutePercentageError, medianAbsoluteError, maxError,
} from '../src/sklearn.js';
import { useKernelBuild } from '../src/wasm/runtime.js';
import { expectMetricError } from './support/errors.js';
import { expectClose } from './support/close.js';
import { mulberry32 } from './support/random.js';
import { referenceR2, referenceExplainedVariance, referenceErrorMean, type Columns } from './support/regression-reference.js';

afterEach(() => useKernelBuild('simd'));

describe("scikit-learn's documented examples", () => {
  const y = [3, -0.5, 2, 7], p = [2.5, 0.0, 2, 8];
  const Y = [[0.5, 1], [-1, 1], [7, -6]], P = [[0, 2], [-1, 2], [8, -5]];

  test('errors with exact values', () => {
    expect(meanSquaredError(y, p)).toBe(0.375);
    expect(meanAbsoluteError(y, p)).toBe(0.5);
    expect(medianAbsoluteError(y, p)).toBe(0.5);
    expect(maxError([3, 2, 7, 1], [4, 2, 7, 1])).toBe(1);
    expect(meanAbsoluteError(Y, P, { multioutput: 'raw_values' })).toEqual([0.5, 1]);
    expect(medianAbsoluteError(Y, P)).toBe(0.75);
    expect(rootMeanSquaredError(y, p)).toBe(Math.sqrt(0.375));
  });

  test('scores: 1 - 0.375·4 / 29.1875 and the constant-target rules', () => {
    // Σ(y - p)² = 1.5; ȳ = 2.875, Σ(y - ȳ)² = 29.1875.
    expect(r2Score(y, p)).toBe(1 - 1.5 / 29.1875);
    expect(r2Score([1, 2, 3], [3, 2, 1])).toBe(-3);
    expect(r2Score([-2, -2, -2], [-2, -2, -2])).toBe(1);
    expect(r2Score([-2, -2, -2], [-2, -2, -2], { forceFinite: false })).toBeNaN();
    expect(r2Score([-2, -2, -2], [-2, -2, -2 + 1e-8])).toBe(0);
    expect(r2Score([-2, -2, -2], [-2, -2, -2 + 1e-8], { forceFinite: false })).toBe(-Infinity);
    expect(explainedVarianceScore([-2, -2, -2], [-2, -2, -2 + 1e-8], { forceFinite: false })).toBe(-Infinity);
  });

  test('percentage errors are fractions with the float64 epsilon under a zero target', () => {
    // |0.1 - 0| / 2.220446049250313e-16 dominates: (0.2 + 0.1/ε + 0 + 1/7) / 4.
    expect(meanAbsolutePercentageError([1, 0, 2.4, 7], [1.2, 0.1, 2.4, 8])).toBeCloseTo(112589990684262.48, 0);
  });
});

describe('deliberate differences from scikit-learn', () => {
  test('a constant y_true is detected exactly, whatever the rounding of its float mean', () => {
    // scikit-learn 1.2.1: the mean of [0.1, 0.1, 0.1] is 0.10000000000000002, so r2_score gives -1.3e33.
    expect(r2Score([0.1, 0.1, 0.1], [0.6, 0.6, 0.6])).toBe(0);
    expect(r2Score([0.1, 0.1, 0.1], [0.1, 0.1, 0.1])).toBe(1);
    expect(explainedVarianceScore([0.7, 0.7, 0.7], [0.6, 0.6, 0.6])).toBe(1);   // a constant offset is explained
  });

  test("fewer than two samples: r2Score is NaN, one per output with 'raw_values'", () => {
    expect(r2Score([3], [2])).toBeNaN();
    expect(r2Score([[3, 1]], [[2, 1]], { multioutput: 'raw_values' })).toEqual([NaN, NaN]);
  });

  test('weighted median: the averaged weighted percentile of current scikit-learn (unit weights = the median)', () => {
    const y = [0, 0, 0, 0], p = [1, 2, 3, 4];
    expect(medianAbsoluteError(y, p, { sampleWeight: [1, 1, 1, 1] })).toBe(2.5);   // scikit-learn 1.2.1: 2
    expect(medianAbsoluteError(y, p, { sampleWeight: [3, 1, 1, 1] })).toBe(1.5);   // half of 6 reached at 1 from below, at 2 from above
  });
});

/** Random rows × outputs with weights, as row-major arrays and as columns for the references. */
function randomData(seed: number, rows: number, outputs: number): { yTrue: Float64Array; yPred: Float64Array; weights: Float64Array; columns: Columns } {
  const random = mulberry32(seed);
  const yTrue = new Float64Array(rows * outputs), yPred = new Float64Array(rows * outputs);
  const weights = Float64Array.from({ length: rows }, () => Math.floor(random() * 4) / 2);
  for (let i = 0; i < rows * outputs; i++) {
    yTrue[i] = 1000 * (i % outputs) + 10 * random();
    yPred[i] = yTrue[i]! + random() - 0.3 + (random() < 0.01 ? 20 : 0);
  }
  const column = (values: Float64Array, k: number): number[] => Array.from({ length: rows }, (_, i) => values[i * outputs + k]!);
  const columns = {
    yTrue: Array.from({ length: outputs }, (_, k) => column(yTrue, k)),
    yPred: Array.from({ length: outputs }, (_, k) => column(yPred, k)),
    weights: Array.from(weights),
  };
  return { yTrue, yPred, weights, columns };
}

describe('inputs of several arena chunks', () => {
  const rows = 40_000, outputs = 3;
  const { yTrue, yPred, weights, columns } = randomData(7, rows, outputs);
  const shaped = { y: { data: yTrue, shape: [rows, outputs] }, p: { data: yPred, shape: [rows, outputs] } };
  const raw = { sampleWeight: weights, multioutput: 'raw_values' } as const;

  test('every function equals its plain two-pass reference (1e-12 relative)', () => {
    const compare = (actual: number[], expected: number[], name: string): void =>
      expected.forEach((value, k) => expectClose(actual[k]!, value, 1e-12, `${name}[${k}]`));
    compare(r2Score(shaped.y, shaped.p, raw), referenceR2(columns), 'r2');
    compare(explainedVarianceScore(shaped.y, shaped.p, raw), referenceExplainedVariance(columns), 'explained variance');
    compare(meanSquaredError(shaped.y, shaped.p, raw), referenceErrorMean(columns, (y, p) => (y - p) ** 2), 'mse');
    compare(meanAbsoluteError(shaped.y, shaped.p, raw), referenceErrorMean(columns, (y, p) => Math.abs(y - p)), 'mae');
    compare(meanAbsolutePercentageError(shaped.y, shaped.p, raw),
      referenceErrorMean(columns, (y, p) => Math.abs(p - y) / Math.max(Math.abs(y), Number.EPSILON)), 'mape');
  });

  test('the scalar kernel build gives the SIMD build’s results, weighted and unweighted', () => {
    const unweighted = { multioutput: 'raw_values' } as const;
    const run = (): number[][] => [raw, unweighted].flatMap((options) => [r2Score(shaped.y, shaped.p, options),
      explainedVarianceScore(shaped.y, shaped.p, options), meanSquaredError(shaped.y, shaped.p, options),
      rootMeanSquaredError(shaped.y, shaped.p, options), meanAbsoluteError(shaped.y, shaped.p, options)]);
    const simd = run();
    useKernelBuild('scalar');
    run().forEach((values, f) => values.forEach((value, k) => expectClose(value, simd[f]![k]!, 1e-12, `function ${f} output ${k}`)));
  });
});

const SINGLE_OUTPUT: Array<[string, (yTrue: ArrayInput, yPred: ArrayInput) => number]> = [
  ['r2Score', (y, p) => r2Score(y, p)], ['explainedVarianceScore', (y, p) => explainedVarianceScore(y, p)],
  ['meanSquaredError', (y, p) => meanSquaredError(y, p)], ['meanAbsoluteError', (y, p) => meanAbsoluteError(y, p)],
  ['medianAbsoluteError', (y, p) => medianAbsoluteError(y, p)], ['maxError', (y, p) => maxError(y, p)],
];

describe('input forms', () => {
  test('float32 pairs, mixed types, (n, 1) columns and nested arrays agree', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.float({ min: -100, max: 100, noNaN: true }), fc.float({ min: -100, max: 100, noNaN: true })),
      { minLength: 2, maxLength: 50 }), (pairs) => {
      const y32 = Float32Array.from(pairs, ([y]) => y), p32 = Float32Array.from(pairs, ([, p]) => p);
      const y64 = Float64Array.from(y32), p64 = Float64Array.from(p32);
      for (const [name, fn] of SINGLE_OUTPUT) {
        const expected = fn(y64, p64);
        expectClose(fn(y32, p32), expected, 1e-12, `${name} float32`);
        expectClose(fn(y32, p64), expected, 1e-12, `${name} mixed`);
        expectClose(fn(Array.from(y64, (v) => [v]), Array.from(p64)), expected, 1e-12, `${name} column`);
      }
    }), { seed: 20261122, numRuns: 40 });
  });

  test('result types follow multioutput', () => {
    const single: number = r2Score([1, 2, 3], [1, 2, 2.5], { sampleWeight: [1, 2, 1] });
    const perOutput: number[] = meanSquaredError([[1, 2], [3, 4]], [[1, 2], [3, 5]], { multioutput: 'raw_values' });
    const weighted: number = meanAbsoluteError([[1, 2], [3, 4]], [[1, 2], [3, 5]], { multioutput: [1, 3] });
    expect([typeof single, Array.isArray(perOutput), weighted]).toEqual(['number', true, 0.375]);
  });
});

describe('validation', () => {
  test('NaN or infinite values are NON_FINITE, naming sample and output', () => {
    expectMetricError(() => r2Score([[1, 2], [3, NaN]], [[1, 2], [3, 4]]), 'NON_FINITE', /y_true\[1, 1\] is NaN/);
    expectMetricError(() => meanSquaredError([1, 2, 3], [1, Infinity, 3]), 'NON_FINITE', /y_pred\[1\] is Infinity/);
    expectMetricError(() => medianAbsoluteError([1, 2], [1, NaN]), 'NON_FINITE', /y_pred\[1\]/);
    expectMetricError(() => meanAbsolutePercentageError([NaN, 2], [1, 2]), 'NON_FINITE', /y_true\[0\]/);
    expectMetricError(() => r2Score([NaN], [1]), 'NON_FINITE');
    expectMetricError(() => explainedVarianceScore([1, 2], [1, 2], { sampleWeight: [1, NaN] }), 'NON_FINITE', /sample_weight\[1\]/);
  });

  test('shapes: samples, outputs, weights and empty inputs', () => {
    expectMetricError(() => meanSquaredError([1, 2, 3], [1, 2]), 'SHAPE_MISMATCH');
    expectMetricError(() => meanSquaredError([[1, 2]], [[1, 2, 3]]), 'SHAPE_MISMATCH', /outputs/);
    expectMetricError(() => meanSquaredError([[[1]]], [[[1]]]), 'SHAPE_MISMATCH');
    expectMetricError(() => meanSquaredError([1, 2], [1, 2], { sampleWeight: [1, 2, 3] }), 'WEIGHT_SHAPE');
    expectMetricError(() => meanSquaredError([], []), 'INVALID_INPUT', /empty/);
    expectMetricError(() => maxError([[1, 2]], [[1, 2]]), 'SHAPE_MISMATCH', /single output/);
  });

  test('weights that sum to zero have no weighted mean; medians need non-negative weights', () => {
    expectMetricError(() => r2Score([1, 2], [1, 3], { sampleWeight: [0, 0] }), 'INVALID_INPUT', /sums to zero/);
    expectMetricError(() => meanAbsoluteError([1, 2], [1, 3], { sampleWeight: [1, -1] }), 'INVALID_INPUT', /sums to zero/);
    expectMetricError(() => meanAbsolutePercentageError([1, 2], [1, 3], { sampleWeight: [0, 0] }), 'INVALID_INPUT');
    expectMetricError(() => medianAbsoluteError([1, 2], [1, 3], { sampleWeight: [2, -1] }), 'INVALID_INPUT', /non-negative/);
    expectMetricError(() => medianAbsoluteError([1, 2], [1, 3], { sampleWeight: [0, 0] }), 'INVALID_INPUT');
    // Negative weights with a non-zero total are accepted, as numpy's average does.
    expect(meanAbsoluteError([1, 2, 4], [1, 3, 4], { sampleWeight: [2, 1, -1] })).toBe(0.5);
  });

  test('multioutput and options', () => {
    expectMetricError(() => meanSquaredError([[1, 2]], [[1, 2]], { multioutput: 'variance_weighted' } as never), 'INVALID_CONFIG');
    expectMetricError(() => r2Score([1, 2], [1, 2], { multioutput: [1] }), 'INVALID_CONFIG', /several outputs/);
    expectMetricError(() => r2Score([[1, 2], [2, 3]], [[1, 2], [2, 3]], { multioutput: [1, 2, 3] }), 'INVALID_CONFIG');
    expectMetricError(() => r2Score([[1, 2], [2, 3]], [[1, 2], [2, 3]], { multioutput: [1, -1] }), 'INVALID_CONFIG', /sum to zero/);
    expectMetricError(() => r2Score([1, 2], [1, 2], { multioutput: 'uniform' } as never), 'INVALID_CONFIG');
    expectMetricError(() => r2Score([1, 2], [1, 2], { forceFinite: 'no' } as never), 'INVALID_CONFIG');
    expectMetricError(() => r2Score([1, 2], [1, 2], { force_finite: false } as never), 'UNKNOWN_CONFIG_KEY', /forceFinite/);
  });
});
