// Element-wise equality (Keras Accuracy): an element matches when its label
// equals its prediction, both in float32 (Keras casts y_true to y_pred's dtype).
import {
  labelValues4, labelValue, maskedWeightLow, maskedWeightHigh, sumI32Lanes, sumF64Lanes, addF64,
  nonFiniteInputs4, nonFiniteWeights4, elementNonFinite,
} from "./lanes";

/** Accumulates out[0] += Σ w·(label == prediction) and out[1] += Σ w; returns 1 when an input is NaN or ±Infinity. */
export function elementEqualitySums(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize, n: i32, out: usize,
): i32 {
  if (labelsAreBytes) {
    if (weights) return equalityOf<u8, f64>(predictions, labels, weights, n, out);
    return equalityOf<u8, i32>(predictions, labels, 0, n, out);
  }
  if (weights) return equalityOf<f32, f64>(predictions, labels, weights, n, out);
  return equalityOf<f32, i32>(predictions, labels, 0, n, out);
}

function equalityOf<L, W>(predictions: usize, labels: usize, weights: usize, n: i32, out: usize): i32 {
  let matched: f64 = 0, total: f64 = 0;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    let badLanes = i32x4.splat(0);
    if (isFloat<W>()) {
      let matchLow = f64x2.splat(0), matchHigh = f64x2.splat(0), allLow = f64x2.splat(0), allHigh = f64x2.splat(0);
      for (; i + 4 <= n; i += 4) {
        const prediction = v128.load(predictions + (<usize>i << 2));
        const match = f32x4.eq(labelValues4<L>(labels, i), prediction);
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
        count = i32x4.sub(count, f32x4.eq(labelValues4<L>(labels, i), prediction));
        badLanes = v128.or(badLanes, nonFiniteInputs4<L>(prediction, labels, i));
      }
      matched = sumI32Lanes(count);
      total = <f64>i;
    }
    bad = <i32>v128.any_true(badLanes);
  }
  let matchedCount = 0;
  for (; i < n; i++) {
    const match = <i32>(labelValue<L>(labels, i) == load<f32>(predictions + (<usize>i << 2)));
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
