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

export const NON_FINITE_LABEL = 1;
export const NON_INTEGRAL_LABEL = 2;
export const OUTSIDE_WINDOW = 4;

export interface LabelScan {
  readonly min: number;
  readonly max: number;
  /** NON_FINITE_LABEL | NON_INTEGRAL_LABEL | OUTSIDE_WINDOW. */
  readonly flags: number;
  /** The label values inside the window that occur, ascending (complete unless OUTSIDE_WINDOW). */
  readonly present: number[];
}

function readyArena(): Arena {
  const a = arena();
  a.reserve(CHUNK_ELEMENTS, 64);
  return a;
}

/** Calls `visit` with each chunk of `data` staged as f64 in the 'labels' region. */
function forEachF64Chunk(a: Arena, data: TypedArray, visit: (address: number, first: number, count: number) => void): void {
  const address = a.address('labels');
  for (let first = 0; first < data.length; first += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, data.length - first);
    a.f64.set(data.subarray(first, first + count), address >>> 3);
    visit(address, first, count);
  }
}

/** Scans labels for their range and validity, marking the values in [offset, offset + LABEL_WINDOW) that occur. */
export function scanLabels(data: TypedArray, offset: number): LabelScan {
  const a = readyArena();
  const presence = a.address('scratch');
  a.u8.fill(0, presence, presence + LABEL_WINDOW);
  const out = a.output;
  a.f64[out >>> 3] = Infinity;
  a.f64[(out >>> 3) + 1] = -Infinity;
  let flags = 0;
  forEachF64Chunk(a, data, (address, _first, count) => {
    flags |= a.kernels.scanLabels(address, count, offset, LABEL_WINDOW, presence, out);
  });
  const present: number[] = [];
  const marks = a.u8.subarray(presence, presence + LABEL_WINDOW);
  for (let cell = 0; cell < LABEL_WINDOW; cell++) if (marks[cell]) present.push(cell + offset);
  return { min: a.f64[out >>> 3]!, max: a.f64[(out >>> 3) + 1]!, flags, present };
}

/**
 * Class ids of `data`: table[v - offset] for labels in [offset, offset +
 * table.length), `missing` for the others. The labels must have been scanned
 * (integral, finite); the table has at most LABEL_WINDOW entries.
 */
export function mapLabels(data: TypedArray, offset: number, table: Int32Array, missing: number): Int32Array {
  const a = readyArena();
  const tableAddress = a.address('scratch');
  const ids = new Int32Array(data.length);
  const idAddress = a.address('predictions');
  const int32 = new Int32Array(a.f64.buffer);
  int32.set(table, tableAddress >>> 2);
  forEachF64Chunk(a, data, (address, first, count) => {
    a.kernels.mapLabels(address, count, offset, table.length, tableAddress, missing, idAddress);
    ids.set(int32.subarray(idAddress >>> 2, (idAddress >>> 2) + count), first);
  });
  return ids;
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
