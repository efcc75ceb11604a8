// scikit-learn's ranking metrics, exact: roc_auc_score, average_precision_score,
// roc_curve and precision_recall_curve with camelCase names and options.
// Inputs are anything the library accepts (nested arrays, typed arrays,
// { data, shape }, tensors); results are numbers or plain number arrays.
import { ConfigError, InputError } from '../errors.js';
import type { ArrayInput } from '../tensor.js';
import {
  averagePrecision, precisionRecallCurve as binaryPrecisionRecallCurve, rocAuc, rocCurve as binaryRocCurve,
  type BinaryProblem, type PrecisionRecallCurve, type RocCurve,
} from '../exact/binary-ranking.js';
import { averageOverColumns, oneHotTable, oneVsOneRocAuc, type ColumnAverage } from '../exact/averaging.js';
import { checkMaxFpr, checkProbabilityRows, type FloatScores } from '../exact/validate.js';
import { checkOptions, oneOf } from './options.js';
import { classifyTarget, readNonNegativeSampleWeight, readScores, type Target } from './targets.js';

export type { RocCurve, PrecisionRecallCurve };
export type RankingAverage = ColumnAverage;

export interface RocAucScoreOptions {
  /** 'macro' (default), 'weighted', 'micro', 'samples' (multilabel only) or null for one score per class. Ignored for binary y_true. */
  average?: RankingAverage;
  /** One non-negative weight per sample (not with multiClass 'ovo'). */
  sampleWeight?: ArrayInput | null;
  /** Standardised partial AUC over false positive rates [0, maxFpr] (binary and multilabel). */
  maxFpr?: number | null;
  /** Required for multiclass y_true: 'ovr' (one-vs-rest) or 'ovo' (Hand & Till one-vs-one). */
  multiClass?: 'raise' | 'ovr' | 'ovo';
  /** Multiclass: the class label of each y_score column, unique and increasing. Default: the classes in y_true. */
  labels?: readonly number[] | null;
}

export interface AveragePrecisionScoreOptions {
  /** 'macro' (default), 'weighted', 'micro', 'samples' or null. Ignored for binary y_true. */
  average?: RankingAverage;
  /** The positive class of binary y_true (default 1); must be 1 for multilabel and multiclass y_true. */
  posLabel?: number;
  sampleWeight?: ArrayInput | null;
}

export interface CurveOptions {
  /** The positive class. Default: 1, when y_true takes values in {0, 1} or {-1, 1}. */
  posLabel?: number | null;
  sampleWeight?: ArrayInput | null;
  /** Drop points that do not change the curve's shape (default true for rocCurve, false for precisionRecallCurve). */
  dropIntermediate?: boolean;
}

const AVERAGES: readonly RankingAverage[] = ['macro', 'weighted', 'micro', 'samples', null];

/** Binary problems take one score per sample. */
function requireOneColumn(columns: number, rows: number, what: string): void {
  if (columns !== 1) {
    throw new InputError('SHAPE_MISMATCH',
      `${what} needs one score per sample (y_score of shape (${rows},)); received ${columns} columns. Pass the positive class's column.`);
  }
}

/** 1 where `values` equals `value`. `classes`: the distinct values, when known. */
function matchesValue(values: ArrayLike<number>, value: number, classes: readonly number[]): Uint8Array {
  // 0/1 bytes already are the answer for value 1 (the ranking code only reads them).
  if (value === 1 && values instanceof Uint8Array && classes.every((label) => label === 0 || label === 1)) return values;
  const matches = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) matches[i] = values[i] === value ? 1 : 0;
  return matches;
}

/** Class positions of y_true's values among `classes`. */
function encode(values: ArrayLike<number>, classes: readonly number[]): Int32Array {
  const position = new Map(classes.map((label, i) => [label, i]));
  const encoded = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) encoded[i] = position.get(values[i]!)!;
  return encoded;
}

/**
 * scikit-learn's roc_auc_score. Binary y_true (two distinct values; the larger
 * is positive) with one score per sample; multilabel 0/1 indicator y_true with
 * a score per label; multiclass y_true with class-probability rows and
 * multiClass 'ovr' or 'ovo'. NaN where a class needed for an AUC is missing
 * (as current scikit-learn, which also warns).
 *
 * @example rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.75
 */
