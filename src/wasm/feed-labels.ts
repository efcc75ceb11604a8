// Chunked feeding for label handling in the scikit-learn functional API:
// scanning label values (range, validity, which values occur), mapping them to
// dense class ids through a table, locating non-finite values, and counting
// multilabel indicator rows. Values are staged as f64, which holds every
// accepted input dtype exactly.
import { arena } from './runtime.js';
import { CHUNK_ELEMENTS, type Arena } from './arena.js';
import type { TypedArray } from '../tensor.js';

/** Labels per presence window and mapping table (one byte, then one int32 each, in the scratch region). */
export const LABEL_WINDOW = CHUNK_ELEMENTS;

export interface LabelScan {
  /** A label is not an integer in [-2^31, 2^31): NaN, ±Infinity, a fraction or a huge number (nothing else is set). */
  readonly invalid: boolean;
  readonly min: number;
  readonly max: number;
  /** A label lies outside the window, so `present` is incomplete. */
  readonly outside: boolean;
  /** The labels inside the window that occur, ascending. */
  readonly present: number[];
}

/** Integer arrays whose every value int32 holds exactly. */
function holdsInt32(data: TypedArray): boolean {
  return data instanceof Int32Array || data instanceof Int16Array || data instanceof Uint16Array ||
    data instanceof Int8Array || data instanceof Uint8Array || data instanceof Uint8ClampedArray;
}

function readyArena(): Arena {
  const a = arena();
  a.reserve(CHUNK_ELEMENTS, 64);
  return a;
}

/**
 * Calls `visit` with each chunk of `data` as i32 labels in the 'predictions'
 * region: integer arrays are copied, others converted by floatLabelIds (via
 * f64 in the 'labels' region). Stops and returns true at the first chunk
 * holding a label that is not an int32 integer.
 */
function forEachIdChunk(a: Arena, data: TypedArray, visit: (ids: number, first: number, count: number) => void): boolean {
  const ids = a.address('predictions'), staging = a.address('labels');
  const int32 = new Int32Array(a.f64.buffer);
  const direct = holdsInt32(data);
  for (let first = 0; first < data.length; first += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, data.length - first);
    const part = data.subarray(first, first + count);
    if (direct) {
      int32.set(part, ids >>> 2);
    } else {
      a.f64.set(part, staging >>> 3);
      if (a.kernels.floatLabelIds(staging, count, ids)) return true;
    }
    visit(ids, first, count);
  }
  return false;
}

/** Checks labels and finds their range, marking the labels in [offset, offset + LABEL_WINDOW) that occur. */
export function scanLabels(data: TypedArray, offset: number): LabelScan {
  const a = readyArena();
  const presence = a.address('scratch');
  a.u8.fill(0, presence, presence + LABEL_WINDOW + 1);
  const out = a.output;
  const int32 = new Int32Array(a.f64.buffer);
  int32[out >>> 2] = 2 ** 31 - 1;
  int32[(out >>> 2) + 1] = -(2 ** 31);
  let outside = 0;
  const invalid = forEachIdChunk(a, data, (ids, _first, count) => {
    outside |= a.kernels.scanLabelIds(ids, count, offset, LABEL_WINDOW, presence, out);
  });
  const present: number[] = [];
  if (!invalid) {
    const marks = a.u8.subarray(presence, presence + LABEL_WINDOW);
    for (let cell = 0; cell < LABEL_WINDOW; cell++) if (marks[cell]) present.push(cell + offset);
  }
  return { invalid, min: int32[out >>> 2]!, max: int32[(out >>> 2) + 1]!, outside: outside !== 0, present };
}

/**
 * Class ids of samples, as kernels read them: labels that are already their
 * ids (any integer dtype, or integral floats below 2^31), or int32 labels that
 * a table maps (table[label - offset]; `missing` outside the table), mapped
 * chunk by chunk without a JavaScript pass or an id array.
 */
export type ClassIds =
  | { readonly kind: 'direct'; readonly data: TypedArray }
  | { readonly kind: 'table'; readonly data: TypedArray; readonly offset: number; readonly table: Int32Array; readonly missing: number };

/**
 * Writes the i32 class ids of samples [first, first + count) at `dst`. Float
 * labels pass through f64 at `staging`; a table must have been copied to
 * `tableAddress` (copyTable).
 */
