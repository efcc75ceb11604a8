// The SIMD build computes the logarithmic losses two elements at a time with a
// vector logarithm (assembly/logarithm.ts) that repeats the scalar build's
// Math.log operation for operation. With two elements, each build's sum is
// loss(first) + loss(second), so equal bits per element mean equal results:
// checked here exactly, over values from subnormal to huge, both signs, and the
// special values that take the scalar fallback.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { BinaryCrossentropy, KLDivergence, MeanSquaredLogarithmicError, Poisson, type Metric } from '../src/index.js';
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
