// The SIMD build computes the logarithmic losses two elements (or rows) at a time with a
// vector logarithm (assembly/logarithm.ts) that repeats the scalar build's
// Math.log operation for operation. With two elements, each build's sum is
// loss(first) + loss(second), so equal bits per element mean equal results:
// checked here exactly, over values from subnormal to huge, both signs, and the
// special values that take the scalar fallback.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  BinaryCrossentropy, KLDivergence, MeanAbsolutePercentageError, MeanSquaredLogarithmicError, Poisson,
  SparseCategoricalCrossentropy, type Metric,
} from '../src/index.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';

const RUNS = { seed: 20261122, numRuns: 300 };
// NaN and infinities must reach the kernels, as they do in Keras.
const PROPAGATE = { nonFinite: 'propagate' } as const;

const anyDouble = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
  fc.constantFrom(0, -0, 1, 5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, Infinity, -Infinity, NaN, 1 - 2 ** -53),
);
const hardLabel = fc.constantFrom(0, 1);

function resultOf(make: () => Metric, labels: number[], predictions: number[], array: typeof Float32Array | typeof Float64Array): number {
  const metric = make();
  metric.updateState({ data: array.from(labels), shape: [1, 2] }, { data: array.from(predictions), shape: [1, 2] });
  return metric.result() as number;
}

const cases: Array<[string, () => Metric, fc.Arbitrary<number>]> = [
  ['BinaryCrossentropy, 0/1 targets (one log each)', () => new BinaryCrossentropy(PROPAGATE), hardLabel],
  ['BinaryCrossentropy, soft targets (two logs each)', () => new BinaryCrossentropy(PROPAGATE), fc.double({ min: 0, max: 1, noNaN: true })],
  ['BinaryCrossentropy with label smoothing', () => new BinaryCrossentropy({ labelSmoothing: 0.2, ...PROPAGATE }), hardLabel],
  ['Poisson', () => new Poisson(PROPAGATE), anyDouble],
  ['KLDivergence', () => new KLDivergence(PROPAGATE), anyDouble],
  ['MeanSquaredLogarithmicError', () => new MeanSquaredLogarithmicError(PROPAGATE), anyDouble],
  // Not logarithmic, but summed two elements per step the same way.
  ['MeanAbsolutePercentageError', () => new MeanAbsolutePercentageError(PROPAGATE), anyDouble],
];

describe('vector logarithm: the SIMD build gives the scalar build\'s bits', () => {
  for (const [name, make, label] of cases) {
    for (const array of [Float64Array, Float32Array]) {
      test.skipIf(!bothKernelBuilds)(`${name}, ${array.name}`, () => {
        fc.assert(fc.property(fc.tuple(label, label), fc.tuple(anyDouble, anyDouble), (labels, predictions) => {
          const simd = withKernelBuild('simd', () => resultOf(make, labels, predictions, array));
          const scalar = withKernelBuild('scalar', () => resultOf(make, labels, predictions, array));
          expect(Object.is(simd, scalar) || (Number.isNaN(simd) && Number.isNaN(scalar))).toBe(true);
        }), RUNS);
      });
    }
  }
});

describe('vector logarithm: SparseCategoricalCrossentropy rows', () => {
  // One logarithm per row, taken two rows at a time in the SIMD build; an odd row count leaves one row to the scalar
  // path, and ignored rows (ignoreClass) must stay exactly 0.
  // Up to three rows: the row losses are then summed one after another in both builds (from four rows on, the SIMD
  // build sums them in four lanes, which changes the last bits of the mean, not of any row's loss).
  const rows = fc.integer({ min: 1, max: 3 }).chain((count) => fc.tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: count, maxLength: count }),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: count * 4, maxLength: count * 4 }),
  ));
  test.skipIf(!bothKernelBuilds)('each build gives the same result, with and without ignored rows', () => {
    fc.assert(fc.property(rows, fc.constantFrom(undefined, 2), ([ids, probabilities], ignoreClass) => {
      const run = () => {
        const metric = new SparseCategoricalCrossentropy(ignoreClass === undefined ? {} : { ignoreClass });
        metric.updateState({ data: Float32Array.from(ids), shape: [ids.length] },
          { data: Float32Array.from(probabilities), shape: [ids.length, 4] });
        return metric.result() as number;
      };
      const simd = withKernelBuild('simd', run);
      const scalar = withKernelBuild('scalar', run);
      expect(Object.is(simd, scalar) || (Number.isNaN(simd) && Number.isNaN(scalar))).toBe(true);
    }), RUNS);
  });
});
