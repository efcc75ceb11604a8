// Label handling for the scikit-learn functional API. Class labels arrive as
// integers (any integer dtype, or integral floats, converted and checked
// first); one pass finds their range and marks which values occur, another
// maps them to dense class ids through a table. Multilabel indicator rows get
// their own counting pass.

/**
 * Converts n f64 labels to i32 at dst. Returns 1 when a label is not an
 * integer in [-2^31, 2^31) (NaN, ±Infinity, a fraction or a huge number; the
 * caller finds which), else 0.
 */
export function floatLabelIds(values: usize, n: i32, dst: usize): i32 {
  let invalid = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const low = f64x2.splat(-2147483648.0), high = f64x2.splat(2147483648.0);
    let bad = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const a = v128.load(values + (<usize>i << 3)), b = v128.load(values + (<usize>i << 3), 16);
      // Integral and in range: trunc(x) == x (false for NaN), low <= x < high (false for ±Infinity).
      const okA = v128.and(f64x2.eq(f64x2.trunc(a), a), v128.and(f64x2.ge(a, low), f64x2.lt(a, high)));
      const okB = v128.and(f64x2.eq(f64x2.trunc(b), b), v128.and(f64x2.ge(b, low), f64x2.lt(b, high)));
      bad = v128.or(bad, v128.not(v128.and(okA, okB)));
      const ids = v128.shuffle<i32>(i32x4.trunc_sat_f64x2_s_zero(a), i32x4.trunc_sat_f64x2_s_zero(b), 0, 1, 4, 5);
      v128.store(dst + (<usize>i << 2), ids);
    }
    invalid = <i32>v128.any_true(bad);
  }
  for (; i < n; i++) {
    const x = load<f64>(values + (<usize>i << 3));
    invalid |= <i32>!(Math.trunc(x) == x && x >= -2147483648.0 && x < 2147483648.0);
    // Saturating (the nontrapping-f2i feature): NaN and huge values give some int32, flagged above.
    store<i32>(dst + (<usize>i << 2), <i32>x);
  }
  return invalid;
}

/**
 * Scans n i32 labels: out[0] and out[1] (i32) take the running minimum and
 * maximum, and presence[id - offset] (one byte per value) is set to 1 for
 * every label inside [offset, offset + window); the others mark the spare
 * byte presence[window]. Returns 1 when a label was outside the window.
 */
export function scanLabelIds(ids: usize, n: i32, offset: i32, window: i32, presence: usize, out: usize): i32 {
  let low = load<i32>(out), high = load<i32>(out, 4);
  let outside = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const offsets = i32x4.splat(offset), windows = i32x4.splat(window);
    let lows = i32x4.splat(low), highs = i32x4.splat(high), outsideLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(ids + (<usize>i << 2));
      lows = i32x4.min_s(lows, v);
      highs = i32x4.max_s(highs, v);
      const cells = i32x4.sub(v, offsets);
      const inside = i32x4.lt_u(cells, windows);
      outsideLanes = v128.or(outsideLanes, v128.not(inside));
      const marks = v128.bitselect(cells, windows, inside);
      store<u8>(presence + <usize>i32x4.extract_lane(marks, 0), 1);
      store<u8>(presence + <usize>i32x4.extract_lane(marks, 1), 1);
      store<u8>(presence + <usize>i32x4.extract_lane(marks, 2), 1);
      store<u8>(presence + <usize>i32x4.extract_lane(marks, 3), 1);
    }
    lows = i32x4.min_s(lows, i32x4.shuffle(lows, lows, 2, 3, 0, 1));
    lows = i32x4.min_s(lows, i32x4.shuffle(lows, lows, 1, 0, 3, 2));
    highs = i32x4.max_s(highs, i32x4.shuffle(highs, highs, 2, 3, 0, 1));
    highs = i32x4.max_s(highs, i32x4.shuffle(highs, highs, 1, 0, 3, 2));
    low = i32x4.extract_lane(lows, 0);
    high = i32x4.extract_lane(highs, 0);
    outside = <i32>v128.any_true(outsideLanes);
  }
  for (; i < n; i++) {
    const id = load<i32>(ids + (<usize>i << 2));
    low = min(low, id);
    high = max(high, id);
    // Unsigned: below offset wraps to a large cell, so one comparison tests both bounds.
    const cell = <u32>(id - offset);
    const inside = cell < <u32>window;
    outside |= <i32>!inside;
    store<u8>(presence + <usize>select<u32>(cell, <u32>window, inside), 1);
  }
  store<i32>(out, low);
  store<i32>(out, high, 4);
  return outside;
}