export function rocAucScore(yTrue: ArrayInput, yScore: ArrayInput, options: RocAucScoreOptions = {}): number | number[] {
  checkOptions('rocAucScore', options, ['average', 'sampleWeight', 'maxFpr', 'multiClass', 'labels']);
  const average = oneOf('rocAucScore', 'average', options.average, AVERAGES, 'macro');
  const maxFpr = checkMaxFpr(options.maxFpr);
  const multiClass = oneOf('rocAucScore', 'multiClass', options.multiClass ?? undefined, ['raise', 'ovr', 'ovo'] as const, 'raise');
  const target = classifyTarget(yTrue);
  const { scores, columns, rank } = readScores(yScore, target.rows);
  const weights = readNonNegativeSampleWeight(options.sampleWeight, target.rows);

  if (target.kind === 'multiclass' || (target.kind === 'binary' && rank === 2 && columns > 2)) {
    return multiclassRocAuc(target, scores, columns, rank, weights, { average, maxFpr, multiClass, labels: options.labels });
  }
  if (target.kind === 'multilabel') {
    if (rank !== 2 || columns !== target.columns) {
      throw new InputError('SHAPE_MISMATCH', `Multilabel y_true has ${target.columns} labels; y_score needs shape (${target.rows}, ${target.columns}).`);
    }
    const table = { rows: target.rows, columns, scores, labels: target.labels, rowWeights: weights };
    return averageOverColumns((problem) => rocAuc(problem, maxFpr), table, average);
  }
  requireOneColumn(columns, target.rows, 'Binary y_true');
  // label_binarize: with two classes the larger is positive; with one, nothing is.
  const labels = target.classes.length === 2 ? matchesValue(target.values, target.classes[1]!, target.classes) : new Uint8Array(target.rows);
  return rocAuc({ scores, labels, weights }, maxFpr);
}

interface MulticlassOptions {
  average: RankingAverage;
  maxFpr: number | null;
  multiClass: 'raise' | 'ovr' | 'ovo';
  labels: readonly number[] | null | undefined;
}

function multiclassRocAuc(
  target: Target & { kind: 'binary' | 'multiclass' }, scores: FloatScores, columns: number, rank: 1 | 2,
  weights: Float64Array | undefined, options: MulticlassOptions,
): number | number[] {
  if (options.maxFpr !== null && options.maxFpr !== 1) {
    throw new ConfigError('INVALID_CONFIG', `Partial AUC (maxFpr) is not available for multiclass y_true; received maxFpr ${options.maxFpr}.`);
  }
  if (options.multiClass === 'raise') {
    throw new ConfigError('INVALID_CONFIG', "Multiclass y_true needs multiClass 'ovr' (one-vs-rest) or 'ovo' (one-vs-one).");
  }
  if (rank !== 2) {
    throw new InputError('SHAPE_MISMATCH', `Multiclass y_true needs y_score of shape (samples, classes); received one score per sample.`);
  }
  checkProbabilityRows(scores, target.rows, columns, 'y_score');
  const ovo = options.multiClass === 'ovo';
  const average = oneOf('rocAucScore', 'average', options.average,
    ovo ? ['macro', 'weighted'] as const : ['micro', 'macro', 'weighted', null] as const, 'macro', ` for multiClass '${options.multiClass}'`);
  let classes = target.classes;
  if (options.labels !== undefined && options.labels !== null) {
    const labels = options.labels;
    if (!Array.isArray(labels) || !labels.every((label) => typeof label === 'number' && Number.isFinite(label))) {
      throw new ConfigError('INVALID_CONFIG', `labels must be an array of numbers; received ${JSON.stringify(labels)}.`);
    }
    if (new Set(labels).size !== labels.length) throw new ConfigError('INVALID_CONFIG', `labels must be unique; received ${JSON.stringify(labels)}.`);
    if (labels.some((label, i) => i > 0 && label < labels[i - 1]!)) throw new ConfigError('INVALID_CONFIG', `labels must be in increasing order; received ${JSON.stringify(labels)}.`);
    if (labels.length !== columns) {
      throw new ConfigError('INVALID_CONFIG', `labels has ${labels.length} classes but y_score has ${columns} columns.`);
    }
    const unknown = target.classes.filter((label) => !labels.includes(label));
    if (unknown.length) throw new InputError('INVALID_INPUT', `y_true holds labels not in labels: ${unknown.join(', ')}.`);
    classes = [...labels];
  } else if (classes.length !== columns) {
    throw new InputError('SHAPE_MISMATCH', `y_true has ${classes.length} classes but y_score has ${columns} columns (pass labels to name the columns).`);
  }
  const ids = encode(target.values, classes);
  if (ovo) {
    if (weights) throw new ConfigError('INVALID_CONFIG', "sampleWeight is not supported with multiClass 'ovo' (as in scikit-learn).");
    return oneVsOneRocAuc(ids, scores, columns, average as 'macro' | 'weighted');
  }
  return averageOverColumns((problem) => rocAuc(problem), oneHotTable(ids, scores, columns, weights), average);
}

/**
 * scikit-learn's average_precision_score: Σ (R_n − R_{n−1}) P_n over the
 * distinct thresholds (step-wise, not interpolated). Binary y_true with
 * posLabel (default 1), multilabel indicator y_true, or multiclass y_true
 * (one-vs-rest over the classes present, as current scikit-learn). With no
 * positive sample it is 0.
 *
 * @example averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) // 0.8333…
 */
