// scikit-learn's log_loss and brier_score_loss (current semantics: no
// renormalisation of y_prob, values outside [0, 1] rejected, rows not summing
// to 1 warned about; Brier's multiclass form with scale_by_half).
import { ConfigError, InputError } from '../errors.js';
import { readLabelColumn, checkSameSamples, type ClassLabels } from './label-input.js';
import { readSampleWeight } from './inputs.js';
import { checkOptions, booleanOption, labelListOption, normaliseLabel, type Label, type LabelLike, type SampleWeightOptions } from './options.js';
import { warn, type WarningOptions } from './warnings.js';
import { summarise, encode, positions, formatLabels, type ColumnSummary } from './label-set.js';
import { readScores, rowsOf, notProbability, binarizerClasses, checkClassCount, weightedMean, type ScoreMatrix } from './score-rows.js';
import { probabilityRowLosses, LOG_LOSS, BRIER, type RowLossSums } from '../wasm/feed-probability-rows.js';
import type { ArrayInput, TypedArray } from '../tensor.js';
import type { ClassIds } from '../wasm/feed-labels.js';

export interface LogLossOptions extends SampleWeightOptions, WarningOptions {
  /** true (default): the weighted mean loss; false: the weighted sum. */
  normalize?: boolean;
  /** The classes of y_pred's columns (sorted as scikit-learn's LabelBinarizer sorts them); default: y_true's labels. */
  labels?: readonly LabelLike[] | null;
}

export interface BrierScoreLossOptions extends SampleWeightOptions, WarningOptions {
  /** The class whose probability a 1-D y_proba gives. Default: 1 for labels {0, 1} or {-1, 1}, else the greatest number. */
  posLabel?: LabelLike | null;
  /** The classes of a 2-D y_proba's columns (sorted); default: y_true's labels. */
  labels?: readonly LabelLike[] | null;
  /** Halve the summed squared error: 'auto' (default) halves for 1-D input and 2 columns, so binary scores lie in [0, 1]. */
  scaleByHalf?: boolean | 'auto';
}

const MACHINE_EPSILON_F64 = 2 ** -52;
const MACHINE_EPSILON_F32 = 2 ** -23;

/** numpy's finfo(dtype).eps for the probabilities' dtype: float32 stays float32, everything else is read as float64. */
function epsilonOf(values: TypedArray): number {
  return values instanceof Float32Array ? MACHINE_EPSILON_F32 : MACHINE_EPSILON_F64;
}

interface ProbabilityTask {
  readonly scores: ScoreMatrix;
  readonly targets: ClassIds;
  readonly weights: Float64Array | undefined;
}

function readInputs(yTrue: ClassLabels, yProb: ArrayInput, argument: string, sampleWeight: unknown) {
  const column = readLabelColumn(yTrue, 'y_true', 'pass one label per sample (class ids, or strings).');
  const scores = readScores(yProb, argument);
  const weights = readSampleWeight(sampleWeight, column.length);
  checkSameSamples({ argument: 'y_true', samples: column.length }, { argument, samples: scores.rows });
  return { summary: summarise(column), scores, weights };
}

/** Class ids against a LabelBinarizer's classes. */
function multiclassTask(caller: string, summary: ColumnSummary, scores: ScoreMatrix, weights: Float64Array | undefined,
  labels: Label[] | undefined, options: WarningOptions): ProbabilityTask {
  const classes = binarizerClasses(caller, summary, labels, options);
  checkClassCount(caller, classes, scores, labels !== undefined);
  return { scores, weights, targets: encode(summary, positions(classes), -1) };
}

