// Multiclass kernels over (rows, classes) inputs: per-class counts for the
// F-beta scores, and the weighted confusion matrix of (true id, predicted id)
// pairs for the IoU family. F-beta's threshold-free rule keeps the entries
// equal to their row's maximum; IoU's one-hot inputs take the first index
// holding it (argmax).
import {
  labelValues4, labelValue, weightAt, addF64, nonFiniteInputs4, nonFiniteWeights4, nonFiniteF32x4, elementNonFinite,
} from "./lanes";

/** Keras's floor for the threshold-free rule: |y_pred| > 1e-9 (in float32), so an all-zero row predicts nothing. */
const ROW_MAX_FLOOR: f32 = 1e-9;

// Row helpers. With SIMD, a row of width >= 4 is read four values at a time
// plus one last, overlapping group ending at the row's end: max, min and "first
// index equal to" do not mind reading a value twice.

/** The largest of the four lanes, in every lane. */
// @ts-ignore: decorator
@inline function maxAcrossLanes(v: v128): v128 {
  const pairs = f32x4.max(v, v128.shuffle<i32>(v, v, 2, 3, 0, 1));
  return f32x4.max(pairs, v128.shuffle<i32>(pairs, pairs, 1, 0, 3, 2));
}

/** Lane-wise max (or, with `wantMin`, min) of a row of width >= 4, overlapping last group included. */
// @ts-ignore: decorator
@inline function rowLanes(row: usize, width: i32, wantMin: bool): v128 {
  let lanes = v128.load(row + (<usize>(width - 4) << 2));
  for (let j = 0; j + 4 <= width; j += 4) {
    const group = v128.load(row + (<usize>j << 2));
    lanes = wantMin ? f32x4.min(lanes, group) : f32x4.max(lanes, group);
  }
  return lanes;
}

/**
 * Largest of `width` f32 values: NaN when one is NaN, and +0 over -0, as
 * wasm's max gives in any order, so both builds agree.
 */
function rowMax(row: usize, width: i32): f32 {
  if (ASC_FEATURE_SIMD) {
    if (width >= 4) return f32x4.extract_lane(maxAcrossLanes(rowLanes(row, width, false)), 0);
  }
  let best: f32 = -Infinity;
  for (let j = 0; j < width; j++) best = Mathf.max(best, load<f32>(row + (<usize>j << 2)));
  return best;
}

/** First index of a row of width >= 4 whose value equals `best` (every lane), or -1. */
// @ts-ignore: decorator
@inline function firstEqualIndex(row: usize, width: i32, best: v128): i32 {
  for (let j = 0; j + 4 <= width; j += 4) {
    const equal = i32x4.bitmask(f32x4.eq(v128.load(row + (<usize>j << 2)), best));
    if (equal) return j + ctz(equal);
  }
  const last = i32x4.bitmask(f32x4.eq(v128.load(row + (<usize>(width - 4) << 2)), best));
  return last ? width - 4 + ctz(last) : -1;
}

/** First index holding the row's maximum (numpy/Keras argmax), or -1 for a row with a NaN. */
function rowArgmax(row: usize, width: i32): i32 {
  const best = rowMax(row, width);
  for (let j = 0; j < width; j++) if (load<f32>(row + (<usize>j << 2)) == best) return j;
  return -1;
}

// @ts-ignore: decorator
@inline function addF64Pair(address: usize, low: v128, high: v128): void {
  v128.store(address, f64x2.add(v128.load(address), low));
  v128.store(address, f64x2.add(v128.load(address, 16), high), 16);
}

// ---------------------------------------------------------------------------
// F-beta: per-class counts

/**
 * Accumulates per-class sums over `rows` rows of `numClasses` values into `out` (f64):
 * Σ w·y·predicted at [0, C), Σ w·predicted at [C, 2C) and Σ w·y (support) at [2C, 3C).
 * An entry is predicted when prediction > threshold, or with `useRowMax` when it
 * equals its row's maximum and |prediction| > 1e-9 (ties predict several classes).
 * predictions: f32; labels: u8 when labelsAreBytes, else f32; weights: f64 per element or 0.
 * Returns 1 when a prediction, float label or weight is NaN or ±Infinity, else 0.
 */
