// Exact ranking: a radix sort of the plan's keys (rankkeys.ts). The read pass
// that writes the sort keys also counts their top digit; one scatter pass then
// splits the samples by that digit into up to 2048 buckets, each small enough
// (about N/2048 samples) to finish in cache: a stable LSD radix sort on the
// remaining digits, all of a bucket's digit histograms counted in one read
// (Herf, "Radix Tricks", 2001), digits equal across the bucket skipped, and
// insertion sort for tiny buckets. Only the top-digit pass goes through main
// memory twice; the ROC AUC sweep runs on each bucket while it is still in cache.
import {
  keys32x4, keys64x2, scoreKey, PLAN_MIN_KEY, PLAN_SHIFT, PLAN_KEY_BYTES, PLAN_KEY_BITS, PLAN_PAYLOAD,
  PLAN_SCORES_F64, PLAN_COUNT, PLAN_SORTED_KEYS, PLAN_SORTED_PAYLOAD, PLAN_BYTES, PAYLOAD_WEIGHTS,
} from "./rankkeys";
import { startSweep, sweepCounted, sweepWeighted, finishSweep } from "./ranksweep";

const MAX_DIGIT_BITS: u32 = 11;
const BUCKETS: u32 = 1 << MAX_DIGIT_BITS;
const HISTOGRAM_BYTES: usize = <usize>BUCKETS << 2;
/** The top digit and up to five more (64 - 11 bits in digits of at most 11). */
const MAX_DIGITS: u32 = 6;
/** Buckets up to this size are insertion-sorted (cheaper than clearing their histograms). */
const INSERTION_SORT_MAX: i32 = 24;

/** Bytes of the fixed workspace (plan, then the digit histograms) the rank kernels need before the sample buffers. */
export function rankWorkspaceBytes(): i32 {
  return PLAN_BYTES + <i32>(<usize>MAX_DIGITS * HISTOGRAM_BYTES);
}

/**
 * Sorts the samples by score, ascending. Inputs: scores (float32, or float64 per
 * the plan), labels (bytes, non-zero = positive), weights (float64, or 0 when
 * unweighted; samples of weight 0 are dropped). `keys` may alias the scores:
 * keys and weights are written in place of the inputs. `otherKeys` and
 * `otherPayload` are the second buffers of the sort (the latter for weights).
 * Memory per sample: the two key buffers (4 or 8 bytes each, per the plan) and,
 * when weighted, the two weight buffers (8 bytes each). Leaves the sorted keys' and payload's
 * addresses in the plan. When `sums` is not 0, also writes there
 * [pairs, positive weight, negative weight] (see ranksweep.ts). Returns the
 * number of samples kept.
 */
export function rankSort(
  plan: usize, scores: usize, labels: usize, weights: usize, n: i32,
  keys: usize, otherKeys: usize, otherPayload: usize, sums: usize,
): i32 {
  const weighted = load<u32>(plan + PLAN_PAYLOAD) == PAYLOAD_WEIGHTS;
  const wide = load<u32>(plan + PLAN_KEY_BYTES) == 8;
  const f64Scores = load<u32>(plan + PLAN_SCORES_F64) != 0;
  const keyBits = load<u32>(plan + PLAN_KEY_BITS);
  const topWidth = keyBits < MAX_DIGIT_BITS ? keyBits : MAX_DIGIT_BITS;
  const topShift = keyBits - topWidth;
  const top = plan + PLAN_BYTES;
  memory.fill(top, 0, <usize>(1 << topWidth) << 2);
  // One packing loop per score type and key width; the sort itself depends only on the key width and payload.
  let count = n;
  if (weighted) {
    // Float32 keys span at most 32 bits, so weighted float32 keys always fit 4 bytes.
    if (!f64Scores) count = packKeys<f32, u32, f64>(plan, scores, labels, weights, n, keys, top, topShift);
    else if (wide) count = packKeys<f64, u64, f64>(plan, scores, labels, weights, n, keys, top, topShift);
    else count = packKeys<f64, u32, f64>(plan, scores, labels, weights, n, keys, top, topShift);
  } else if (!f64Scores) {
    if (wide) packKeys<f32, u64, i32>(plan, scores, labels, 0, n, keys, top, topShift);
    else if (ASC_FEATURE_SIMD) packF32LabelKeys(plan, scores, labels, n, keys, top, topShift);
    else packKeys<f32, u32, i32>(plan, scores, labels, 0, n, keys, top, topShift);
  } else if (wide) {
    if (ASC_FEATURE_SIMD) packF64LabelKeys(plan, scores, labels, n, keys, top, topShift);
    else packKeys<f64, u64, i32>(plan, scores, labels, 0, n, keys, top, topShift);
  } else {
    packKeys<f64, u32, i32>(plan, scores, labels, 0, n, keys, top, topShift);
  }
  if (weighted) {
    if (wide) sortPacked<u64, f64>(plan, count, keys, otherKeys, weights, otherPayload, sums);
    else sortPacked<u32, f64>(plan, count, keys, otherKeys, weights, otherPayload, sums);
  } else {
    if (wide) sortPacked<u64, i32>(plan, count, keys, otherKeys, 0, 0, sums);
    else sortPacked<u32, i32>(plan, count, keys, otherKeys, 0, 0, sums);
  }
  return count;
}

