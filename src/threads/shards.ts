// Splitting inputs into contiguous row blocks: the rows every worker reads, as
// views (the data is on shared memory by then, see staging.ts).
import { InputError, type Tensor } from '../index.js';
import type { ShardTensor } from './protocol.js';

/** [start, end) row ranges of `shards` nearly equal contiguous blocks, in order. */
export function shardBounds(rows: number, shards: number): Array<readonly [number, number]> {
  const bounds: Array<readonly [number, number]> = [];
  for (let i = 0; i < shards; i++) bounds.push([Math.floor((i * rows) / shards), Math.floor(((i + 1) * rows) / shards)]);
  return bounds;
}

function formatShape(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** How the weight is split: by rows like the values, or sent whole to every shard (a leading axis of 1). */
export type WeightSplit = 'rows' | 'whole';

/**
 * The number of rows (leading axis) shared by labels, predictions and weight.
 * Threads split along that axis, so it must exist and agree. A scalar weight is
 * refused: Keras weighs a batch with a scalar weight as one sample in mean-style
 * metrics, so the result would depend on how the rows are split.
 */
export function leadingRows(yTrue: Tensor, yPred: Tensor, weight: Tensor | undefined): { rows: number; weightSplit: WeightSplit } {
  if (yTrue.shape.length === 0 || yPred.shape.length === 0) {
    throw new InputError('INVALID_INPUT',
      `Threads split inputs along their first axis; y_true has shape ${formatShape(yTrue.shape)} and y_pred ${formatShape(yPred.shape)}.`);
  }
  const rows = yTrue.shape[0]!;
  if (yPred.shape[0] !== rows) {
    throw new InputError('SHAPE_MISMATCH',
      `y_true has shape ${formatShape(yTrue.shape)} and y_pred ${formatShape(yPred.shape)}; their first axes must be equal.`);
  }
  if (weight === undefined || weight.shape[0] === rows) return { rows, weightSplit: 'rows' };
  if (weight.shape.length > 0 && weight.shape[0] === 1) return { rows, weightSplit: 'whole' };
  throw new InputError('WEIGHT_SHAPE', weight.shape.length === 0
    ? 'A scalar sample_weight weighs each batch as one sample in mean-style metrics, so it cannot be split across threads; pass one weight per row.'
    : `sample_weight of shape ${formatShape(weight.shape)} does not match the ${rows} rows of y_true; its first axis must be ${rows} or 1.`);
}

/** Rows [start, end) of a row-major tensor, as a view (no copy). */
export function rowSlice(tensor: Tensor, start: number, end: number): ShardTensor {
  const rows = tensor.shape[0]!;
  const rowLength = rows === 0 ? 0 : tensor.data.length / rows;
  return { data: tensor.data.subarray(start * rowLength, end * rowLength), shape: [end - start, ...tensor.shape.slice(1)] };
}