export function fbetaClassCounts(
  predictions: usize, labels: usize, labelsAreBytes: bool, weights: usize,
  rows: i32, numClasses: i32, useRowMax: bool, threshold: f32, out: usize,
): i32 {
  if (labelsAreBytes) {
    if (weights) return classCountsOf<u8, f64>(predictions, labels, weights, rows, numClasses, useRowMax, threshold, out);
    return classCountsOf<u8, i32>(predictions, labels, 0, rows, numClasses, useRowMax, threshold, out);
  }
  if (weights) return classCountsOf<f32, f64>(predictions, labels, weights, rows, numClasses, useRowMax, threshold, out);
  return classCountsOf<f32, i32>(predictions, labels, 0, rows, numClasses, useRowMax, threshold, out);
}

function classCountsOf<L, W>(
  predictions: usize, labels: usize, weights: usize,
  rows: i32, numClasses: i32, useRowMax: bool, threshold: f32, out: usize,
): i32 {
  const predictedOut = out + (<usize>numClasses << 3);
  const supportOut = out + (<usize>numClasses << 4);
  let bad = 0;
  for (let r = 0; r < rows; r++) {
    const first = r * numClasses;
    const row = predictions + (<usize>first << 2);
    const cut = useRowMax ? rowMax(row, numClasses) : threshold;
    let c = 0;
    if (ASC_FEATURE_SIMD) {
      // Four classes at a time along the row; each class keeps its own sums.
      const cutLanes = f32x4.splat(cut), floor = f32x4.splat(ROW_MAX_FLOOR);
      let badLanes = i32x4.splat(0);
      for (; c + 4 <= numClasses; c += 4) {
        const prediction = v128.load(row + (<usize>c << 2));
        const predicted = useRowMax
          ? v128.and(f32x4.ge(prediction, cutLanes), f32x4.gt(f32x4.abs(prediction), floor))
          : f32x4.gt(prediction, cutLanes);
        const label = labelValues4<L>(labels, first + c);
        let labelLow = f64x2.promote_low_f32x4(label);
        let labelHigh = f64x2.promote_low_f32x4(v128.shuffle<f32>(label, label, 2, 3, 2, 3));
        let weightLow = f64x2.splat(1), weightHigh = f64x2.splat(1);
        if (isFloat<W>()) {
          weightLow = v128.load(weights + (<usize>(first + c) << 3));
          weightHigh = v128.load(weights + (<usize>(first + c) << 3), 16);
          labelLow = f64x2.mul(labelLow, weightLow);
          labelHigh = f64x2.mul(labelHigh, weightHigh);
        }
        const maskLow = i64x2.extend_low_i32x4_s(predicted), maskHigh = i64x2.extend_high_i32x4_s(predicted);
        const at = <usize>c << 3;
        addF64Pair(out + at, v128.and(labelLow, maskLow), v128.and(labelHigh, maskHigh));
        addF64Pair(predictedOut + at, v128.and(weightLow, maskLow), v128.and(weightHigh, maskHigh));
        addF64Pair(supportOut + at, labelLow, labelHigh);
        badLanes = v128.or(badLanes, v128.or(nonFiniteInputs4<L>(prediction, labels, first + c), nonFiniteWeights4<W>(weights, first + c)));
      }
      bad |= <i32>v128.any_true(badLanes);
    }
    for (; c < numClasses; c++) {
      const i = first + c;
      const prediction = load<f32>(row + (<usize>c << 2));
      const predicted = useRowMax
        ? (<i32>(prediction >= cut) & <i32>(Mathf.abs(prediction) > ROW_MAX_FLOOR)) != 0
        : prediction > cut;
      const w = weightAt<W>(weights, i);
      const weightedLabel = <f64>labelValue<L>(labels, i) * w;
      const at = <usize>c << 3;
      addF64(out + at, select<f64>(weightedLabel, 0, predicted));
      addF64(predictedOut + at, select<f64>(w, 0, predicted));
      addF64(supportOut + at, weightedLabel);
      bad |= elementNonFinite<L, W>(predictions, labels, weights, i);
    }
  }
  return bad;
}

