// scikit-learn's precision_recall_fscore_support family: precisionScore,
// recallScore, f1Score, fbetaScore and precisionRecallFscoreSupport, on label
// columns (binary or multiclass) or multilabel indicator matrices.
import { ConfigError } from '../errors.js';
import { warn, type WarningOptions } from './warnings.js';
import {
  checkOptions, oneOf, zeroDivisionOption, labelListOption, normaliseLabel,
  type Label, type LabelLike, type SampleWeightOptions, type ZeroDivision,
} from './options.js';
import { labelPair, classTotals } from './class-counts.js';
import { checkLabelKind, formatLabels } from './label-set.js';
import { readTargetPair, countIndicators, type TargetPair } from './target-pairs.js';
import { scoresOf, nanAverage, summed, type Average, type LabelCounts, type ScoreSettings } from './averaging.js';
import type { ClassLabels } from './label-input.js';

export type { Average } from './averaging.js';

export interface PrecisionRecallScoreOptions extends SampleWeightOptions, WarningOptions {
  /** Labels to score and their order (average null); multilabel: column indices. Default: the sorted labels present. */
  labels?: readonly LabelLike[] | null;
  /** The class scored when average is 'binary'. Default 1. */
  posLabel?: LabelLike;
  /** 'binary' (default for the single scores), 'micro', 'macro', 'weighted', 'samples' (multilabel), or null for per-label scores. */
  average?: Average;
  /** Value for an undefined score: 'warn' (0, with a warning; default), 0, 1, or NaN (left out of averages). */
  zeroDivision?: ZeroDivision;
}

export interface FbetaScoreOptions extends PrecisionRecallScoreOptions {
  /** Weight of recall relative to precision (>= 0; Infinity gives recall). */
  beta: number;
}

export interface PrecisionRecallFscoreSupportOptions extends PrecisionRecallScoreOptions {
  /** Default 1. */
  beta?: number;
}

export interface PrecisionRecallFscoreSupport {
  readonly precision: number | number[];
  readonly recall: number | number[];
  readonly fScore: number | number[];
  /** Weighted count of true samples per label when average is null, else null. */
  readonly support: number[] | null;
}

const OPTION_KEYS = ['labels', 'posLabel', 'average', 'sampleWeight', 'zeroDivision', 'onWarning'];
const AVERAGES: readonly Average[] = ['binary', 'micro', 'macro', 'weighted', 'samples', null];

interface Request {
  readonly caller: string;
  /** Whether the caller takes a beta option. */
  readonly takesBeta: boolean;
  readonly options: PrecisionRecallFscoreSupportOptions;
  readonly defaultAverage: Average;
  readonly warnFor: ScoreSettings['warnFor'];
}

/** Per-label (or per-sample) counts for the requested labels and average. */
interface SelectedCounts {
  readonly counts: LabelCounts;
  /** 'samples': the weights of the per-sample average. */
  readonly sampleWeights?: Float64Array | undefined;
}

