// Binary confusion counts at an explicit list of thresholds (Keras's standard
// path): an element is predicted positive when prediction > threshold
// (strict, in float32 like Keras's float32 metric variables). Unweighted, the
// first threshold's pass also sums the label totals and checks every input for
// NaN/Infinity, so a one-threshold metric reads each chunk once.
import {
  labelMask4, labelIsPositive, weightAt, maskedWeightLow, maskedWeightHigh, sumI32Lanes, sumF64Lanes, addF64,
  nonFiniteInputs4, nonFiniteWeights4, elementNonFinite,
} from "./lanes";

/**
 * Accumulates into `out` (f64): tp[0..T), fp[T..2T), then the weighted totals of
 * positive and of all elements at out[2T] and out[2T+1].
 * predictions: f32; labels: u8 when labelsAreBytes, else f32; weights: f64 or 0 (unweighted).
 * Returns 1 when a prediction, float label or weight is NaN or ±Infinity, else 0.
 */
export function countAtThresholds(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  n: i32, thresholds: usize, numThresholds: i32, out: usize,
): i32 {
  if (labelsAreBytes) {
    if (weights) return countAtThresholdsOf<u8, f64>(predictions, labels, weights, n, thresholds, numThresholds, out);
    return countAtThresholdsOf<u8, i32>(predictions, labels, 0, n, thresholds, numThresholds, out);
  }
  if (weights) return countAtThresholdsOf<f32, f64>(predictions, labels, weights, n, thresholds, numThresholds, out);
  return countAtThresholdsOf<f32, i32>(predictions, labels, 0, n, thresholds, numThresholds, out);
}

function countAtThresholdsOf<L, W>(
  predictions: usize, labels: usize, weights: usize,
  n: i32, thresholds: usize, numThresholds: i32, out: usize,
): i32 {
  const totals = out + (<usize>numThresholds << 4);
  let nonFinite: i32;
  let t = 0;
  if (isFloat<W>()) {
    nonFinite = weightedTotals<L>(predictions, labels, weights, n, totals);
  } else {
    // Unweighted, the first threshold's pass also counts labels and checks inputs.
    nonFinite = countFirstThreshold<L>(predictions, labels, n, load<f32>(thresholds), out, out + (<usize>numThresholds << 3), totals);
    t = 1;
  }
  for (; t < numThresholds; t++) {
    countThreshold<L, W>(predictions, labels, weights, n, load<f32>(thresholds + (<usize>t << 2)),
      out + (<usize>t << 3), out + (<usize>(numThresholds + t) << 3));
  }
  return nonFinite;
}

/** Weighted totals of positive and of all elements, and the non-finite check. */
function weightedTotals<L>(predictions: usize, labels: usize, weights: usize, n: i32, totals: usize): i32 {
  let positives: f64 = 0, all: f64 = 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    let posLow = f64x2.splat(0), posHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
    let badLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const positive = labelMask4<L>(labels, i);
      posLow = f64x2.add(posLow, maskedWeightLow(weights, i, positive));
      posHigh = f64x2.add(posHigh, maskedWeightHigh(weights, i, positive));
      allLow = f64x2.add(allLow, v128.load(weights + (<usize>i << 3)));
      allHigh = f64x2.add(allHigh, v128.load(weights + (<usize>i << 3), 16));
      const prediction = v128.load(predictions + (<usize>i << 2));
      badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(prediction, labels, i), nonFiniteWeights4<f64>(weights, i)));
    }
    positives = sumF64Lanes(f64x2.add(posLow, posHigh));
    all = sumF64Lanes(f64x2.add(allLow, allHigh));
    bad = <i32>v128.any_true(badLanes);
  }
  for (; i < n; i++) {
    const w = load<f64>(weights + (<usize>i << 3));
    positives += w * <f64>labelIsPositive<L>(labels, i);
    all += w;
    bad |= elementNonFinite<L, f64>(predictions, labels, weights, i);
  }
  addF64(totals, positives);
  addF64(totals + 8, all);
  return bad;
}

