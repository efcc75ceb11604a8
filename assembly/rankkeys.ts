// Order-preserving unsigned keys for finite floats, and the plan the exact
// ranking kernels share. key = SIGN + magnitude for x >= 0 and SIGN - magnitude
// for x < 0: unsigned order is numeric order, -0 and +0 get one key, and a
// key keeps the trailing zero bits of its magnitude (so float64 copies of
// float32 values keep their 29 zero low bits, which the plan then drops).

export const SIGN32: u32 = 0x80000000;
export const SIGN64: u64 = 0x8000000000000000;

// Plan layout: byte offsets from the plan address.
/** u64: smallest key of the input. */
export const PLAN_MIN_KEY = 0;
/** u32: low key bits equal in every sample, shifted out. */
export const PLAN_SHIFT = 8;
/** u32: bytes per sort key, 4 or 8. */
export const PLAN_KEY_BYTES = 12;
/** u32: what moves with each key and holds the label: PAYLOAD_NONE or PAYLOAD_WEIGHTS (or PAYLOAD_UNIT_WEIGHTS, not sortable as planned). */
export const PLAN_PAYLOAD = 16;
/** u32: significant bits of a sort key (range bits plus the label bit). */
export const PLAN_KEY_BITS = 20;
/** u32: 1 for float64 scores. */
export const PLAN_SCORES_F64 = 24;
/** u32: samples sorted (zero weights dropped). */
export const PLAN_COUNT = 28;
/** u32: address of the sorted keys. */
export const PLAN_SORTED_KEYS = 32;
/** u32: address of the sorted payload (label bytes or signed weights), 0 without one. */
export const PLAN_SORTED_PAYLOAD = 36;
/** 64 bytes: the ROC AUC sweep's running sums, carried from bucket to bucket (ranksweep.ts). */
export const PLAN_SWEEP = 64;
export const PLAN_BYTES = 128;

/** Unweighted, the label is the key's low bit: within a score, negatives sort first. */
export const PAYLOAD_NONE: u32 = 0;
/**
 * Unweighted, but the key range spans all 64 bits, leaving no bit for the
 * label: the caller plans again with weights of 1, whose sign carries the label.
 */
export const PAYLOAD_UNIT_WEIGHTS: u32 = 1;
/** Weighted: each weight moves with its key, its sign bit holding the label (negative = positive label). */
export const PAYLOAD_WEIGHTS: u32 = 2;

// @ts-ignore: decorator
@inline export function key32(bits: u32): u32 {
  const negative = <u32>(<i32>bits >> 31);
  return SIGN32 + (((bits & ~SIGN32) ^ negative) - negative);
}

// @ts-ignore: decorator
@inline export function key64(bits: u64): u64 {
  const negative = <u64>(<i64>bits >> 63);
  return SIGN64 + (((bits & ~SIGN64) ^ negative) - negative);
}

/** key32 of four float32 lanes. */
// @ts-ignore: decorator
@inline export function keys32x4(bits: v128): v128 {
  const negative = i32x4.shr_s(bits, 31);
  const magnitude = v128.and(bits, i32x4.splat(0x7fffffff));
  return i32x4.add(i32x4.splat(<i32>SIGN32), i32x4.sub(v128.xor(magnitude, negative), negative));
}

/** key64 of two float64 lanes. */
// @ts-ignore: decorator
@inline export function keys64x2(bits: v128): v128 {
  // A comparison rather than an arithmetic shift, which x64 lacks for 64-bit lanes.
  const negative = i64x2.lt_s(bits, i64x2.splat(0));
  const magnitude = v128.and(bits, i64x2.splat(0x7fffffffffffffff));
  return i64x2.add(i64x2.splat(<i64>SIGN64), i64x2.sub(v128.xor(magnitude, negative), negative));
}