/** Whether the payload type P (f64: weights, i32: none) moves with the keys. */
// @ts-ignore: decorator
@inline function carries<P>(): bool {
  return isFloat<P>();
}

/**
 * Sorts the `count` packed keys (and the weights beside them when P is f64),
 * their top digit already counted: the scatter on the top digit, then each
 * top bucket sorted in cache and swept while hot. K: key type (u32 | u64).
 * P: payload (f64 weights | i32 none).
 */
function sortPacked<K, P>(plan: usize, count: i32, keys: usize, otherKeys: usize, payload: usize, otherPayload: usize, sums: usize): void {
  const keyBits = load<u32>(plan + PLAN_KEY_BITS);
  const topWidth = keyBits < MAX_DIGIT_BITS ? keyBits : MAX_DIGIT_BITS;
  const topShift = keyBits - topWidth;
  const topBuckets: u32 = 1 << topWidth;
  const top = plan + PLAN_BYTES;

  // The remaining digits, sorted within each top bucket.
  const innerDigits = (topShift + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
  const innerWidth = innerDigits ? (topShift + innerDigits - 1) / innerDigits : 0;
  const inner = top + HISTOGRAM_BYTES;
  if (sums) startSweep(plan);
  let sorted = keys, sortedPayload = payload, spare = otherKeys, sparePayload = otherPayload;
  if (toOffsets(top, topBuckets, <u32>count, 0)) {
    scatter<K, P>(keys, otherKeys, payload, otherPayload, 0, count, topShift, topBuckets - 1, top);
    sorted = otherKeys; sortedPayload = otherPayload; spare = keys; sparePayload = payload;
    // The scatter advanced each bucket's offset to its end.
    let from = 0;
    for (let bucket: u32 = 0; bucket < topBuckets; bucket++) {
      const to = <i32>load<u32>(top + (<usize>bucket << 2));
      if (to > from) {
        sortBucket<K, P>(sorted, spare, sortedPayload, sparePayload, from, to, innerDigits, innerWidth, inner);
        if (sums) sweepBucket<K, P>(plan, sorted, sortedPayload, from, to);
      }
      from = to;
    }
  } else {
    // One top bucket holds everything.
    sortBucket<K, P>(sorted, spare, sortedPayload, sparePayload, 0, count, innerDigits, innerWidth, inner);
    if (sums) sweepBucket<K, P>(plan, sorted, sortedPayload, 0, count);
  }
  if (sums) finishSweep(plan, sums, isFloat<P>());
  store<u32>(plan + PLAN_COUNT, <u32>count);
  store<u32>(plan + PLAN_SORTED_KEYS, <u32>sorted);
  store<u32>(plan + PLAN_SORTED_PAYLOAD, carries<P>() ? <u32>sortedPayload : 0);
}

// @ts-ignore: decorator
@inline function sweepBucket<K, P>(plan: usize, keys: usize, payload: usize, from: i32, to: i32): void {
  if (isFloat<P>()) sweepWeighted<K>(plan, keys, payload, from, to);
  else sweepCounted<K>(plan, keys, from, to);
}

/**
 * Sorts samples [from, to) of `keys` (and their payload) by the digits below the
 * top one, using the same range of `spare` as the second buffer; the result ends in `keys`.
 */
function sortBucket<K, P>(
  keys: usize, spare: usize, payload: usize, sparePayload: usize,
  from: i32, to: i32, digits: u32, width: u32, histograms: usize,
): void {
  const size = to - from;
  if (size <= 1 || digits == 0) return;
  if (size <= INSERTION_SORT_MAX) {
    insertionSort<K, P>(keys, payload, from, to);
    return;
  }
  const buckets: u32 = 1 << width;
  const mask = buckets - 1;
  for (let digit: u32 = 0; digit < digits; digit++) memory.fill(histograms + <usize>digit * HISTOGRAM_BYTES, 0, <usize>buckets << 2);
  for (let i = from; i < to; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    bump(histograms, <u32>key & mask, 1);
    if (digits > 1) bump(histograms + HISTOGRAM_BYTES, <u32>(key >> <K>width) & mask, 1);
    for (let digit: u32 = 2; digit < digits; digit++) {
      bump(histograms + <usize>digit * HISTOGRAM_BYTES, <u32>(key >> <K>(width * digit)) & mask, 1);
    }
  }
  let source = keys, target = spare, sourcePayload = payload, targetPayload = sparePayload;
  for (let digit: u32 = 0; digit < digits; digit++) {
    const offsets = histograms + <usize>digit * HISTOGRAM_BYTES;
    if (!toOffsets(offsets, buckets, <u32>size, <u32>from)) continue;
    scatter<K, P>(source, target, sourcePayload, targetPayload, from, to, digit * width, mask, offsets);
    const keysNow = target; target = source; source = keysNow;
    const payloadNow = targetPayload; targetPayload = sourcePayload; sourcePayload = payloadNow;
  }
  if (source != keys) {
    memory.copy(keys + (<usize>from << alignof<K>()), source + (<usize>from << alignof<K>()), <usize>size << alignof<K>());
    if (carries<P>()) memory.copy(payload + (<usize>from << alignof<P>()), sourcePayload + (<usize>from << alignof<P>()), <usize>size << alignof<P>());
  }
}

/** Stable insertion sort of samples [from, to) by key. */
function insertionSort<K, P>(keys: usize, payload: usize, from: i32, to: i32): void {
  for (let i = from + 1; i < to; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    const carried = carries<P>() ? load<P>(payload + (<usize>i << alignof<P>())) : <P>0;
    let j = i - 1;
    while (j >= from) {
      const other = load<K>(keys + (<usize>j << alignof<K>()));
      if (other <= key) break;
      store<K>(keys + (<usize>(j + 1) << alignof<K>()), other);
      if (carries<P>()) store<P>(payload + (<usize>(j + 1) << alignof<P>()), load<P>(payload + (<usize>j << alignof<P>())));
      j--;
    }
    store<K>(keys + (<usize>(j + 1) << alignof<K>()), key);
    if (carries<P>()) store<P>(payload + (<usize>(j + 1) << alignof<P>()), carried);
  }
}

/**
 * Turns a digit's counts into starting offsets (from `base`). Returns false (and
 * leaves the counts) when one bucket holds every key: the pass would not move anything.
 */
function toOffsets(offsets: usize, buckets: u32, count: u32, base: u32): bool {
  let total = base;
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

/**
 * Writes the sort keys ((key - min) >> shift, then the label bit when the label
 * rides in the key) and, when weighted, the weights signed by label (negative =
 * positive label), dropping zero weights; label bytes, when they are the
 * payload, stay where they are. Counts the top digit. Returns the samples kept.
 */
function packKeys<F, K, P>(
  plan: usize, scores: usize, labels: usize, weights: usize, n: i32,
  keys: usize, top: usize, topShift: u32,
): i32 {
  const lowest = load<u64>(plan + PLAN_MIN_KEY);
  const shift = <u64>load<u32>(plan + PLAN_SHIFT);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const positive = <u64>(load<u8>(labels + <usize>i) != 0);
    const reduced = (scoreKey<F>(scores, i) - lowest) >> shift;
    if (isFloat<P>()) {
      const weight = load<f64>(weights + (<usize>i << 3));
      const keep = <u32>(weight != 0);
      const key = <K>reduced;
      // Writes at `kept` <= i, so the key and weight arrays may alias the inputs.
      store<K>(keys + (<usize>kept << alignof<K>()), key);
      // The label as the sign bit (a float select would be a branch on a random label).
      store<u64>(weights + (<usize>kept << 3), reinterpret<u64>(weight) | (positive << 63));
      bump(top, <u32>(key >> <K>topShift), keep);
      kept += <i32>keep;
    } else {
      const key = carries<P>() ? <K>reduced : <K>((reduced << 1) | positive);
      store<K>(keys + (<usize>i << alignof<K>()), key);
      bump(top, <u32>(key >> <K>topShift), 1);
    }
  }
  return isFloat<P>() ? kept : n;
}

/** packKeys for float32 scores and 32-bit keys with the label bit, four samples at a time. */
function packF32LabelKeys(plan: usize, scores: usize, labels: usize, n: i32, keys: usize, top: usize, topShift: u32): void {
  const lowest = <u32>load<u64>(plan + PLAN_MIN_KEY);
  const shift = load<u32>(plan + PLAN_SHIFT);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const lowestLanes = i32x4.splat(<i32>lowest);
    const one = i32x4.splat(1);
    for (; i + 4 <= n; i += 4) {
      const reduced = i32x4.shr_u(i32x4.sub(keys32x4(v128.load(scores + (<usize>i << 2))), lowestLanes), shift);
      const label = i32x4.min_u(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(labels + <usize>i))), one);
      const packed = v128.or(i32x4.shl(reduced, 1), label);
      v128.store(keys + (<usize>i << 2), packed);
      const digit = i32x4.shr_u(packed, topShift);
      bump(top, <u32>i32x4.extract_lane(digit, 0), 1);
      bump(top, <u32>i32x4.extract_lane(digit, 1), 1);
      bump(top, <u32>i32x4.extract_lane(digit, 2), 1);
      bump(top, <u32>i32x4.extract_lane(digit, 3), 1);
    }
  }
  for (; i < n; i++) {
    const positive = <u32>(load<u8>(labels + <usize>i) != 0);
    const key = (((<u32>scoreKey<f32>(scores, i) - lowest) >> shift) << 1) | positive;
    store<u32>(keys + (<usize>i << 2), key);
    bump(top, key >> topShift, 1);
  }
}

