// Lane helpers shared by the SIMD kernels. Generic parameters select the input
// element type at compile time:
//   L (labels):  u8 | f32
//   W (weights): f64 = weighted, i32 = unweighted (no weight array is read)
//   T (values):  f32 | f64, read as float64

/** All-ones lanes where the label of elements i..i+3 is non-zero (Keras casts labels to bool). */
// @ts-ignore: decorator
@inline export function labelMask4<L>(labels: usize, i: i32): v128 {
  if (sizeof<L>() == 1) {
    const bytes = v128.load32_zero(labels + <usize>i);
    const wide = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(bytes));
    return v128.not(i32x4.eq(wide, i32x4.splat(0)));
  }
  return f32x4.ne(v128.load(labels + (<usize>i << 2)), f32x4.splat(0));
}

/** Scalar twin of labelMask4: 1 when the label is non-zero (NaN counts as non-zero, as bool(NaN) does). */
// @ts-ignore: decorator
@inline export function labelIsPositive<L>(labels: usize, i: i32): i32 {
  if (sizeof<L>() == 1) return <i32>(load<u8>(labels + <usize>i) != 0);
  return <i32>(load<f32>(labels + (<usize>i << 2)) != 0);
}

/** Labels of elements i..i+3 as f32 lanes (u8 labels are widened). */
// @ts-ignore: decorator
@inline export function labelValues4<L>(labels: usize, i: i32): v128 {
  if (sizeof<L>() == 1) {
    const bytes = v128.load32_zero(labels + <usize>i);
    return f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(bytes)));
  }
  return v128.load(labels + (<usize>i << 2));
}

// @ts-ignore: decorator
@inline export function labelValue<L>(labels: usize, i: i32): f32 {
  if (sizeof<L>() == 1) return <f32>load<u8>(labels + <usize>i);
  return load<f32>(labels + (<usize>i << 2));
}

/** Element i of float32 (T = f32, widened) or float64 values. */
// @ts-ignore: decorator
@inline export function valueAt<T>(base: usize, i: i32): f64 {
  return <f64>load<T>(base + (<usize>i << alignof<T>()));
}

/** Elements i and i+1 of float32 (T = f32, widened) or float64 values, as two float64 lanes. */
// @ts-ignore: decorator
@inline export function pairAt<T>(base: usize, i: i32): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(base + (<usize>i << 2)));
  return v128.load(base + (<usize>i << 3));
}

/** Weight of element i, or 1 for unweighted instantiations. */
// @ts-ignore: decorator
@inline export function weightAt<W>(weights: usize, i: i32): f64 {
  if (isFloat<W>()) return load<f64>(weights + (<usize>i << 3));
  return 1.0;
}

/** Weights of elements i, i+1 (low) and i+2, i+3 (high) selected by an i32x4 mask. */
// @ts-ignore: decorator
@inline export function maskedWeightLow(weights: usize, i: i32, mask: v128): v128 {
  return v128.and(v128.load(weights + (<usize>i << 3)), i64x2.extend_low_i32x4_s(mask));
}

// @ts-ignore: decorator
@inline export function maskedWeightHigh(weights: usize, i: i32, mask: v128): v128 {
  return v128.and(v128.load(weights + (<usize>i << 3), 16), i64x2.extend_high_i32x4_s(mask));
}

// @ts-ignore: decorator
@inline export function sumI32Lanes(v: v128): f64 {
  return <f64>(i32x4.extract_lane(v, 0) + i32x4.extract_lane(v, 1) + i32x4.extract_lane(v, 2) + i32x4.extract_lane(v, 3));
}

// @ts-ignore: decorator
@inline export function sumF64Lanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

// @ts-ignore: decorator
@inline export function addF64(address: usize, value: f64): void {
  store<f64>(address, load<f64>(address) + value);
}

// Non-finite detection folded into the kernels' own passes. (a + b)·0 is 0 when
// a and b are finite and NaN when either is NaN or ±Infinity (or their sum
// overflows, a false alarm the caller's exact scan clears). Kernels OR the
// NaN lanes together and return 1 when any lane was bad; the caller then
// locates the value.

/** All-ones lanes where a + b is not finite, for f32 lanes. */
// @ts-ignore: decorator
@inline export function nonFinitePairF32x4(a: v128, b: v128): v128 {
  const probe = f32x4.mul(f32x4.add(a, b), f32x4.splat(0));
  return f32x4.ne(probe, probe);
}

/** All-ones lanes where an f32 lane is NaN or ±Infinity. */
// @ts-ignore: decorator
@inline export function nonFiniteF32x4(v: v128): v128 {
  const probe = f32x4.mul(v, f32x4.splat(0));
  return f32x4.ne(probe, probe);
}

/** Non-finite lanes among the predictions and, for f32 labels, the labels of elements i..i+3. */
// @ts-ignore: decorator
@inline export function nonFiniteInputs4<L>(prediction: v128, labels: usize, i: i32): v128 {
  if (sizeof<L>() == 1) return nonFiniteF32x4(prediction);
  return nonFinitePairF32x4(prediction, v128.load(labels + (<usize>i << 2)));
}

/** Non-finite flags for the four f64 weights of elements i..i+3 (any lane set means one is bad). */
// @ts-ignore: decorator
@inline export function nonFiniteWeights4<W>(weights: usize, i: i32): v128 {
  if (!isFloat<W>()) return i32x4.splat(0);
  const probe = f64x2.mul(f64x2.add(v128.load(weights + (<usize>i << 3)), v128.load(weights + (<usize>i << 3), 16)), f64x2.splat(0));
  return f64x2.ne(probe, probe);
}

/** 1 when the element's prediction, float label or weight is not finite. */
// @ts-ignore: decorator
@inline export function elementNonFinite<L, W>(predictions: usize, labels: usize, weights: usize, i: i32): i32 {
  let bad = <i32>!(Mathf.abs(load<f32>(predictions + (<usize>i << 2))) < Infinity);
  if (sizeof<L>() != 1) bad |= <i32>!(Mathf.abs(load<f32>(labels + (<usize>i << 2))) < Infinity);
  if (isFloat<W>()) bad |= <i32>!(Math.abs(load<f64>(weights + (<usize>i << 3))) < Infinity);
  return bad;
}
