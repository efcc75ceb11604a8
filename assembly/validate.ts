// Finite-value checks run on each chunk before any kernel result is kept, so a
// NaN or infinity is reported with its index and no metric state changes.

/** Index of the first NaN or ±Infinity among n values (f64 when isF64, else f32), or -1. */
export function firstNonFinite(values: usize, isF64: bool, n: i32): i32 {
  return isF64 ? firstNonFiniteOf<f64>(values, n) : firstNonFiniteOf<f32>(values, n);
}

function firstNonFiniteOf<T>(values: usize, n: i32): i32 {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // x - x is 0 for finite x and NaN otherwise; check 16 bytes at a time and
    // fall through to the scalar scan for the block that fails.
    const lanes = 16 / sizeof<T>();
    for (; i + lanes <= n; i += lanes) {
      const v = v128.load(values + (<usize>i * sizeof<T>()));
      const finite = sizeof<T>() == 4
        ? f32x4.eq(f32x4.sub(v, v), f32x4.splat(0))
        : f64x2.eq(f64x2.sub(v, v), f64x2.splat(0));
      if (!i32x4.all_true(finite)) break;
    }
  }
  for (; i < n; i++) {
    const x = load<T>(values + (<usize>i * sizeof<T>()));
    if (!isFinite<T>(x)) return i;
  }
  return -1;
}
