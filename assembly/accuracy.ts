// Element-wise binary accuracy (Keras BinaryAccuracy): an element matches when
// its label is exactly 1 and prediction > threshold, or exactly 0 and not.
import {
  labelValues4, labelValue, maskedWeightLow, maskedWeightHigh, sumI32Lanes, sumF64Lanes, addF64,
  nonFiniteInputs4, nonFiniteWeights4, elementNonFinite,
} from "./lanes";

/** Accumulates out[0] += Σ w·match and out[1] += Σ w; returns 1 when an input is NaN or ±Infinity. */
export function binaryAccuracySums(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  n: i32, threshold: f32, out: usize,
): i32 {
  if (labelsAreBytes) {
    if (weights) return binaryAccuracyOf<u8, f64>(predictions, labels, weights, n, threshold, out);
    return binaryAccuracyOf<u8, i32>(predictions, labels, 0, n, threshold, out);
  }
  if (weights) return binaryAccuracyOf<f32, f64>(predictions, labels, weights, n, threshold, out);
  return binaryAccuracyOf<f32, i32>(predictions, labels, 0, n, threshold, out);
}

function binaryAccuracyOf<L, W>(predictions: usize, labels: usize, weights: usize, n: i32, threshold: f32, out: usize): i32 {
  let matched: f64 = 0, total: f64 = 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    const splat = f32x4.splat(threshold);
    const one = f32x4.splat(1), zero = f32x4.splat(0);
    let badLanes = i32x4.splat(0);
    if (isFloat<W>()) {
      let matchLow = f64x2.splat(0), matchHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
      for (; i + 4 <= n; i += 4) {
        const prediction = v128.load(predictions + (<usize>i << 2));
        const label = labelValues4<L>(labels, i);
        const match = v128.bitselect(f32x4.eq(label, one), f32x4.eq(label, zero), f32x4.gt(prediction, splat));
        matchLow = f64x2.add(matchLow, maskedWeightLow(weights, i, match));
        matchHigh = f64x2.add(matchHigh, maskedWeightHigh(weights, i, match));
        allLow = f64x2.add(allLow, v128.load(weights + (<usize>i << 3)));
        allHigh = f64x2.add(allHigh, v128.load(weights + (<usize>i << 3), 16));
        badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(prediction, labels, i), nonFiniteWeights4<W>(weights, i)));
      }
      matched = sumF64Lanes(f64x2.add(matchLow, matchHigh));
      total = sumF64Lanes(f64x2.add(allLow, allHigh));
    } else {
      let count = i32x4.splat(0);
      for (; i + 4 <= n; i += 4) {
        const prediction = v128.load(predictions + (<usize>i << 2));
        const label = labelValues4<L>(labels, i);
        count = i32x4.sub(count, v128.bitselect(f32x4.eq(label, one), f32x4.eq(label, zero), f32x4.gt(prediction, splat)));
        badLanes = v128.or(badLanes, nonFiniteInputs4<L>(prediction, labels, i));
      }
      matched = sumI32Lanes(count);
      total = <f64>i;
    }
    bad = <i32>v128.any_true(badLanes);
  }
  let matchedCount = 0;
  for (; i < n; i++) {
    const label = labelValue<L>(labels, i);
    const predicted = <i32>(load<f32>(predictions + (<usize>i << 2)) > threshold);
    // Branch-free match: label == 1 when predicted, label == 0 otherwise.
    const match = (predicted & <i32>(label == 1)) | ((predicted ^ 1) & <i32>(label == 0));
    if (isFloat<W>()) {
      const w = load<f64>(weights + (<usize>i << 3));
      matched += w * <f64>match;
      total += w;
    } else {
      matchedCount += match;
      total += 1;
    }
    bad |= elementNonFinite<L, W>(predictions, labels, weights, i);
  }
  addF64(out, matched + <f64>matchedCount);
  addF64(out + 8, total);
  return bad;
}
