// DeLong's structural components from score groups. Every sample at one
// distinct score has the same component, so they are kept per group:
//   positive at group g: V10 = (W⁻ strictly below + ½ W⁻ at g) / W⁻
//   negative at group g: V01 = (W⁺ strictly above + ½ W⁺ at g) / W⁺
// (ψ = 1, ½, 0 for a positive scored above, level with, below a negative).
import type { ScoreGroups } from '../exact/score-groups.js';

export interface StructuralComponents {
  readonly groups: ScoreGroups;
  /** ROC AUC: the weighted mean of the positives' components (equally, of the negatives'). */
  readonly auc: number;
  readonly positiveWeight: number;
  readonly negativeWeight: number;
  /** V10 of a positive sample at each group. */
  readonly positive: Float64Array;
  /** V01 of a negative sample at each group. */
  readonly negative: Float64Array;
}

export function structuralComponents(groups: ScoreGroups): StructuralComponents {
  const count = groups.scores.length;
  let positiveWeight = 0, negativeWeight = 0;
  for (let g = 0; g < count; g++) {
    positiveWeight += groups.positives[g]!;
    negativeWeight += groups.negatives[g]!;
  }
  const positive = new Float64Array(count), negative = new Float64Array(count);
  // Groups run from the highest score down: positives above accumulate forwards, negatives below backwards.
  let positivesAbove = 0;
  for (let g = 0; g < count; g++) {
    negative[g] = (positivesAbove + 0.5 * groups.positives[g]!) / positiveWeight;
    positivesAbove += groups.positives[g]!;
  }
  let negativesBelow = 0, weightedSum = 0;
  for (let g = count - 1; g >= 0; g--) {
    positive[g] = (negativesBelow + 0.5 * groups.negatives[g]!) / negativeWeight;
    negativesBelow += groups.negatives[g]!;
    weightedSum += groups.positives[g]! * positive[g]!;
  }
  return { groups, auc: weightedSum / positiveWeight, positiveWeight, negativeWeight, positive, negative };
}

/**
 * DeLong's variance from the summed squared deviations of the components:
 * S10/W⁺ + S01/W⁻ with S = Σ w·(V - mean)² / (W - 1). NaN when a class has a
 * total weight of 1 or less (its sample variance is undefined).
 */
export function delongVariance(positiveSquares: number, negativeSquares: number, positiveWeight: number, negativeWeight: number): number {
  if (!(positiveWeight > 1 && negativeWeight > 1)) return NaN;
  return positiveSquares / ((positiveWeight - 1) * positiveWeight) + negativeSquares / ((negativeWeight - 1) * negativeWeight);
}
