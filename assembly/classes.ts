// Row-wise class kernels for the categorical accuracy family. A row holds the
// f32 scores of C classes; its target class is a class id (f64, one per row) or
// the first argmax of an f32 label row. A row is a hit when fewer than k scores
// beat the target's score:
//   top-k (Keras in_top_k): only strictly greater scores beat it, so ties are hits;
//   argmax match (k = 1):   equal scores at lower indices beat it too, which is
//                           argmax's first-index rule without computing argmax.
// Kernels return flags: NON_FINITE when a score, label or weight is NaN or
// ±Infinity, INVALID_CLASS_ID when a finite class id is not an integer in
// [0, limit). Rows with such ids count as misses and never index outside their row.
import { addF64 } from "./lanes";
import { firstNonFinite } from "./validate";

const NON_FINITE: i32 = 1;
const INVALID_CLASS_ID: i32 = 2;

// @ts-ignore: decorator
@inline function isClassId(id: f64, limit: f64): i32 {
  return <i32>(id >= 0) & <i32>(id < limit) & <i32>(Math.trunc(id) == id);
}

// @ts-ignore: decorator
@inline function isFiniteValue(id: f64): i32 {
  return <i32>(Math.abs(id) < Infinity);
}

/** NON_FINITE when any of the row inputs is NaN or ±Infinity (one SIMD pass per contiguous input). */
function nonFiniteFlag(predictions: usize, predictionsAreF64: bool, values: i32,
  labels: usize, labelsAreF64: bool, labelValues: i32, weights: usize, rows: i32): i32 {
  let bad = firstNonFinite(predictions, predictionsAreF64, values) >= 0
    || firstNonFinite(labels, labelsAreF64, labelValues) >= 0;
  if (weights) bad = bad || firstNonFinite(weights, true, rows) >= 0;
  return bad ? NON_FINITE : 0;
}

/**
 * Accumulates out[0] += Σ w·hit and out[1] += Σ w over `rows` rows.
 * predictions: rows × classes f32. labels: f64 class ids when labelClasses is 0,
 * else rows × labelClasses f32 whose first argmax is the target (a miss when it
 * is ≥ classes). weights: one f64 per row, or 0 (unweighted).
 * breakTiesByIndex: argmax matching (use k = 1); otherwise in_top_k's rule.
 */
export function classTargetHits(
  predictions: usize, labels: usize, labelClasses: i32, weights: usize,
  rows: i32, classes: i32, k: i32, breakTiesByIndex: bool, out: usize,
): i32 {
  const idLabels = labelClasses == 0;
  if (ASC_FEATURE_SIMD) {
    if (classes >= 4 && classes <= 12 && (idLabels || (labelClasses >= 4 && labelClasses <= 12))) {
      // Rows fit three registers; this path checks scores and labels itself.
      let flags = weights && firstNonFinite(weights, true, rows) >= 0 ? NON_FINITE : 0;
      if (idLabels) {
        flags |= weights
          ? maskHitsOf<f64, f64>(predictions, labels, 0, weights, rows, classes, k, breakTiesByIndex, out)
          : maskHitsOf<f64, i32>(predictions, labels, 0, 0, rows, classes, k, breakTiesByIndex, out);
      } else {
        flags |= weights
          ? maskHitsOf<f32, f64>(predictions, labels, labelClasses, weights, rows, classes, k, breakTiesByIndex, out)
          : maskHitsOf<f32, i32>(predictions, labels, labelClasses, 0, rows, classes, k, breakTiesByIndex, out);
      }
      return flags;
    }
  }
  let flags = nonFiniteFlag(predictions, false, rows * classes, labels, idLabels, idLabels ? rows : rows * labelClasses, weights, rows);
  if (idLabels) {
    flags |= weights
      ? hitsOf<f64, f64>(predictions, labels, 0, weights, rows, classes, k, breakTiesByIndex, out)
      : hitsOf<f64, i32>(predictions, labels, 0, 0, rows, classes, k, breakTiesByIndex, out);
  } else {
    flags |= weights
      ? hitsOf<f32, f64>(predictions, labels, labelClasses, weights, rows, classes, k, breakTiesByIndex, out)
      : hitsOf<f32, i32>(predictions, labels, labelClasses, 0, rows, classes, k, breakTiesByIndex, out);
  }
  return flags;
}

