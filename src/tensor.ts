// Input normalisation: every accepted input form becomes (typed data, shape)
// without a per-element JavaScript loop for typed arrays and tensors. Keras's
// rank-alignment rules live here too.
import { InputError } from './errors.js';

export type TypedArray =
  | Float32Array | Float64Array
  | Int8Array | Uint8Array | Uint8ClampedArray
  | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** A normalised input: flat row-major data and its shape. */
export interface Tensor {
  readonly data: TypedArray;
  readonly shape: readonly number[];
}

/** `{ data, shape }`: flat row-major values with an explicit shape. */
export interface ShapedArray {
  readonly data: TypedArray | ArrayLike<number | boolean>;
  readonly shape: readonly number[];
}

/** Anything shaped like a TF.js tensor (duck-typed; TF.js is never imported). */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly dtype: string;
  dataSync(): ArrayLike<number> | TypedArray;
}

export interface NestedArray extends ReadonlyArray<number | boolean | NestedArray> {}

/** Every form updateState accepts for labels, predictions and weights. */
export type ArrayInput = number | boolean | NestedArray | TypedArray | ShapedArray | TensorLike;

export function sizeOf(shape: readonly number[]): number {
  let size = 1;
  for (const dim of shape) size *= dim;
  return size;
}

export function formatShape(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) &&
    !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}

function isTensorLike(value: object): value is TensorLike {
  const candidate = value as Partial<TensorLike>;
  return typeof candidate.dataSync === 'function' && Array.isArray(candidate.shape);
}

/** Converts one argument to a Tensor, or throws InputError naming the argument. */
export function toTensor(input: unknown, argument: string): Tensor {
  if (typeof input === 'number') return { data: Float64Array.of(input), shape: [] };
  if (typeof input === 'boolean') return { data: Uint8Array.of(input ? 1 : 0), shape: [] };
  if (input === null || input === undefined) {
    throw new InputError('INVALID_INPUT', `${argument} must be an array, typed array or tensor; received ${input}.`);
  }
  if (typeof input !== 'object') {
    throw new InputError('INVALID_INPUT', `${argument} must be numeric; received a ${typeof input}.`);
  }
  if (isTypedArray(input)) return { data: input, shape: [input.length] };
  if (ArrayBuffer.isView(input)) {
    throw new InputError('INVALID_INPUT', `${argument}: ${input.constructor.name} is not supported; use a Float32Array, Float64Array or integer typed array.`);
  }
  if (Array.isArray(input)) return fromNestedArray(input as NestedArray, argument);
  if (isTensorLike(input)) {
    if (input.dtype === 'string' || input.dtype === 'complex64') {
      throw new InputError('INVALID_INPUT', `${argument}: tensors of dtype ${input.dtype} are not numeric.`);
    }
    const data = input.dataSync();
    return withShape(isTypedArray(data) ? data : Float64Array.from(data), input.shape, argument);
  }
  const shaped = input as Partial<ShapedArray>;
  if (shaped.data !== undefined && Array.isArray(shaped.shape)) {
    const data = isTypedArray(shaped.data) ? shaped.data : fromNestedArray(Array.from(shaped.data) as NestedArray, argument).data;
    return withShape(data, shaped.shape, argument);
  }
  throw new InputError('INVALID_INPUT', `${argument} must be an array, typed array, { data, shape } or tensor.`);
}

function withShape(data: TypedArray, shape: readonly number[], argument: string): Tensor {
  if (!shape.every((dim) => Number.isInteger(dim) && dim >= 0)) {
    throw new InputError('INVALID_INPUT', `${argument}: shape ${JSON.stringify(shape)} must hold non-negative integers.`);
  }
  if (sizeOf(shape) !== data.length) {
    throw new InputError('SHAPE_MISMATCH', `${argument}: shape ${formatShape(shape)} needs ${sizeOf(shape)} values but data has ${data.length}.`);
  }
  return { data, shape: [...shape] };
}