// ---------------------------------------------------------------------------
// IoU: the confusion matrix of (true id, predicted id) pairs

// How a side's values are stored (src/wasm/feed.ts and src/metrics/iou.ts use the same codes).
const IDS_F64 = 0;
const IDS_I32 = 1;
const SCORES_ARGMAX = 2;
const SCORES_THRESHOLD = 3;

// Flags: how Keras's dtype turns values into ids and weights.
/** Integer dtype: ids are truncated toward zero before the range and ignore checks. */
const INTEGER_IDS = 1;
/** float32 dtype: ids are rounded to float32, checked, then truncated. */
const FLOAT32_IDS = 2;
/** Integer dtype: weights are truncated toward zero. */
const TRUNCATE_WEIGHTS = 4;
/** Pairs whose true id equals `ignoreClass` are dropped. */
const IGNORE_CLASS = 8;
/** Unweighted chunks with at least this many pairs per matrix cell count in int32 copies (folding them costs C·C). */
const SMALL_MATRIX_RATIO = 16;

/**
 * Adds the weight of every pair into the row-major C×C f64 matrix at `out`
 * (rows: true ids, columns: predicted ids). Pairs with either id outside
 * [0, C), or with the ignored true id, are dropped: they land in the spare
 * slot out[C·C], which the caller discards.
 * Each side is either class ids (f64 or i32), or rows of `width` f32 scores
 * whose argmax is the id, or (predictions only) f32 scores with id = score >= threshold.
 * Non-i32 ids are first written as i32 to the scratch areas (n ids each);
 * `countScratch` holds at least n int32 counters (src/wasm/feed-pairs.ts).
 * weights: one f64 per pair, or 0. Returns 1 when an input was NaN or ±Infinity.
 */
export function confusionMatrixCounts(
  trueValues: usize, trueKind: i32, trueWidth: i32,
  predValues: usize, predKind: i32, predWidth: i32,
  weights: usize, n: i32, numClasses: i32, ignoreClass: i32, flags: i32, threshold: f32,
  trueScratch: usize, predScratch: usize, countScratch: usize, out: usize,
): i32 {
  let bad = 0;
  let trueIds = trueValues, predIds = predValues;
  // Raw i32 ids need the ignore check in the scatter; converted ids carry it as -1.
  let ignoreInScatter = (flags & IGNORE_CLASS) != 0;
  if (trueKind != IDS_I32) {
    bad |= classIds(trueValues, trueKind, trueWidth, n, numClasses, flags, ignoreClass, threshold, trueScratch);
    trueIds = trueScratch;
    ignoreInScatter = false;
  }
  if (predKind != IDS_I32) {
    bad |= classIds(predValues, predKind, predWidth, n, numClasses, flags & ~IGNORE_CLASS, ignoreClass, threshold, predScratch);
    predIds = predScratch;
  }
  // -1 is never a kept id, so it stands for "nothing ignored".
  const ignored = ignoreInScatter ? ignoreClass : -1;
  const truncate = (flags & TRUNCATE_WEIGHTS) != 0;
  if (weights) {
    bad |= scatterPairs<f64>(trueIds, predIds, weights, truncate, n, numClasses, ignored, out);
  } else if (ASC_FEATURE_SIMD && pairTableInts(numClasses) <= n) {
    countPairsTwoAtATime(trueIds, predIds, n, numClasses, ignored, countScratch, out);
  } else if (numClasses * numClasses * SMALL_MATRIX_RATIO <= n) {
    countPairs(trueIds, predIds, n, numClasses, ignored, countScratch, out);
  } else {
    scatterPairs<i32>(trueIds, predIds, 0, false, n, numClasses, ignored, out);
  }
  return bad;
}

