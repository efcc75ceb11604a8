// scikit-learn's binary ranking metrics over validated samples: ROC AUC (full
// from the pair sums, partial with McClish's standardisation), the ROC and
// precision-recall curves and step-wise average precision, all from the
// distinct-score groups.
import { rocAucSums, scoreGroups } from './score-groups.js';

/** Validated binary samples: finite scores, 0/1 labels, optional non-negative finite weights. */
export interface BinaryProblem {
  readonly scores: Float32Array | Float64Array;
  readonly labels: Uint8Array;
  readonly weights?: Float64Array | undefined;
}

export interface RocCurve {
  readonly fpr: number[];
  readonly tpr: number[];
  readonly thresholds: number[];
}

export interface PrecisionRecallCurve {
  readonly precision: number[];
  readonly recall: number[];
  readonly thresholds: number[];
}

/** Cumulative positive (tps) and negative (fps) weight at each distinct score, highest score first. */
interface CumulativeCounts {
  readonly tps: Float64Array;
  readonly fps: Float64Array;
  readonly thresholds: Float64Array;
}

function cumulativeCounts(problem: BinaryProblem): CumulativeCounts {
  const groups = scoreGroups(problem.scores, problem.labels, problem.weights);
  const m = groups.scores.length;
  const tps = new Float64Array(m), fps = new Float64Array(m);
  let tp = 0, fp = 0;
  for (let g = 0; g < m; g++) {
    tp += groups.positives[g]!;
    fp += groups.negatives[g]!;
    tps[g] = tp;
    fps[g] = fp;
  }
  return { tps, fps, thresholds: groups.scores };
}

function keepIndices(counts: CumulativeCounts, keep: number[]): CumulativeCounts {
  const pick = (values: Float64Array) => Float64Array.from(keep, (i) => values[i]!);
  return { tps: pick(counts.tps), fps: pick(counts.fps), thresholds: pick(counts.thresholds) };
}

/**
 * roc_curve: one point per distinct score (collinear points dropped when asked,
 * by the exact second differences scikit-learn tests), after a first point
 * (0, 0) at threshold +Infinity. With no positives (negatives) tpr (fpr) is NaN.
 */
export function rocCurve(problem: BinaryProblem, dropIntermediate: boolean): RocCurve {
  let counts = cumulativeCounts(problem);
  const m = counts.tps.length;
  if (dropIntermediate && m > 2) {
    const { tps, fps } = counts;
    const keep = [0];
    for (let i = 1; i < m - 1; i++) {
      const bendsFps = (fps[i + 1]! - fps[i]!) - (fps[i]! - fps[i - 1]!) !== 0;
      const bendsTps = (tps[i + 1]! - tps[i]!) - (tps[i]! - tps[i - 1]!) !== 0;
      if (bendsFps || bendsTps) keep.push(i);
    }
    keep.push(m - 1);
    counts = keepIndices(counts, keep);
  }
  const totalNegative = m ? counts.fps[counts.fps.length - 1]! : 0;
  const totalPositive = m ? counts.tps[counts.tps.length - 1]! : 0;
  const rate = (values: Float64Array, total: number): number[] =>
    [0, ...values].map((value) => (total > 0 ? value / total : NaN));
  return { fpr: rate(counts.fps, totalNegative), tpr: rate(counts.tps, totalPositive), thresholds: [Infinity, ...counts.thresholds] };
}

/**
 * precision_recall_curve: points in increasing threshold order, then (P=1, R=0)
 * without a threshold. Precision is 0 where nothing is predicted positive;
 * with no positives recall is 1 everywhere (scikit-learn's rule). Dropping keeps
 * the first and last point of each run of equal true-positive weight.
 */
export function precisionRecallCurve(problem: BinaryProblem, dropIntermediate: boolean): PrecisionRecallCurve {
  let counts = cumulativeCounts(problem);
  const m = counts.tps.length;
  if (dropIntermediate && m > 2) {
    const { tps } = counts;
    const keep = [0];
    for (let i = 1; i < m - 1; i++) if (tps[i] !== tps[i - 1] || tps[i + 1] !== tps[i]) keep.push(i);
    keep.push(m - 1);
    counts = keepIndices(counts, keep);
  }
  const { tps, fps, thresholds } = counts;
  const k = tps.length;
  const totalPositive = k ? tps[k - 1]! : 0;
  const precision: number[] = [], recall: number[] = [], increasing: number[] = [];
  for (let i = k - 1; i >= 0; i--) {
    const predicted = tps[i]! + fps[i]!;
    precision.push(predicted !== 0 ? tps[i]! / predicted : 0);
    recall.push(totalPositive === 0 ? 1 : tps[i]! / totalPositive);
    increasing.push(thresholds[i]!);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds: increasing };
}

/** average_precision_score: Σ (R_n − R_{n−1}) P_n over distinct thresholds, clipped at 0 (no -0). */
export function averagePrecision(problem: BinaryProblem): number {
  const { precision, recall } = precisionRecallCurve(problem, false);
  let sum = 0;
  for (let i = 0; i < recall.length - 1; i++) sum += (recall[i + 1]! - recall[i]!) * precision[i]!;
  return Math.max(0, -sum);
}

/** Trapezoidal area under (x, y) with x non-decreasing, as sklearn.metrics.auc computes it. */
function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 0; i < x.length - 1; i++) area += ((x[i + 1]! - x[i]!) * (y[i + 1]! + y[i]!)) / 2;
  return area;
}

/** numpy.interp at x for x0 <= x < x1, including numpy's fallbacks for non-finite slopes. */
function interpolate(x: number, x0: number, x1: number, y0: number, y1: number): number {
  if (x === x0) return y0;
  const slope = (y1 - y0) / (x1 - x0);
  let value = slope * (x - x0) + y0;
  if (Number.isNaN(value)) {
    value = slope * (x - x1) + y1;
    if (Number.isNaN(value) && y0 === y1) value = y0;
  }
  return value;
}

/**
 * roc_auc_score for one binary problem. NaN when either class has no weight
 * (current scikit-learn's answer for a single class). Without maxFpr (or at 1)
 * it is the Mann-Whitney pair count; otherwise the area up to maxFpr, with a
 * point interpolated at maxFpr, standardised by McClish's correction.
 */
export function rocAuc(problem: BinaryProblem, maxFpr?: number | null): number {
  if (maxFpr === undefined || maxFpr === null || maxFpr === 1) {
    const sums = rocAucSums(problem.scores, problem.labels, problem.weights);
    return sums.pairs / (sums.positiveWeight * sums.negativeWeight);
  }
  const { fpr, tpr } = rocCurve(problem, true);
  if (Number.isNaN(fpr[fpr.length - 1]) || Number.isNaN(tpr[tpr.length - 1])) return NaN;
  // searchsorted(fpr, maxFpr, 'right'): the first point beyond maxFpr (fpr ends at 1 > maxFpr).
  let stop = 0;
  while (fpr[stop]! <= maxFpr) stop++;
  const x = [...fpr.slice(0, stop), maxFpr];
  const y = [...tpr.slice(0, stop), interpolate(maxFpr, fpr[stop - 1]!, fpr[stop]!, tpr[stop - 1]!, tpr[stop]!)];
  const partial = trapezoid(x, y);
  const minArea = 0.5 * maxFpr ** 2;
  const maxArea = maxFpr;
  return 0.5 * (1 + (partial - minArea) / (maxArea - minArea));
}