// L: f64 = class ids, f32 = label rows. W: f64 = weighted, i32 = unweighted.
function hitsOf<L, W>(
  predictions: usize, labels: usize, labelClasses: i32, weights: usize,
  rows: i32, classes: i32, k: i32, breakTiesByIndex: bool, out: usize,
): i32 {
  let hits: f64 = 0, total: f64 = 0;
  let hitCount = 0, invalid = 0;
  const rowBytes = <usize>classes << 2;
  const labelRowBytes = <usize>labelClasses << 2;
  const limit = <f64>classes;
  for (let r = 0; r < rows; r++) {
    const row = predictions + <usize>r * rowBytes;
    let target: i32, valid: i32;
    if (sizeof<L>() == 8) {
      const id = load<f64>(labels + (<usize>r << 3));
      valid = isClassId(id, limit);
      invalid |= isFiniteValue(id) & (valid ^ 1);
      // Select before truncating: NaN or huge ids never reach the conversion.
      target = <i32>(valid ? id : 0);
    } else {
      target = firstArgmax(labels + <usize>r * labelRowBytes, labelClasses);
      valid = <i32>(target < classes);
      target = valid ? target : 0;
    }
    const score = load<f32>(row + (<usize>target << 2));
    const beating = breakTiesByIndex
      ? countBeating(row, classes, score, target, true)
      : countBeating(row, classes, score, target, false);
    const hit = valid & <i32>(beating < k);
    if (isFloat<W>()) {
      const w = load<f64>(weights + (<usize>r << 3));
      hits += w * <f64>hit;
      total += w;
    } else {
      hitCount += hit;
    }
  }
  if (!isFloat<W>()) {
    hits = <f64>hitCount;
    total = <f64>rows;
  }
  addF64(out, hits);
  addF64(out + 8, total);
  return invalid ? INVALID_CLASS_ID : 0;
}

/**
 * hitsOf for 4 ≤ classes ≤ 12 (and 4 ≤ labelClasses ≤ 12) with SIMD: a row is
 * held in three groups of 4 (overlapping when shorter) and its comparisons
 * become one bit mask, so a first argmax is a count of trailing zeros and the
 * scores beating the target a population count. Summed row spreads (max - min)
 * stand in for a separate finite check: NaN or ±Infinity makes the sum NaN or
 * infinite (as can an overflow, after which the caller's exact check finds nothing).
 */
function maskHitsOf<L, W>(
  predictions: usize, labels: usize, labelClasses: i32, weights: usize,
  rows: i32, classes: i32, k: i32, breakTiesByIndex: bool, out: usize,
): i32 {
  let hits: f64 = 0, total: f64 = 0;
  let hitCount = 0, invalid = 0, nonFiniteId = 0;
  let spreads = f32x4.splat(0);
  const rowBytes = <usize>classes << 2;
  const labelRowBytes = <usize>labelClasses << 2;
  const limit = <f64>classes;
  // Positions of the second and last groups; overlapping groups set the same mask bits again.
  const labelsMiddle = min(4, labelClasses - 4), labelsLast = labelClasses - 4;
  const scoresMiddle = min(4, classes - 4), scoresLast = classes - 4;
  // Argmax matching is "the target is the scores' first argmax", which does not wait for the target.
  const argmaxMatch = breakTiesByIndex && k == 1;
  for (let r = 0; r < rows; r++) {
    const row = predictions + <usize>r * rowBytes;
    let target: i32, valid: i32;
    if (sizeof<L>() == 8) {
      const id = load<f64>(labels + (<usize>r << 3));
      valid = isClassId(id, limit);
      const finite = isFiniteValue(id);
      nonFiniteId |= finite ^ 1;
      invalid |= finite & (valid ^ 1);
      target = <i32>(valid ? id : 0);
    } else {
      const y = labels + <usize>r * labelRowBytes;
      const y0 = v128.load(y), y1 = v128.load(y + (<usize>labelsMiddle << 2)), y2 = v128.load(y + (<usize>labelsLast << 2));
      const largest = f32x4.max(f32x4.max(y0, y1), y2);
      spreads = f32x4.add(spreads, f32x4.sub(largest, f32x4.min(f32x4.min(y0, y1), y2)));
      // 32 when the maximum is NaN (flagged), which is never < classes.
      target = ctz(mask3(y0, y1, y2, horizontalMax(largest), labelsMiddle, labelsLast, EQUAL));
      valid = <i32>(target < classes);
      target = valid ? target : 0;
    }
    const p0 = v128.load(row), p1 = v128.load(row + (<usize>scoresMiddle << 2)), p2 = v128.load(row + (<usize>scoresLast << 2));
    const largest = f32x4.max(f32x4.max(p0, p1), p2);
    spreads = f32x4.add(spreads, f32x4.sub(largest, f32x4.min(f32x4.min(p0, p1), p2)));
    let hit: i32;
    if (argmaxMatch) {
      hit = valid & <i32>(ctz(mask3(p0, p1, p2, horizontalMax(largest), scoresMiddle, scoresLast, EQUAL)) == target);
    } else {
      const score = f32x4.splat(load<f32>(row + (<usize>target << 2)));
      let beating = mask3(p0, p1, p2, score, scoresMiddle, scoresLast, GREATER);
      if (breakTiesByIndex) {
        beating |= mask3(p0, p1, p2, score, scoresMiddle, scoresLast, GREATER_OR_EQUAL) & ((<u32>1 << target) - 1);
      }
      hit = valid & <i32>(<i32>popcnt(beating) < k);
    }
    if (isFloat<W>()) {
      const w = load<f64>(weights + (<usize>r << 3));
      hits += w * <f64>hit;
      total += w;
    } else {
      hitCount += hit;
    }
  }
  if (!isFloat<W>()) {
    hits = <f64>hitCount;
    total = <f64>rows;
  }
  addF64(out, hits);
  addF64(out + 8, total);
  // NaN fails the comparison; a finite sum may overflow, which only sends the chunk to the exact check.
  const finite = i32x4.all_true(f32x4.lt(spreads, f32x4.splat(Infinity)));
  return (invalid ? INVALID_CLASS_ID : 0) | (finite & (nonFiniteId ^ 1) ? 0 : NON_FINITE);
}

