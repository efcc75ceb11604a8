// Chunked feeding: streams (labels, predictions, weights) of any length through
// the arena in cache-sized chunks. Kernels fold a NaN/Infinity check into their
// own pass and report it; only then is the chunk scanned to name the bad value.
// Callers get partial sums back and fold them into metric state after the whole
// batch passed, so a bad value never changes state.
import { arena } from './runtime.js';
import type { Arena } from './arena.js';
import { CHUNK_ELEMENTS } from './arena.js';
import { InputError } from '../errors.js';
import { type TypedArray, formatIndex } from '../tensor.js';
import type { WeightLayout } from '../weights.js';

/** What to do with NaN or infinite inputs: reject the update (default) or let them reach the result as Keras does. */
export type NonFinitePolicy = 'raise' | 'propagate';

export interface FeedResult {
  readonly output: Float64Array;
  /** True when a non-finite value was let through under the 'propagate' policy. */
  readonly sawNonFinite: boolean;
  /** Rows holding at least one non-zero weight (only when requested). */
  readonly nonZeroWeightRows: number;
}

export interface Layout {
  readonly rows: number;
  readonly rowLength: number;
  /** Shape of the aligned values, for error messages. */
  readonly shape: readonly number[];
  readonly weights: WeightLayout;
  readonly nonFinite: NonFinitePolicy;
}

/** Pointers of one chunk (or one gathered column of it) as a kernel sees them. */
export interface ChunkPointers {
  readonly predictions: number;
  readonly labels: number;
  /** 0 when unweighted. */
  readonly weights: number;
  readonly count: number;
}

export interface BinaryFeed extends Layout {
  /** Predictions; rounded to float32 in the arena, like Keras's float32 metric variables. */
  readonly predictions: TypedArray;
  /** Labels; byte arrays are read as bytes, everything else as float32. */
  readonly labels: TypedArray;
  /** Length of the last axis: top-k, columns and column weights act along it. */
  readonly lastAxis: number;
  readonly fromLogits?: boolean;
  readonly topK?: number;
  /** Per-column weight multipliers (Keras label_weights on flattened inputs). */
  readonly columnWeights?: Float64Array;
  /** Run the kernel on each of these columns separately instead of on whole chunks. */
  readonly columns?: readonly number[];
  /** f64 output slots per run (per column when `columns` is set). */
  readonly outputSlots: number;
  /** f32 parameters (thresholds) placed after the outputs; their address goes to the kernel. */
  readonly parameters?: Float32Array;
  /** Keep chunks to whole rows of `rowLength` (kernels that work per row). */
  readonly wholeRows?: boolean;
}

/** Runs a kernel on one chunk; returns non-zero when the kernel saw a NaN or infinite input. */
export type BinaryKernel = (arena: Arena, chunk: ChunkPointers, labelsAreBytes: boolean, parameters: number, out: number) => number;

function isByteArray(data: TypedArray): data is Uint8Array | Int8Array | Uint8ClampedArray {
  return data instanceof Uint8Array || data instanceof Int8Array || data instanceof Uint8ClampedArray;
}

function asBytes(data: Uint8Array | Int8Array | Uint8ClampedArray): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** Locates non-finite values in arena regions and reports them in the caller's terms. */
export class NonFiniteTracker {
  seen = false;
  constructor(private readonly layout: Layout, private readonly a: Arena) {}

  /**
   * Checks `count` values at `address`; `firstElement` maps chunk positions back
   * to the input, and `source` (the caller's array) gives the value to report.
   */
  check(address: number, isF64: boolean, count: number, firstElement: number, argument: string,
    source: ArrayLike<number>, elementsPerValue = 1): void {
    const index = this.a.kernels.firstNonFinite(address, isF64 ? 1 : 0, count);
    if (index < 0) return;
    if (this.layout.nonFinite === 'propagate') {
      this.seen = true;
      return;
    }
    const flat = firstElement + index * elementsPerValue;
    const sourceIndex = elementsPerValue === 1 ? flat : flat / elementsPerValue;
    const value = source[sourceIndex] ?? NaN;
    const where = elementsPerValue === 1 ? formatIndex(flat, this.layout.shape) : ` of row ${sourceIndex}`;
    const what = Number.isFinite(value)
      ? `is ${value}, which overflows float32 (Keras compares predictions and labels in float32)`
      : `is ${value}; inputs must be finite`;
    throw new InputError('NON_FINITE',
      `${argument}${where} ${what} (pass nonFinite: 'propagate' to let it reach the result as Keras does).`);
  }

  /** Checks the caller's weights for elements [first, first + count), staging rows and patterns in scratch. */
  checkWeights(first: number, count: number): void {
    const { weights, rowLength } = this.layout;
    const a = this.a, scratch = a.address('scratch');
    if (weights.kind === 'dense') {
      this.check(a.address('weights'), true, count, first, 'sample_weight', weights.data);
    } else if (weights.kind === 'rows') {
      const firstRow = first / rowLength, rowCount = count / rowLength;
      a.f64.set(weights.data.subarray(firstRow, firstRow + rowCount), scratch >>> 3);
      this.check(scratch, true, rowCount, first, 'sample_weight', weights.data, rowLength);
    } else if (weights.kind === 'pattern') {
      a.f64.set(weights.data, scratch >>> 3);
      this.check(scratch, true, rowLength, 0, 'sample_weight', weights.data);
    }
  }
}