/** The key of sample i of float32 (F = f32) or float64 scores, as u64. */
// @ts-ignore: decorator
@inline export function scoreKey<F>(scores: usize, i: i32): u64 {
  if (sizeof<F>() == 4) return <u64>key32(load<u32>(scores + (<usize>i << 2)));
  return key64(load<u64>(scores + (<usize>i << 3)));
}

/** The score whose key is `key` (never -0). */
// @ts-ignore: decorator
@inline export function scoreOfKey<F>(key: u64): f64 {
  if (sizeof<F>() == 4) {
    const k = <u32>key;
    return <f64>reinterpret<f32>(k >= SIGN32 ? k - SIGN32 : SIGN32 | (SIGN32 - k));
  }
  return reinterpret<f64>(key >= SIGN64 ? key - SIGN64 : SIGN64 | (SIGN64 - key));
}

/**
 * Reads the scores once and plans the sort: the smallest key, the low bits
 * every key shares (dropped), and the key width. A sort key is
 * (key - min) >> shift, with the label appended as a low bit when unweighted;
 * it takes 4 bytes when that fits in 32 bits, else 8 (for the 33-bit keys of
 * float32 logits of both signs, label bytes moving beside 4-byte keys measured
 * no faster: each scatter then writes two streams instead of one). Only a
 * key range of all 64 bits (float64 scores of both signs at extreme magnitudes)
 * leaves no room, and then the caller sorts with weights of 1 instead
 * (PAYLOAD_UNIT_WEIGHTS). Weighted sorts carry each weight, signed by its
 * label. Returns the key bytes plus 256 × the payload kind (the caller
 * provides the payload's second buffer).
 */
export function rankKeyRange(scores: usize, scoresAreF64: bool, n: i32, weighted: bool, plan: usize): i32 {
  const lowest = scoresAreF64 ? keyRangeF64(scores, n, plan) : keyRangeF32(scores, n, plan);
  const highest = load<u64>(plan, 8);
  const varying = load<u64>(plan, 16);
  const shift = varying ? <u32>ctz<u64>(varying) : 0;
  const range = (highest - lowest) >> shift;
  const rangeBits = range ? 64 - <u32>clz<u64>(range) : 0;
  const payload = weighted ? PAYLOAD_WEIGHTS : rangeBits == 64 ? PAYLOAD_UNIT_WEIGHTS : PAYLOAD_NONE;
  const keyBits = rangeBits + (payload == PAYLOAD_NONE ? 1 : 0);
  const keyBytes: u32 = keyBits <= 32 ? 4 : 8;
  store<u64>(plan + PLAN_MIN_KEY, lowest);
  store<u32>(plan + PLAN_SHIFT, shift);
  store<u32>(plan + PLAN_KEY_BYTES, keyBytes);
  store<u32>(plan + PLAN_PAYLOAD, payload);
  store<u32>(plan + PLAN_KEY_BITS, keyBits);
  store<u32>(plan + PLAN_SCORES_F64, scoresAreF64 ? 1 : 0);
  store<u32>(plan + PLAN_COUNT, 0);
  store<u32>(plan + PLAN_SORTED_KEYS, 0);
  store<u32>(plan + PLAN_SORTED_PAYLOAD, 0);
  return <i32>(keyBytes | payload << 8);
}

// The two range scans return the smallest key and leave the largest key at
// plan+8 and the bits that differ between keys at plan+16 (scratch slots that
// rankKeyRange overwrites with the plan).

// @ts-ignore: decorator
@inline function minU32Lanes(v: v128): u32 {
  const pairs = i32x4.min_u(v, i32x4.shuffle(v, v, 2, 3, 0, 1));
  return <u32>i32x4.extract_lane(i32x4.min_u(pairs, i32x4.shuffle(pairs, pairs, 1, 0, 3, 2)), 0);
}

// @ts-ignore: decorator
@inline function maxU32Lanes(v: v128): u32 {
  const pairs = i32x4.max_u(v, i32x4.shuffle(v, v, 2, 3, 0, 1));
  return <u32>i32x4.extract_lane(i32x4.max_u(pairs, i32x4.shuffle(pairs, pairs, 1, 0, 3, 2)), 0);
}