export function stageClassIds(a: Arena, ids: ClassIds, first: number, count: number, dst: number, staging: number, tableAddress: number): void {
  const part = ids.data.subarray(first, first + count);
  if (holdsInt32(ids.data)) {
    new Int32Array(a.f64.buffer, dst, count).set(part);
  } else {
    a.f64.set(part, staging >>> 3);
    a.kernels.floatLabelIds(staging, count, dst);
  }
  if (ids.kind === 'table') a.kernels.mapLabelIds(dst, count, ids.offset, ids.table.length, tableAddress, ids.missing, dst);
}

/** Copies a table (at most LABEL_WINDOW entries) into wasm memory. */
export function copyTable(a: Arena, ids: ClassIds, tableAddress: number): void {
  if (ids.kind === 'table') new Int32Array(a.f64.buffer, tableAddress, ids.table.length).set(ids.table);
}

/** The class ids as a JavaScript array (for the rare paths that count in JavaScript). */
export function classIdArray(ids: ClassIds): Int32Array {
  const a = readyArena();
  const result = new Int32Array(ids.data.length);
  const dst = a.address('predictions'), staging = a.address('labels'), tableAddress = a.address('scratch');
  copyTable(a, ids, tableAddress);
  for (let first = 0; first < result.length; first += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, result.length - first);
    stageClassIds(a, ids, first, count, dst, staging, tableAddress);
    result.set(new Int32Array(a.f64.buffer, dst, count), first);
  }
  return result;
}

/** Index of the first NaN or ±Infinity in `data`, or -1. */
export function firstNonFiniteIndex(data: TypedArray): number {
  if (!(data instanceof Float32Array || data instanceof Float64Array)) return -1;
  const a = readyArena();
  let found = -1;
  const isF64 = data instanceof Float64Array;
  const address = a.address('labels');
  for (let first = 0; first < data.length && found < 0; first += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, data.length - first);
    if (isF64) a.f64.set(data.subarray(first, first + count), address >>> 3);
    else a.f32.set(data.subarray(first, first + count), address >>> 2);
    const index = a.kernels.firstNonFinite(address, isF64 ? 1 : 0, count);
    if (index >= 0) found = first + index;
  }
  return found;
}

export interface IndicatorCounts {
  /** Per column: Σ w·y·p at [0, width), Σ w·p at [width, 2·width), Σ w·y at [2·width, 3·width). */
  readonly columnSums: Float64Array;
  /** Per row (when requested): Σ y·p, Σ p, Σ y, unweighted. */
  readonly rowCounts: Float64Array | undefined;
  /** A value was neither 0 nor 1. */
  readonly invalid: boolean;
}

/** Counts multilabel indicator matrices (rows × width, row-major) with optional per-row weights. */
export function indicatorCounts(
  yTrue: TypedArray, yPred: TypedArray, weights: Float64Array | undefined, rows: number, width: number, wantRows: boolean,
): IndicatorCounts {
  const a = arena();
  // A chunk of whole rows (at least one) whose three f64 row counts each fit the scratch region.
  a.reserve(Math.max(CHUNK_ELEMENTS, width), 3 * width * 8);
  const chunkRows = Math.max(1, Math.min(Math.floor(a.capacity / Math.max(width, 1)), Math.floor(a.capacity / 3)));
  const T = a.address('labels'), P = a.address('predictions'), W = a.address('weights'), R = a.address('scratch');
  const out = a.output;
  a.clearOutput(3 * width);
  const rowCounts = wantRows ? new Float64Array(3 * rows) : undefined;
  let invalid = 0;
  for (let firstRow = 0; firstRow < rows; firstRow += chunkRows) {
    const count = Math.min(chunkRows, rows - firstRow);
    const first = firstRow * width, elements = count * width;
    a.f64.set(yTrue.subarray(first, first + elements), T >>> 3);
    a.f64.set(yPred.subarray(first, first + elements), P >>> 3);
    if (weights) a.f64.set(weights.subarray(firstRow, firstRow + count), W >>> 3);
    invalid |= a.kernels.indicatorCounts(T, P, weights ? W : 0, count, width, wantRows ? R : 0, out);
    if (rowCounts) rowCounts.set(a.f64.subarray(R >>> 3, (R >>> 3) + 3 * count), 3 * firstRow);
  }
  return { columnSums: a.readOutput(3 * width), rowCounts, invalid: invalid !== 0 };
}
