// Exact ranking: a stable LSD radix sort of the plan's keys (rankkeys.ts).
// One read pass writes the sort keys and counts every digit's histogram
// (Herf, "Radix Tricks", 2001); each digit then costs one scatter pass, and
// digits that are equal in every key are skipped. Digits are at most 11 bits
// (2048 buckets), spread evenly over the key's significant bits.
import {
  keys32x4, scoreKey, PLAN_MIN_KEY, PLAN_SHIFT, PLAN_KEY_BYTES, PLAN_KEY_BITS,
  PLAN_SCORES_F64, PLAN_UNIT_WEIGHTS, PLAN_COUNT, PLAN_SORTED_KEYS, PLAN_SORTED_WEIGHTS, PLAN_BYTES,
} from "./rankkeys";

const MAX_DIGIT_BITS: u32 = 11;
const BUCKETS: u32 = 1 << MAX_DIGIT_BITS;
const HISTOGRAM_BYTES: usize = <usize>BUCKETS << 2;
const MAX_DIGITS: u32 = 6;

/** Bytes of the fixed workspace (plan, then one histogram per digit) the rank kernels need before the sample buffers. */
export function rankWorkspaceBytes(): i32 {
  return PLAN_BYTES + <i32>(<usize>MAX_DIGITS * HISTOGRAM_BYTES);
}

/**
 * Sorts the samples by score, ascending. Inputs: scores (float32, or float64 per
 * the plan), labels (bytes, non-zero = positive), weights (float64; samples of
 * weight 0 are dropped; 0 when the plan carries no weights, and an unfilled
 * buffer when it carries unit weights). `keys` may alias the scores and `weights`
 * the weights array: they are written in place. `otherKeys` and `otherWeights`
 * are the second buffers of the sort. Memory per sample: the two key buffers
 * (4 or 8 bytes each, per the plan) and, when weighted, the two weight buffers
 * (8 bytes each). Leaves the sorted keys' address (and the signed weights',
 * negative for positives) in the plan; returns the number of samples kept.
 */
export function rankSort(
  plan: usize, scores: usize, labels: usize, weights: usize, n: i32,
  keys: usize, otherKeys: usize, otherWeights: usize,
): i32 {
  const f64Scores = load<u32>(plan + PLAN_SCORES_F64) != 0;
  if (load<u32>(plan + PLAN_KEY_BYTES) == 4) {
    if (weights) {
      return f64Scores ? sortOf<f64, u32, f64>(plan, scores, labels, weights, n, keys, otherKeys, otherWeights)
        : sortOf<f32, u32, f64>(plan, scores, labels, weights, n, keys, otherKeys, otherWeights);
    }
    return f64Scores ? sortOf<f64, u32, i32>(plan, scores, labels, 0, n, keys, otherKeys, 0)
      : sortOf<f32, u32, i32>(plan, scores, labels, 0, n, keys, otherKeys, 0);
  }
  // Float32 keys need 8 bytes only with the label bit, so only unweighted float32 sorts get here.
  if (weights) return sortOf<f64, u64, f64>(plan, scores, labels, weights, n, keys, otherKeys, otherWeights);
  return f64Scores ? sortOf<f64, u64, i32>(plan, scores, labels, 0, n, keys, otherKeys, 0)
    : sortOf<f32, u64, i32>(plan, scores, labels, 0, n, keys, otherKeys, 0);
}

