// scikit-learn's matthews_corrcoef and cohen_kappa_score, from the weighted
// confusion matrix.
import { ConfigError, InputError } from '../errors.js';
import { checkOptions, oneOf, labelListOption, type LabelLike, type SampleWeightOptions } from './options.js';
import { warn, type WarningOptions } from './warnings.js';
import type { ClassLabels } from './label-input.js';
import { labelPair, classTotals } from './class-counts.js';
import { labelMatrix } from './confusion-matrix.js';
import { readTargetPair, notMultilabel } from './target-pairs.js';

export type KappaWeighting = 'linear' | 'quadratic' | null;

export interface CohenKappaScoreOptions extends SampleWeightOptions, WarningOptions {
  /** Labels to include, in this order (their positions define linear and quadratic distances). */
  labels?: readonly LabelLike[] | null;
  /** Disagreement weights: null (0/1), 'linear' |i - j| or 'quadratic' (i - j)². */
  weights?: KappaWeighting;
  /** Returned (with an UndefinedMetricWarning) when kappa is 0/0. Default NaN; else a number in [-1, 1]. */
  replaceUndefinedBy?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** The Matthews correlation coefficient (multiclass: Gorodkin's R_K); 0 when it is 0/0. */
export function matthewsCorrcoef(yTrue: ClassLabels, yPred: ClassLabels, options: SampleWeightOptions = {}): number {
  const given = checkOptions('matthewsCorrcoef', options, ['sampleWeight']);
  const pair = readTargetPair(yTrue, yPred, given.sampleWeight);
  if (pair.kind === 'indicator') throw new InputError('INVALID_INPUT', notMultilabel('matthewsCorrcoef'));
  const { matched, firstTotals: trueSums, secondTotals: predSums } = classTotals(labelPair(pair.yTrue, pair.yPred, pair.weights));
  const correct = matched.reduce((sum, count) => sum + count, 0);
  const samples = predSums.reduce((sum, count) => sum + count, 0);
  const covariance = correct * samples - dot(trueSums, predSums);
  const predVariance = samples * samples - dot(predSums, predSums);
  const trueVariance = samples * samples - dot(trueSums, trueSums);
  const product = predVariance * trueVariance;
  return product === 0 ? 0 : covariance / Math.sqrt(product);
}

/** Cohen's kappa between two raters' labels (scikit-learn's y1, y2). */
export function cohenKappaScore(y1: ClassLabels, y2: ClassLabels, options: CohenKappaScoreOptions = {}): number {
  const caller = 'cohenKappaScore';
  const given = checkOptions(caller, options, ['labels', 'weights', 'sampleWeight', 'replaceUndefinedBy', 'onWarning']);
  const weighting = oneOf<KappaWeighting>(caller, 'weights', given.weights, ['linear', 'quadratic', null], null);
  const undefinedValue = given.replaceUndefinedBy ?? NaN;
  if (typeof undefinedValue !== 'number' || !(Number.isNaN(undefinedValue) || (undefinedValue >= -1 && undefinedValue <= 1))) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: replaceUndefinedBy must be NaN or a number in [-1, 1]; received ${JSON.stringify(undefinedValue)}.`);
  }
  const labels = labelListOption(caller, given.labels);
  const pair = readTargetPair(y1, y2, given.sampleWeight, ['y1', 'y2']);
  if (pair.kind === 'indicator') throw new InputError('INVALID_INPUT', notMultilabel(caller));
  const { labels: order, matrix } = labelMatrix(caller, labelPair(pair.yTrue, pair.yPred, pair.weights), labels);
  const K = order.length;
  const rowSums = new Float64Array(K), columnSums = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      rowSums[i]! += matrix[i * K + j]!;
      columnSums[j]! += matrix[i * K + j]!;
    }
  }
  const total = columnSums.reduce((sum, count) => sum + count, 0);
  const distance = (i: number, j: number): number =>
    weighting === null ? (i === j ? 0 : 1) : weighting === 'linear' ? Math.abs(i - j) : (i - j) * (i - j);
  let observed = 0, expected = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      observed += distance(i, j) * matrix[i * K + j]!;
      // scikit-learn's expected matrix is outer(column sums, row sums) / total.
      expected += distance(i, j) * (columnSums[i]! * rowSums[j]! / total);
    }
  }
  if (total === 0 || expected === 0) {
    warn(given, 'UndefinedMetricWarning', 'Cohen\'s kappa is undefined (0/0): the raters share no labels of interest, ' +
      'or agree on a single one. Returning replaceUndefinedBy.');
    return undefinedValue;
  }
  return 1 - observed / expected;
}