function betaOption(caller: string, value: unknown): number {
  if (value === undefined) return 1;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: beta should be >= 0 in the F-beta score; received ${JSON.stringify(value)}.`);
  }
  return value;
}

function pick(values: Float64Array, indices: readonly (number | undefined)[]): Float64Array {
  return Float64Array.from(indices, (index) => (index === undefined ? 0 : values[index]!));
}

function labelCounts(caller: string, pair: TargetPair & { kind: 'labels' }, average: Average, labels: Label[] | undefined,
  posLabel: Label): LabelCounts {
  const labelled = labelPair(pair.yTrue, pair.yPred, pair.weights);
  const { classes } = labelled;
  if (labels) checkLabelKind(caller, labels, pair.yTrue);
  if (average === 'samples') {
    throw new ConfigError('INVALID_CONFIG', `${caller}: average='samples' is only available for multilabel targets.`);
  }
  let selected = labels ?? [...classes];
  if (average === 'binary') {
    if (classes.length > 2) {
      throw new ConfigError('INVALID_CONFIG', `${caller}: Target is multiclass but average='binary'. Please choose another ` +
        "average setting, one of null, 'micro', 'macro', 'weighted'.");
    }
    if (!classes.includes(posLabel) && classes.length >= 2) {
      throw new ConfigError('INVALID_CONFIG', `${caller}: posLabel=${JSON.stringify(posLabel)} is not a valid label. ` +
        `It should be one of ${formatLabels(classes)}.`);
    }
    selected = [posLabel];
  }
  const totals = classTotals(labelled);
  const position = new Map(classes.map((label, i) => [label, i]));
  const indices = selected.map((label) => position.get(label));
  return { truePositives: pick(totals.matched, indices), predicted: pick(totals.secondTotals, indices), actual: pick(totals.firstTotals, indices) };
}

function indicatorCountsFor(caller: string, pair: TargetPair & { kind: 'indicator' }, average: Average,
  labels: Label[] | undefined): SelectedCounts {
  const { width } = pair.yTrue;
  if (average === 'binary') {
    throw new ConfigError('INVALID_CONFIG', `${caller}: Target is multilabel-indicator but average='binary'. Please choose ` +
      "another average setting, one of null, 'micro', 'macro', 'weighted', 'samples'.");
  }
  const columns = labels ?? Array.from({ length: width }, (_, column) => column);
  for (const column of columns) {
    if (typeof column !== 'number' || !Number.isInteger(column) || column < 0 || column >= width) {
      throw new ConfigError('INVALID_CONFIG',
        `${caller}: labels of multilabel targets are column indices in [0, ${width}); received ${JSON.stringify(column)}.`);
    }
  }
  const samples = average === 'samples';
  const { columnSums, rowCounts } = countIndicators(pair, samples);
  if (samples) {
    return { counts: sampleCounts(rowCounts!, pair.weights, columns, width, pair), sampleWeights: pair.weights };
  }
  const at = (block: number) => Float64Array.from(columns as number[], (column) => columnSums[block * width + column]!);
  return { counts: { truePositives: at(0), predicted: at(1), actual: at(2) } };
}

/** Per-sample counts, times the sample's weight as scikit-learn's count_nonzero gives them. */
function sampleCounts(rowCounts: Float64Array, weights: Float64Array | undefined, columns: readonly Label[], width: number,
  pair: TargetPair & { kind: 'indicator' }): LabelCounts {
  const rows = rowCounts.length / 3;
  const truePositives = new Float64Array(rows), predicted = new Float64Array(rows), actual = new Float64Array(rows);
  const allColumns = columns.length === width && columns.every((column, i) => column === i);
  for (let row = 0; row < rows; row++) {
    let tp = rowCounts[3 * row]!, p = rowCounts[3 * row + 1]!, y = rowCounts[3 * row + 2]!;
    if (!allColumns) {
      // A subset of columns: recount this row over them.
      tp = p = y = 0;
      for (const column of columns as number[]) {
        const truth = pair.yTrue.data[row * width + column]!, guess = pair.yPred.data[row * width + column]!;
        tp += truth * guess;
        p += guess;
        y += truth;
      }
    }
    const w = weights ? weights[row]! : 1;
    truePositives[row] = tp * w;
    predicted[row] = p * w;
    actual[row] = y * w;
  }
  return { truePositives, predicted, actual };
}

function compute(yTrue: ClassLabels, yPred: ClassLabels, request: Request): PrecisionRecallFscoreSupport {
  const { caller, defaultAverage, warnFor } = request;
  const options = checkOptions(caller, request.options, request.takesBeta ? [...OPTION_KEYS, 'beta'] : OPTION_KEYS);
  const average = oneOf(caller, 'average', options.average, AVERAGES, defaultAverage);
  const beta = betaOption(caller, options.beta);
  const zeroDivision = zeroDivisionOption(caller, options.zeroDivision);
  const labels = labelListOption(caller, options.labels);
  const posLabel = normaliseLabel(options.posLabel ?? 1, caller, 'posLabel');
  const pair = readTargetPair(yTrue, yPred, options.sampleWeight);
  if (average !== 'binary' && posLabel !== 1) {
    warn(options, 'UserWarning', `Note that pos_label (set to ${JSON.stringify(posLabel)}) is ignored when average != 'binary' ` +
      `(got ${JSON.stringify(average)}). You may use labels=[pos_label] to specify a single positive class.`);
  }
  const selected: SelectedCounts = pair.kind === 'labels'
    ? { counts: labelCounts(caller, pair, average, labels, posLabel) }
    : indicatorCountsFor(caller, pair, average, labels);
  const counts = average === 'micro' ? summed(selected.counts) : selected.counts;
  const settings: ScoreSettings = { beta, average, zeroDivision, warnFor, onWarning: options.onWarning };
  const { precision, recall, fScore } = scoresOf(counts, settings);
  if (average === null) {
    return { precision: Array.from(precision), recall: Array.from(recall), fScore: Array.from(fScore), support: Array.from(counts.actual) };
  }
  const weights = average === 'weighted' ? counts.actual : average === 'samples' ? selected.sampleWeights : undefined;
  return {
    precision: nanAverage(precision, weights), recall: nanAverage(recall, weights), fScore: nanAverage(fScore, weights), support: null,
  };
}

/** scikit-learn's precision_recall_fscore_support (average defaults to null: per-label arrays and support). */
export function precisionRecallFscoreSupport(yTrue: ClassLabels, yPred: ClassLabels,
  options: PrecisionRecallFscoreSupportOptions = {}): PrecisionRecallFscoreSupport {
  return compute(yTrue, yPred, {
    caller: 'precisionRecallFscoreSupport', takesBeta: true, options, defaultAverage: null, warnFor: ['precision', 'recall', 'f-score'],
  });
}

/** scikit-learn's precision_score: tp / (tp + fp). */
export function precisionScore(yTrue: ClassLabels, yPred: ClassLabels, options: PrecisionRecallScoreOptions = {}): number | number[] {
  return compute(yTrue, yPred, { caller: 'precisionScore', takesBeta: false, options, defaultAverage: 'binary', warnFor: ['precision'] }).precision;
}

/** scikit-learn's recall_score: tp / (tp + fn). */
export function recallScore(yTrue: ClassLabels, yPred: ClassLabels, options: PrecisionRecallScoreOptions = {}): number | number[] {
  return compute(yTrue, yPred, { caller: 'recallScore', takesBeta: false, options, defaultAverage: 'binary', warnFor: ['recall'] }).recall;
}

/** scikit-learn's f1_score: 2·tp / (2·tp + fp + fn). */
export function f1Score(yTrue: ClassLabels, yPred: ClassLabels, options: PrecisionRecallScoreOptions = {}): number | number[] {
  return compute(yTrue, yPred, { caller: 'f1Score', takesBeta: false, options, defaultAverage: 'binary', warnFor: ['f-score'] }).fScore;
}

/** scikit-learn's fbeta_score: (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp); `beta` is required. */
export function fbetaScore(yTrue: ClassLabels, yPred: ClassLabels, options: FbetaScoreOptions): number | number[] {
  if (options === undefined || options === null || (options as { beta?: unknown }).beta === undefined) {
    throw new ConfigError('INVALID_CONFIG', 'fbetaScore: beta is required (options.beta).');
  }
  return compute(yTrue, yPred, { caller: 'fbetaScore', takesBeta: true, options, defaultAverage: 'binary', warnFor: ['f-score'] }).fScore;
}

