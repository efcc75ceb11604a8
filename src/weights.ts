// sample_weight broadcasting. Keras aligns a lower-rank weight with the
// LEADING axes of the values (a (N,) weight on (N, K) values weighs rows, not
// columns) and then broadcasts numpy-style. The result is one of a few layouts
// the kernels consume without materialising a full weight array in JavaScript.
import { InputError } from './errors.js';
import { type Tensor, type TypedArray, formatShape, sizeOf, rowsOf } from './tensor.js';

export type WeightLayout =
  | { readonly kind: 'none' }
  /** A rank-0 weight. Mean-style metrics collapse the batch to one sample with this weight. */
  | { readonly kind: 'scalar'; readonly value: number }
  /** One weight per row (leading axis), repeated along the row. */
  | { readonly kind: 'rows'; readonly data: TypedArray }
  /** The same row of weights for every row. */
  | { readonly kind: 'pattern'; readonly data: Float64Array }
  /** One weight per element, row-major like the values. */
  | { readonly kind: 'dense'; readonly data: TypedArray };

export const NO_WEIGHTS: WeightLayout = { kind: 'none' };

/** Broadcasts `weight` onto values of `shape` (after Keras's trailing-1 squeeze). */
export function resolveWeights(weight: Tensor | undefined, shape: readonly number[]): WeightLayout {
  if (weight === undefined) return NO_WEIGHTS;
  if (weight.shape.length === 0) return { kind: 'scalar', value: weight.data[0]! };
  let weightShape = [...weight.shape];
  if (weightShape.length === shape.length + 1 && weightShape[weightShape.length - 1] === 1) weightShape.pop();
  const fail = (): never => {
    throw new InputError('WEIGHT_SHAPE',
      `sample_weight of shape ${formatShape(weight.shape)} cannot be broadcast to values of shape ${formatShape(shape)}.`);
  };
  if (weightShape.length > shape.length) fail();
  while (weightShape.length < shape.length) weightShape.push(1);
  if (weightShape.some((dim, axis) => dim !== 1 && dim !== shape[axis])) fail();
  if (shape.length === 0) return { kind: 'scalar', value: weight.data[0]! };

  const { rows } = rowsOf(shape);
  if (weightShape.every((dim, axis) => dim === shape[axis])) return { kind: 'dense', data: weight.data };
  const rowAxesAreOne = weightShape.slice(1).every((dim) => dim === 1);
  if (rowAxesAreOne && weightShape[0] === rows) return { kind: 'rows', data: weight.data };
  if (weightShape[0] === 1 || rows === 1) {
    return { kind: 'pattern', data: broadcast(weight.data, weightShape.slice(1), shape.slice(1)) };
  }
  return { kind: 'dense', data: broadcast(weight.data, weightShape, shape) };
}

/** numpy broadcast of equal-rank shapes whose dims are equal or 1 (small or rare shapes only). */
function broadcast(data: TypedArray, from: readonly number[], to: readonly number[]): Float64Array {
  const out = new Float64Array(sizeOf(to));
  const strides = from.map((dim, axis) => (dim === 1 ? 0 : sizeOf(from.slice(axis + 1))));
  for (let flat = 0; flat < out.length; flat++) {
    let rest = flat, source = 0;
    for (let axis = to.length - 1; axis >= 0; axis--) {
      source += (rest % to[axis]!) * strides[axis]!;
      rest = Math.floor(rest / to[axis]!);
    }
    out[flat] = data[source]!;
  }
  return out;
}