const GREATER = 0;
const GREATER_OR_EQUAL = 1;
const EQUAL = 2;

/** Bit j of a row set where its value compares true against `x`'s lanes; the groups start at 0, `middle` and `last`. */
// @ts-ignore: decorator
@inline function mask3(v0: v128, v1: v128, v2: v128, x: v128, middle: i32, last: i32, comparison: i32): u32 {
  return <u32>i32x4.bitmask(compare4(v0, x, comparison))
    | <u32>i32x4.bitmask(compare4(v1, x, comparison)) << middle
    | <u32>i32x4.bitmask(compare4(v2, x, comparison)) << last;
}

// @ts-ignore: decorator
@inline function compare4(v: v128, x: v128, comparison: i32): v128 {
  if (comparison == GREATER) return f32x4.gt(v, x);
  if (comparison == GREATER_OR_EQUAL) return f32x4.ge(v, x);
  return f32x4.eq(v, x);
}

/** The largest of the 4 lanes, in every lane (NaN when one is NaN). */
// @ts-ignore: decorator
@inline function horizontalMax(v: v128): v128 {
  v = f32x4.max(v, i32x4.shuffle(v, v, 2, 3, 0, 1));
  return f32x4.max(v, i32x4.shuffle(v, v, 1, 0, 3, 2));
}

/** Scores in the row that beat the target's (see the file comment for the two rules). */
// @ts-ignore: decorator
@inline function countBeating(row: usize, classes: i32, score: f32, target: i32, breakTiesByIndex: bool): i32 {
  if (ASC_FEATURE_SIMD) {
    if (classes >= 4) {
      const scores = f32x4.splat(score);
      const targets = i32x4.splat(target);
      let index = i32x4(0, 1, 2, 3);
      let beaten = i32x4.splat(0);
      let j = 0;
      for (; j + 4 <= classes; j += 4) {
        beaten = i32x4.sub(beaten, beats4(v128.load(row + (<usize>j << 2)), scores, index, targets, breakTiesByIndex));
        index = i32x4.add(index, i32x4.splat(4));
      }
      if (j < classes) {
        // The last group overlaps the one before; its lanes below j were counted already.
        const last = classes - 4;
        const lastIndex = i32x4.add(i32x4.splat(last), i32x4(0, 1, 2, 3));
        const beats = beats4(v128.load(row + (<usize>last << 2)), scores, lastIndex, targets, breakTiesByIndex);
        beaten = i32x4.sub(beaten, v128.and(beats, i32x4.ge_s(lastIndex, i32x4.splat(j))));
      }
      beaten = i32x4.add(beaten, i32x4.shuffle(beaten, beaten, 2, 3, 0, 1));
      beaten = i32x4.add(beaten, i32x4.shuffle(beaten, beaten, 1, 0, 3, 2));
      return i32x4.extract_lane(beaten, 0);
    }
  }
  let count = 0;
  for (let j = 0; j < classes; j++) {
    const x = load<f32>(row + (<usize>j << 2));
    count += breakTiesByIndex
      ? <i32>(x > score) | (<i32>(x == score) & <i32>(j < target))
      : <i32>(x > score);
  }
  return count;
}

