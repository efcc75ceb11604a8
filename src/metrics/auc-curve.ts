// The curve behind Keras's bucketed AUC, from its confusion counts at each
// threshold, as plain arrays in scikit-learn's point order: ROC by decreasing
// threshold, precision-recall by increasing threshold. Rates use Keras's
// divide_no_nan (0 where the denominator is 0); there is one point per
// threshold (no extra end points).
import type { PrecisionRecallCurve, RocCurve } from '../exact/binary-ranking.js';
import { divideNoNan } from './confusion.js';

export interface ThresholdCounts {
  readonly tp: Float64Array;
  readonly fp: Float64Array;
  readonly tn: Float64Array;
  readonly fn: Float64Array;
}

export function binnedRocCurve(thresholds: readonly number[], counts: ThresholdCounts): RocCurve {
  const fpr: number[] = [], tpr: number[] = [], decreasing: number[] = [];
  for (let t = thresholds.length - 1; t >= 0; t--) {
    fpr.push(divideNoNan(counts.fp[t]!, counts.fp[t]! + counts.tn[t]!));
    tpr.push(divideNoNan(counts.tp[t]!, counts.tp[t]! + counts.fn[t]!));
    decreasing.push(thresholds[t]!);
  }
  return { fpr, tpr, thresholds: decreasing };
}

export function binnedPrecisionRecallCurve(thresholds: readonly number[], counts: ThresholdCounts): PrecisionRecallCurve {
  return {
    precision: thresholds.map((_, t) => divideNoNan(counts.tp[t]!, counts.tp[t]! + counts.fp[t]!)),
    recall: thresholds.map((_, t) => divideNoNan(counts.tp[t]!, counts.tp[t]! + counts.fn[t]!)),
    thresholds: [...thresholds],
  };
}
