// Brute-force references for exact ROC AUC: every (positive, negative) pair
// compared directly, no sorting, so they share nothing with src/exact.

/** ψ of DeLong (and of the Mann–Whitney U): 1, ½ or 0 as the positive scores above, level with or below the negative. */
export function psi(positiveScore: number, negativeScore: number): number {
  return positiveScore > negativeScore ? 1 : positiveScore === negativeScore ? 0.5 : 0;
}

/** Σ w⁺w⁻ψ over all pairs and the class weights, by comparing every pair. */
export function bruteForceAucSums(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>):
  { pairs: number; positiveWeight: number; negativeWeight: number } {
  let pairs = 0, positiveWeight = 0, negativeWeight = 0;
  const weightOf = (i: number): number => (weights ? weights[i]! : 1);
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === 1) positiveWeight += weightOf(i);
    else negativeWeight += weightOf(i);
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] === 0) pairs += weightOf(i) * weightOf(j) * psi(scores[i]!, scores[j]!);
    }
  }
  return { pairs, positiveWeight, negativeWeight };
}
