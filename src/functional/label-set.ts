// Which labels occur, in scikit-learn's order (ascending numbers; strings by
// code point, as numpy sorts them), and class ids of each sample against a
// list of classes. Numeric labels within a window of 16384 consecutive values
// are scanned and mapped by kernels; strings, and numbers spread wider, go
// through a JavaScript Map.
import { ConfigError, InputError } from '../errors.js';
import { formatIndex, type TypedArray } from '../tensor.js';
import {
  scanLabels, mapLabels, firstNonFiniteIndex, LABEL_WINDOW, NON_FINITE_LABEL, NON_INTEGRAL_LABEL, OUTSIDE_WINDOW,
} from '../wasm/feed-labels.js';
import type { Label } from './options.js';
import type { LabelColumn } from './label-input.js';

export interface ColumnSummary {
  readonly column: LabelColumn;
  /** The distinct labels, sorted. */
  readonly labels: readonly Label[];
  /** The smallest and largest label of a numeric column. */
  readonly min: number;
  readonly max: number;
}

/** numpy's order for strings: by Unicode code point (JavaScript's < compares UTF-16 units). */
function compareStrings(a: string, b: string): number {
  const left = [...a], right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

export function compareLabels(a: Label, b: Label): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareStrings(String(a), String(b));
}

export function sortLabels(labels: Iterable<Label>): Label[] {
  return [...new Set(labels)].sort(compareLabels);
}

/** "0, 1, 2" or "'a', 'b'" for messages. */
export function formatLabels(labels: readonly Label[]): string {
  const shown = labels.slice(0, 10).map((label) => (typeof label === 'string' ? `'${label}'` : String(label)));
  return shown.join(', ') + (labels.length > 10 ? `, ... (${labels.length} labels)` : '');
}

function rejectInvalid(column: LabelColumn & { kind: 'number' }, flags: number): void {
  const { data, argument, length } = column;
  if (flags & NON_FINITE_LABEL) {
    const index = firstNonFiniteIndex(data);
    throw new InputError('NON_FINITE', `${argument}${formatIndex(index, [length])} is ${data[index]}; labels must be finite.`);
  }
  if (flags & NON_INTEGRAL_LABEL) {
    const index = Array.prototype.findIndex.call(data, (value: number) => !Number.isInteger(value));
    throw new InputError('INVALID_INPUT', `${argument}${formatIndex(index, [length])} is ${data[index]}: continuous values are not ` +
      'class labels (scikit-learn rejects continuous targets); pass integer or string labels.');
  }
}

function numericSummary(column: LabelColumn & { kind: 'number' }): ColumnSummary {
  let scan = scanLabels(column.data, -LABEL_WINDOW / 2);
  rejectInvalid(column, scan.flags);
  if (scan.flags & OUTSIDE_WINDOW) {
    if (scan.max - scan.min < LABEL_WINDOW) {
      scan = scanLabels(column.data, scan.min);
    } else {
      return { column, labels: sortLabels(column.data as unknown as Iterable<number>), min: scan.min, max: scan.max };
    }
  }
  return { column, labels: scan.present, min: scan.min, max: scan.max };
}

/** The distinct labels of a column, sorted; rejects NaN and non-integer numbers. */
export function summarise(column: LabelColumn): ColumnSummary {
  if (column.kind === 'number') return numericSummary(column);
  return { column, labels: sortLabels(column.data), min: NaN, max: NaN };
}

/** scikit-learn requires y_true and y_pred labels of one type. */
export function checkSameKind(first: LabelColumn, second: LabelColumn): void {
  if (first.kind !== second.kind) {
    throw new InputError('INVALID_INPUT', `Labels in ${first.argument} and ${second.argument} should be of the same type; ` +
      `${first.argument} holds ${first.kind}s and ${second.argument} ${second.kind}s.`);
  }
}

/** `labels` given as options must be of the data's type. */
export function checkLabelKind(caller: string, labels: readonly Label[], column: LabelColumn): void {
  if (typeof labels[0] !== column.kind) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: labels are ${typeof labels[0]}s but ${column.argument} holds ${column.kind}s.`);
  }
}

/** Label → class id for a list of classes (a class's position). */
export function positions(classes: readonly Label[]): Map<Label, number> {
  return new Map<Label, number>(classes.map((label, i) => [label, i]));
}

/**
 * Class ids of a column's samples: `index.get(label)`, or `missing` for labels
 * it lacks. Returns the column's own data when its labels are already their
 * ids (the common 0..K-1 case), with no pass over the data.
 */
export function encode(summary: ColumnSummary, index: ReadonlyMap<Label, number>, missing: number): TypedArray {
  const { column } = summary;
  if (column.kind === 'number') {
    if (summary.labels.every((label) => index.get(label) === label)) return column.data;
    if (summary.max - summary.min < LABEL_WINDOW) {
      const table = new Int32Array(summary.max - summary.min + 1).fill(missing);
      for (const label of summary.labels) table[(label as number) - summary.min] = index.get(label) ?? missing;
      return mapLabels(column.data, summary.min, table, missing);
    }
  }
  const ids = new Int32Array(column.length);
  const data = column.data as ArrayLike<Label>;
  for (let i = 0; i < ids.length; i++) ids[i] = index.get(data[i]!) ?? missing;
  return ids;
}