function rowLosses(op: number, task: ProbabilityTask, options: WarningOptions): RowLossSums {
  const epsilon = epsilonOf(task.scores.values);
  // numpy's isclose(sum, 1, rtol=sqrt(eps)) with its default atol.
  const sums = probabilityRowLosses(op, rowsOf(task.scores, task.targets, task.weights), epsilon, 1e-8 + Math.sqrt(epsilon));
  if (sums.invalidRow >= 0) throw notProbability(task.scores, sums.invalidRow);
  if (sums.unnormalisedRows > 0) warn(options, 'UserWarning', 'The y_prob values do not sum to one. Make sure to pass probabilities.');
  return sums;
}

/**
 * Log loss (cross-entropy) of class probabilities: -Σ log p[true class],
 * probabilities clipped to [eps, 1 - eps] with eps the machine epsilon of
 * y_pred's dtype (float32 for Float32Array, else float64).
 */
export function logLoss(yTrue: ClassLabels, yPred: ArrayInput, options: LogLossOptions = {}): number {
  const caller = 'logLoss';
  const given = checkOptions(caller, options, ['normalize', 'sampleWeight', 'labels', 'onWarning']);
  const normalize = booleanOption(caller, 'normalize', given.normalize, true);
  const labels = labelListOption(caller, given.labels);
  const { summary, scores, weights } = readInputs(yTrue, yPred, 'y_pred', given.sampleWeight);
  const sums = rowLosses(LOG_LOSS, multiclassTask(caller, summary, scores, weights, labels, given), given);
  return normalize ? weightedMean(sums.total, sums.weightTotal) : sums.total;
}

/** scikit-learn's pos_label default for binary probabilities. */
function positiveLabel(summary: ColumnSummary, given: LabelLike | null | undefined): Label {
  if (given !== undefined && given !== null) return normaliseLabel(given, 'brierScoreLoss', 'posLabel');
  const labels = summary.labels;
  const isUsual = labels.every((label) => label === 0 || label === 1) || labels.every((label) => label === -1 || label === 1);
  if (isUsual) return 1;
  if (summary.column.kind === 'string') {
    throw new ConfigError('INVALID_CONFIG', `brierScoreLoss: y_true takes value in {${formatLabels(labels)}} and posLabel is not ` +
      'specified: either make y_true take value in {0, 1} or {-1, 1} or pass posLabel explicitly.');
  }
  return labels[labels.length - 1]!;
}

/**
 * The Brier score: the weighted mean over samples of Σ_k (p_k - [k = true class])².
 * 1-D y_proba is the positive class's probability of a binary task.
 */
export function brierScoreLoss(yTrue: ClassLabels, yProba: ArrayInput, options: BrierScoreLossOptions = {}): number {
  const caller = 'brierScoreLoss';
  const given = checkOptions(caller, options, ['sampleWeight', 'posLabel', 'labels', 'scaleByHalf', 'onWarning']);
  const scale = given.scaleByHalf ?? 'auto';
  if (scale !== 'auto' && typeof scale !== 'boolean') {
    throw new ConfigError('INVALID_CONFIG', `${caller}: scaleByHalf must be true, false or 'auto'; received ${JSON.stringify(scale)}.`);
  }
  const labels = labelListOption(caller, given.labels);
  const { summary, scores, weights } = readInputs(yTrue, yProba, 'y_proba', given.sampleWeight);
  let task: ProbabilityTask;
  if (scores.width === 1) {
    if (summary.labels.length > 2) {
      throw new InputError('INVALID_INPUT', `${caller}: the type of the target inferred from y_true is multiclass but should be binary ` +
        'according to the shape of y_proba.');
    }
    const positive = positiveLabel(summary, given.posLabel);
    const index = new Map(summary.labels.map((label) => [label, label === positive ? 1 : 0]));
    task = { scores, weights, targets: encode(summary, index, 0) };
  } else {
    task = multiclassTask(caller, summary, scores, weights, labels, given);
  }
  const sums = rowLosses(BRIER, task, given);
  const halve = scale === 'auto' ? scores.width < 3 : scale;
  return weightedMean(sums.total, sums.weightTotal) * (halve ? 0.5 : 1);
}
