// Input vectors of the functional API (scikit-learn shapes, not Keras's): a
// rank-1 array or a single column, and per-sample weights of the same length.
import { InputError } from '../errors.js';
import { toTensor, formatShape, type TypedArray } from '../tensor.js';

/** The values of a (n,) or (n, 1) input. */
export function vectorOf(input: unknown, argument: string): TypedArray {
  const { data, shape } = toTensor(input, argument);
  if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) return data;
  throw new InputError('SHAPE_MISMATCH', `${argument} must have shape (n_samples,) or (n_samples, 1); received ${formatShape(shape)}.`);
}

/** Index of the first NaN or ±Infinity, or -1. */
export function firstNonFinite(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return i;
  return -1;
}

export function nonFiniteError(argument: string, index: string, value: number): InputError {
  return new InputError('NON_FINITE', `${argument}${index} is ${value}; inputs must be finite.`);
}

/** sample_weight as finite float64 values, one per sample; undefined when not given (null or undefined). */
export function sampleWeightVector(input: unknown, samples: number): Float64Array | undefined {
  if (input === null || input === undefined) return undefined;
  const { data, shape } = toTensor(input, 'sample_weight');
  if (!(shape.length === 1 || (shape.length === 2 && shape[1] === 1)) || data.length !== samples) {
    throw new InputError('WEIGHT_SHAPE', `sample_weight must hold one weight per sample, shape (${samples},); received ${formatShape(shape)}.`);
  }
  const bad = firstNonFinite(data);
  if (bad >= 0) throw nonFiniteError('sample_weight', `[${bad}]`, data[bad]!);
  return data instanceof Float64Array ? data : Float64Array.from(data);
}

/** Rejects negative weights where they have no meaning (counts, medians). */
export function requireNonNegative(weights: Float64Array | undefined, why: string): void {
  if (!weights) return;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! < 0) throw new InputError('INVALID_INPUT', `sample_weight[${i}] is ${weights[i]}; ${why}.`);
  }
}
