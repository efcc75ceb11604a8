// Binary confusion counts at an explicit list of thresholds (Keras's standard
// path): an element is predicted positive when prediction > threshold
// (strict, in float32 like Keras's float32 metric variables).
import {
  labelMask4, labelIsPositive, weightAt, maskedWeightLow, maskedWeightHigh,
  sumI32Lanes, sumF64Lanes, addF64,
} from "./lanes";

/**
 * Accumulates into `out` (f64): tp[0..T), fp[T..2T), then the weighted totals of
 * positive and of all elements at out[2T] and out[2T+1].
 * predictions: f32; labels: u8 when labelsAreBytes, else f32; weights: f64 or 0 (unweighted).
 */
export function countAtThresholds(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  n: i32, thresholds: usize, numThresholds: i32, out: usize,
): void {
  if (labelsAreBytes) {
    if (weights) countAtThresholdsOf<u8, f64>(predictions, labels, weights, n, thresholds, numThresholds, out);
    else countAtThresholdsOf<u8, i32>(predictions, labels, 0, n, thresholds, numThresholds, out);
  } else {
    if (weights) countAtThresholdsOf<f32, f64>(predictions, labels, weights, n, thresholds, numThresholds, out);
    else countAtThresholdsOf<f32, i32>(predictions, labels, 0, n, thresholds, numThresholds, out);
  }
}

function countAtThresholdsOf<L, W>(
  predictions: usize, labels: usize, weights: usize,
  n: i32, thresholds: usize, numThresholds: i32, out: usize,
): void {
  accumulateTotals<L, W>(labels, weights, n, out + (<usize>numThresholds << 4));
  for (let t = 0; t < numThresholds; t++) {
    const threshold = load<f32>(thresholds + (<usize>t << 2));
    let tp: f64 = 0, fp: f64 = 0;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const splat = f32x4.splat(threshold);
      if (isFloat<W>()) {
        let tpLow = f64x2.splat(0), tpHigh = f64x2.splat(0), fpLow = f64x2.splat(0), fpHigh = f64x2.splat(0);
        for (; i + 4 <= n; i += 4) {
          const predictedPositive = f32x4.gt(v128.load(predictions + (<usize>i << 2)), splat);
          const positive = labelMask4<L>(labels, i);
          const truePositive = v128.and(predictedPositive, positive);
          const falsePositive = v128.andnot(predictedPositive, positive);
          tpLow = f64x2.add(tpLow, maskedWeightLow(weights, i, truePositive));
          tpHigh = f64x2.add(tpHigh, maskedWeightHigh(weights, i, truePositive));
          fpLow = f64x2.add(fpLow, maskedWeightLow(weights, i, falsePositive));
          fpHigh = f64x2.add(fpHigh, maskedWeightHigh(weights, i, falsePositive));
        }
        tp = sumF64Lanes(f64x2.add(tpLow, tpHigh));
        fp = sumF64Lanes(f64x2.add(fpLow, fpHigh));
      } else {
        // Masks are all-ones (-1) lanes, so subtracting them counts.
        let tpCount = i32x4.splat(0), fpCount = i32x4.splat(0);
        for (; i + 4 <= n; i += 4) {
          const predictedPositive = f32x4.gt(v128.load(predictions + (<usize>i << 2)), splat);
          const positive = labelMask4<L>(labels, i);
          tpCount = i32x4.sub(tpCount, v128.and(predictedPositive, positive));
          fpCount = i32x4.sub(fpCount, v128.andnot(predictedPositive, positive));
        }
        tp = sumI32Lanes(tpCount);
        fp = sumI32Lanes(fpCount);
      }
    }
    for (; i < n; i++) {
      if (load<f32>(predictions + (<usize>i << 2)) > threshold) {
        const w = weightAt<W>(weights, i);
        if (labelIsPositive<L>(labels, i)) tp += w;
        else fp += w;
      }
    }
    addF64(out + (<usize>t << 3), tp);
    addF64(out + (<usize>(numThresholds + t) << 3), fp);
  }
}

/** Adds the weighted count of positive labels and of all elements to totals[0] and totals[1]. */
function accumulateTotals<L, W>(labels: usize, weights: usize, n: i32, totals: usize): void {
  let positives: f64 = 0, all: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    if (isFloat<W>()) {
      let posLow = f64x2.splat(0), posHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
      for (; i + 4 <= n; i += 4) {
        const positive = labelMask4<L>(labels, i);
        posLow = f64x2.add(posLow, maskedWeightLow(weights, i, positive));
        posHigh = f64x2.add(posHigh, maskedWeightHigh(weights, i, positive));
        allLow = f64x2.add(allLow, v128.load(weights + (<usize>i << 3)));
        allHigh = f64x2.add(allHigh, v128.load(weights + (<usize>i << 3), 16));
      }
      positives = sumF64Lanes(f64x2.add(posLow, posHigh));
      all = sumF64Lanes(f64x2.add(allLow, allHigh));
    } else {
      let count = i32x4.splat(0);
      for (; i + 4 <= n; i += 4) count = i32x4.sub(count, labelMask4<L>(labels, i));
      positives = sumI32Lanes(count);
      all = <f64>(i & ~3);
    }
  }
  for (; i < n; i++) {
    const w = weightAt<W>(weights, i);
    if (labelIsPositive<L>(labels, i)) positives += w;
    all += w;
  }
  addF64(totals, positives);
  addF64(totals + 8, all);
}