/** Writes n i32 ids to dst, -1 where Keras drops the value. Returns 1 on a non-finite input. */
function classIds(
  values: usize, kind: i32, width: i32, n: i32, numClasses: i32, flags: i32, ignoreClass: i32, threshold: f32, dst: usize,
): i32 {
  const ignoring = (flags & IGNORE_CLASS) != 0;
  if (kind == SCORES_ARGMAX) return argmaxIds(values, width, n, numClasses, ignoring, ignoreClass, dst);
  if (kind == SCORES_THRESHOLD) return thresholdIds(values, n, threshold, dst);
  return idsFromFloats(values, n, numClasses, (flags & INTEGER_IDS) != 0, (flags & FLOAT32_IDS) != 0, ignoring, ignoreClass, dst);
}

/** Non-finite flags of the f64 values at i..i+3 (a false alarm on overflow is cleared by the caller's exact scan). */
// @ts-ignore: decorator
@inline function nonFiniteF64x4(values: usize, i: i32): v128 {
  return nonFiniteWeights4<f64>(values, i);
}

/** 2^52: adding it to a non-negative integer below 2^31 leaves the integer in the low 32 bits of the f64. */
const LOW_BITS_MAGIC: f64 = 4503599627370496.0;

/**
 * Float class ids. Integer dtype: x = trunc(value); float32 dtype: x = float32(value);
 * float64: x = value. Kept when 0 <= x < C and x != ignoreClass, with id = trunc(x).
 */
function idsFromFloats(
  values: usize, n: i32, numClasses: i32, truncateFirst: bool, roundToF32: bool, ignoring: bool, ignoreClass: i32, dst: usize,
): i32 {
  const upper = <f64>numClasses;
  // A float never equals NaN, so NaN stands for "nothing ignored".
  const ignored: f64 = ignoring ? <f64>ignoreClass : NaN;
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    // Checks and truncation in f64 lanes (cheap), then the integer from the low bits.
    const zero = f64x2.splat(0), classes = f64x2.splat(upper), ignoredLanes = f64x2.splat(ignored);
    const magic = f64x2.splat(LOW_BITS_MAGIC), dropped = i32x4.splat(-1);
    let badLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const at = values + (<usize>i << 3);
      let low = v128.load(at), high = v128.load(at, 16);
      if (roundToF32) {
        low = f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(low));
        high = f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(high));
      }
      if (truncateFirst) {
        low = f64x2.trunc(low);
        high = f64x2.trunc(high);
      }
      const validLow = v128.andnot(v128.and(f64x2.ge(low, zero), f64x2.lt(low, classes)), f64x2.eq(low, ignoredLanes));
      const validHigh = v128.andnot(v128.and(f64x2.ge(high, zero), f64x2.lt(high, classes)), f64x2.eq(high, ignoredLanes));
      const ids = v128.shuffle<i32>(
        f64x2.add(f64x2.trunc(low), magic), f64x2.add(f64x2.trunc(high), magic), 0, 2, 4, 6);
      const valid = v128.shuffle<i32>(validLow, validHigh, 0, 2, 4, 6);
      v128.store(dst + (<usize>i << 2), v128.bitselect(ids, dropped, valid));
      badLanes = v128.or(badLanes, nonFiniteF64x4(values, i));
    }
    bad = <i32>v128.any_true(badLanes);
  }
  for (; i < n; i++) {
    const raw = load<f64>(values + (<usize>i << 3));
    let x = roundToF32 ? <f64><f32>raw : raw;
    if (truncateFirst) x = Math.trunc(x);
    const valid = (<i32>(x >= 0) & <i32>(x < upper) & <i32>(x != ignored)) != 0;
    store<i32>(dst + (<usize>i << 2), select<i32>(<i32>x, -1, valid));
    bad |= <i32>!(Math.abs(raw) < Infinity);
  }
  return bad;
}

