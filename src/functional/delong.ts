// DeLong, DeLong & Clarke-Pearson (1988) variance of the exact ROC AUC, its
// confidence interval, and the paired test of two correlated AUCs on the same
// samples. The ordering comes from scoreGroups (one sort per score column);
// the rest is linear in the number of distinct scores, or in the number of
// samples for the paired test.
import { scoreGroups } from '../exact/score-groups.js';
import type { ArrayInput } from '../tensor.js';
import { binaryLabels, binaryScores } from './binary-input.js';
import { structuralComponents, delongVariance, type StructuralComponents } from './delong-components.js';
import { GroupLookup } from './group-lookup.js';
import { readSampleWeight, requireNonNegative } from './inputs.js';
import { normalUpperQuantile, normalUpperTail } from './normal.js';
import { checkOptions, confidenceLevelOf } from './options.js';

export interface RocAucConfidenceIntervalOptions {
  /** Two-sided coverage of [lower, upper]; 0.95 by default. */
  confidenceLevel?: number;
  /** Frequency weights: a weight of k counts the sample k times (variance included). */
  sampleWeight?: ArrayInput | null;
}

export interface RocAucConfidenceInterval {
  readonly auc: number;
  /** DeLong's variance estimate of the AUC. */
  readonly variance: number;
  readonly standardError: number;
  /** auc ∓ z·standardError, clipped to [0, 1]. */
  readonly lower: number;
  readonly upper: number;
}

export interface RocAucDifferenceTestOptions extends RocAucConfidenceIntervalOptions {}

export interface RocAucDifferenceTest {
  readonly aucA: number;
  readonly aucB: number;
  /** aucA - aucB. */
  readonly difference: number;
  /** DeLong's variance of the difference (both AUCs' variances less twice their covariance). */
  readonly variance: number;
  readonly standardError: number;
  /** difference / standardError. */
  readonly z: number;
  /** Two-sided p-value of "the AUCs are equal". */
  readonly pValue: number;
  /** difference ∓ z·standardError, clipped to [-1, 1]. */
  readonly lower: number;
  readonly upper: number;
}

const OPTION_KEYS = ['confidenceLevel', 'sampleWeight'] as const;

function clip(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The half-width multiplier of a two-sided interval. */
function criticalValue(confidenceLevel: number): number {
  return normalUpperQuantile((1 - confidenceLevel) / 2);
}

function weightsOf(options: RocAucConfidenceIntervalOptions, samples: number): Float64Array | undefined {
  const weights = readSampleWeight(options.sampleWeight, samples);
  requireNonNegative(weights, 'weights count samples (frequency weights) and must be non-negative');
  return weights;
}

/**
 * ROC AUC with DeLong's variance and a confidence interval auc ± z·SE clipped
 * to [0, 1] (pROC's default DeLong interval). With one class only every field
 * is NaN; with a class of total weight 1 or less the AUC is defined but the
 * variance and interval are NaN.
 */
export function rocAucConfidenceInterval(
  yTrue: ArrayInput, yScore: ArrayInput, options: RocAucConfidenceIntervalOptions = {},
): RocAucConfidenceInterval {
  checkOptions('rocAucConfidenceInterval', options, OPTION_KEYS);
  const confidenceLevel = confidenceLevelOf(options.confidenceLevel);
  const labels = binaryLabels(yTrue);
  const scores = binaryScores(yScore, 'y_score', labels.length);
  const components = structuralComponents(scoreGroups(scores, labels, weightsOf(options, labels.length)));
  if (!hasBothClasses(components)) return { auc: NaN, variance: NaN, standardError: NaN, lower: NaN, upper: NaN };

  const { groups, auc, positive, negative } = components;
  let positiveSquares = 0, negativeSquares = 0;
  for (let g = 0; g < groups.scores.length; g++) {
    positiveSquares += groups.positives[g]! * (positive[g]! - auc) ** 2;
    negativeSquares += groups.negatives[g]! * (negative[g]! - auc) ** 2;
  }
  const variance = delongVariance(positiveSquares, negativeSquares, components.positiveWeight, components.negativeWeight);
  const standardError = Math.sqrt(variance);
  const halfWidth = criticalValue(confidenceLevel) * standardError;
  return { auc, variance, standardError, lower: clip(auc - halfWidth, 0, 1), upper: clip(auc + halfWidth, 0, 1) };
}

/**
 * DeLong's test of two correlated ROC AUCs (two score columns for the same
 * labels): the difference, its variance, z, the two-sided p-value and a
 * confidence interval of the difference. When the difference and its variance
 * are both 0 (the columns rank the samples alike) z is 0 and the p-value 1;
 * a non-zero difference with zero variance gives z = ±Infinity and p = 0.
 */
export function rocAucDifferenceTest(
  yTrue: ArrayInput, scoreA: ArrayInput, scoreB: ArrayInput, options: RocAucDifferenceTestOptions = {},
): RocAucDifferenceTest {
  checkOptions('rocAucDifferenceTest', options, OPTION_KEYS);
  const confidenceLevel = confidenceLevelOf(options.confidenceLevel);
  const labels = binaryLabels(yTrue);
  const scoresA = binaryScores(scoreA, 'score_a', labels.length);
  const scoresB = binaryScores(scoreB, 'score_b', labels.length);
  const weights = weightsOf(options, labels.length);
  const a = structuralComponents(scoreGroups(scoresA, labels, weights));
  const b = structuralComponents(scoreGroups(scoresB, labels, weights));
  const difference = a.auc - b.auc;
  if (!hasBothClasses(a)) {
    return { aucA: NaN, aucB: NaN, difference: NaN, variance: NaN, standardError: NaN, z: NaN, pValue: NaN, lower: NaN, upper: NaN };
  }

  // Var(A - B) from each sample's difference of components, which keeps its
  // precision when the two AUCs are strongly correlated.
  const lookupA = new GroupLookup(a.groups.scores), lookupB = new GroupLookup(b.groups.scores);
  let positiveSquares = 0, negativeSquares = 0;
  for (let i = 0; i < labels.length; i++) {
    const weight = weights ? weights[i]! : 1;
    if (weight === 0) continue;
    const groupA = lookupA.groupOf(scoresA[i]!), groupB = lookupB.groupOf(scoresB[i]!);
    if (labels[i] === 1) positiveSquares += weight * (a.positive[groupA]! - b.positive[groupB]! - difference) ** 2;
    else negativeSquares += weight * (a.negative[groupA]! - b.negative[groupB]! - difference) ** 2;
  }
  const variance = delongVariance(positiveSquares, negativeSquares, a.positiveWeight, a.negativeWeight);
  const standardError = Math.sqrt(variance);
  const z = standardError === 0 && difference === 0 ? 0 : difference / standardError;
  const halfWidth = criticalValue(confidenceLevel) * standardError;
  return {
    aucA: a.auc, aucB: b.auc, difference, variance, standardError, z,
    pValue: Number.isNaN(z) ? NaN : 2 * normalUpperTail(Math.abs(z)),
    lower: clip(difference - halfWidth, -1, 1), upper: clip(difference + halfWidth, -1, 1),
  };
}

function hasBothClasses(components: StructuralComponents): boolean {
  return components.positiveWeight > 0 && components.negativeWeight > 0;
}