// F: score type (f32 | f64). K: key type (u32 | u64). W: f64 = weighted, i32 = unweighted.
function sortOf<F, K, W>(
  plan: usize, scores: usize, labels: usize, weights: usize, n: i32,
  keys: usize, otherKeys: usize, otherWeights: usize,
): i32 {
  const keyBits = load<u32>(plan + PLAN_KEY_BITS);
  const digits = keyBits ? (keyBits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS : 0;
  const width = digits ? (keyBits + digits - 1) / digits : 0;
  const histograms = plan + PLAN_BYTES;
  memory.fill(histograms, 0, <usize>digits * HISTOGRAM_BYTES);
  let count = n;
  if (!isFloat<W>() && sizeof<F>() == 4 && sizeof<K>() == 4 && ASC_FEATURE_SIMD) {
    packF32LabelKeys(plan, scores, labels, n, keys, histograms, digits, width);
  } else {
    count = packKeys<F, K, W>(plan, scores, labels, weights, n, keys, histograms, digits, width);
  }
  let source = keys, target = otherKeys;
  let sourceWeights = weights, targetWeights = otherWeights;
  const mask: u32 = (<u32>1 << width) - 1;
  for (let digit: u32 = 0; digit < digits; digit++) {
    const offsets = histograms + <usize>digit * HISTOGRAM_BYTES;
    if (!toOffsets(offsets, mask + 1, <u32>count)) continue;
    scatter<K, W>(source, target, sourceWeights, targetWeights, count, digit * width, mask, offsets);
    const keysNow = target; target = source; source = keysNow;
    const weightsNow = targetWeights; targetWeights = sourceWeights; sourceWeights = weightsNow;
  }
  store<u32>(plan + PLAN_COUNT, <u32>count);
  store<u32>(plan + PLAN_SORTED_KEYS, <u32>source);
  store<u32>(plan + PLAN_SORTED_WEIGHTS, isFloat<W>() ? <u32>sourceWeights : 0);
  return count;
}

/**
 * Turns a digit's counts into exclusive starting offsets. Returns false (and
 * leaves the counts) when one bucket holds every key: the pass would not move anything.
 */
function toOffsets(offsets: usize, buckets: u32, count: u32): bool {
  let total: u32 = 0;
  for (let bucket: u32 = 0; bucket < buckets; bucket++) {
    const address = offsets + (<usize>bucket << 2);
    const c = load<u32>(address);
    if (c == count) return false;
    store<u32>(address, total);
    total += c;
  }
  return true;
}

// @ts-ignore: decorator
@inline function bump(histogram: usize, bucket: u32, add: u32): void {
  const address = histogram + (<usize>bucket << 2);
  store<u32>(address, load<u32>(address) + add);
}

/** Counts the key's digits (all of them, in one call) in their histograms. */
// @ts-ignore: decorator
@inline function countDigits<K>(histograms: usize, key: K, digits: u32, width: u32, mask: u32, add: u32): void {
  bump(histograms, <u32>key & mask, add);
  if (digits > 1) bump(histograms + HISTOGRAM_BYTES, <u32>(key >> <K>width) & mask, add);
  if (digits > 2) bump(histograms + 2 * HISTOGRAM_BYTES, <u32>(key >> <K>(width * 2)) & mask, add);
  if (sizeof<K>() == 8) {
    if (digits > 3) bump(histograms + 3 * HISTOGRAM_BYTES, <u32>(key >> <K>(width * 3)) & mask, add);
    if (digits > 4) bump(histograms + 4 * HISTOGRAM_BYTES, <u32>(key >> <K>(width * 4)) & mask, add);
    if (digits > 5) bump(histograms + 5 * HISTOGRAM_BYTES, <u32>(key >> <K>(width * 5)) & mask, add);
  }
}

/**
 * Writes the sort keys ((key - min) >> shift, then the label bit when unweighted)
 * and, when weighted, the weights signed by label (negative = positive label),
 * dropping zero weights; counts the digits. Returns the samples kept.
 */
function packKeys<F, K, W>(
  plan: usize, scores: usize, labels: usize, weights: usize, n: i32,
  keys: usize, histograms: usize, digits: u32, width: u32,
): i32 {
  const lowest = load<u64>(plan + PLAN_MIN_KEY);
  const shift = <u64>load<u32>(plan + PLAN_SHIFT);
  const unitWeights = load<u32>(plan + PLAN_UNIT_WEIGHTS) != 0;
  const mask: u32 = (<u32>1 << width) - 1;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const positive = <u64>(load<u8>(labels + <usize>i) != 0);
    const reduced = (scoreKey<F>(scores, i) - lowest) >> shift;
    if (isFloat<W>()) {
      const weight = unitWeights ? 1.0 : load<f64>(weights + (<usize>i << 3));
      const keep = <u32>(weight != 0);
      const key = <K>reduced;
      // Writes at `kept` <= i, so the key and weight arrays may alias the inputs.
      store<K>(keys + (<usize>kept << alignof<K>()), key);
      store<f64>(weights + (<usize>kept << 3), positive ? -weight : weight);
      countDigits<K>(histograms, key, digits, width, mask, keep);
      kept += <i32>keep;
    } else {
      const key = <K>((reduced << 1) | positive);
      store<K>(keys + (<usize>i << alignof<K>()), key);
      countDigits<K>(histograms, key, digits, width, mask, 1);
    }
  }
  return isFloat<W>() ? kept : n;
}

/** packKeys for float32 scores and 32-bit keys with the label bit, four samples at a time. */
function packF32LabelKeys(
  plan: usize, scores: usize, labels: usize, n: i32,
  keys: usize, histograms: usize, digits: u32, width: u32,
): void {
  const lowest = <u32>load<u64>(plan + PLAN_MIN_KEY);
  const shift = load<u32>(plan + PLAN_SHIFT);
  const mask: u32 = (<u32>1 << width) - 1;
  const lowestLanes = i32x4.splat(<i32>lowest);
  const one = i32x4.splat(1);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const reduced = i32x4.shr_u(i32x4.sub(keys32x4(v128.load(scores + (<usize>i << 2))), lowestLanes), shift);
    const label = i32x4.min_u(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(labels + <usize>i))), one);
    const packed = v128.or(i32x4.shl(reduced, 1), label);
    v128.store(keys + (<usize>i << 2), packed);
    countDigits<u32>(histograms, <u32>i32x4.extract_lane(packed, 0), digits, width, mask, 1);
    countDigits<u32>(histograms, <u32>i32x4.extract_lane(packed, 1), digits, width, mask, 1);
    countDigits<u32>(histograms, <u32>i32x4.extract_lane(packed, 2), digits, width, mask, 1);
    countDigits<u32>(histograms, <u32>i32x4.extract_lane(packed, 3), digits, width, mask, 1);
  }
  for (; i < n; i++) {
    const positive = <u32>(load<u8>(labels + <usize>i) != 0);
    const key = (((<u32>scoreKey<f32>(scores, i) - lowest) >> shift) << 1) | positive;
    store<u32>(keys + (<usize>i << 2), key);
    countDigits<u32>(histograms, key, digits, width, mask, 1);
  }
}

/** One stable counting-sort pass on the digit at `shift`; weights move with their keys. */
function scatter<K, W>(
  source: usize, target: usize, sourceWeights: usize, targetWeights: usize,
  n: i32, shift: u32, mask: u32, offsets: usize,
): void {
  for (let i = 0; i < n; i++) {
    const key = load<K>(source + (<usize>i << alignof<K>()));
    const slot = offsets + (<usize>(<u32>(key >> <K>shift) & mask) << 2);
    const at = load<u32>(slot);
    store<u32>(slot, at + 1);
    store<K>(target + (<usize>at << alignof<K>()), key);
    if (isFloat<W>()) store<f64>(targetWeights + (<usize>at << 3), load<f64>(sourceWeights + (<usize>i << 3)));
  }
}