/** BinaryIoU: id = 1 when score >= threshold (inclusive, in float32), else 0. */
function thresholdIds(values: usize, n: i32, threshold: f32, dst: usize): i32 {
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    const cut = f32x4.splat(threshold), one = i32x4.splat(1);
    let badLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const score = v128.load(values + (<usize>i << 2));
      v128.store(dst + (<usize>i << 2), v128.and(f32x4.ge(score, cut), one));
      badLanes = v128.or(badLanes, nonFiniteF32x4(score));
    }
    bad = <i32>v128.any_true(badLanes);
  }
  for (; i < n; i++) {
    const score = load<f32>(values + (<usize>i << 2));
    store<i32>(dst + (<usize>i << 2), <i32>(score >= threshold));
    bad |= <i32>!(Mathf.abs(score) < Infinity);
  }
  return bad;
}

/** One-hot or probability rows: id = argmax, kept when < C and != ignoreClass. */
function argmaxIds(values: usize, width: i32, n: i32, numClasses: i32, ignoring: bool, ignoreClass: i32, dst: usize): i32 {
  const ignored = ignoring ? ignoreClass : -1;
  let s = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    if (width >= 4) {
      let badLanes = i32x4.splat(0);
      for (; s < n; s++) {
        const row = values + (<usize>(s * width) << 2);
        const best = maxAcrossLanes(rowLanes(row, width, false));
        // max − min is not finite when the row holds a NaN or ±Infinity (or, falsely, overflows).
        badLanes = v128.or(badLanes, nonFiniteF32x4(f32x4.sub(best, rowLanes(row, width, true))));
        storeClassId(dst, s, firstEqualIndex(row, width, best), numClasses, ignored);
      }
      bad = <i32>v128.any_true(badLanes);
    }
  }
  for (; s < n; s++) {
    const row = values + (<usize>(s * width) << 2);
    storeClassId(dst, s, rowArgmax(row, width), numClasses, ignored);
    for (let j = 0; j < width; j++) bad |= <i32>!(Mathf.abs(load<f32>(row + (<usize>j << 2))) < Infinity);
  }
  return bad;
}

// @ts-ignore: decorator
@inline function storeClassId(dst: usize, s: i32, id: i32, numClasses: i32, ignored: i32): void {
  const valid = (<i32>(<u32>id < <u32>numClasses) & <i32>(id != ignored)) != 0;
  store<i32>(dst + (<usize>s << 2), select<i32>(id, -1, valid));
}

// @ts-ignore: decorator
@inline function pairWeight<W>(weights: usize, i: i32, truncate: bool): f64 {
  if (!isFloat<W>()) return 1.0;
  const w = load<f64>(weights + (<usize>i << 3));
  return truncate ? Math.trunc(w) : w;
}

/** Cells t·C + p of pairs i..i+3, or the spare cell C·C for pairs Keras drops. */
// @ts-ignore: decorator
@inline function cells4(trueIds: usize, predIds: usize, i: i32, classes: v128, spareCell: v128, ignoredLanes: v128): v128 {
  const t = v128.load(trueIds + (<usize>i << 2)), p = v128.load(predIds + (<usize>i << 2));
  const valid = v128.andnot(v128.and(i32x4.lt_u(t, classes), i32x4.lt_u(p, classes)), i32x4.eq(t, ignoredLanes));
  return v128.bitselect(i32x4.add(i32x4.mul(t, classes), p), spareCell, valid);
}

// @ts-ignore: decorator
@inline function cellOf(trueIds: usize, predIds: usize, i: i32, numClasses: i32, ignored: i32): i32 {
  const t = load<i32>(trueIds + (<usize>i << 2)), p = load<i32>(predIds + (<usize>i << 2));
  const valid = (<i32>(<u32>t < <u32>numClasses) & <i32>(<u32>p < <u32>numClasses) & <i32>(t != ignored)) != 0;
  return select<i32>(t * numClasses + p, numClasses * numClasses, valid);
}

