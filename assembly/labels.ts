// Label handling for the scikit-learn functional API. Class labels arrive as
// arbitrary integral numbers (staged as f64); one pass finds their range,
// checks them and marks which values occur, a second maps them to dense class
// ids through a table. Multilabel indicator rows get their own counting pass.

/** A label is NaN or ±Infinity. */
export const NON_FINITE_LABEL: i32 = 1;
/** A finite label is not an integer (scikit-learn's "continuous" target). */
export const NON_INTEGRAL_LABEL: i32 = 2;
/** An integral label lies outside the presence window; the caller rescans with the exact range. */
export const OUTSIDE_WINDOW: i32 = 4;

/**
 * Scans n f64 labels: out[0] and out[1] (f64) take the running minimum and
 * maximum, and presence[v - offset] (one byte per value) is set to 1 for every
 * label inside [offset, offset + window). Returns the flags above.
 */
export function scanLabels(values: usize, n: i32, offset: f64, window: i32, presence: usize, out: usize): i32 {
  let low = load<f64>(out), high = load<f64>(out, 8);
  const limit = <f64>window;
  let nonIntegral = 0, nonFinite = 0, outside = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(values + (<usize>i << 3));
    low = min(low, v);
    high = max(high, v);
    // NaN fails both tests below, so it is flagged as non-integral as well as non-finite.
    nonIntegral |= <i32>(Math.trunc(v) != v);
    nonFinite |= <i32>!(Math.abs(v) < Infinity);
    const cell = v - offset;
    if (cell >= 0 && cell < limit) {
      store<u8>(presence + <usize><i32>cell, 1);
    } else {
      outside = 1;
    }
  }
  store<f64>(out, low);
  store<f64>(out, high, 8);
  return (nonFinite ? NON_FINITE_LABEL : 0) | (nonIntegral ? NON_INTEGRAL_LABEL : 0) | (outside ? OUTSIDE_WINDOW : 0);
}

/**
 * ids[i] = table[v - offset] (i32) for the n f64 labels inside [offset,
 * offset + window), and `missing` for the others. Labels are integral (scanned first).
 */
export function mapLabels(values: usize, n: i32, offset: f64, window: i32, table: usize, missing: i32, ids: usize): void {
  const limit = <f64>window;
  for (let i = 0; i < n; i++) {
    const cell = load<f64>(values + (<usize>i << 3)) - offset;
    const inside = cell >= 0 && cell < limit;
    // Select the cell before converting, so a label far outside never reaches the table.
    const at = <i32>(inside ? cell : 0);
    store<i32>(ids + (<usize>i << 2), select<i32>(load<i32>(table + (<usize>at << 2)), missing, inside));
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
