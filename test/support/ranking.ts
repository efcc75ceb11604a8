// Reference implementations for the exact-ranking module, written from the
// definitions without sorting: every positive-negative pair for the
// Mann–Whitney numerator, and a Map keyed by score for the groups.

export interface ReferenceSums {
  pairs: number;
  positiveWeight: number;
  negativeWeight: number;
}

export interface ReferenceGroups {
  scores: number[];
  positives: number[];
  negatives: number[];
}

const weightAt = (weights: ArrayLike<number> | undefined, i: number): number => (weights ? weights[i]! : 1);

/** O(N²): Σ w⁺·w⁻·([s⁺ > s⁻] + ½[s⁺ = s⁻]) over every pair, skipping zero weights. */
export function bruteForceRocAucSums(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): ReferenceSums {
  let pairs = 0, positiveWeight = 0, negativeWeight = 0;
  for (let i = 0; i < scores.length; i++) {
    const wi = weightAt(weights, i);
    if (wi === 0) continue;
    if (labels[i] === 0) {
      negativeWeight += wi;
      continue;
    }
    positiveWeight += wi;
    for (let j = 0; j < scores.length; j++) {
      const wj = weightAt(weights, j);
      if (labels[j] !== 0 || wj === 0) continue;
      // -0 === 0, so signed zeros tie as one score.
      if (scores[i]! > scores[j]!) pairs += wi * wj;
      else if (scores[i] === scores[j]) pairs += 0.5 * wi * wj;
    }
  }
  return { pairs, positiveWeight, negativeWeight };
}

/** Groups by score with a Map (which stores -0 as +0), sorted by score descending. */
export function mapScoreGroups(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): ReferenceGroups {
  const groups = new Map<number, { positive: number; negative: number }>();
  for (let i = 0; i < scores.length; i++) {
    const w = weightAt(weights, i);
    if (w === 0) continue;
    let group = groups.get(scores[i]!);
    if (!group) groups.set(scores[i]!, (group = { positive: 0, negative: 0 }));
    if (labels[i] === 0) group.negative += w;
    else group.positive += w;
  }
  const ordered = [...groups].sort(([a], [b]) => b - a);
  return {
    scores: ordered.map(([score]) => score),
    positives: ordered.map(([, group]) => group.positive),
    negatives: ordered.map(([, group]) => group.negative),
  };
}

/** The Mann–Whitney numerator from groups: each group's positives beat the negatives below it and tie with its own. */
export function rocAucSumsFromGroups(groups: ReferenceGroups): ReferenceSums {
  let pairs = 0, negativesBelow = 0, positiveWeight = 0;
  for (let g = groups.scores.length - 1; g >= 0; g--) {
    pairs += groups.positives[g]! * (negativesBelow + 0.5 * groups.negatives[g]!);
    negativesBelow += groups.negatives[g]!;
    positiveWeight += groups.positives[g]!;
  }
  return { pairs, positiveWeight, negativeWeight: negativesBelow };
}
