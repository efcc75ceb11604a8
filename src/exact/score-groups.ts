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
  // The distinct scores: every kept score, sorted numerically, equal neighbours (-0 beside +0 included) merged.
  const kept = new Float64Array(scores.length);
  let count = 0;
  for (let i = 0; i < scores.length; i++) if (!weights || weights[i] !== 0) kept[count++] = scores[i]!;
  const ascending = kept.subarray(0, count).sort();
  const distinct = new Float64Array(count);
  let groups = 0;
  for (let k = count - 1; k >= 0; k--) {
    // Adding +0 reports -0 as +0.
    if (groups === 0 || ascending[k] !== distinct[groups - 1]) distinct[groups++] = ascending[k]! + 0;
  }
  // Each sample's weight goes to its score's group in input order, the order a stable sort would give.
  const positives = new Float64Array(groups), negatives = new Float64Array(groups);
  for (let i = 0; i < scores.length; i++) {
    const weight = weights ? weights[i]! : 1;
    if (weight === 0) continue;
    const g = groupOf(distinct, groups, scores[i]!);
    if (labels[i] === 1) positives[g]! += weight;
    else negatives[g]! += weight;
  }
  return { scores: distinct.slice(0, groups), positives, negatives };
}

/** Position of `score` among the first `length` distinct scores (decreasing), by bisection. */
function groupOf(distinct: Float64Array, length: number, score: number): number {
  let low = 0, high = length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (distinct[middle]! > score) low = middle + 1;
    else high = middle;
  }
  return low;
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
