// Cutting whole arrays into batches along the first axis. Typed arrays and
// { data, shape } with typed data are cut with subarray (views, no copies);
// nested arrays with slice, so a prediction function receives rows in the form
// it was given.
import { InputError } from '../errors.js';
import { sizeOf } from '../tensor.js';
import type { ArrayInput, NestedArray, ShapedArray, TypedArray } from '../tensor.js';

function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function isShapedArray(value: unknown): value is ShapedArray {
  const candidate = value as Partial<ShapedArray> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.data !== undefined && Array.isArray(candidate.shape);
}

/** Number of rows (first-axis length) of an input that can be cut; throws for other forms. */
export function rowCount(input: unknown, argument: string): number {
  if (Array.isArray(input) || isTypedArray(input)) return input.length;
  if (isShapedArray(input) && !('dataSync' in input)) {
    const rows = input.shape[0];
    if (rows === undefined) throw new InputError('INVALID_INPUT', `${argument}: a scalar { data, shape } has no rows to cut into batches.`);
    // Checked here because a short buffer would otherwise only fail at the batch that runs past its end.
    if (sizeOf(input.shape) !== input.data.length) {
      throw new InputError('SHAPE_MISMATCH', `${argument}: shape [${input.shape.join(', ')}] needs ${sizeOf(input.shape)} values but data has ${input.data.length}.`);
    }
    return rows;
  }
  throw new InputError('INVALID_INPUT',
    `${argument}: whole arrays cut into batches must be nested arrays, typed arrays or { data, shape }; ` +
    'for tensors pass { data: tensor.dataSync(), shape: tensor.shape } or give the batches yourself.');
}

/** Rows [from, to) of an input accepted by rowCount, in the same form. */
export function sliceRows<T>(input: T, from: number, to: number): T {
  if (Array.isArray(input)) return input.slice(from, to) as T;
  if (isTypedArray(input)) return input.subarray(from, to) as T;
  const { data, shape } = input as ShapedArray;
  const rowLength = sizeOf(shape.slice(1));
  const start = from * rowLength;
  const end = to * rowLength;
  const rows = isTypedArray(data) ? data.subarray(start, end) : Array.prototype.slice.call(data, start, end);
  return { data: rows, shape: [to - from, ...shape.slice(1)] } as T;
}

/** The rows of a label input, for progress counts: the first-axis length (1 for scalars). */
export function labelRows(input: ArrayInput): number {
  if (typeof input === 'number' || typeof input === 'boolean') return 1;
  if (Array.isArray(input)) return (input as NestedArray).length;
  if (isTypedArray(input)) return input.length;
  return (input as { shape: readonly number[] }).shape[0] ?? 1;
}
