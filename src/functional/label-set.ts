// Which labels occur, in scikit-learn's order (ascending numbers; strings by
// code point, as numpy sorts them), and class ids of each sample against a
// list of classes. Numeric labels within a window of 16384 consecutive values
// are scanned and mapped by kernels; strings, and numbers spread wider, go
// through a JavaScript Map.
import { ConfigError, InputError } from '../errors.js';
import { formatIndex, type TypedArray } from '../tensor.js';
import { scanLabels, firstNonFiniteIndex, LABEL_WINDOW, type ClassIds } from '../wasm/feed-labels.js';
import type { Label } from './options.js';
import type { LabelColumn } from './label-input.js';

export interface ColumnSummary {
  readonly column: LabelColumn;
  /** The distinct labels, sorted. */
  readonly labels: readonly Label[];
  /** The smallest and largest label of a numeric column whose labels the kernels map (NaN otherwise). */
  readonly min: number;
  readonly max: number;
  /** Labels read through a JavaScript Map: each sample's label as an id in order of first appearance, and those labels. */
  readonly firstSeen?: { readonly ids: Int32Array; readonly labels: readonly Label[] };
}

/** One pass with a Map: ids by first appearance, then the distinct labels sorted. */
function mapSummary(column: LabelColumn): ColumnSummary {
  const values = column.data as ArrayLike<Label>;
  const seen = new Map<Label, number>();
  const ids = new Int32Array(values.length);
  for (let i = 0; i < ids.length; i++) {
    const label = values[i]!;
    let id = seen.get(label);
    if (id === undefined) seen.set(label, (id = seen.size));
    ids[i] = id;
  }
  const labels = [...seen.keys()];
  return { column, labels: sortLabels(labels), min: NaN, max: NaN, firstSeen: { ids, labels } };
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

/** Numbers that are not int32 integers: NaN and fractions are rejected; huge integers are labels the kernels cannot map. */
function checkNumbers(column: LabelColumn & { kind: 'number' }): void {
  const { data, argument, length } = column;
  const nonFinite = firstNonFiniteIndex(data);
  if (nonFinite >= 0) {
    throw new InputError('NON_FINITE', `${argument}${formatIndex(nonFinite, [length])} is ${data[nonFinite]}; labels must be finite.`);
  }
  const index = Array.prototype.findIndex.call(data, (value: number) => !Number.isInteger(value));
  if (index >= 0) {
    throw new InputError('INVALID_INPUT', `${argument}${formatIndex(index, [length])} is ${data[index]}: continuous values are not ` +
      'class labels (scikit-learn rejects continuous targets); pass integer or string labels.');
  }
}

function numericSummary(column: LabelColumn & { kind: 'number' }): ColumnSummary {
  let scan = scanLabels(column.data, -LABEL_WINDOW / 2);
  if (scan.invalid) checkNumbers(column);
  if (!scan.invalid && scan.outside && scan.max - scan.min < LABEL_WINDOW) scan = scanLabels(column.data, scan.min);
  // Labels spread wider than the window, or beyond int32: a JavaScript Map.
  if (scan.invalid || scan.outside) return mapSummary(column);
  return { column, labels: scan.present, min: scan.min, max: scan.max };
}

/** The distinct labels of a column, sorted; rejects NaN and non-integer numbers. */
export function summarise(column: LabelColumn): ColumnSummary {
  return column.kind === 'number' ? numericSummary(column) : mapSummary(column);
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
 * it lacks. Numeric labels are their own ids when they can be (the common
 * 0..K-1 case), or are mapped chunk by chunk by a table in the kernels, as are
 * the first-appearance ids of labels read through a Map.
 */
export function encode(summary: ColumnSummary, index: ReadonlyMap<Label, number>, missing: number): ClassIds {
  const { column, firstSeen } = summary;
  if (firstSeen) {
    const table = Int32Array.from(firstSeen.labels, (label) => index.get(label) ?? missing);
    if (table.length <= LABEL_WINDOW) return { kind: 'table', data: firstSeen.ids, offset: 0, table, missing };
    return { kind: 'direct', data: firstSeen.ids.map((id) => table[id]!) };
  }
  // Without firstSeen, the column holds numbers the kernels scanned.
  const data = column.data as TypedArray;
  if (summary.labels.every((label) => index.get(label) === label)) return { kind: 'direct', data };
  const table = new Int32Array(summary.max - summary.min + 1).fill(missing);
  for (const label of summary.labels) table[(label as number) - summary.min] = index.get(label) ?? missing;
  return { kind: 'table', data, offset: summary.min, table, missing };
}
