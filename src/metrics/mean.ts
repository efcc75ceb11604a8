// Keras's Mean reduction (reduce_to_samplewise_values + Mean): each sample
// (leading axis) contributes the mean of its values, weighted per sample. A
// rank-0 sample_weight collapses the whole batch into one sample of that weight.
import { Metric, type BaseOptions } from '../metric.js';
import type { WeightLayout } from '../weights.js';

/**
 * Converts kernel sums over elements (Σ w·v and Σ w, with w = 1 when unweighted
 * and w = the scalar when rank-0) into Mean's (total, count) increments.
 */
export function meanIncrement(
  weightedValueSum: number, weightSum: number, weights: WeightLayout, elements: number, rowLength: number,
): { total: number; count: number } {
  if (elements === 0) return { total: 0, count: 0 };
  const perSample = weights.kind === 'scalar' ? elements : rowLength;
  return { total: weightedValueSum / perSample, count: weightSum / perSample };
}

/** A metric whose state is Keras Mean's (total, count) and whose result is their ratio. */
export abstract class MeanStateMetric extends Metric {
  protected constructor(className: string, defaultName: string, options: BaseOptions, optionKeys: readonly string[]) {
    super(className, defaultName, options, optionKeys);
    this.defineState({ total: 1, count: 1 });
  }

  protected addMean(increment: { total: number; count: number }, sawNonFinite: boolean): void {
    this.addToState({ total: [sawNonFinite ? NaN : increment.total], count: [increment.count] });
  }

  /** total / count, or 0 before any weight was seen (Keras divide_no_nan). */
  protected meanResult(): number {
    const count = this.state('count')[0]!;
    return count === 0 ? 0 : this.state('total')[0]! / count;
  }
}