/** Walks nested arrays once: checks that they are rectangular and numeric, and flattens them. */
function fromNestedArray(input: NestedArray, argument: string): Tensor {
  const shape: number[] = [];
  for (let level: unknown = input; Array.isArray(level); level = level[0]) shape.push(level.length);
  const size = sizeOf(shape);
  const numbers = new Float64Array(size);
  let allBoolean = size > 0;
  let offset = 0;
  const visit = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node === 'number') {
        numbers[offset++] = node;
        allBoolean = false;
      } else if (typeof node === 'boolean') {
        numbers[offset++] = node ? 1 : 0;
      } else {
        const found = node === null ? 'null' : Array.isArray(node) ? 'an array' : `a ${typeof node}`;
        throw new InputError('INVALID_INPUT', `${argument}${path}: expected a number or boolean, found ${found}.`);
      }
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      const length = Array.isArray(node) ? `length ${node.length}` : 'a scalar';
      throw new InputError('INVALID_INPUT', `${argument}${path}: ragged nesting, expected length ${shape[depth]} but found ${length}.`);
    }
    for (let i = 0; i < node.length; i++) visit(node[i], depth + 1, `${path}[${i}]`);
  };
  visit(input, 0, '');
  return { data: allBoolean ? Uint8Array.from(numbers) : numbers, shape };
}

/** A sample_weight argument as a Tensor, or undefined when none was given (null or undefined). */
export function toSampleWeight(input: unknown): Tensor | undefined {
  return input === null || input === undefined ? undefined : toTensor(input, 'sample_weight');
}

/** Flat index to "[i, j]" for messages. */
export function formatIndex(flatIndex: number, shape: readonly number[]): string {
  if (shape.length <= 1) return `[${flatIndex}]`;
  const index: number[] = [];
  let rest = flatIndex;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    index.unshift(rest % shape[axis]!);
    rest = Math.floor(rest / shape[axis]!);
  }
  return `[${index.join(', ')}]`;
}

/**
 * Keras's squeeze_or_expand_to_same_rank: when the ranks differ by one and the
 * longer shape ends in 1, expand a rank-1 shorter shape (if allowed) or squeeze
 * the longer one. Returns the two aligned shapes (the data is unchanged).
 */
export function squeezeOrExpand(
  first: readonly number[], second: readonly number[], expandRank1 = true,
): [readonly number[], readonly number[]] {
  if (first.length === second.length + 1 && first[first.length - 1] === 1) {
    return second.length === 1 && expandRank1 ? [first, [...second, 1]] : [first.slice(0, -1), second];
  }
  if (second.length === first.length + 1 && second[second.length - 1] === 1) {
    return first.length === 1 && expandRank1 ? [[...first, 1], second] : [first, second.slice(0, -1)];
  }
  return [first, second];
}

/** Aligns labels and predictions as Keras does and requires equal shapes afterwards. */
export function alignPair(yTrue: Tensor, yPred: Tensor): { yTrue: Tensor; yPred: Tensor } {
  const [trueShape, predShape] = squeezeOrExpand(yTrue.shape, yPred.shape);
  if (trueShape.length !== predShape.length || trueShape.some((dim, axis) => dim !== predShape[axis])) {
    throw new InputError('SHAPE_MISMATCH',
      `y_true has shape ${formatShape(yTrue.shape)} and y_pred ${formatShape(yPred.shape)}; they must match (up to a trailing axis of 1).`);
  }
  return { yTrue: { data: yTrue.data, shape: trueShape }, yPred: { data: yPred.data, shape: predShape } };
}

/** Rows (leading axis) and the number of elements per row of a shape. */
export function rowsOf(shape: readonly number[]): { rows: number; rowLength: number } {
  if (shape.length === 0) return { rows: 1, rowLength: 1 };
  const rows = shape[0]!;
  return { rows, rowLength: rows === 0 ? sizeOf(shape.slice(1)) : sizeOf(shape) / rows };
}