/**
 * dst[i] = table[id - offset] (i32) for the n i32 labels inside [offset,
 * offset + window), and `missing` for the others.
 */
export function mapLabelIds(ids: usize, n: i32, offset: i32, window: i32, table: usize, missing: i32, dst: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const offsets = i32x4.splat(offset), windows = i32x4.splat(window), missingLanes = i32x4.splat(missing);
    for (; i + 4 <= n; i += 4) {
      const cells = i32x4.sub(v128.load(ids + (<usize>i << 2)), offsets);
      const inside = i32x4.lt_u(cells, windows);
      // Cells outside read entry 0, then are replaced by `missing`.
      const at = i32x4.shl(v128.and(cells, inside), 2);
      let mapped = i32x4.splat(load<i32>(table + <usize>i32x4.extract_lane(at, 0)));
      mapped = i32x4.replace_lane(mapped, 1, load<i32>(table + <usize>i32x4.extract_lane(at, 1)));
      mapped = i32x4.replace_lane(mapped, 2, load<i32>(table + <usize>i32x4.extract_lane(at, 2)));
      mapped = i32x4.replace_lane(mapped, 3, load<i32>(table + <usize>i32x4.extract_lane(at, 3)));
      v128.store(dst + (<usize>i << 2), v128.bitselect(mapped, missingLanes, inside));
    }
  }
  for (; i < n; i++) {
    const cell = <u32>(load<i32>(ids + (<usize>i << 2)) - offset);
    const inside = cell < <u32>window;
    const value = load<i32>(table + (<usize>select<u32>(cell, 0, inside) << 2));
    store<i32>(dst + (<usize>i << 2), select<i32>(value, missing, inside));
  }
}

/**
 * Multilabel indicator matrices: `rows` rows of `width` f64 values of y_true
 * and y_pred, each 0 or 1. Per column, accumulates into columnSums (3·width
 * f64): Σ w·y·p at [0, width), Σ w·p at [width, 2·width) and Σ w·y at
 * [2·width, 3·width), with one f64 weight per row (or 1 when weights is 0).
 * When rowCounts is not 0, writes per row three f64: Σ y·p, Σ p, Σ y.
 * Returns 1 when a value is neither 0 nor 1 (NaN included), else 0.
 */
export function indicatorCounts(
  trueValues: usize, predValues: usize, weights: usize, rows: i32, width: i32, rowCounts: usize, columnSums: usize,
): i32 {
  const predictedSums = columnSums + (<usize>width << 3);
  const actualSums = columnSums + (<usize>width << 4);
  let invalid = 0;
  for (let r = 0; r < rows; r++) {
    const first = <usize>r * <usize>width;
    const w = weights ? load<f64>(weights + (<usize>r << 3)) : 1.0;
    let both: f64 = 0, predicted: f64 = 0, actual: f64 = 0;
    for (let c = 0; c < width; c++) {
      const y = load<f64>(trueValues + ((first + <usize>c) << 3));
      const p = load<f64>(predValues + ((first + <usize>c) << 3));
      invalid |= <i32>!(y == 0 || y == 1) | <i32>!(p == 0 || p == 1);
      const hit = y * p;
      both += hit;
      predicted += p;
      actual += y;
      const at = <usize>c << 3;
      store<f64>(columnSums + at, load<f64>(columnSums + at) + w * hit);
      store<f64>(predictedSums + at, load<f64>(predictedSums + at) + w * p);
      store<f64>(actualSums + at, load<f64>(actualSums + at) + w * y);
    }
    if (rowCounts) {
      const row = rowCounts + <usize>r * 24;
      store<f64>(row, both);
      store<f64>(row, predicted, 8);
      store<f64>(row, actual, 16);
    }
  }
  return invalid;
}