/** packKeys for float64 scores and 64-bit keys with the label bit, two samples at a time. */
function packF64LabelKeys(plan: usize, scores: usize, labels: usize, n: i32, keys: usize, top: usize, topShift: u32): void {
  const lowest = load<u64>(plan + PLAN_MIN_KEY);
  const shift = load<u32>(plan + PLAN_SHIFT);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const lowestLanes = i64x2.splat(<i64>lowest);
    for (; i + 2 <= n; i += 2) {
      const reduced = i64x2.shr_u(i64x2.sub(keys64x2(v128.load(scores + (<usize>i << 3))), lowestLanes), shift);
      const label = i64x2.replace_lane(i64x2.splat(<i64>(load<u8>(labels + <usize>i) != 0)), 1, <i64>(load<u8>(labels + <usize>i, 1) != 0));
      const packed = v128.or(i64x2.shl(reduced, 1), label);
      v128.store(keys + (<usize>i << 3), packed);
      const digit = i64x2.shr_u(packed, topShift);
      bump(top, <u32>i64x2.extract_lane(digit, 0), 1);
      bump(top, <u32>i64x2.extract_lane(digit, 1), 1);
    }
  }
  for (; i < n; i++) {
    const positive = <u64>(load<u8>(labels + <usize>i) != 0);
    const key = (((scoreKey<f64>(scores, i) - lowest) >> shift) << 1) | positive;
    store<u64>(keys + (<usize>i << 3), key);
    bump(top, <u32>(key >> topShift), 1);
  }
}

/** One stable counting-sort pass over samples [from, to) on the digit at `shift`; the payload moves with its keys. */
function scatter<K, P>(
  source: usize, target: usize, sourcePayload: usize, targetPayload: usize,
  from: i32, to: i32, shift: u32, mask: u32, offsets: usize,
): void {
  for (let i = from; i < to; i++) {
    const key = load<K>(source + (<usize>i << alignof<K>()));
    const slot = offsets + (<usize>(<u32>(key >> <K>shift) & mask) << 2);
    const at = load<u32>(slot);
    store<u32>(slot, at + 1);
    store<K>(target + (<usize>at << alignof<K>()), key);
    if (carries<P>()) store<P>(targetPayload + (<usize>at << alignof<P>()), load<P>(sourcePayload + (<usize>i << alignof<P>())));
  }
}
