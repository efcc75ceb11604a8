// Row kernels for the scikit-learn functional API, in float64: the log loss
// and Brier score of class-probability rows against a target class id, and
// top-k hits of score rows with scikit-learn's tie order. Rows are f64, or f32
// (then the machine epsilon and 1 - p of a binary column are float32's, as
// numpy computes them in the input's dtype).
import { valueAt } from "./lanes";

export const LOG_LOSS: i32 = 0;
export const BRIER: i32 = 1;

/** 1 - p computed in the input's precision. */
// @ts-ignore: decorator
@inline function complement<T>(p: f64): f64 {
  if (sizeof<T>() == 4) return <f64>(<f32>1.0 - <f32>p);
  return 1.0 - p;
}

// @ts-ignore: decorator
@inline function isProbability(p: f64): bool {
  return p >= 0 && p <= 1;
}

/**
 * Per-row loss of `rows` rows of `width` probabilities against target class
 * ids (i32), weighted by one f64 per row (or 1 when weights is 0):
 *   LOG_LOSS: -log(clip(p[target], epsilon, 1 - epsilon));
 *   BRIER:    Σ_j (p[j] - [j == target])².
 * Width 1 is a binary task's P(class 1): the row is [1 - p, p].
 * Accumulates out[0] += Σ w·loss, out[1] += Σ w, and out[2] += the number of
 * rows (width >= 2) whose sum differs from 1 by more than `tolerance`.
 * Returns the index of the first row holding a value outside [0, 1] (NaN
 * included; the caller discards the sums), or -1.
 */
export function probabilityRowLosses(
  op: i32, probabilities: usize, isF64: bool, targets: usize, weights: usize,
  rows: i32, width: i32, epsilon: f64, tolerance: f64, out: usize,
): i32 {
  if (isF64) return rowLossesOf<f64>(op, probabilities, targets, weights, rows, width, epsilon, tolerance, out);
  return rowLossesOf<f32>(op, probabilities, targets, weights, rows, width, epsilon, tolerance, out);
}

function rowLossesOf<T>(
  op: i32, probabilities: usize, targets: usize, weights: usize,
  rows: i32, width: i32, epsilon: f64, tolerance: f64, out: usize,
): i32 {
  // One inlined loop per operation: each sees a constant `brier`, so its body is a single formula.
  if (op == LOG_LOSS) return rowSums<T>(false, probabilities, targets, weights, rows, width, epsilon, tolerance, out);
  return rowSums<T>(true, probabilities, targets, weights, rows, width, epsilon, tolerance, out);
}

// @ts-ignore: decorator
@inline function rowSums<T>(
  brier: bool, probabilities: usize, targets: usize, weights: usize,
  rows: i32, width: i32, epsilon: f64, tolerance: f64, out: usize,
): i32 {
  let total: f64 = 0, weightTotal: f64 = 0, unnormalised: f64 = 0;
  const high = 1.0 - epsilon;
  for (let r = 0; r < rows; r++) {
    const row = probabilities + <usize>r * <usize>width * sizeof<T>();
    const target = load<i32>(targets + (<usize>r << 2));
    let loss: f64 = 0;
    if (width == 1) {
      const p = valueAt<T>(row, 0);
      if (!isProbability(p)) return r;
      const q = complement<T>(p);
      if (brier) {
        const y = <f64>target;
        const negative = (1 - y) - q, positive = y - p;
        loss = negative * negative + positive * positive;
      } else {
        loss = -Math.log(min(max(target == 1 ? p : q, epsilon), high));
      }
    } else {
      // The row's sum, the range test and (Brier) Σ (p - onehot)².
      let sum: f64 = 0, squares: f64 = 0, valid = true;
      let j = 0;
      if (ASC_FEATURE_SIMD) {
        if (sizeof<T>() == 8) {
          let sums = f64x2.splat(0), squared = f64x2.splat(0), bad = i32x4.splat(0);
          const zero = f64x2.splat(0), one = f64x2.splat(1), targets = i64x2.splat(<i64>target), two = i64x2.splat(2);
          let index = i64x2(0, 1);
          for (; j + 2 <= width; j += 2) {
            const p = v128.load(row + (<usize>j << 3));
            bad = v128.or(bad, v128.not(v128.and(f64x2.ge(p, zero), f64x2.le(p, one))));
            sums = f64x2.add(sums, p);
            if (brier) {
              const difference = f64x2.sub(p, v128.and(one, i64x2.eq(index, targets)));
              squared = f64x2.add(squared, f64x2.mul(difference, difference));
              index = i64x2.add(index, two);
            }
          }
          sum = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
          squares = f64x2.extract_lane(squared, 0) + f64x2.extract_lane(squared, 1);
          valid = !v128.any_true(bad);
        }
      }
      for (; j < width; j++) {
        const p = valueAt<T>(row, j);
        valid = valid && isProbability(p);
        sum += p;
        if (brier) {
          const difference = p - <f64>(j == target);
          squares += difference * difference;
        }
      }
      if (!valid) return r;
      unnormalised += <f64>(Math.abs(sum - 1) > tolerance);
      loss = brier ? squares : -Math.log(min(max(valueAt<T>(row, target), epsilon), high));
    }
    const w = weights ? load<f64>(weights + (<usize>r << 3)) : 1.0;
    total += w * loss;
    weightTotal += w;
  }
  store<f64>(out, load<f64>(out) + total);
  store<f64>(out, load<f64>(out, 8) + weightTotal, 8);
  store<f64>(out, load<f64>(out, 16) + unnormalised, 16);
  return -1;
}

