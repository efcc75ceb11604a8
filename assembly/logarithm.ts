// The natural logarithm of two float64 lanes at once, for the SIMD loss loops.
// It is the same algorithm, constants and operation order as AssemblyScript's
// Math.log when compiled without lookup tables (musl's log.c, from fdlibm), so
// every lane gets the bits the scalar build computes for that element: the
// SIMD and scalar builds agree exactly, per element. wasm forbids fusing
// multiply-add, so the order of rounding is the written one.

const LN2_HI = reinterpret<f64>(0x3FE62E42FEE00000);
const LN2_LO = reinterpret<f64>(0x3DEA39EF35793C76);
const LG1 = reinterpret<f64>(0x3FE5555555555593);
const LG2 = reinterpret<f64>(0x3FD999999997FA04);
const LG3 = reinterpret<f64>(0x3FD2492494229359);
const LG4 = reinterpret<f64>(0x3FCC71C51D8E78AF);
const LG5 = reinterpret<f64>(0x3FC7466496CB03DE);
const LG6 = reinterpret<f64>(0x3FC39A09D078C69F);
const LG7 = reinterpret<f64>(0x3FC2F112DF3E5244);

/**
 * ln of both lanes. Positive normal finite lanes take the vector path; any
 * other lane (zero, negative, subnormal, infinite, NaN) sends the pair to
 * Math.log, so special values behave exactly as in scalar code.
 */
export function logLanes(x: v128): v128 {
  const high = i64x2.shr_u(x, 32);
  // Positive normal finite: 0x00100000 <= high word < 0x7FF00000 (the sign bit makes negatives larger).
  const normal = v128.and(i64x2.ge_s(high, i64x2.splat(0x00100000)), i64x2.lt_s(high, i64x2.splat(0x7FF00000)));
  if (!i64x2.all_true(normal)) {
    return f64x2(Math.log(f64x2.extract_lane(x, 0)), Math.log(f64x2.extract_lane(x, 1)));
  }
  // x = 2^k · m with m in [sqrt(2)/2, sqrt(2)).
  const shifted = i64x2.add(high, i64x2.splat(0x3FF00000 - 0x3FE6A09E));
  const k = i64x2.sub(i64x2.shr_u(shifted, 20), i64x2.splat(0x3FF));
  const mantissaHigh = i64x2.add(v128.and(shifted, i64x2.splat(0x000FFFFF)), i64x2.splat(0x3FE6A09E));
  const m = v128.or(i64x2.shl(mantissaHigh, 32), v128.and(x, i64x2.splat(0xFFFFFFFF)));

  const one = f64x2.splat(1.0);
  const f = f64x2.sub(m, one);
  const hfsq = f64x2.mul(f64x2.mul(f64x2.splat(0.5), f), f);
  const s = f64x2.div(f, f64x2.add(f64x2.splat(2.0), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const t1 = f64x2.mul(w, f64x2.add(f64x2.splat(LG2), f64x2.mul(w, f64x2.add(f64x2.splat(LG4), f64x2.mul(w, f64x2.splat(LG6))))));
  const t2 = f64x2.mul(z, f64x2.add(f64x2.splat(LG1),
    f64x2.mul(w, f64x2.add(f64x2.splat(LG3), f64x2.mul(w, f64x2.add(f64x2.splat(LG5), f64x2.mul(w, f64x2.splat(LG7))))))));
  const r = f64x2.add(t2, t1);
  // k fits in 32 bits: its two lanes' low words, converted.
  const dk = f64x2.convert_low_i32x4_s(i32x4.shuffle(k, k, 0, 2, 0, 2));
  // s·(hfsq + r) + dk·ln2_lo - hfsq + f + dk·ln2_hi, left to right.
  let result = f64x2.add(f64x2.mul(s, f64x2.add(hfsq, r)), f64x2.mul(dk, f64x2.splat(LN2_LO)));
  result = f64x2.add(f64x2.sub(result, hfsq), f);
  return f64x2.add(result, f64x2.mul(dk, f64x2.splat(LN2_HI)));
}
