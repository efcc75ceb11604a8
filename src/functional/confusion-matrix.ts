// scikit-learn's confusion_matrix: rows are true labels, columns predicted
// labels, in the order of `labels` (default: the sorted labels present).
import { ConfigError, InputError } from '../errors.js';
import { checkOptions, oneOf, labelListOption, type Label, type LabelLike, type SampleWeightOptions } from './options.js';
import type { ClassLabels } from './label-input.js';
import { labelPair, confusionCounts, type LabelPair } from './class-counts.js';
import { checkLabelKind } from './label-set.js';
import { readTargetPair, notMultilabel } from './target-pairs.js';

export type ConfusionNormalization = 'true' | 'pred' | 'all' | null;

export interface ConfusionMatrixOptions extends SampleWeightOptions {
  /** Labels indexing the rows and columns, in this order; samples with other labels are left out. */
  labels?: readonly LabelLike[] | null;
  /** Divide by row sums ('true'), column sums ('pred') or the total ('all'); 0/0 gives 0. */
  normalize?: ConfusionNormalization;
}

/** The C×C matrix over `labels` (present labels by default) of the pair, as rows of the first column's labels. */
export function labelMatrix(caller: string, labelled: LabelPair, labels: Label[] | undefined): { labels: readonly Label[]; matrix: Float64Array } {
  const full = confusionCounts(labelled);
  if (!labels) return { labels: labelled.classes, matrix: full };
  checkLabelKind(caller, labels, labelled.first.column);
  if (!labels.some((label) => labelled.first.labels.includes(label))) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: at least one label specified must be in ${labelled.first.column.argument}.`);
  }
  const position = new Map(labelled.classes.map((label, i) => [label, i]));
  const C = labelled.classes.length, K = labels.length;
  const indices = labels.map((label) => position.get(label));
  const matrix = new Float64Array(K * K);
  indices.forEach((row, i) => indices.forEach((column, j) => {
    if (row !== undefined && column !== undefined) matrix[i * K + j] = full[row * C + column]!;
  }));
  return { labels, matrix };
}

/** numpy's nan_to_num: NaN to 0, ±Infinity to the largest finite doubles. */
function finite(value: number): number {
  if (Number.isNaN(value)) return 0;
  if (value === Infinity) return Number.MAX_VALUE;
  if (value === -Infinity) return -Number.MAX_VALUE;
  return value;
}

export function confusionMatrix(yTrue: ClassLabels, yPred: ClassLabels, options: ConfusionMatrixOptions = {}): number[][] {
  const caller = 'confusionMatrix';
  const given = checkOptions(caller, options, ['labels', 'sampleWeight', 'normalize']);
  const normalize = oneOf<ConfusionNormalization>(caller, 'normalize', given.normalize, ['true', 'pred', 'all', null], null);
  const labels = labelListOption(caller, given.labels);
  const pair = readTargetPair(yTrue, yPred, given.sampleWeight);
  if (pair.kind === 'indicator') throw new InputError('INVALID_INPUT', notMultilabel(caller));
  const { labels: order, matrix } = labelMatrix(caller, labelPair(pair.yTrue, pair.yPred, pair.weights), labels);
  const K = order.length;
  const rows = Array.from({ length: K }, (_, row) => Array.from(matrix.subarray(row * K, (row + 1) * K)));
  if (normalize === null) return rows;
  const total = rows.flat().reduce((sum, count) => sum + count, 0);
  const rowSums = rows.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnSums = rows[0]!.map((_, column) => rows.reduce((sum, row) => sum + row[column]!, 0));
  return rows.map((row, i) => row.map((count, j) =>
    finite(count / (normalize === 'true' ? rowSums[i]! : normalize === 'pred' ? columnSums[j]! : total))));
}
