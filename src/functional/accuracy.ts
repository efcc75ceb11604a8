// scikit-learn's accuracy_score (multilabel: subset accuracy) and
// balanced_accuracy_score.
import { InputError } from '../errors.js';
import { checkOptions, booleanOption, type SampleWeightOptions } from './options.js';
import { warn, type WarningOptions } from './warnings.js';
import type { ClassLabels } from './label-input.js';
import { labelPair, classTotals, confusionCounts } from './class-counts.js';
import { readTargetPair, countIndicators, notMultilabel } from './target-pairs.js';

export interface AccuracyScoreOptions extends SampleWeightOptions {
  /** true (default): the (weighted) fraction of correct samples; false: their (weighted) count. */
  normalize?: boolean;
}

export interface BalancedAccuracyScoreOptions extends SampleWeightOptions, WarningOptions {
  /** Rescale so that chance scores 0 and perfect scores 1. Default false. */
  adjusted?: boolean;
}

/** numpy's average(score, weights): raises when the weights sum to zero. */
function normalised(hits: number, total: number, normalize: boolean): number {
  if (!normalize) return hits;
  if (total === 0) throw new InputError('INVALID_INPUT', 'sample_weight sums to zero; the weighted average is undefined.');
  return hits / total;
}

/** The fraction (or count) of samples whose predicted labels match the true ones exactly. */
export function accuracyScore(yTrue: ClassLabels, yPred: ClassLabels, options: AccuracyScoreOptions = {}): number {
  const given = checkOptions('accuracyScore', options, ['normalize', 'sampleWeight']);
  const normalize = booleanOption('accuracyScore', 'normalize', given.normalize, true);
  const pair = readTargetPair(yTrue, yPred, given.sampleWeight);
  const { weights } = pair;
  if (pair.kind === 'indicator') {
    const rowCounts = countIndicators(pair, true).rowCounts!;
    let hits = 0, total = 0;
    for (let row = 0; row < pair.yTrue.rows; row++) {
      const w = weights ? weights[row]! : 1;
      const tp = rowCounts[3 * row]!;
      // 0/1 rows are equal when every true and every predicted label is a true positive.
      if (rowCounts[3 * row + 1] === tp && rowCounts[3 * row + 2] === tp) hits += w;
      total += w;
    }
    return normalised(hits, total, normalize);
  }
  const totals = classTotals(labelPair(pair.yTrue, pair.yPred, weights));
  const hits = totals.matched.reduce((sum, count) => sum + count, 0);
  const total = totals.firstTotals.reduce((sum, count) => sum + count, 0);
  return normalised(hits, total, normalize);
}

/** The mean recall over the classes present in y_true (scikit-learn drops classes with no true samples). */
export function balancedAccuracyScore(yTrue: ClassLabels, yPred: ClassLabels, options: BalancedAccuracyScoreOptions = {}): number {
  const given = checkOptions('balancedAccuracyScore', options, ['sampleWeight', 'adjusted', 'onWarning']);
  const adjusted = booleanOption('balancedAccuracyScore', 'adjusted', given.adjusted, false);
  const pair = readTargetPair(yTrue, yPred, given.sampleWeight);
  if (pair.kind === 'indicator') throw new InputError('INVALID_INPUT', notMultilabel('balancedAccuracyScore'));
  const labelled = labelPair(pair.yTrue, pair.yPred, pair.weights);
  const matrix = confusionCounts(labelled);
  const C = labelled.classes.length;
  const recalls: number[] = [];
  for (let row = 0; row < C; row++) {
    let total = 0;
    for (let column = 0; column < C; column++) total += matrix[row * C + column]!;
    const recall = matrix[row * C + row]! / total;
    if (!Number.isNaN(recall)) recalls.push(recall);
  }
  if (recalls.length < C) warn(given, 'UserWarning', 'y_pred contains classes not in y_true');
  let score = recalls.reduce((sum, recall) => sum + recall, 0) / recalls.length;
  if (adjusted) {
    const chance = 1 / recalls.length;
    score = (score - chance) / (1 - chance);
  }
  return score;
}