function keyRangeF32(scores: usize, n: i32, plan: usize): u64 {
  let lowest: u32 = 0xffffffff, highest: u32 = 0, anySet: u32 = 0, allSet: u32 = 0xffffffff;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    let lo = i32x4.splat(-1), hi = i32x4.splat(0), any = i32x4.splat(0), all = i32x4.splat(-1);
    for (; i + 8 <= n; i += 8) {
      const a = keys32x4(v128.load(scores + (<usize>i << 2)));
      const b = keys32x4(v128.load(scores + (<usize>i << 2), 16));
      lo = i32x4.min_u(lo, i32x4.min_u(a, b));
      hi = i32x4.max_u(hi, i32x4.max_u(a, b));
      any = v128.or(any, v128.or(a, b));
      all = v128.and(all, v128.and(a, b));
    }
    lowest = minU32Lanes(lo);
    highest = maxU32Lanes(hi);
    anySet = <u32>(i32x4.extract_lane(any, 0) | i32x4.extract_lane(any, 1) | i32x4.extract_lane(any, 2) | i32x4.extract_lane(any, 3));
    allSet = <u32>(i32x4.extract_lane(all, 0) & i32x4.extract_lane(all, 1) & i32x4.extract_lane(all, 2) & i32x4.extract_lane(all, 3));
  }
  for (; i < n; i++) {
    const k = key32(load<u32>(scores + (<usize>i << 2)));
    if (k < lowest) lowest = k;
    if (k > highest) highest = k;
    anySet |= k;
    allSet &= k;
  }
  store<u64>(plan, <u64>highest, 8);
  store<u64>(plan, <u64>(anySet & ~allSet), 16);
  return <u64>lowest;
}

function keyRangeF64(scores: usize, n: i32, plan: usize): u64 {
  let lowest: f64 = Infinity, highest: f64 = -Infinity;
  let anySet: u64 = 0, allSet: u64 = 0xffffffffffffffff;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // Float min/max: the key map is monotonic, so the extreme keys are the keys of the extreme scores.
    let lo = f64x2.splat(Infinity), hi = f64x2.splat(-Infinity), any = i64x2.splat(0), all = i64x2.splat(-1);
    for (; i + 4 <= n; i += 4) {
      const a = v128.load(scores + (<usize>i << 3));
      const b = v128.load(scores + (<usize>i << 3), 16);
      // pmin/pmax are single instructions; they differ from min/max only for NaN and signed zeros, which share a key.
      lo = f64x2.pmin(lo, f64x2.pmin(a, b));
      hi = f64x2.pmax(hi, f64x2.pmax(a, b));
      const ka = keys64x2(a), kb = keys64x2(b);
      any = v128.or(any, v128.or(ka, kb));
      all = v128.and(all, v128.and(ka, kb));
    }
    lowest = Math.min(f64x2.extract_lane(lo, 0), f64x2.extract_lane(lo, 1));
    highest = Math.max(f64x2.extract_lane(hi, 0), f64x2.extract_lane(hi, 1));
    anySet = <u64>i64x2.extract_lane(any, 0) | <u64>i64x2.extract_lane(any, 1);
    allSet = <u64>i64x2.extract_lane(all, 0) & <u64>i64x2.extract_lane(all, 1);
  }
  for (; i < n; i++) {
    const x = load<f64>(scores + (<usize>i << 3));
    lowest = Math.min(lowest, x);
    highest = Math.max(highest, x);
    const k = key64(reinterpret<u64>(x));
    anySet |= k;
    allSet &= k;
  }
  store<u64>(plan, key64(reinterpret<u64>(highest)), 8);
  store<u64>(plan, anySet & ~allSet, 16);
  return key64(reinterpret<u64>(lowest));
}