export function averagePrecisionScore(yTrue: ArrayInput, yScore: ArrayInput, options: AveragePrecisionScoreOptions = {}): number | number[] {
  checkOptions('averagePrecisionScore', options, ['average', 'posLabel', 'sampleWeight']);
  const average = oneOf('averagePrecisionScore', 'average', options.average, AVERAGES, 'macro');
  const posLabel = options.posLabel ?? 1;
  if (typeof posLabel !== 'number') throw new ConfigError('INVALID_CONFIG', `posLabel must be a number; received ${JSON.stringify(posLabel)}.`);
  const target = classifyTarget(yTrue);
  const { scores, columns, rank } = readScores(yScore, target.rows);
  const weights = readNonNegativeSampleWeight(options.sampleWeight, target.rows);
  if (target.kind !== 'binary' && posLabel !== 1) {
    throw new ConfigError('INVALID_CONFIG', `posLabel is fixed to 1 for ${target.kind} y_true; received ${posLabel}.`);
  }
  if (target.kind === 'multilabel') {
    if (rank !== 2 || columns !== target.columns) {
      throw new InputError('SHAPE_MISMATCH', `Multilabel y_true has ${target.columns} labels; y_score needs shape (${target.rows}, ${target.columns}).`);
    }
    return averageOverColumns(averagePrecision, { rows: target.rows, columns, scores, labels: target.labels, rowWeights: weights }, average);
  }
  if (target.kind === 'multiclass') {
    if (rank !== 2 || columns !== target.classes.length) {
      throw new InputError('SHAPE_MISMATCH',
        `y_true has ${target.classes.length} classes; y_score needs shape (${target.rows}, ${target.classes.length}), one column per class in increasing order.`);
    }
    return averageOverColumns(averagePrecision, oneHotTable(encode(target.values, target.classes), scores, columns, weights), average);
  }
  if (target.classes.length === 2 && !target.classes.includes(posLabel)) {
    throw new ConfigError('INVALID_CONFIG', `posLabel ${posLabel} is not a valid label; it should be one of ${target.classes.join(', ')}.`);
  }
  requireOneColumn(columns, target.rows, 'Binary y_true');
  return averagePrecision({ scores, labels: matchesValue(target.values, posLabel, target.classes), weights });
}

/** The binary problem behind a curve: y_true one-dimensional, its positive class named or implied. */
function curveProblem(functionName: string, yTrue: ArrayInput, yScore: ArrayInput, options: CurveOptions): BinaryProblem {
  checkOptions(functionName, options, ['posLabel', 'sampleWeight', 'dropIntermediate']);
  if (options.dropIntermediate !== undefined && typeof options.dropIntermediate !== 'boolean') {
    throw new ConfigError('INVALID_CONFIG', `dropIntermediate must be a boolean; received ${JSON.stringify(options.dropIntermediate)}.`);
  }
  const posLabel = options.posLabel ?? null;
  if (posLabel !== null && typeof posLabel !== 'number') throw new ConfigError('INVALID_CONFIG', `posLabel must be a number; received ${JSON.stringify(posLabel)}.`);
  const target = classifyTarget(yTrue);
  if (target.kind === 'multilabel' || (target.kind === 'multiclass' && posLabel === null)) {
    throw new InputError('INVALID_INPUT', `${functionName} is for binary y_true; received ${target.kind} y_true${target.kind === 'multiclass' ? ' (pass posLabel to score one class against the rest)' : ''}.`);
  }
  const { scores, columns } = readScores(yScore, target.rows);
  requireOneColumn(columns, target.rows, functionName);
  const weights = readNonNegativeSampleWeight(options.sampleWeight, target.rows);
  if (posLabel === null) {
    // Without posLabel, the labels kept (non-zero weight) must be {0, 1} or {-1, 1} or one of those values.
    const kept = [...new Set(Array.from(target.values).filter((_, i) => !weights || weights[i] !== 0))].sort((a, b) => a - b);
    const allowed = [[0, 1], [-1, 1], [0], [-1], [1]].some((set) => set.length === kept.length && set.every((v, i) => v === kept[i]));
    if (!allowed) {
      throw new InputError('INVALID_INPUT', `y_true takes values {${kept.join(', ')}} and posLabel is not given: use labels {0, 1} or {-1, 1}, or pass posLabel.`);
    }
  }
  return { scores, labels: matchesValue(target.values, posLabel ?? 1, target.classes), weights };
}

/**
 * scikit-learn's roc_curve: false and true positive rates at each distinct
 * score (decreasing thresholds), starting at (0, 0) with threshold +Infinity.
 *
 * @example rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1] }
 */
export function rocCurve(yTrue: ArrayInput, yScore: ArrayInput, options: CurveOptions = {}): RocCurve {
  const problem = curveProblem('rocCurve', yTrue, yScore, options);
  return binaryRocCurve(problem, options.dropIntermediate ?? true);
}

/**
 * scikit-learn's precision_recall_curve: precision and recall at each distinct
 * score (increasing thresholds), then the point (1, 0) without a threshold.
 *
 * @example precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
 * // { precision: [0.5, 0.666…, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0], thresholds: [0.1, 0.35, 0.4, 0.8] }
 */
export function precisionRecallCurve(yTrue: ArrayInput, yScore: ArrayInput, options: CurveOptions = {}): PrecisionRecallCurve {
  const problem = curveProblem('precisionRecallCurve', yTrue, yScore, options);
  return binaryPrecisionRecallCurve(problem, options.dropIntermediate ?? false);
}
