// Medians of per-sample errors. Unweighted: numpy's median (the mean of the two
// middle values for an even count). Weighted: current scikit-learn's
// averaged weighted percentile at 50 — the mean of the lower weighted median
// (first value, ascending, whose cumulative weight reaches half the total) and
// the same taken from the top — which equals numpy's median for unit weights.

export function median(values: Float64Array): number {
  const sorted = values.slice().sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The first value, in `order`, at which the running weight reaches half of the whole (scikit-learn's _weighted_percentile). */
function lowerWeightedMedian(values: Float64Array, weights: Float64Array, order: Uint32Array): number {
  const cumulative = new Float64Array(order.length);
  let running = 0;
  for (let k = 0; k < order.length; k++) cumulative[k] = running += weights[order[k]!]!;
  const half = 0.5 * running;
  let low = 0, high = order.length;   // first k with cumulative[k] >= half (numpy searchsorted, side 'left')
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < half) low = middle + 1;
    else high = middle;
  }
  return values[order[Math.min(low, order.length - 1)]!]!;
}

/** Weights non-negative with a positive total. */
export function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const ascending = Uint32Array.from(values.keys()).sort((a, b) => values[a]! - values[b]!);
  const descending = ascending.slice().reverse();
  return (lowerWeightedMedian(values, weights, ascending) + lowerWeightedMedian(values, weights, descending)) / 2;
}
