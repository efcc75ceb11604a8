// Brute-force references for the exact ranking metrics, written straight from
// the definitions (no sorting, no grouping): O(n²) pair counts and one pass
// over all samples per distinct threshold.

export interface Samples {
  readonly scores: readonly number[];
  readonly labels: readonly number[];
  readonly weights?: readonly number[] | undefined;
}

const weightOf = (s: Samples, i: number): number => (s.weights ? s.weights[i]! : 1);

/** P(s⁺ > s⁻) + ½P(s⁺ = s⁻) over all weighted positive-negative pairs. */
export function pairAuc(s: Samples): number {
  let pairs = 0, positive = 0, negative = 0;
  s.scores.forEach((_, i) => {
    if (s.labels[i] === 1) positive += weightOf(s, i);
    else negative += weightOf(s, i);
  });
  s.scores.forEach((si, i) => {
    if (s.labels[i] !== 1) return;
    s.scores.forEach((sj, j) => {
      if (s.labels[j] === 1) return;
      pairs += weightOf(s, i) * weightOf(s, j) * (si > sj ? 1 : si === sj ? 0.5 : 0);
    });
  });
  return pairs / (positive * negative);
}

/** Distinct scores of samples with non-zero weight, decreasing (-0 and +0 as one). */
export function distinctScores(s: Samples): number[] {
  const kept = s.scores.filter((_, i) => weightOf(s, i) !== 0).map((score) => score + 0);
  return [...new Set(kept)].sort((a, b) => b - a);
}

/** Weight of positives and negatives scoring at least t. */
export function countsAtOrAbove(s: Samples, t: number): { tp: number; fp: number } {
  let tp = 0, fp = 0;
  s.scores.forEach((score, i) => {
    if (score < t) return;
    if (s.labels[i] === 1) tp += weightOf(s, i);
    else fp += weightOf(s, i);
  });
  return { tp, fp };
}

/** Σ over distinct thresholds (decreasing) of (R_n − R_{n−1})·P_n; 0 without positive weight. */
export function stepAveragePrecision(s: Samples): number {
  const thresholds = distinctScores(s);
  const positives = thresholds.length ? countsAtOrAbove(s, -Infinity).tp : 0;
  if (positives === 0) return 0;
  let ap = 0, previousRecall = 0;
  for (const t of thresholds) {
    const { tp, fp } = countsAtOrAbove(s, t);
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / (tp + fp));
    previousRecall = recall;
  }
  return ap;
}

/** roc_curve without dropping: (0, 0) at +Infinity, then every distinct threshold. */
export function bruteRocCurve(s: Samples): { fpr: number[]; tpr: number[]; thresholds: number[] } {
  const thresholds = distinctScores(s);
  const total = countsAtOrAbove(s, -Infinity);
  const points = thresholds.map((t) => countsAtOrAbove(s, t));
  return {
    fpr: [0, ...points.map((p) => p.fp)].map((fp) => (total.fp > 0 ? fp / total.fp : NaN)),
    tpr: [0, ...points.map((p) => p.tp)].map((tp) => (total.tp > 0 ? tp / total.tp : NaN)),
    thresholds: [Infinity, ...thresholds],
  };
}
