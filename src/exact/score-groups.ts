// Exact ranking for scikit-learn-grade curves and AUC: samples grouped by
// distinct score, sorted in WebAssembly (src/wasm/feed-rank.ts for the memory
// each call needs). Callers validate the values; this module only checks lengths.
import { sortSamples, rocAucSumsOf, groupsFromSorted, type RankScores } from '../wasm/feed-rank.js';
import { InputError } from '../errors.js';

export interface ScoreGroups {
  /** Distinct scores in decreasing order. -0 and +0 are one score (reported as +0). */
  readonly scores: Float64Array;
  /** Total weight (count when unweighted) of positive samples at each distinct score. */
  readonly positives: Float64Array;
  /** Total weight of negative samples at each distinct score. */
  readonly negatives: Float64Array;
}

export interface RocAucSums {
  /** Σ over positive-negative pairs of w⁺·w⁻·[s⁺ > s⁻] + ½ w⁺·w⁻·[s⁺ = s⁻]; the Mann–Whitney numerator. */
  readonly pairs: number;
  /** Σ w over positives (after dropping zero weights). */
  readonly positiveWeight: number;
  readonly negativeWeight: number;
}

function checkLengths(scores: RankScores, labels: Uint8Array, weights: Float64Array | undefined): void {
  if (labels.length !== scores.length || (weights && weights.length !== scores.length)) {
    throw new InputError('SHAPE_MISMATCH', `Expected scores, labels${weights ? ' and weights' : ''} of one length; ` +
      `received ${scores.length} scores, ${labels.length} labels${weights ? ` and ${weights.length} weights` : ''}.`);
  }
}

/**
 * Groups samples by distinct score. `labels[i]` is 0 or 1; `weights` optional (non-negative, finite);
 * samples with weight exactly 0 are dropped (scikit-learn drops them before building curves).
 * Scores are finite (callers validate). Float32 scores are compared as float32 (exact for float32 data).
 */
export function scoreGroups(scores: RankScores, labels: Uint8Array, weights?: Float64Array): ScoreGroups {
  checkLengths(scores, labels, weights);
  if (scores.length === 0) return { scores: new Float64Array(0), positives: new Float64Array(0), negatives: new Float64Array(0) };
  return groupsFromSorted(sortSamples(scores, labels, weights));
}

/** Exact ROC AUC numerator without materialising groups (AUC = pairs / (positiveWeight·negativeWeight)). */
export function rocAucSums(scores: RankScores, labels: Uint8Array, weights?: Float64Array): RocAucSums {
  checkLengths(scores, labels, weights);
  if (scores.length === 0) return { pairs: 0, positiveWeight: 0, negativeWeight: 0 };
  const [pairs, positiveWeight, negativeWeight] = rocAucSumsOf(scores, labels, weights) as unknown as [number, number, number];
  return { pairs, positiveWeight, negativeWeight };
}
