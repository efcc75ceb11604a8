// Reading probability or score arrays for logLoss, brierScoreLoss and
// topKAccuracyScore: (n,) or (n, 1) is one column (a binary task's positive
// class), (n, k) holds k classes. Also the class list these functions score
// against: scikit-learn's LabelBinarizer fitted on `labels` or on y_true.
import { ConfigError, InputError } from '../errors.js';
import { toTensor, formatShape, formatIndex, type TypedArray } from '../tensor.js';
import type { ScoreRows } from '../wasm/feed-probability-rows.js';
import type { ClassIds } from '../wasm/feed-labels.js';
import { warn, type WarningOptions } from './warnings.js';
import type { Label } from './options.js';
import type { ColumnSummary } from './label-set.js';
import { checkLabelKind, compareLabels, formatLabels, sortLabels } from './label-set.js';

export interface ScoreMatrix {
  readonly values: TypedArray;
  readonly rows: number;
  /** 1 for a single column. */
  readonly width: number;
  readonly shape: readonly number[];
  readonly argument: string;
}

export function readScores(input: unknown, argument: string): ScoreMatrix {
  const { data, shape } = toTensor(input, argument);
  if (shape.length === 1 || (shape.length === 2 && shape[1]! >= 1)) {
    return { values: data, rows: shape[0]!, width: shape.length === 1 ? 1 : shape[1]!, shape, argument };
  }
  throw new InputError('INVALID_INPUT', `${argument} of shape ${formatShape(shape)} must be (n,) or (n, classes).`);
}

export function rowsOf(scores: ScoreMatrix, targets: ClassIds, weights: Float64Array | undefined): ScoreRows {
  return { values: scores.values, rows: scores.rows, width: scores.width, targets, weights };
}

/** The error for the first value of `row` that is not a probability. */
export function notProbability(scores: ScoreMatrix, row: number): InputError {
  for (let j = 0; j < scores.width; j++) {
    const value = scores.values[row * scores.width + j]!;
    const where = `${scores.argument}${formatIndex(row * scores.width + j, scores.shape)}`;
    if (!Number.isFinite(value)) return new InputError('NON_FINITE', `${where} is ${value}; probabilities must be finite.`);
    if (value < 0 || value > 1) {
      return new InputError('INVALID_INPUT', `${where} is ${value}; probabilities must lie in [0, 1] ` +
        `(scikit-learn: y_prob contains values ${value > 1 ? 'greater than 1' : 'lower than 0'}).`);
    }
  }
  return new InputError('INVALID_INPUT', `${scores.argument} row ${row} holds a value outside [0, 1].`);
}

/** The error for the first non-finite score. */
export function nonFiniteScore(scores: ScoreMatrix): InputError {
  const index = Array.prototype.findIndex.call(scores.values, (value: number) => !Number.isFinite(value));
  return new InputError('NON_FINITE', `${scores.argument}${formatIndex(index, scores.shape)} is ${scores.values[index]}; scores must be finite.`);
}

/**
 * The classes of a probability matrix's columns, as LabelBinarizer orders
 * them: sorted `labels` (warning when given unsorted), or y_true's labels.
 * Requires two classes at least and every y_true label among them.
 */
export function binarizerClasses(caller: string, summary: ColumnSummary, labels: Label[] | undefined, options: WarningOptions): Label[] {
  if (!labels) {
    if (summary.labels.length === 1) {
      throw new InputError('INVALID_INPUT', `${caller}: y_true contains only one label (${formatLabels(summary.labels)}). Please provide ` +
        'the list of all expected class labels explicitly through the labels argument.');
    }
    return [...summary.labels];
  }
  checkLabelKind(caller, labels, summary.column);
  const sorted = sortLabels(labels);
  if (sorted.some((label, i) => compareLabels(label, labels[i]!) !== 0)) {
    warn(options, 'UserWarning', `Labels passed were [${formatLabels(labels)}]. But this function assumes labels are ordered ` +
      `lexicographically. Pass the ordered labels=[${formatLabels(sorted)}] and ensure that the columns of y_prob correspond to this ordering.`);
  }
  const undeclared = summary.labels.filter((label) => !sorted.includes(label));
  if (undeclared.length > 0) {
    throw new InputError('INVALID_INPUT',
      `${caller}: y_true contains values {${formatLabels(undeclared)}} not belonging to the passed labels [${formatLabels(labels)}].`);
  }
  if (sorted.length === 1) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: the labels array needs to contain at least two labels, got [${formatLabels(labels)}].`);
  }
  return sorted;
}

/** The columns of y_prob must be the classes (a single column stands for two). */
export function checkClassCount(caller: string, classes: readonly Label[], scores: ScoreMatrix, labelsGiven: boolean): void {
  const columns = Math.max(scores.width, 2);
  if (classes.length === columns) return;
  throw new InputError('SHAPE_MISMATCH', labelsGiven
    ? `${caller}: the number of classes in labels (${classes.length}) is different from that in ${scores.argument} (${columns}).`
    : `${caller}: y_true and ${scores.argument} contain different number of classes: ${classes.length} vs ${columns}. Please provide ` +
      `the true labels explicitly through the labels argument. Classes found in y_true: [${formatLabels(classes)}].`);
}

/** numpy's average: the weighted mean, which is undefined when the weights sum to zero. */
export function weightedMean(total: number, weightTotal: number): number {
  if (weightTotal === 0) throw new InputError('INVALID_INPUT', 'sample_weight sums to zero; the weighted average is undefined.');
  return total / weightTotal;
}
