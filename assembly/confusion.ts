// Binary confusion counts at an explicit list of thresholds (Keras's standard
// path): an element is predicted positive when prediction > threshold
// (strict, in float32 like Keras's float32 metric variables). The first
// threshold's pass also sums the label totals and checks every input for
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
  const nonFinite = countFirstThreshold<L, W>(predictions, labels, weights, n, load<f32>(thresholds), out, out + (<usize>numThresholds << 3), totals);
  for (let t = 1; t < numThresholds; t++) {
    countThreshold<L, W>(predictions, labels, weights, n, load<f32>(thresholds + (<usize>t << 2)),
      out + (<usize>t << 3), out + (<usize>(numThresholds + t) << 3));
  }
  return nonFinite;
}

/** tp and fp at one threshold, plus label totals and the non-finite check. */
function countFirstThreshold<L, W>(
  predictions: usize, labels: usize, weights: usize, n: i32, threshold: f32,
  tpOut: usize, fpOut: usize, totals: usize,
): i32 {
  let tp: f64 = 0, fp: f64 = 0, positives: f64 = 0, all: f64 = 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    const splat = f32x4.splat(threshold);
    let badLanes = i32x4.splat(0);
    if (isFloat<W>()) {
      let tpLow = f64x2.splat(0), tpHigh = f64x2.splat(0), fpLow = f64x2.splat(0), fpHigh = f64x2.splat(0);
      let posLow = f64x2.splat(0), posHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
      for (; i + 4 <= n; i += 4) {
        const prediction = v128.load(predictions + (<usize>i << 2));
        const predictedPositive = f32x4.gt(prediction, splat);
        const positive = labelMask4<L>(labels, i);
        const truePositive = v128.and(predictedPositive, positive);
        const falsePositive = v128.andnot(predictedPositive, positive);
        tpLow = f64x2.add(tpLow, maskedWeightLow(weights, i, truePositive));
        tpHigh = f64x2.add(tpHigh, maskedWeightHigh(weights, i, truePositive));
        fpLow = f64x2.add(fpLow, maskedWeightLow(weights, i, falsePositive));
        fpHigh = f64x2.add(fpHigh, maskedWeightHigh(weights, i, falsePositive));
        posLow = f64x2.add(posLow, maskedWeightLow(weights, i, positive));
        posHigh = f64x2.add(posHigh, maskedWeightHigh(weights, i, positive));
        allLow = f64x2.add(allLow, v128.load(weights + (<usize>i << 3)));
        allHigh = f64x2.add(allHigh, v128.load(weights + (<usize>i << 3), 16));
        badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(prediction, labels, i), nonFiniteWeights4<W>(weights, i)));
      }
      tp = sumF64Lanes(f64x2.add(tpLow, tpHigh));
      fp = sumF64Lanes(f64x2.add(fpLow, fpHigh));
      positives = sumF64Lanes(f64x2.add(posLow, posHigh));
      all = sumF64Lanes(f64x2.add(allLow, allHigh));
    } else {
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
      tp = sumI32Lanes(tpCount);
      fp = sumI32Lanes(fpCount);
      positives = sumI32Lanes(posCount);
      all = <f64>i;
    }
    bad = <i32>v128.any_true(badLanes);
  }
  if (isFloat<W>()) {
    for (; i < n; i++) {
      const w = load<f64>(weights + (<usize>i << 3));
      const predicted = <i32>(load<f32>(predictions + (<usize>i << 2)) > threshold);
      const positive = labelIsPositive<L>(labels, i);
      // Branch-free: random labels would mispredict a branch half the time.
      tp += w * <f64>(predicted & positive);
      fp += w * <f64>(predicted & (positive ^ 1));
      positives += w * <f64>positive;
      all += w;
      bad |= elementNonFinite<L, W>(predictions, labels, weights, i);
    }
  } else {
    let tpCount = 0, fpCount = 0, posCount = 0;
    for (let j = i; j < n; j++) {
      const predicted = <i32>(load<f32>(predictions + (<usize>j << 2)) > threshold);
      const positive = labelIsPositive<L>(labels, j);
      tpCount += predicted & positive;
      fpCount += predicted & (positive ^ 1);
      posCount += positive;
      bad |= elementNonFinite<L, W>(predictions, labels, weights, j);
    }
    tp += <f64>tpCount;
    fp += <f64>fpCount;
    positives += <f64>posCount;
    all += <f64>(n - i);
  }
  addF64(tpOut, tp);
  addF64(fpOut, fp);
  addF64(totals, positives);
  addF64(totals + 8, all);
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