/**
 * Writes the weights of elements [first, first + count) as dense f64 (or
 * nothing) and returns their address, 0 when unweighted. Row and pattern
 * layouts are only used with row-aligned chunks.
 */
export function writeWeights(a: Arena, layout: Layout, first: number, count: number): number {
  const { weights, rowLength } = layout;
  const dense = a.address('weights');
  const scratch = a.address('scratch');
  switch (weights.kind) {
    case 'none':
    case 'scalar':
      return 0;
    case 'dense':
      a.f64.set(weights.data.subarray(first, first + count), dense >>> 3);
      return dense;
    case 'rows': {
      const firstRow = first / rowLength, rowCount = count / rowLength;
      a.f64.set(weights.data.subarray(firstRow, firstRow + rowCount), scratch >>> 3);
      a.kernels.expandRowWeights(scratch, dense, rowCount, rowLength);
      return dense;
    }
    case 'pattern':
      a.f64.set(weights.data, scratch >>> 3);
      a.kernels.tileRowPattern(scratch, dense, count / rowLength, rowLength);
      return dense;
  }
}

export function scalarWeight(layout: Layout): number {
  if (layout.weights.kind !== 'scalar') return 1;
  const value = layout.weights.value;
  if (!Number.isFinite(value) && layout.nonFinite === 'raise') {
    throw new InputError('NON_FINITE', `sample_weight is ${value}; it must be finite.`);
  }
  return value;
}

/**
 * Chunk boundaries: whole rows when the batch is processed per row (top-k,
 * columns, per-row weights), otherwise single elements, so that one very long
 * row (a rank-1 batch that Keras treats as one sample) never grows the arena.
 */
function chunking(layout: Layout, perRow: boolean): { rows: number; rowLength: number } {
  const kind = layout.weights.kind;
  if (perRow || kind === 'rows' || kind === 'pattern') return { rows: layout.rows, rowLength: layout.rowLength };
  return { rows: layout.rows * layout.rowLength, rowLength: 1 };
}

/** Rows per chunk: about CHUNK_ELEMENTS elements, at least one row (the arena grows to fit it). */
export function rowsPerChunk(a: Arena, rowLength: number, outputBytes: number): number {
  a.reserve(Math.max(CHUNK_ELEMENTS, rowLength), outputBytes);
  return Math.max(1, Math.floor(CHUNK_ELEMENTS / Math.max(rowLength, 1)));
}

export function scaled(output: Float64Array, scale: number): Float64Array {
  if (scale !== 1) for (let i = 0; i < output.length; i++) output[i]! *= scale;
  return output;
}

/** Streams a binary-classification batch through `kernel`. */
export function feedBinary(feed: BinaryFeed, kernel: BinaryKernel): FeedResult {
  const a = arena();
  const runs = feed.columns?.length ?? 1;
  const outputSlots = feed.outputSlots * runs;
  const parameterBytes = (feed.parameters?.length ?? 0) * 4;
  // Transforms and column gathers hide some inputs from the kernel's own check, so check before them.
  const checkFirst = feed.fromLogits === true || feed.topK !== undefined || feed.columns !== undefined;
  const { rows, rowLength: K } = chunking(feed,
    feed.topK !== undefined || feed.columns !== undefined || feed.columnWeights !== undefined || feed.wholeRows === true);
  const chunkRows = rowsPerChunk(a, K, outputSlots * 8 + parameterBytes + 16);
  const scale = scalarWeight(feed);
  a.clearOutput(outputSlots);
  const out = a.output;
  const parameters = out + Math.ceil(outputSlots / 2) * 16;
  if (feed.parameters) a.f32.set(feed.parameters, parameters >>> 2);

  const tracker = new NonFiniteTracker(feed, a);
  const labelsAreBytes = isByteArray(feed.labels);
  const labelBytes = labelsAreBytes ? asBytes(feed.labels as Uint8Array) : undefined;
  const P = a.address('predictions'), L = a.address('labels'), S = a.address('scratch');
  const C = feed.lastAxis;
  const locate = (first: number, count: number): void => {
    tracker.check(P, false, count, first, 'y_pred', feed.predictions);
    if (!labelBytes) tracker.check(L, false, count, first, 'y_true', feed.labels);
    tracker.checkWeights(first, count);
  };

  for (let firstRow = 0; firstRow < rows; firstRow += chunkRows) {
    const rowCount = Math.min(chunkRows, rows - firstRow);
    const first = firstRow * K, count = rowCount * K;
    const lines = count / C;
    a.f32.set(feed.predictions.subarray(first, first + count), P >>> 2);
    if (labelBytes) a.u8.set(labelBytes.subarray(first, first + count), L);
    else a.f32.set(feed.labels.subarray(first, first + count), L >>> 2);
    let W = writeWeights(a, feed, first, count);
    if (checkFirst) locate(first, count);
    if (feed.fromLogits) a.kernels.sigmoidF32(P, count);
    if (feed.topK !== undefined) a.kernels.filterTopK(P, lines, C, feed.topK, S);
    if (feed.columnWeights) {
      a.f64.set(feed.columnWeights, S >>> 3);
      if (W === 0) {
        W = a.address('weights');
        a.kernels.tileRowPattern(S, W, lines, C);
      } else {
        a.kernels.scaleColumns(W, S, lines, C);
      }
    }
    if (!feed.columns) {
      const sawNonFinite = kernel(a, { predictions: P, labels: L, weights: W, count }, labelsAreBytes, parameters, out);
      if (sawNonFinite && !checkFirst) locate(first, count);
      continue;
    }
    const CP = a.address('columnPredictions'), CL = a.address('columnLabels'), CW = a.address('columnWeights');
    feed.columns.forEach((column, run) => {
      a.kernels.gatherStrided(P, CP, 4, lines, column, C);
      a.kernels.gatherStrided(L, CL, labelsAreBytes ? 1 : 4, lines, column, C);
      if (W) a.kernels.gatherStrided(W, CW, 8, lines, column, C);
      const chunk = { predictions: CP, labels: CL, weights: W ? CW : 0, count: lines };
      kernel(a, chunk, labelsAreBytes, parameters, out + run * feed.outputSlots * 8);
    });
  }
  return { output: scaled(a.readOutput(outputSlots), scale), sawNonFinite: tracker.seen, nonZeroWeightRows: 0 };
}

