// Feeding for losses computed over whole rows of the last axis (crossentropy,
// categorical hinge, cosine, correlation): rows stay intact in each chunk, the
// kernel writes one loss per row, and weights apply per row, as in Keras's
// Mean over per-sample values.
import { arena } from './runtime.js';
import type { Arena } from './arena.js';
import { InputError } from '../errors.js';
import { type TypedArray, formatIndex } from '../tensor.js';
import {
  NonFiniteTracker, writeWeights, scalarWeight, rowsPerChunk, scaled, allFinite,
  type FeedResult, type Layout,
} from './feed.js';

/** Rows of the last axis (`width` values each), grouped into samples of `rowLength` rows. */
export interface RowFeed extends Layout {
  readonly targets: TypedArray;
  readonly predictions: TypedArray;
  readonly width: number;
  /** Targets per row: `width` (dense) or 1 (a class id). */
  readonly targetsPerRow: number;
  /** Keras ignore_class: rows with this class id have weight 0 when weighted. */
  readonly ignoreClass?: number;
}

/** Writes one loss per row to `out`; returns 2 when a class id is invalid, else 0. */
export type RowKernel = (arena: Arena, targets: number, predictions: number, rows: number, out: number) => number;

/** Streams rows through `kernel` and returns [Σ w·loss, Σ w] over rows. */
export function feedRows(feed: RowFeed, kernel: RowKernel): FeedResult {
  const a = arena();
  const rowsPerSample = feed.rowLength;
  // Whole samples per chunk; a chunk never holds more rows than elements, so the losses fit the arena.
  const chunkSamples = rowsPerChunk(a, Math.max(rowsPerSample * feed.width, 1), 16);
  const scale = scalarWeight(feed);
  a.clearOutput(2);
  const out = a.output;
  const tracker = new NonFiniteTracker(feed, a);
  const P = a.address('predictions'), Y = a.address('labels'), losses = a.address('columnPredictions');

  for (let firstSample = 0; firstSample < feed.rows; firstSample += chunkSamples) {
    const samples = Math.min(chunkSamples, feed.rows - firstSample);
    const firstRow = firstSample * rowsPerSample, rows = samples * rowsPerSample;
    const firstTarget = firstRow * feed.targetsPerRow, targetCount = rows * feed.targetsPerRow;
    const firstPrediction = firstRow * feed.width, predictionCount = rows * feed.width;
    a.f32.set(feed.targets.subarray(firstTarget, firstTarget + targetCount), Y >>> 2);
    a.f32.set(feed.predictions.subarray(firstPrediction, firstPrediction + predictionCount), P >>> 2);
    if (kernel(a, Y, P, rows, losses) === 2) throw invalidClassId(a, feed, Y, firstTarget, targetCount);
    const W = writeWeights(a, feed, firstRow, rows);
    if (W && feed.ignoreClass !== undefined) a.kernels.zeroWeightsWhere(W, Y, rows, feed.ignoreClass);
    a.kernels.weightedValueSums(losses, 1, W, rows, out);
    // A NaN or infinite input makes a loss non-finite; only then scan the chunk.
    if (!allFinite(a.f64, out >>> 3, 2)) {
      tracker.check(Y, false, targetCount, firstTarget, 'y_true', feed.targets);
      tracker.check(P, false, predictionCount, firstPrediction, 'y_pred', feed.predictions);
      tracker.checkWeights(firstRow, rows);
    }
  }
  return { output: scaled(a.readOutput(2), scale), sawNonFinite: tracker.seen, nonZeroWeightRows: 0 };
}

function invalidClassId(a: Arena, feed: RowFeed, ids: number, first: number, count: number): InputError {
  for (let i = 0; i < count; i++) {
    const id = a.f32[(ids >>> 2) + i]!;
    if (id !== feed.ignoreClass && !(Number.isInteger(id) && id >= 0 && id < feed.width)) {
      return new InputError('INVALID_INPUT',
        `y_true${formatIndex(first + i, [feed.targets.length])} is ${feed.targets[first + i]}; class ids must be integers in [0, ${feed.width}).`);
    }
  }
  return new InputError('INVALID_INPUT', 'y_true holds an invalid class id.');
}
