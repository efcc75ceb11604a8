// Lane helpers shared by the SIMD kernels. Generic parameters select the input
// element type at compile time:
//   L (labels):  u8 | f32
//   W (weights): f64 = weighted, i32 = unweighted (no weight array is read)

/** All-ones lanes where the label of elements i..i+3 is non-zero (Keras casts labels to bool). */
// @ts-ignore: decorator
@inline export function labelMask4<L>(labels: usize, i: i32): v128 {
  if (sizeof<L>() == 1) {
    const bytes = v128.load32_zero(labels + <usize>i);
    const wide = i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(bytes));
    return v128.not(i32x4.eq(wide, i32x4.splat(0)));
  }
  return v128.not(f32x4.eq(v128.load(labels + (<usize>i << 2)), f32x4.splat(0)));
}

/** Scalar twin of labelMask4: 1 when the label is non-zero (NaN counts as non-zero, as bool(NaN) does). */
// @ts-ignore: decorator
@inline export function labelIsPositive<L>(labels: usize, i: i32): bool {
  if (sizeof<L>() == 1) return load<u8>(labels + <usize>i) != 0;
  return load<f32>(labels + (<usize>i << 2)) != 0;
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

/** Weight of element i, or 1 for unweighted instantiations. */
// @ts-ignore: decorator
@inline export function weightAt<W>(weights: usize, i: i32): f64 {
  if (isFloat<W>()) return load<f64>(weights + (<usize>i << 3));
  return 1.0;
}

/** Adds the weights of elements i..i+3 selected by an i32x4 mask into two f64x2 accumulators. */
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