export interface RegressionFeed extends Layout {
  readonly targets: TypedArray;
  readonly predictions: TypedArray;
  /** Run the kernel per column (each with its own output block) instead of on whole chunks. */
  readonly perColumn: boolean;
  readonly outputSlots: number;
  readonly countNonZeroWeightRows?: boolean;
}

export type RegressionKernel = (arena: Arena, chunk: ChunkPointers, isF64: boolean, column: number, out: number) => void;

export function allFinite(values: Float64Array, start: number, count: number): boolean {
  for (let i = start; i < start + count; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/** Streams a regression batch (targets in the `labels` slot) through `kernel` in float64 sums. */
export function feedRegression(feed: RegressionFeed, kernel: RegressionKernel): FeedResult {
  const a = arena();
  const runs = feed.perColumn ? feed.rowLength : 1;
  const outputSlots = feed.outputSlots * runs;
  const { rows, rowLength: K } = chunking(feed, feed.perColumn || feed.countNonZeroWeightRows === true);
  const chunkRows = rowsPerChunk(a, K, outputSlots * 8);
  const scale = scalarWeight(feed);
  a.clearOutput(outputSlots);
  const out = a.output;
  const tracker = new NonFiniteTracker(feed, a);
  // Both f32 stay f32 (widened inside the kernel); any other mix is widened to f64 by the copy.
  const isF64 = !(feed.targets instanceof Float32Array && feed.predictions instanceof Float32Array);
  const shift = isF64 ? 3 : 2;
  const view = isF64 ? a.f64 : a.f32;
  const P = a.address('predictions'), Y = a.address('labels');
  let nonZeroWeightRows = 0;

  for (let firstRow = 0; firstRow < rows; firstRow += chunkRows) {
    const rowCount = Math.min(chunkRows, rows - firstRow);
    const first = firstRow * K, count = rowCount * K;
    view.set(feed.targets.subarray(first, first + count), Y >>> shift);
    view.set(feed.predictions.subarray(first, first + count), P >>> shift);
    const W = writeWeights(a, feed, first, count);
    if (feed.countNonZeroWeightRows) {
      nonZeroWeightRows += W ? a.kernels.countNonZeroRows(W, rowCount, K) : rowCount;
    }
    if (!feed.perColumn) {
      kernel(a, { predictions: P, labels: Y, weights: W, count }, isF64, 0, out);
    } else {
      const CP = a.address('columnPredictions'), CY = a.address('columnLabels'), CW = a.address('columnWeights');
      for (let column = 0; column < K; column++) {
        a.kernels.gatherStrided(P, CP, 1 << shift, rowCount, column, K);
        a.kernels.gatherStrided(Y, CY, 1 << shift, rowCount, column, K);
        if (W) a.kernels.gatherStrided(W, CW, 8, rowCount, column, K);
        kernel(a, { predictions: CP, labels: CY, weights: W ? CW : 0, count: rowCount }, isF64, column, out + column * feed.outputSlots * 8);
      }
    }
    // A NaN or infinite input makes a sum non-finite; only then scan the chunk
    // (finding nothing means the sums overflowed from finite inputs, which is kept).
    if (!allFinite(a.f64, out >>> 3, outputSlots)) {
      tracker.check(Y, isF64, count, first, 'y_true', feed.targets);
      tracker.check(P, isF64, count, first, 'y_pred', feed.predictions);
      tracker.checkWeights(first, count);
    }
  }
  const output = scaled(a.readOutput(outputSlots), scale);
  if (feed.weights.kind === 'scalar' && scale === 0) nonZeroWeightRows = 0;
  return { output, sawNonFinite: tracker.seen, nonZeroWeightRows };
}