/** Unweighted tp and fp at one threshold, plus label totals and the non-finite check, in one pass. */
function countFirstThreshold<L>(
  predictions: usize, labels: usize, n: i32, threshold: f32, tpOut: usize, fpOut: usize, totals: usize,
): i32 {
  let tp = 0, fp = 0, positives = 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    const splat = f32x4.splat(threshold);
    let badLanes = i32x4.splat(0);
    // Masks are all-ones (-1) lanes, so subtracting them counts.
    let tpCount = i32x4.splat(0), fpCount = i32x4.splat(0), posCount = i32x4.splat(0);
    // Eight elements per iteration: two independent groups of four.
    for (; i + 8 <= n; i += 8) {
      const predictionA = v128.load(predictions + (<usize>i << 2));
      const predictionB = v128.load(predictions + (<usize>i << 2), 16);
      const predictedA = f32x4.gt(predictionA, splat), predictedB = f32x4.gt(predictionB, splat);
      const positiveA = labelMask4<L>(labels, i), positiveB = labelMask4<L>(labels, i + 4);
      tpCount = i32x4.sub(tpCount, i32x4.add(v128.and(predictedA, positiveA), v128.and(predictedB, positiveB)));
      fpCount = i32x4.sub(fpCount, i32x4.add(v128.andnot(predictedA, positiveA), v128.andnot(predictedB, positiveB)));
      posCount = i32x4.sub(posCount, i32x4.add(positiveA, positiveB));
      badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(predictionA, labels, i), nonFiniteInputs4<L>(predictionB, labels, i + 4)));
    }
    for (; i + 4 <= n; i += 4) {
      const prediction = v128.load(predictions + (<usize>i << 2));
      const predictedPositive = f32x4.gt(prediction, splat);
      const positive = labelMask4<L>(labels, i);
      tpCount = i32x4.sub(tpCount, v128.and(predictedPositive, positive));
      fpCount = i32x4.sub(fpCount, v128.andnot(predictedPositive, positive));
      posCount = i32x4.sub(posCount, positive);
      badLanes = v128.or(badLanes, nonFiniteInputs4<L>(prediction, labels, i));
    }
    tp = <i32>sumI32Lanes(tpCount);
    fp = <i32>sumI32Lanes(fpCount);
    positives = <i32>sumI32Lanes(posCount);
    bad = <i32>v128.any_true(badLanes);
  }
  for (let j = i; j < n; j++) {
    // Branch-free: random labels would mispredict a branch half the time.
    const predicted = <i32>(load<f32>(predictions + (<usize>j << 2)) > threshold);
    const positive = labelIsPositive<L>(labels, j);
    tp += predicted & positive;
    fp += predicted & (positive ^ 1);
    positives += positive;
    bad |= elementNonFinite<L, i32>(predictions, labels, 0, j);
  }
  addF64(tpOut, <f64>tp);
  addF64(fpOut, <f64>fp);
  addF64(totals, <f64>positives);
  addF64(totals + 8, <f64>n);
  return bad;
}

/** tp and fp at one further threshold. */
function countThreshold<L, W>(
  predictions: usize, labels: usize, weights: usize, n: i32, threshold: f32, tpOut: usize, fpOut: usize,
): void {
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
  let tpCount = 0, fpCount = 0;
  for (; i < n; i++) {
    const predicted = <i32>(load<f32>(predictions + (<usize>i << 2)) > threshold);
    const positive = labelIsPositive<L>(labels, i);
    if (isFloat<W>()) {
      const w = weightAt<W>(weights, i);
      tp += w * <f64>(predicted & positive);
      fp += w * <f64>(predicted & (positive ^ 1));
    } else {
      tpCount += predicted & positive;
      fpCount += predicted & (positive ^ 1);
    }
  }
  addF64(tpOut, tp + <f64>tpCount);
  addF64(fpOut, fp + <f64>fpCount);
}
