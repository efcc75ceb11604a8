// What kind of y_true a ranking function received, as scikit-learn's
// type_of_target decides it: binary (at most two distinct values), multiclass
// (more), or a multilabel 0/1 indicator matrix. Plus the other argument checks
// the ranking functions share.
import { InputError } from '../errors.js';
import { formatIndex, formatShape, toTensor, type Tensor, type TypedArray } from '../tensor.js';
import { finiteScores, indicatorLabels, type FloatScores } from '../exact/validate.js';
import { readSampleWeight, requireNonNegative } from './inputs.js';

export type Target =
  /** One label per sample; `classes` are the distinct values in increasing order. */
  | { readonly kind: 'binary' | 'multiclass'; readonly rows: number; readonly values: TypedArray; readonly classes: number[] }
  | { readonly kind: 'multilabel'; readonly rows: number; readonly columns: number; readonly labels: Uint8Array };

/** A rank-1 array, or a rank-2 array with one column, as its single column. */
function asColumn(tensor: Tensor): Tensor | undefined {
  const { shape } = tensor;
  if (shape.length === 1) return tensor;
  if (shape.length === 2 && shape[1] === 1) return { data: tensor.data, shape: [shape[0]!] };
  return undefined;
}

export function classifyTarget(input: unknown): Target {
  const tensor = toTensor(input, 'y_true');
  if (tensor.shape.length === 0 || tensor.shape.length > 2) {
    throw new InputError('SHAPE_MISMATCH', `y_true must have shape (samples,) or (samples, labels); received ${formatShape(tensor.shape)}.`);
  }
  const rows = tensor.shape[0]!;
  if (rows === 0) throw new InputError('INVALID_INPUT', 'y_true holds no samples; ranking metrics need at least one.');
  if (tensor.shape[1] === 0) throw new InputError('SHAPE_MISMATCH', 'y_true has no label columns.');
  const column = asColumn(tensor);
  if (!column) {
    const labels = indicatorLabels(tensor, 'y_true');
    return { kind: 'multilabel', rows, columns: tensor.shape[1]!, labels };
  }
  const { data } = column;
  if (!(data instanceof Uint8Array || data instanceof Int32Array || data instanceof Int8Array ||
    data instanceof Uint16Array || data instanceof Int16Array || data instanceof Uint32Array)) {
    for (let i = 0; i < data.length; i++) {
      const value = data[i]!;
      if (!Number.isFinite(value)) throw new InputError('NON_FINITE', `y_true${formatIndex(i, column.shape)} is ${value}; labels must be finite.`);
      if (!Number.isInteger(value)) {
        throw new InputError('INVALID_INPUT', `y_true${formatIndex(i, column.shape)} is ${value}: continuous targets are not supported; labels must be integers (class labels).`);
      }
    }
  }
  const classes = distinctValues(data).sort((a, b) => a - b);
  return { kind: classes.length <= 2 ? 'binary' : 'multiclass', rows, values: data, classes };
}

/** The distinct values of `data`. Two (binary labels) is the common case: compared directly, a Set only past that. */
function distinctValues(data: TypedArray): number[] {
  if (data instanceof Uint8Array) {
    // 0/1 bytes (the usual labels) are settled by one OR/AND pass.
    let any = 0, all = 0xff;
    for (let i = 0; i < data.length; i++) {
      const value = data[i]!;
      any |= value;
      all &= value;
    }
    if (data.length === 0) return [];
    if ((any & 0xfe) === 0) return any === 0 ? [0] : all === 1 ? [1] : [0, 1];
    const present = new Uint8Array(256);
    for (let i = 0; i < data.length; i++) present[data[i]!] = 1;
    return [...present.keys()].filter((value) => present[value] === 1);
  }
  if (data.length === 0) return [];
  const first = data[0]!;
  let second: number | undefined;
  for (let i = 1; i < data.length; i++) {
    const value = data[i]!;
    if (value === first || value === second) continue;
    if (second !== undefined) return [...new Set(data)];
    second = value;
  }
  return second === undefined ? [first] : [first, second];
}

/** y_score as finite floats with its number of columns (1 for a single score per sample). */
export function readScores(input: unknown, rows: number): { scores: FloatScores; columns: number; rank: 1 | 2 } {
  const tensor = toTensor(input, 'y_score');
  const { shape } = tensor;
  if (shape.length === 0 || shape.length > 2 || shape[0] !== rows) {
    throw new InputError('SHAPE_MISMATCH', `y_score has shape ${formatShape(shape)}; it needs ${rows} rows like y_true.`);
  }
  const scores = finiteScores(tensor, 'y_score');
  return shape.length === 1 ? { scores, columns: 1, rank: 1 } : { scores, columns: shape[1]!, rank: 2 };
}

/** sample_weight: one non-negative finite weight per sample, or undefined. */
export function readNonNegativeSampleWeight(input: unknown, rows: number): Float64Array | undefined {
  const weights = readSampleWeight(input, rows);
  requireNonNegative(weights, 'weights must be non-negative');
  return weights;
}
