// Keras's optimised path for evenly spaced thresholds [0, 1/(T-1), ..., 1]:
// each prediction falls in bucket ceil(p*(T-1)) - 1, computed in float32
// exactly as Keras does, so grid-valued predictions land where Keras puts them.
// One weighted histogram pass is O(N); the caller's reverse cumulative sum
// turns buckets into counts at every threshold (O(T)).
import { labelMask4, labelIsPositive, weightAt, addF64, nonFiniteInputs4, nonFiniteWeights4, elementNonFinite } from "./lanes";

/**
 * Accumulates a histogram into `out`: cell c (0 <= c <= T) holds [positive, negative]
 * weights as f64 pairs at out + c*16. Cell 0 receives bucket -1 (prediction <= 0),
 * which Keras drops unless the thresholds carry the ±epsilon endpoints, in which
 * case bucket -1 is clamped to 0 (`clampToFirstBucket`).
 * Returns 1 when a prediction, float label or weight is NaN or ±Infinity, else 0.
 */
export function bucketHistogram(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  n: i32, numThresholds: i32, clampToFirstBucket: bool, out: usize,
): i32 {
  if (labelsAreBytes) {
    if (weights) return bucketHistogramOf<u8, f64>(predictions, labels, weights, n, numThresholds, clampToFirstBucket, out);
    return bucketHistogramOf<u8, i32>(predictions, labels, 0, n, numThresholds, clampToFirstBucket, out);
  }
  if (weights) return bucketHistogramOf<f32, f64>(predictions, labels, weights, n, numThresholds, clampToFirstBucket, out);
  return bucketHistogramOf<f32, i32>(predictions, labels, 0, n, numThresholds, clampToFirstBucket, out);
}

function bucketHistogramOf<L, W>(
  predictions: usize, labels: usize, weights: usize,
  n: i32, numThresholds: i32, clampToFirstBucket: bool, out: usize,
): i32 {
  const scale = <f32>(numThresholds - 1);
  // Cell index = bucket + 1, so the dropped bucket -1 lands in cell 0.
  const lowestCell = clampToFirstBucket ? 1 : 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    const zero = f32x4.splat(0), one = f32x4.splat(1), scaleSplat = f32x4.splat(scale);
    const lowest = i32x4.splat(lowestCell);
    let badLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const prediction = v128.load(predictions + (<usize>i << 2));
      badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(prediction, labels, i), nonFiniteWeights4<W>(weights, i)));
      const clipped = f32x4.min(f32x4.max(prediction, zero), one);
      const cell = i32x4.max_s(i32x4.trunc_sat_f32x4_s(f32x4.ceil(f32x4.mul(clipped, scaleSplat))), lowest);
      // Byte offset of the f64 slot: (cell*2 + isNegative) * 8, where the
      // positive mask is -1, so isNegative = 1 + mask.
      const slot = i32x4.add(i32x4.shl(cell, 1), i32x4.add(i32x4.splat(1), labelMask4<L>(labels, i)));
      const offset = i32x4.shl(slot, 3);
      addF64(out + <usize>i32x4.extract_lane(offset, 0), weightAt<W>(weights, i));
      addF64(out + <usize>i32x4.extract_lane(offset, 1), weightAt<W>(weights, i + 1));
      addF64(out + <usize>i32x4.extract_lane(offset, 2), weightAt<W>(weights, i + 2));
      addF64(out + <usize>i32x4.extract_lane(offset, 3), weightAt<W>(weights, i + 3));
    }
    bad = <i32>v128.any_true(badLanes);
  }
  for (; i < n; i++) {
    const clipped = Mathf.min(Mathf.max(load<f32>(predictions + (<usize>i << 2)), 0), 1);
    let cell = <i32>Mathf.ceil(clipped * scale);
    if (cell < lowestCell) cell = lowestCell;
    const slot = (cell << 1) + (labelIsPositive<L>(labels, i) ^ 1);
    addF64(out + (<usize>slot << 3), weightAt<W>(weights, i));
    bad |= elementNonFinite<L, W>(predictions, labels, weights, i);
  }
  return bad;
}
