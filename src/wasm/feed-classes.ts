// Feeding for the row-wise class kernels (categorical accuracy family): rows
// of C class scores stay intact in each chunk, with their target (a class id
// or a label row) and one weight per row. Kernels flag NaN/Infinity and
// invalid class ids; only then is the chunk scanned to name the bad value.
// Nothing is kept until the whole batch passed.
import { arena } from './runtime.js';
import type { Arena } from './arena.js';
import { InputError } from '../errors.js';
import { type TypedArray, formatIndex } from '../tensor.js';
import {
  NonFiniteTracker, writeWeights, scalarWeight, rowsPerChunk, scaled,
  type ChunkPointers, type FeedResult, type Layout,
} from './feed.js';

/** Kernel flags (assembly/classes.ts). */
export const SAW_NON_FINITE = 1;
export const SAW_INVALID_CLASS_ID = 2;

/**
 * Class rows grouped as Keras's Mean sees their per-row matches: `rows`
 * samples of `rowLength` class rows each, `shape` their shape, and `weights`
 * aligned with them.
 */
export interface ClassRowsFeed extends Layout {
  /** Scores (float32 in the arena) or, when predictionsAreIds, class ids (float64): one row of `classes` per class row. */
  readonly predictions: TypedArray;
  readonly predictionsAreIds: boolean;
  readonly classes: number;
  /** One class id per class row (float64 in the arena) when labelClasses is 0, else rows of labelClasses values (float32). */
  readonly labels: TypedArray;
  readonly labelClasses: number;
  /** Class ids must be integers in [0, classIdLimit). */
  readonly classIdLimit: number;
  readonly predictionShape: readonly number[];
  readonly labelShape: readonly number[];
}

/** Runs a kernel over `chunk.count` class rows; returns its flags. */
export type ClassRowsKernel = (arena: Arena, chunk: ChunkPointers, out: number) => number;

/** Streams class rows through `kernel`; returns [Σ w·hit, Σ w] over class rows. */
export function feedClassRows(feed: ClassRowsFeed, kernel: ClassRowsKernel): FeedResult {
  const a = arena();
  const classRows = feed.rows * feed.rowLength;
  const C = feed.classes;
  const labelsPerRow = feed.labelClasses || 1;
  // Per-sample weight layouts are expanded over whole samples, so chunks hold whole samples then.
  const wholeSamples = feed.weights.kind === 'rows' || feed.weights.kind === 'pattern';
  const rowsPerUnit = wholeSamples ? feed.rowLength : 1;
  const chunkRows = rowsPerChunk(a, rowsPerUnit * Math.max(C, labelsPerRow, 1), 16) * rowsPerUnit;
  const scale = scalarWeight(feed);
  a.clearOutput(2);
  const out = a.output;
  const predictionTracker = new NonFiniteTracker({ ...feed, shape: feed.predictionShape }, a);
  const labelTracker = new NonFiniteTracker({ ...feed, shape: feed.labelShape }, a);
  const weightTracker = new NonFiniteTracker(feed, a);
  const P = a.address('predictions'), L = a.address('labels');
  const idLabels = feed.labelClasses === 0;

  for (let first = 0; first < classRows; first += chunkRows) {
    const count = Math.min(chunkRows, classRows - first);
    const predictions = feed.predictions.subarray(first * C, (first + count) * C);
    if (feed.predictionsAreIds) a.f64.set(predictions, P >>> 3);
    else a.f32.set(predictions, P >>> 2);
    const labels = feed.labels.subarray(first * labelsPerRow, (first + count) * labelsPerRow);
    if (idLabels) a.f64.set(labels, L >>> 3);
    else a.f32.set(labels, L >>> 2);
    const W = writeWeights(a, feed, first, count);
    const flags = kernel(a, { predictions: P, labels: L, weights: W, count }, out);
    if (flags & SAW_NON_FINITE) {
      predictionTracker.check(P, feed.predictionsAreIds, count * C, first * C, 'y_pred', feed.predictions);
      labelTracker.check(L, idLabels, count * labelsPerRow, first * labelsPerRow, 'y_true', feed.labels);
      weightTracker.checkWeights(first, count);
    }
    if (flags & SAW_INVALID_CLASS_ID) throw invalidClassId(a, feed, first, count);
  }
  const sawNonFinite = predictionTracker.seen || labelTracker.seen || weightTracker.seen;
  return { output: scaled(a.readOutput(2), scale), sawNonFinite, nonZeroWeightRows: 0 };
}

function invalidClassId(a: Arena, feed: ClassRowsFeed, first: number, count: number): InputError {
  const index = first + Math.max(0, a.kernels.firstInvalidClassId(a.address('labels'), count, feed.classIdLimit));
  const range = Number.isFinite(feed.classIdLimit)
    ? `integers in [0, ${feed.classIdLimit}) for ${feed.classIdLimit} classes`
    : 'non-negative integers';
  return new InputError('INVALID_INPUT',
    `y_true${formatIndex(index, feed.labelShape)} is ${feed.labels[index]}; class ids must be ${range} ` +
    '(Keras would silently index a wrong or missing class).');
}