/**
 * Top-k hits of `rows` rows of `width` scores against target class ids (i32),
 * weighted by one f64 per row (or 1). scikit-learn ranks a row by a stable
 * ascending argsort, reversed: a score outranks the target's when it is
 * greater, or equal at a higher class index. A row is a hit when fewer than k
 * scores outrank its target's. Accumulates out[0] += Σ w·hit, out[1] += Σ w.
 * Width 1 is a binary task's score: out[0] += Σ w·[(s > 0.5) == target],
 * out[2] += Σ w·[(s > 0) == target] (the threshold depends on whether all
 * scores lie in [0, 1], which out[3] = min and out[4] = max tell the caller).
 * Returns 1 when a score is NaN or ±Infinity, else 0.
 */
export function topKHits(
  scores: usize, isF64: bool, targets: usize, weights: usize, rows: i32, width: i32, k: i32, out: usize,
): i32 {
  if (isF64) return topKOf<f64>(scores, targets, weights, rows, width, k, out);
  return topKOf<f32>(scores, targets, weights, rows, width, k, out);
}

function topKOf<T>(scores: usize, targets: usize, weights: usize, rows: i32, width: i32, k: i32, out: usize): i32 {
  let hits: f64 = 0, weightTotal: f64 = 0, hitsAtZero: f64 = 0;
  let low = load<f64>(out, 24), high = load<f64>(out, 32);
  let nonFinite = 0;
  for (let r = 0; r < rows; r++) {
    const row = scores + <usize>r * <usize>width * sizeof<T>();
    const target = load<i32>(targets + (<usize>r << 2));
    const w = weights ? load<f64>(weights + (<usize>r << 3)) : 1.0;
    weightTotal += w;
    if (width == 1) {
      const s = valueAt<T>(row, 0);
      nonFinite |= <i32>!(Math.abs(s) < Infinity);
      low = min(low, s);
      high = max(high, s);
      hits += w * <f64>(<i32>(s > 0.5) == target);
      hitsAtZero += w * <f64>(<i32>(s > 0) == target);
      continue;
    }
    const score = valueAt<T>(row, target);
    let outranking = 0;
    for (let j = 0; j < width; j++) {
      const s = valueAt<T>(row, j);
      nonFinite |= <i32>!(Math.abs(s) < Infinity);
      outranking += <i32>(s > score) | (<i32>(s == score) & <i32>(j > target));
    }
    hits += w * <f64>(outranking < k);
  }
  store<f64>(out, load<f64>(out) + hits);
  store<f64>(out, load<f64>(out, 8) + weightTotal, 8);
  store<f64>(out, load<f64>(out, 16) + hitsAtZero, 16);
  store<f64>(out, low, 24);
  store<f64>(out, high, 32);
  return nonFinite;
}