/** All-ones lanes whose score beats the target's; `index` holds the lanes' class indices. */
// @ts-ignore: decorator
@inline function beats4(v: v128, scores: v128, index: v128, targets: v128, breakTiesByIndex: bool): v128 {
  if (breakTiesByIndex) return v128.bitselect(f32x4.ge(v, scores), f32x4.gt(v, scores), i32x4.lt_s(index, targets));
  return f32x4.gt(v, scores);
}

/**
 * Index of the first largest of n ≥ 1 f32 values, branch-free (one-hot rows put
 * the maximum at an unpredictable place). With NaN the index may be ≥ n; the
 * finite check reports those rows.
 */
function firstArgmax(row: usize, n: i32): i32 {
  let j = 0;
  let best = 0;
  let bestValue = load<f32>(row);
  if (ASC_FEATURE_SIMD) {
    if (n >= 4) {
      // Per lane, the first maximum among positions ≡ lane (mod 4); then the lowest index among the largest lanes.
      let maxima = v128.load(row);
      let indices = i32x4(0, 1, 2, 3);
      let current = i32x4(4, 5, 6, 7);
      for (j = 4; j + 4 <= n; j += 4) {
        const v = v128.load(row + (<usize>j << 2));
        const greater = f32x4.gt(v, maxima);
        maxima = v128.bitselect(v, maxima, greater);
        indices = v128.bitselect(current, indices, greater);
        current = i32x4.add(current, i32x4.splat(4));
      }
      if (j < n) {
        // The last group overlaps the one before: each lane still sees its positions in increasing order.
        const last = n - 4;
        const v = v128.load(row + (<usize>last << 2));
        const greater = f32x4.gt(v, maxima);
        maxima = v128.bitselect(v, maxima, greater);
        indices = v128.bitselect(i32x4.add(i32x4.splat(last), i32x4(0, 1, 2, 3)), indices, greater);
        j = n;
      }
      let largest = f32x4.max(maxima, i32x4.shuffle(maxima, maxima, 2, 3, 0, 1));
      largest = f32x4.max(largest, i32x4.shuffle(largest, largest, 1, 0, 3, 2));
      let lowest = v128.bitselect(indices, i32x4.splat(i32.MAX_VALUE), f32x4.eq(maxima, largest));
      lowest = i32x4.min_s(lowest, i32x4.shuffle(lowest, lowest, 2, 3, 0, 1));
      lowest = i32x4.min_s(lowest, i32x4.shuffle(lowest, lowest, 1, 0, 3, 2));
      best = i32x4.extract_lane(lowest, 0);
      bestValue = f32x4.extract_lane(largest, 0);
    }
  }
  for (j = max(j, 1); j < n; j++) {
    const x = load<f32>(row + (<usize>j << 2));
    const greater = x > bestValue;
    best = select(j, best, greater);
    bestValue = select(x, bestValue, greater);
  }
  return best;
}

/**
 * Keras's from_sorted_ids top-k: each row of `classes` f64 ids is sorted by
 * score, and a row is a hit when its label id is among the first k. Accumulates
 * out[0] += Σ w·hit and out[1] += Σ w. Label ids must be non-negative integers.
 * Only the first k ids of a row are compared, so a scalar loop serves.
 */
export function sortedIdHits(
  predictionIds: usize, labels: usize, weights: usize, rows: i32, classes: i32, k: i32, out: usize,
): i32 {
  let flags = nonFiniteFlag(predictionIds, true, rows * classes, labels, true, rows, weights, rows);
  const compared = min(k, classes);
  const rowBytes = <usize>classes << 3;
  let hits: f64 = 0, total: f64 = 0;
  let invalid = 0;
  for (let r = 0; r < rows; r++) {
    const id = load<f64>(labels + (<usize>r << 3));
    invalid |= isFiniteValue(id) & (isClassId(id, Infinity) ^ 1);
    const row = predictionIds + <usize>r * rowBytes;
    let hit = 0;
    for (let j = 0; j < compared; j++) hit |= <i32>(load<f64>(row + (<usize>j << 3)) == id);
    const w = weights ? load<f64>(weights + (<usize>r << 3)) : 1.0;
    hits += w * <f64>hit;
    total += w;
  }
  addF64(out, hits);
  addF64(out + 8, total);
  return flags | (invalid ? INVALID_CLASS_ID : 0);
}

/** Index of the first finite id among n f64 values that is not an integer in [0, limit), or -1. */
export function firstInvalidClassId(ids: usize, n: i32, limit: f64): i32 {
  for (let i = 0; i < n; i++) {
    const id = load<f64>(ids + (<usize>i << 3));
    if (isFiniteValue(id) & (isClassId(id, limit) ^ 1)) return i;
  }
  return -1;
}
