// Input vectors of the functional API (scikit-learn shapes, not Keras's): a
// rank-1 array or a single column, and per-sample weights of the same length.
import { InputError } from '../errors.js';
import { toTensor, toSampleWeight, formatShape, formatIndex, type TypedArray } from '../tensor.js';
import { firstNonFiniteIndex } from '../wasm/feed-labels.js';

/** The values of a (n,) or (n, 1) input. */
export function vectorOf(input: unknown, argument: string): TypedArray {
  const { data, shape } = toTensor(input, argument);
  if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) return data;
  throw new InputError('SHAPE_MISMATCH', `${argument} must have shape (n_samples,) or (n_samples, 1); received ${formatShape(shape)}.`);
}

export function nonFiniteError(argument: string, index: string, value: number): InputError {
  return new InputError('NON_FINITE', `${argument}${index} is ${value}; inputs must be finite.`);
}

/** sample_weight: one finite weight per sample, as float64; undefined when not given (null or undefined). */
export function readSampleWeight(input: unknown, samples: number): Float64Array | undefined {
  const weight = toSampleWeight(input);
  if (weight === undefined) return undefined;
  const { shape } = weight;
  const perSample = (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) && shape[0] === samples;
  if (!perSample) {
    throw new InputError('WEIGHT_SHAPE',
      `sample_weight of shape ${formatShape(shape)} must hold one weight per sample (${samples}).`);
  }
  const data = weight.data instanceof Float64Array ? weight.data : Float64Array.from(weight.data);
  const bad = firstNonFiniteIndex(data);
  if (bad >= 0) {
    throw new InputError('NON_FINITE', `sample_weight${formatIndex(bad, [samples])} is ${data[bad]}; weights must be finite.`);
  }
  return data;
}

/** Rejects negative weights where they have no meaning (counts, medians). */
export function requireNonNegative(weights: Float64Array | undefined, why: string): void {
  if (!weights) return;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i]! < 0) throw new InputError('INVALID_INPUT', `sample_weight[${i}] is ${weights[i]}; ${why}.`);
  }
}