/** The weighted scatter-add of i32 id pairs; dropped pairs go to the spare slot out[C·C]. */
function scatterPairs<W>(
  trueIds: usize, predIds: usize, weights: usize, truncate: bool,
  n: i32, numClasses: i32, ignored: i32, out: usize,
): i32 {
  let i = 0;
  let bad = 0;
  if (ASC_FEATURE_SIMD) {
    // Cells of four pairs at once; the adds stay scalar (cells may repeat).
    const classes = i32x4.splat(numClasses), spareCell = i32x4.splat(numClasses * numClasses), ignoredLanes = i32x4.splat(ignored);
    let badLanes = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      const offsets = i32x4.shl(cells4(trueIds, predIds, i, classes, spareCell, ignoredLanes), 3);
      addF64(out + <usize>i32x4.extract_lane(offsets, 0), pairWeight<W>(weights, i, truncate));
      addF64(out + <usize>i32x4.extract_lane(offsets, 1), pairWeight<W>(weights, i + 1, truncate));
      addF64(out + <usize>i32x4.extract_lane(offsets, 2), pairWeight<W>(weights, i + 2, truncate));
      addF64(out + <usize>i32x4.extract_lane(offsets, 3), pairWeight<W>(weights, i + 3, truncate));
      badLanes = v128.or(badLanes, nonFiniteWeights4<W>(weights, i));
    }
    bad = <i32>v128.any_true(badLanes);
  }
  for (; i < n; i++) {
    addF64(out + (<usize>cellOf(trueIds, predIds, i, numClasses, ignored) << 3), pairWeight<W>(weights, i, truncate));
    if (isFloat<W>()) bad |= <i32>!(Math.abs(load<f64>(weights + (<usize>i << 3))) < Infinity);
  }
  return bad;
}

// @ts-ignore: decorator
@inline function increment(address: usize): void {
  store<i32>(address, load<i32>(address) + 1);
}

/**
 * Unweighted counts for few classes: int32 counters in four interleaved copies
 * of the matrix (pair k of each group of four counts into copy k), so a cell
 * that repeats does not wait on its previous add. Folded into `out` at the end.
 * `counts` must hold 4·(C·C + 1) int32 values.
 */
function countPairs(trueIds: usize, predIds: usize, n: i32, numClasses: i32, ignored: i32, counts: usize, out: usize): void {
  const cells = numClasses * numClasses;
  const copyBytes = <usize>(cells + 1) << 2;
  memory.fill(counts, 0, copyBytes << 2);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const classes = i32x4.splat(numClasses), spareCell = i32x4.splat(cells), ignoredLanes = i32x4.splat(ignored);
    for (; i + 4 <= n; i += 4) {
      const offsets = i32x4.shl(cells4(trueIds, predIds, i, classes, spareCell, ignoredLanes), 2);
      increment(counts + <usize>i32x4.extract_lane(offsets, 0));
      increment(counts + copyBytes + <usize>i32x4.extract_lane(offsets, 1));
      increment(counts + (copyBytes << 1) + <usize>i32x4.extract_lane(offsets, 2));
      increment(counts + copyBytes * 3 + <usize>i32x4.extract_lane(offsets, 3));
    }
  } else {
    for (; i + 4 <= n; i += 4) {
      increment(counts + (<usize>cellOf(trueIds, predIds, i, numClasses, ignored) << 2));
      increment(counts + copyBytes + (<usize>cellOf(trueIds, predIds, i + 1, numClasses, ignored) << 2));
      increment(counts + (copyBytes << 1) + (<usize>cellOf(trueIds, predIds, i + 2, numClasses, ignored) << 2));
      increment(counts + copyBytes * 3 + (<usize>cellOf(trueIds, predIds, i + 3, numClasses, ignored) << 2));
    }
  }
  for (; i < n; i++) increment(counts + (<usize>cellOf(trueIds, predIds, i, numClasses, ignored) << 2));
  for (let cell = 0; cell < cells; cell++) {
    const at = counts + (<usize>cell << 2);
    const total = load<i32>(at) + load<i32>(at + copyBytes) + load<i32>(at + (copyBytes << 1)) + load<i32>(at + copyBytes * 3);
    addF64(out + (<usize>cell << 3), <f64>total);
  }
}

