// Exact ordering of binary scores: samples grouped by distinct score, highest
// first, with the positive and negative weight at each score. A stable index
// sort in plain TypeScript; the WebAssembly build gives identical results.

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
  let kept = 0;
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < scores.length; i++) if (!weights || weights[i] !== 0) order[kept++] = i;
  // Descending by score; -0 === +0, so they compare equal and share a group.
  const sorted = order.subarray(0, kept).sort((a, b) => scores[b]! - scores[a]!);
  const distinct: number[] = [], positives: number[] = [], negatives: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k]!;
    const score = scores[i]! + 0;   // -0 + 0 is +0
    if (distinct.length === 0 || distinct[distinct.length - 1] !== score) {
      distinct.push(score);
      positives.push(0);
      negatives.push(0);
    }
    const weight = weights ? weights[i]! : 1;
    const last = distinct.length - 1;
    if (labels[i] === 1) positives[last]! += weight;
    else negatives[last]! += weight;
  }
  return { scores: Float64Array.from(distinct), positives: Float64Array.from(positives), negatives: Float64Array.from(negatives) };
}

export interface RocAucSums { readonly pairs: number; readonly positiveWeight: number; readonly negativeWeight: number; }

/** Σ w⁺·w⁻ over (positive, negative) pairs ordered correctly, ties counted ½ (the Mann–Whitney U of ROC AUC), and the class weights. */
export function rocAucSums(scores: Float32Array | Float64Array, labels: Uint8Array, weights?: Float64Array): RocAucSums {
  const groups = scoreGroups(scores, labels, weights);
  let pairs = 0, positiveWeight = 0, negativeWeight = 0;
  // From the lowest score up: negatives below each group are those already passed.
  for (let g = groups.scores.length - 1; g >= 0; g--) {
    const positive = groups.positives[g]!, negative = groups.negatives[g]!;
    pairs += positive * (negativeWeight + 0.5 * negative);
    positiveWeight += positive;
    negativeWeight += negative;
  }
  return { pairs, positiveWeight, negativeWeight };
}
