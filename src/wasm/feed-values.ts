// Feeding for Keras's Mean and Sum: plain values with optional weights, summed
// as Σ w·v and Σ w in float64.
import { arena } from './runtime.js';
import type { TypedArray } from '../tensor.js';
import {
  NonFiniteTracker, writeWeights, scalarWeight, rowsPerChunk, scaled, allFinite,
  type FeedResult, type Layout,
} from './feed.js';

export interface ValueFeed extends Layout {
  readonly values: TypedArray;
}

/** Streams values (rows × rowLength elements) and returns [Σ w·v, Σ w]. */
export function feedValues(feed: ValueFeed): FeedResult {
  const a = arena();
  const perRow = feed.weights.kind === 'rows' || feed.weights.kind === 'pattern';
  const rows = perRow ? feed.rows : feed.rows * feed.rowLength;
  const rowLength = perRow ? feed.rowLength : 1;
  const chunkRows = rowsPerChunk(a, rowLength, 16);
  const scale = scalarWeight(feed);
  a.clearOutput(2);
  const out = a.output;
  const tracker = new NonFiniteTracker(feed, a);
  const V = a.address('labels');
  // Float32 values are copied as they are (the kernel widens them); anything else becomes float64.
  const isF64 = !(feed.values instanceof Float32Array);
  for (let firstRow = 0; firstRow < rows; firstRow += chunkRows) {
    const first = firstRow * rowLength, count = Math.min(chunkRows, rows - firstRow) * rowLength;
    if (isF64) a.f64.set(feed.values.subarray(first, first + count), V >>> 3);
    else a.f32.set(feed.values.subarray(first, first + count), V >>> 2);
    const W = writeWeights(a, feed, first, count);
    a.kernels.weightedValueSums(V, isF64 ? 1 : 0, W, count, out);
    if (!allFinite(a.f64, out >>> 3, 2)) {
      tracker.check(V, isF64, count, first, 'values', feed.values);
      tracker.checkWeights(first, count);
    }
  }
  return { output: scaled(a.readOutput(2), scale), sawNonFinite: tracker.seen, nonZeroWeightRows: 0 };
}
