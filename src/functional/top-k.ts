// scikit-learn's top_k_accuracy_score: a sample is a hit when its true class
// is among the k highest scores of its row, ties ranked as scikit-learn's
// stable argsort reversed does (the higher class index first).
import { ConfigError, InputError } from '../errors.js';
import type { ArrayInput } from '../tensor.js';
import { readLabelColumn, checkSameSamples, type ClassLabels } from './label-input.js';
import { readSampleWeight } from './inputs.js';
import { checkOptions, booleanOption, labelListOption, type LabelLike, type SampleWeightOptions } from './options.js';
import { warn, type WarningOptions } from './warnings.js';
import { summarise, encode, positions, checkLabelKind, compareLabels, formatLabels } from './label-set.js';
import { readScores, rowsOf, nonFiniteScore, weightedMean } from './score-rows.js';
import { topKHits } from '../wasm/feed-probability-rows.js';

export interface TopKAccuracyScoreOptions extends SampleWeightOptions, WarningOptions {
  /** How many of the highest scores count (default 2). */
  k?: number;
  /** true (default): the weighted fraction of hits; false: their weighted count. */
  normalize?: boolean;
  /** All classes, sorted, one per y_score column; default: y_true's labels. */
  labels?: readonly LabelLike[] | null;
}

export function topKAccuracyScore(yTrue: ClassLabels, yScore: ArrayInput, options: TopKAccuracyScoreOptions = {}): number {
  const caller = 'topKAccuracyScore';
  const given = checkOptions(caller, options, ['k', 'normalize', 'sampleWeight', 'labels', 'onWarning']);
  const k = given.k ?? 2;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: k must be an integer >= 1; received ${JSON.stringify(k)}.`);
  }
  const normalize = booleanOption(caller, 'normalize', given.normalize, true);
  const labels = labelListOption(caller, given.labels);
  const column = readLabelColumn(yTrue, 'y_true', 'pass one label per sample.');
  const scores = readScores(yScore, 'y_score');
  const weights = readSampleWeight(given.sampleWeight, column.length);
  checkSameSamples({ argument: 'y_true', samples: column.length }, { argument: 'y_score', samples: scores.rows });
  const summary = summarise(column);
  const binary = summary.labels.length <= 2 && !(labels && labels.length > 2);
  if (binary && scores.width !== 1) {
    throw new InputError('SHAPE_MISMATCH', `${caller}: y_true is binary while y_score is 2d with ${scores.width} classes. ` +
      'If y_true does not contain all the labels, labels must be provided.');
  }
  const columns = binary ? 2 : scores.width;
  let classes = [...summary.labels];
  if (labels) {
    checkLabelKind(caller, labels, column);
    if (labels.some((label, i) => i > 0 && compareLabels(labels[i - 1]!, label) > 0)) {
      throw new ConfigError('INVALID_CONFIG', `${caller}: parameter 'labels' must be ordered.`);
    }
    if (labels.length !== columns) {
      throw new InputError('SHAPE_MISMATCH',
        `${caller}: number of given labels (${labels.length}) not equal to the number of classes in 'y_score' (${columns}).`);
    }
    const missing = summary.labels.filter((label) => !labels.includes(label));
    if (missing.length > 0) throw new InputError('INVALID_INPUT', `${caller}: y_true contains labels not in labels: ${formatLabels(missing)}.`);
    classes = labels;
  } else if (classes.length !== columns) {
    throw new InputError('SHAPE_MISMATCH', `${caller}: number of classes in 'y_true' (${classes.length}) not equal to the number ` +
      `of classes in 'y_score' (${columns}). You can provide a list of all known classes by assigning it to the labels parameter.`);
  }
  if (k >= classes.length) {
    warn(given, 'UndefinedMetricWarning', `'k' (${k}) greater than or equal to 'n_classes' (${classes.length}) will result in a ` +
      'perfect score and is therefore meaningless.');
  }
  const sums = topKHits(rowsOf(scores, encode(summary, positions(classes), -1), weights), k);
  if (sums.sawNonFinite) throw nonFiniteScore(scores);
  let hits = sums.hits;
  if (binary) hits = k >= 2 ? sums.weightTotal : sums.min >= 0 && sums.max <= 1 ? sums.hits : sums.hitsAtZero;
  return normalize ? weightedMean(hits, sums.weightTotal) : hits;
}
