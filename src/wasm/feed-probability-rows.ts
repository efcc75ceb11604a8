// Chunked feeding of probability or score rows with one target class id and
// an optional weight per row (log loss, Brier score, top-k accuracy of the
// scikit-learn functional API). Float32Array rows stay float32 in the arena;
// every other dtype is staged as f64.
import { arena } from './runtime.js';
import { CHUNK_ELEMENTS, type Arena } from './arena.js';
import type { TypedArray } from '../tensor.js';
import { stageClassIds, copyTable, type ClassIds } from './feed-labels.js';

export const LOG_LOSS = 0;
export const BRIER = 1;

export interface ScoreRows {
  /** rows × width values, row-major. */
  readonly values: TypedArray;
  readonly rows: number;
  readonly width: number;
  /** Target class id per row. */
  readonly targets: ClassIds;
  readonly weights: Float64Array | undefined;
}

interface RowChunk {
  readonly values: number;
  readonly isF64: boolean;
  readonly targets: number;
  readonly weights: number;
  readonly first: number;
  readonly count: number;
}

/** Makes room for chunks of whole rows and the output slots; call before clearing the output (it may move). */
function reserveRows(feed: ScoreRows, outputSlots: number): Arena {
  const a = arena();
  a.reserve(Math.max(CHUNK_ELEMENTS, feed.width), outputSlots * 8);
  return a;
}

/** Stages whole rows chunk by chunk and calls `visit`; stops when it returns false. */
function forEachRowChunk(a: Arena, feed: ScoreRows, visit: (chunk: RowChunk) => boolean): void {
  const chunkRows = Math.max(1, Math.floor(a.capacity / Math.max(feed.width, 1)));
  const isF64 = !(feed.values instanceof Float32Array);
  const V = a.address('predictions'), T = a.address('labels'), W = a.address('weights');
  const staging = a.address('columnLabels'), table = a.address('columnWeights');
  copyTable(a, feed.targets, table);
  for (let first = 0; first < feed.rows; first += chunkRows) {
    const count = Math.min(chunkRows, feed.rows - first);
    const values = feed.values.subarray(first * feed.width, (first + count) * feed.width);
    if (isF64) a.f64.set(values, V >>> 3);
    else a.f32.set(values, V >>> 2);
    stageClassIds(a, feed.targets, first, count, T, staging, table);
    if (feed.weights) a.f64.set(feed.weights.subarray(first, first + count), W >>> 3);
    if (!visit({ values: V, isF64, targets: T, weights: feed.weights ? W : 0, first, count })) return;
  }
}

export interface RowLossSums {
  /** Σ w·loss. */
  readonly total: number;
  /** Σ w. */
  readonly weightTotal: number;
  /** Rows whose probabilities do not sum to 1 within the tolerance. */
  readonly unnormalisedRows: number;
  /** The first row holding a value outside [0, 1] or NaN (the sums are then partial), or -1. */
  readonly invalidRow: number;
}

/** Log loss (LOG_LOSS) or Brier score (BRIER) sums over probability rows. */
export function probabilityRowLosses(op: number, feed: ScoreRows, epsilon: number, tolerance: number): RowLossSums {
  const a = reserveRows(feed, 3);
  let invalidRow = -1;
  a.clearOutput(3);
  forEachRowChunk(a, feed, (chunk) => {
    const row = a.kernels.probabilityRowLosses(op, chunk.values, chunk.isF64 ? 1 : 0, chunk.targets, chunk.weights,
      chunk.count, feed.width, epsilon, tolerance, a.output);
    if (row >= 0) invalidRow = chunk.first + row;
    return row < 0;
  });
  const [total, weightTotal, unnormalisedRows] = a.readOutput(3) as unknown as [number, number, number];
  return { total, weightTotal, unnormalisedRows, invalidRow };
}

export interface TopKSums {
  /** Σ w·hit (width 1: with the threshold 0.5). */
  readonly hits: number;
  readonly weightTotal: number;
  /** Width 1: Σ w·hit with the threshold 0. */
  readonly hitsAtZero: number;
  /** Width 1: the smallest and largest score. */
  readonly min: number;
  readonly max: number;
  readonly sawNonFinite: boolean;
}

/** scikit-learn's top-k hits over score rows. */
export function topKHits(feed: ScoreRows, k: number): TopKSums {
  const a = reserveRows(feed, 5);
  a.clearOutput(3);
  a.f64[(a.output >>> 3) + 3] = Infinity;
  a.f64[(a.output >>> 3) + 4] = -Infinity;
  let sawNonFinite = false;
  forEachRowChunk(a, feed, (chunk) => {
    sawNonFinite ||= a.kernels.topKHits(chunk.values, chunk.isF64 ? 1 : 0, chunk.targets, chunk.weights,
      chunk.count, feed.width, k, a.output) !== 0;
    return !sawNonFinite;
  });
  const [hits, weightTotal, hitsAtZero, min, max] = a.readOutput(5) as unknown as [number, number, number, number, number];
  return { hits, weightTotal, hitsAtZero, min, max, sawNonFinite };
}