/** Row length of the pair table: the C·C + 1 cells (spare included), padded to whole v128 groups. */
// @ts-ignore: decorator
@inline function pairTableStride(numClasses: i32): i32 {
  return (numClasses * numClasses + 1 + 3) & ~3;
}

/** Counters of the pair table plus its column sums; used when this is at most n, so that they fit the scratch. */
// @ts-ignore: decorator
@inline function pairTableInts(numClasses: i32): i32 {
  return (numClasses * numClasses + 2) * pairTableStride(numClasses);
}

/**
 * Unweighted counts for few classes, one counter per two pairs: pairs i and
 * i + 4 of each group of eight add 1 at [cell(i)][cell(i + 4)] of a table of
 * cell pairs, halving the scattered adds. Folding it back costs its size, so
 * it is used when the table is at most n counters: each row sum is the count
 * of its first cell, each column sum that of its second.
 */
function countPairsTwoAtATime(trueIds: usize, predIds: usize, n: i32, numClasses: i32, ignored: i32, table: usize, out: usize): void {
  if (!ASC_FEATURE_SIMD) return;
  const cells = numClasses * numClasses;
  const stride = pairTableStride(numClasses);
  const rowBytes = <usize>stride << 2;
  const columnSums = table + rowBytes * <usize>(cells + 1);
  memory.fill(table, 0, rowBytes * <usize>(cells + 2));
  const classes = i32x4.splat(numClasses), spareCell = i32x4.splat(cells), ignoredLanes = i32x4.splat(ignored);
  const strideLanes = i32x4.splat(stride);
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const first = cells4(trueIds, predIds, i, classes, spareCell, ignoredLanes);
    const second = cells4(trueIds, predIds, i + 4, classes, spareCell, ignoredLanes);
    const offsets = i32x4.shl(i32x4.add(i32x4.mul(first, strideLanes), second), 2);
    increment(table + <usize>i32x4.extract_lane(offsets, 0));
    increment(table + <usize>i32x4.extract_lane(offsets, 1));
    increment(table + <usize>i32x4.extract_lane(offsets, 2));
    increment(table + <usize>i32x4.extract_lane(offsets, 3));
  }
  // The last pairs go alone, as [cell][spare]: the spare column is discarded with the spare cell.
  for (; i < n; i++) {
    increment(table + rowBytes * <usize>cellOf(trueIds, predIds, i, numClasses, ignored) + (<usize>cells << 2));
  }
  for (let a = 0; a <= cells; a++) {
    const row = table + rowBytes * <usize>a;
    let rowLanes = i32x4.splat(0);
    for (let b: usize = 0; b < rowBytes; b += 16) {
      const counts = v128.load(row + b);
      rowLanes = i32x4.add(rowLanes, counts);
      v128.store(columnSums + b, i32x4.add(v128.load(columnSums + b), counts));
    }
    const rowTotal = i32x4.extract_lane(rowLanes, 0) + i32x4.extract_lane(rowLanes, 1) +
      i32x4.extract_lane(rowLanes, 2) + i32x4.extract_lane(rowLanes, 3);
    addF64(out + (<usize>a << 3), <f64>rowTotal);
  }
  for (let b = 0; b <= cells; b++) addF64(out + (<usize>b << 3), <f64>load<i32>(columnSums + (<usize>b << 2)));
}
