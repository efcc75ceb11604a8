// The one sort behind every exact ranking metric: samples grouped by distinct
// score, in decreasing order, with the positive and negative weight of each
// group. This is the plain TypeScript reference of the semantics; a WebAssembly
// radix sort with the same interface and results takes its place.

export interface ScoreGroups {
  /** Distinct scores in decreasing order. -0 and +0 are one score (reported as +0). */
  readonly scores: Float64Array;
  /** Total weight (count when unweighted) of positive samples at each distinct score. */
  readonly positives: Float64Array;
  /** Total weight of negative samples at each distinct score. */
  readonly negatives: Float64Array;
}

/** labels[i] is 0 or 1; weights optional (non-negative, finite); samples with weight exactly 0 are dropped.
 *  Scores are finite (callers validate). Float32 scores are compared as float32. */
export function scoreGroups(scores: Float32Array | Float64Array, labels: Uint8Array, weights?: Float64Array): ScoreGroups {
  const order = new Uint32Array(scores.length);
  let kept = 0;
  for (let i = 0; i < scores.length; i++) if (!weights || weights[i] !== 0) order[kept++] = i;
  const sorted = order.subarray(0, kept);
  // Decreasing score; equal scores (-0 and +0 included) keep input order, so each
  // group's weights add up in the order the samples arrived, as a stable sort gives.
  sorted.sort((a, b) => scores[b]! - scores[a]! || a - b);

  const distinct = new Float64Array(kept), positives = new Float64Array(kept), negatives = new Float64Array(kept);
  let groups = 0;
  for (let k = 0; k < kept; k++) {
    const i = sorted[k]!;
    const score = scores[i]!;
    // -0 === +0, so both land in one group; adding +0 reports it as +0.
    if (groups === 0 || score !== distinct[groups - 1]) distinct[groups++] = score + 0;
    const weight = weights ? weights[i]! : 1;
    if (labels[i] === 1) positives[groups - 1]! += weight;
    else negatives[groups - 1]! += weight;
  }
  return { scores: distinct.slice(0, groups), positives: positives.slice(0, groups), negatives: negatives.slice(0, groups) };
}

export interface RocAucSums { readonly pairs: number; readonly positiveWeight: number; readonly negativeWeight: number; }

/** pairs = Σ w⁺w⁻[s⁺>s⁻] + ½ Σ w⁺w⁻[s⁺=s⁻]; AUC = pairs/(positiveWeight·negativeWeight). */
export function rocAucSums(scores: Float32Array | Float64Array, labels: Uint8Array, weights?: Float64Array): RocAucSums {
  const groups = scoreGroups(scores, labels, weights);
  let pairs = 0, positiveWeight = 0, negativeBelow = 0;
  // From the lowest score up: each positive beats the negatives below it and ties half of those beside it.
  for (let g = groups.scores.length - 1; g >= 0; g--) {
    const positive = groups.positives[g]!, negative = groups.negatives[g]!;
    pairs += positive * (negativeBelow + 0.5 * negative);
    negativeBelow += negative;
    positiveWeight += positive;
  }
  return { pairs, positiveWeight, negativeWeight: negativeBelow };
}
