// Batches in tests: rows cut into consecutive ranges, and batches fed to a metric.
import type { ArrayInput, Metric } from '../../src/index.js';

/** Consecutive [from, to) ranges covering 0..count, cut at each position modulo count + 1 (repeated cuts give empty ranges). */
export function cutRanges(count: number, cuts: readonly number[]): Array<[number, number]> {
  const bounds = [0, ...cuts.map((cut) => cut % (count + 1)).sort((a, b) => a - b), count];
  return bounds.slice(1).map((to, i) => [bounds[i]!, to]);
}

export interface Batch {
  readonly yTrue: ArrayInput;
  readonly yPred: ArrayInput;
  readonly weight: ArrayInput | undefined;
}

export function feed<M extends Metric>(metric: M, batches: readonly Batch[]): M {
  for (const batch of batches) metric.updateState(batch.yTrue, batch.yPred, batch.weight);
  return metric;
}
