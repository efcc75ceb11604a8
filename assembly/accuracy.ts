// Element-wise binary accuracy (Keras BinaryAccuracy): an element matches when
// its label is exactly 1 and prediction > threshold, or exactly 0 and not.
import { labelValues4, labelValue, weightAt, maskedWeightLow, maskedWeightHigh, sumI32Lanes, sumF64Lanes, addF64 } from "./lanes";

/** Accumulates out[0] += Σ w·match and out[1] += Σ w. */
export function binaryAccuracySums(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  n: i32, threshold: f32, out: usize,
): void {
  if (labelsAreBytes) {
    if (weights) binaryAccuracyOf<u8, f64>(predictions, labels, weights, n, threshold, out);
    else binaryAccuracyOf<u8, i32>(predictions, labels, 0, n, threshold, out);
  } else {
    if (weights) binaryAccuracyOf<f32, f64>(predictions, labels, weights, n, threshold, out);
    else binaryAccuracyOf<f32, i32>(predictions, labels, 0, n, threshold, out);
  }
}

function binaryAccuracyOf<L, W>(predictions: usize, labels: usize, weights: usize, n: i32, threshold: f32, out: usize): void {
  let matched: f64 = 0, total: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const splat = f32x4.splat(threshold);
    const one = f32x4.splat(1), zero = f32x4.splat(0);
    if (isFloat<W>()) {
      let matchLow = f64x2.splat(0), matchHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
      for (; i + 4 <= n; i += 4) {
        const predictedPositive = f32x4.gt(v128.load(predictions + (<usize>i << 2)), splat);
        const label = labelValues4<L>(labels, i);
        const match = v128.bitselect(f32x4.eq(label, one), f32x4.eq(label, zero), predictedPositive);
        matchLow = f64x2.add(matchLow, maskedWeightLow(weights, i, match));
        matchHigh = f64x2.add(matchHigh, maskedWeightHigh(weights, i, match));
        allLow = f64x2.add(allLow, v128.load(weights + (<usize>i << 3)));
        allHigh = f64x2.add(allHigh, v128.load(weights + (<usize>i << 3), 16));
      }
      matched = sumF64Lanes(f64x2.add(matchLow, matchHigh));
      total = sumF64Lanes(f64x2.add(allLow, allHigh));
    } else {
      let count = i32x4.splat(0);
      for (; i + 4 <= n; i += 4) {
        const predictedPositive = f32x4.gt(v128.load(predictions + (<usize>i << 2)), splat);
        const label = labelValues4<L>(labels, i);
        count = i32x4.sub(count, v128.bitselect(f32x4.eq(label, one), f32x4.eq(label, zero), predictedPositive));
      }
      matched = sumI32Lanes(count);
      total = <f64>(i & ~3);
    }
  }
  for (; i < n; i++) {
    const w = weightAt<W>(weights, i);
    const label = labelValue<L>(labels, i);
    const predictedPositive = load<f32>(predictions + (<usize>i << 2)) > threshold;
    if (predictedPositive ? label == 1 : label == 0) matched += w;
    total += w;
  }
  addF64(out, matched);
  addF64(out + 8, total);
}
