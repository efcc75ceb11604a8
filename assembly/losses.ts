// Per-sample losses for the probabilistic, hinge and regression families, as
// Keras defines them (keras/src/losses/losses.py, backend nn ops). Two shared
// kernels: element-wise losses summed over elements (the caller's Mean
// reduction turns sums into per-sample means), and losses that need a whole
// row of the last axis (normalisation, softmax, maxima, correlation), written
// one value per row. Keras clips with float32 constants; so do we, so that a
// probability of exactly 0 or 1 gives Keras's number (-log(1.1920929e-7) = 15.942).

import { logLanes } from "./logarithm";
import { pairAt, valueAt } from "./lanes";

const EPSILON: f64 = <f64><f32>1e-7;
const ONE_MINUS_EPSILON: f64 = <f64><f32>(1.0 - 1e-7);
const LOG_2: f64 = Math.LN2;

// Element-wise operations.
export const BINARY_CROSSENTROPY = 0;
export const BINARY_CROSSENTROPY_LOGITS = 1;
export const PERCENTAGE_ERROR = 2;
export const SQUARED_LOG_ERROR = 3;
export const LOG_COSH = 4;
export const POISSON = 5;
export const KL_DIVERGENCE = 6;

// @ts-ignore: decorator
@inline function clip(x: f64, low: f64, high: f64): f64 {
  return min(max(x, low), high);
}

/** log(1 + e^x) without overflow. */
// @ts-ignore: decorator
@inline function softplus(x: f64): f64 {
  return max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// Each element-wise loss is a type with its formula for one element (`value`)
// and, where it has one, for two elements in SIMD lanes (`pair`, the same
// operations in the same order, so the same bits per lane). Summing loops are instantiated per type:
// with a runtime operation code, Binaryen folds the loops into one that
// dispatches on the code for every element. `parameter` is the crossentropies'
// label smoothing.

@final class BinaryCrossentropyLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    const target = y * (1 - parameter) + 0.5 * parameter;
    const q = clip(p, EPSILON, ONE_MINUS_EPSILON);
    // A hard target makes the other term exactly 0, so one log gives the same
    // bits at half the cost (the usual 0/1 labels; a predictable branch).
    if ((target == 0) | (target == 1)) return -Math.log(select<f64>(q, 1 - q, target == 1));
    return -(target * Math.log(q) + (1 - target) * Math.log(1 - q));
  }
  // @ts-ignore: decorator
  @inline pair(y: v128, p: v128, parameter: f64): v128 {
    const one = f64x2.splat(1);
    const target = f64x2.add(f64x2.mul(y, f64x2.splat(1 - parameter)), f64x2.splat(0.5 * parameter));
    const q = clipLanes(p, EPSILON, ONE_MINUS_EPSILON);
    const complement = f64x2.sub(one, q);
    const isOne = f64x2.eq(target, one);
    if (i64x2.all_true(v128.or(isOne, f64x2.eq(target, f64x2.splat(0))))) {
      return f64x2.neg(logLanes(v128.bitselect(q, complement, isOne)));
    }
    return f64x2.neg(f64x2.add(f64x2.mul(target, logLanes(q)), f64x2.mul(f64x2.sub(one, target), logLanes(complement))));
  }
}

@final class BinaryCrossentropyLogitsLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    // -y·log σ(x) - (1-y)·log σ(-x) = max(x, 0) - x·y + log(1 + e^-|x|)
    const target = y * (1 - parameter) + 0.5 * parameter;
    return max(p, 0) - p * target + Math.log1p(Math.exp(-Math.abs(p)));
  }
}

@final class PercentageErrorLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    return 100 * Math.abs(y - p) / max(Math.abs(y), EPSILON);
  }
  // @ts-ignore: decorator
  @inline pair(y: v128, p: v128, parameter: f64): v128 {
    return f64x2.div(f64x2.mul(f64x2.splat(100), f64x2.abs(f64x2.sub(y, p))), f64x2.max(f64x2.abs(y), f64x2.splat(EPSILON)));
  }
}

@final class SquaredLogErrorLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    const difference = Math.log(max(p, EPSILON) + 1) - Math.log(max(y, EPSILON) + 1);
    return difference * difference;
  }
  // @ts-ignore: decorator
  @inline pair(y: v128, p: v128, parameter: f64): v128 {
    const one = f64x2.splat(1), epsilon = f64x2.splat(EPSILON);
    const difference = f64x2.sub(logLanes(f64x2.add(f64x2.max(p, epsilon), one)), logLanes(f64x2.add(f64x2.max(y, epsilon), one)));
    return f64x2.mul(difference, difference);
  }
}

@final class LogCoshLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    const x = p - y;
    return x + softplus(-2 * x) - LOG_2;
  }
}

@final class PoissonLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    return p - y * Math.log(p + EPSILON);
  }
  // @ts-ignore: decorator
  @inline pair(y: v128, p: v128, parameter: f64): v128 {
    return f64x2.sub(p, f64x2.mul(y, logLanes(f64x2.add(p, f64x2.splat(EPSILON)))));
  }
}

@final class KLDivergenceLoss {
  // @ts-ignore: decorator
  @inline value(y: f64, p: f64, parameter: f64): f64 {
    const target = clip(y, EPSILON, 1), q = clip(p, EPSILON, 1);
    return target * Math.log(target / q);
  }
  // @ts-ignore: decorator
  @inline pair(y: v128, p: v128, parameter: f64): v128 {
    const target = clipLanes(y, EPSILON, 1), q = clipLanes(p, EPSILON, 1);
    return f64x2.mul(target, logLanes(f64x2.div(target, q)));
  }
}

// @ts-ignore: decorator
@inline function clipLanes(x: v128, low: f64, high: f64): v128 {
  return f64x2.min(f64x2.max(x, f64x2.splat(low)), f64x2.splat(high));
}

/**
 * Accumulates out[0] += Σ w·loss(y, p) and out[1] += Σ w over n elements.
 * targets and predictions are both f32 (isF64 false) or both f64; weights f64 or 0.
 * A NaN or infinite input makes the sum non-finite, which is how the caller detects it.
 */
export function elementLossSums(
  op: i32, targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32, parameter: f64, out: usize,
): void {
  if (isF64) elementLossSumsOf<f64>(op, targets, predictions, weights, n, parameter, out);
  else elementLossSumsOf<f32>(op, targets, predictions, weights, n, parameter, out);
}

function elementLossSumsOf<T>(op: i32, targets: usize, predictions: usize, weights: usize, n: i32, parameter: f64, out: usize): void {
  switch (op) {
    case BINARY_CROSSENTROPY: sumLosses<T, BinaryCrossentropyLoss>(targets, predictions, weights, n, parameter, out); break;
    case BINARY_CROSSENTROPY_LOGITS: sumLosses<T, BinaryCrossentropyLogitsLoss>(targets, predictions, weights, n, parameter, out); break;
    case PERCENTAGE_ERROR: sumLosses<T, PercentageErrorLoss>(targets, predictions, weights, n, parameter, out); break;
    case SQUARED_LOG_ERROR: sumLosses<T, SquaredLogErrorLoss>(targets, predictions, weights, n, parameter, out); break;
    case LOG_COSH: sumLosses<T, LogCoshLoss>(targets, predictions, weights, n, parameter, out); break;
    case POISSON: sumLosses<T, PoissonLoss>(targets, predictions, weights, n, parameter, out); break;
    default: sumLosses<T, KLDivergenceLoss>(targets, predictions, weights, n, parameter, out);
  }
}

// @ts-ignore: decorator
@inline function sumLosses<T, L>(targets: usize, predictions: usize, weights: usize, n: i32, parameter: f64, out: usize): void {
  // Loss types carry no fields: their methods are called on a null reference, statically.
  const loss = changetype<L>(0);
  let total: f64 = 0, weightTotal: f64 = 0;
  let i = 0;
  // @ts-ignore: a loss type's method
  if (ASC_FEATURE_SIMD && isDefined(loss.pair)) {
    // Two elements per step: even elements sum in lane 0, odd ones in lane 1.
    // Unweighted elements take weight 1 (the product is exact), one loop for both.
    let totals = f64x2.splat(0), weightTotals = f64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const w = weights ? v128.load(weights + (<usize>i << 3)) : f64x2.splat(1);
      // @ts-ignore: a loss type's method
      totals = f64x2.add(totals, f64x2.mul(w, loss.pair(pairAt<T>(targets, i), pairAt<T>(predictions, i), parameter)));
      weightTotals = f64x2.add(weightTotals, w);
    }
    total = f64x2.extract_lane(totals, 0) + f64x2.extract_lane(totals, 1);
    weightTotal = f64x2.extract_lane(weightTotals, 0) + f64x2.extract_lane(weightTotals, 1);
  }
  if (weights) {
    for (; i < n; i++) {
      const w = load<f64>(weights + (<usize>i << 3));
      // @ts-ignore: a loss type's method
      total += w * loss.value(valueAt<T>(targets, i), valueAt<T>(predictions, i), parameter);
      weightTotal += w;
    }
  } else {
    // @ts-ignore: a loss type's method
    for (; i < n; i++) total += loss.value(valueAt<T>(targets, i), valueAt<T>(predictions, i), parameter);
    weightTotal = <f64>n;
  }
  store<f64>(out, load<f64>(out) + total);
  store<f64>(out, load<f64>(out, 8) + weightTotal, 8);
}

// Row operations, over rows of `width` f32 values.
export const CATEGORICAL_CROSSENTROPY = 0;
export const CATEGORICAL_CROSSENTROPY_LOGITS = 1;
export const SPARSE_CATEGORICAL_CROSSENTROPY = 2;
export const SPARSE_CATEGORICAL_CROSSENTROPY_LOGITS = 3;
export const CATEGORICAL_HINGE = 4;
export const COSINE_SIMILARITY = 5;
export const PEARSON_CORRELATION = 6;
export const CONCORDANCE_CORRELATION = 7;

// @ts-ignore: decorator
@inline function f32At(base: usize, i: i32): f64 {
  return <f64>load<f32>(base + (<usize>i << 2));
}

/**
 * Writes one f64 loss per row to `out`. Dense operations read `rows × width`
 * targets; the sparse crossentropies read one class id per row. `parameter` is
 * label smoothing for the crossentropies. Returns 2 when a sparse class id is
 * not an integer in [0, width) (other than `ignoreClass`), else 0.
 */
export function rowLosses(
  op: i32, targets: usize, predictions: usize, rows: i32, width: i32, parameter: f64, ignoreClass: f64, out: usize,
): i32 {
  const sparse = op == SPARSE_CATEGORICAL_CROSSENTROPY || op == SPARSE_CATEGORICAL_CROSSENTROPY_LOGITS;
  for (let r = 0; r < rows; r++) {
    const y = targets + (<usize>(sparse ? r : r * width) << 2);
    const p = predictions + (<usize>(r * width) << 2);
    let loss: f64;
    if (sparse) {
      const id = f32At(y, 0);
      if (id == ignoreClass) {
        loss = 0;
      } else {
        if (!(id >= 0 && id < <f64>width && id == Math.floor(id))) return 2;
        if (op == SPARSE_CATEGORICAL_CROSSENTROPY) {
          const q = normalisedProbability(p, width, <i32>id);
          // The SIMD build takes the logarithms afterwards, two rows at a time (negateLogarithms).
          loss = ASC_FEATURE_SIMD ? q : -Math.log(q);
        } else {
          loss = logSumExp(p, width) - f32At(p, <i32>id);
        }
      }
    } else if (op == CATEGORICAL_CROSSENTROPY || op == CATEGORICAL_CROSSENTROPY_LOGITS) {
      loss = crossentropy(op == CATEGORICAL_CROSSENTROPY_LOGITS, y, p, width, parameter);
    } else if (op == CATEGORICAL_HINGE) {
      let positive: f64 = 0, negative: f64 = -Infinity;
      for (let j = 0; j < width; j++) {
        const t = f32At(y, j), q = f32At(p, j);
        positive += t * q;
        negative = max(negative, (1 - t) * q);
      }
      loss = max(negative - positive + 1, 0);
    } else if (op == COSINE_SIMILARITY) {
      let dot: f64 = 0, yy: f64 = 0, pp: f64 = 0;
      for (let j = 0; j < width; j++) {
        const t = f32At(y, j), q = f32At(p, j);
        dot += t * q; yy += t * t; pp += q * q;
      }
      // l2_normalize: x / sqrt(max(Σx², ε²)), so an all-zero row gives 0.
      loss = dot / (Math.sqrt(max(yy, EPSILON * EPSILON)) * Math.sqrt(max(pp, EPSILON * EPSILON)));
    } else {
      loss = correlation(op == CONCORDANCE_CORRELATION, y, p, width);
    }
    store<f64>(out + (<usize>r << 3), loss);
  }
  if (ASC_FEATURE_SIMD && op == SPARSE_CATEGORICAL_CROSSENTROPY) negateLogarithms(out, rows);
  return 0;
}

/**
 * Replaces each probability q in out[0, rows) by -log(q), two at a time, and
 * keeps the zeros of ignored rows. Probabilities are clipped to [ε, 1 - ε], so
 * the zeros are the only lanes outside the vector logarithm's fast path.
 */
function negateLogarithms(out: usize, rows: i32): void {
  const zero = f64x2.splat(0);
  let r = 0;
  for (; r + 2 <= rows; r += 2) {
    const address = out + (<usize>r << 3);
    const q = v128.load(address);
    v128.store(address, v128.bitselect(zero, f64x2.neg(logLanes(q)), f64x2.eq(q, zero)));
  }
  if (r < rows) {
    const address = out + (<usize>r << 3);
    const q = load<f64>(address);
    store<f64>(address, q == 0 ? 0 : -Math.log(q));
  }
}

/** p[id] / Σp, clipped to [ε, 1-ε] as Keras does before the log. */
function normalisedProbability(p: usize, width: i32, id: i32): f64 {
  let sum: f64 = 0;
  for (let j = 0; j < width; j++) sum += f32At(p, j);
  return clip(f32At(p, id) / sum, EPSILON, ONE_MINUS_EPSILON);
}

function logSumExp(p: usize, width: i32): f64 {
  let largest: f64 = -Infinity;
  for (let j = 0; j < width; j++) largest = max(largest, f32At(p, j));
  let sum: f64 = 0;
  for (let j = 0; j < width; j++) sum += Math.exp(f32At(p, j) - largest);
  return largest + Math.log(sum);
}

/** -Σ y'·log q with smoothed targets y' = y(1-ls) + ls/C; q = renormalised, clipped p, or softmax(p) for logits. */
function crossentropy(fromLogits: bool, y: usize, p: usize, width: i32, smoothing: f64): f64 {
  const normaliser = fromLogits ? logSumExp(p, width) : 0;
  let sum: f64 = 0;
  if (!fromLogits) for (let j = 0; j < width; j++) sum += f32At(p, j);
  let loss: f64 = 0;
  for (let j = 0; j < width; j++) {
    const target = f32At(y, j) * (1 - smoothing) + smoothing / <f64>width;
    const logQ = fromLogits ? f32At(p, j) - normaliser : Math.log(clip(f32At(p, j) / sum, EPSILON, ONE_MINUS_EPSILON));
    loss -= target * logQ;
  }
  return loss;
}

/** Pearson: mean of standardised products (population moments); concordance: 2·cov / (var_t + var_p + (m_t - m_p)² + ε). */
function correlation(concordance: bool, y: usize, p: usize, width: i32): f64 {
  let meanY: f64 = 0, meanP: f64 = 0;
  for (let j = 0; j < width; j++) { meanY += f32At(y, j); meanP += f32At(p, j); }
  meanY /= width; meanP /= width;
  let covariance: f64 = 0, varianceY: f64 = 0, varianceP: f64 = 0;
  for (let j = 0; j < width; j++) {
    const dy = f32At(y, j) - meanY, dp = f32At(p, j) - meanP;
    covariance += dy * dp; varianceY += dy * dy; varianceP += dp * dp;
  }
  covariance /= width; varianceY /= width; varianceP /= width;
  if (concordance) {
    const shift = meanY - meanP;
    return 2 * covariance / (varianceY + varianceP + shift * shift + EPSILON);
  }
  return covariance / (Math.sqrt(varianceY) * Math.sqrt(varianceP));
}

/** out[0] += Σ w·v, out[1] += Σ w over n f32 or f64 values (weights f64 or 0 for unweighted). */
export function weightedValueSums(values: usize, isF64: bool, weights: usize, n: i32, out: usize): void {
  if (isF64) valueSumsOf<f64>(values, weights, n, out);
  else valueSumsOf<f32>(values, weights, n, out);
}

function valueSumsOf<T>(values: usize, weights: usize, n: i32, out: usize): void {
  let total: f64 = 0, weightTotal: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // Four elements per step in two pairs of lanes: four independent sums instead of one chain of adds.
    let sumsA = f64x2.splat(0), sumsB = f64x2.splat(0), weightsA = f64x2.splat(0), weightsB = f64x2.splat(0);
    if (weights) {
      for (; i + 4 <= n; i += 4) {
        const wA = v128.load(weights + (<usize>i << 3)), wB = v128.load(weights + (<usize>i << 3), 16);
        sumsA = f64x2.add(sumsA, f64x2.mul(wA, pairAt<T>(values, i)));
        sumsB = f64x2.add(sumsB, f64x2.mul(wB, pairAt<T>(values, i + 2)));
        weightsA = f64x2.add(weightsA, wA);
        weightsB = f64x2.add(weightsB, wB);
      }
    } else {
      for (; i + 4 <= n; i += 4) {
        sumsA = f64x2.add(sumsA, pairAt<T>(values, i));
        sumsB = f64x2.add(sumsB, pairAt<T>(values, i + 2));
      }
    }
    const sums = f64x2.add(sumsA, sumsB), weightSums = f64x2.add(weightsA, weightsB);
    total = f64x2.extract_lane(sums, 0) + f64x2.extract_lane(sums, 1);
    weightTotal = f64x2.extract_lane(weightSums, 0) + f64x2.extract_lane(weightSums, 1);
  }
  if (weights) {
    for (; i < n; i++) {
      const w = load<f64>(weights + (<usize>i << 3));
      total += w * valueAt<T>(values, i);
      weightTotal += w;
    }
  } else {
    for (; i < n; i++) total += valueAt<T>(values, i);
  }
  store<f64>(out, load<f64>(out) + total);
  store<f64>(out, load<f64>(out, 8) + (weights ? weightTotal : <f64>n), 8);
}

/** weights[i] = 0 wherever ids[i] == id (f32 ids): Keras's ignore_class mask on weighted updates. */
export function zeroWeightsWhere(weights: usize, ids: usize, n: i32, id: f64): void {
  for (let i = 0; i < n; i++) {
    if (f32At(ids, i) == id) store<f64>(weights + (<usize>i << 3), 0);
  }
}

/**
 * Hinge (or squared hinge) in one pass for both of Keras's label readings, since
 * which applies depends on the whole batch: accumulates out[0] += Σ w·h(2y - 1, p)
 * (labels 0/1 mapped to -1/1), out[1] += Σ w, out[2] += Σ w·h(y, p) (labels as
 * given) and out[3] += the number of labels other than 0 and 1.
 */
export function hingeSums(squared: bool, targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32, out: usize): void {
  if (isF64) hingeSumsOf<f64>(squared, targets, predictions, weights, n, out);
  else hingeSumsOf<f32>(squared, targets, predictions, weights, n, out);
}

function hingeSumsOf<T>(squared: bool, targets: usize, predictions: usize, weights: usize, n: i32, out: usize): void {
  let mapped: f64 = 0, raw: f64 = 0, weightTotal: f64 = 0;
  let others = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const one = f64x2.splat(1), two = f64x2.splat(2), zero = f64x2.splat(0);
    let mappedSum = zero, rawSum = zero, weightSum = zero, otherLanes = i64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const y = pairAt<T>(targets, i), p = pairAt<T>(predictions, i);
      let hingeMapped = f64x2.max(f64x2.sub(one, f64x2.mul(f64x2.sub(f64x2.mul(two, y), one), p)), zero);
      let hingeRaw = f64x2.max(f64x2.sub(one, f64x2.mul(y, p)), zero);
      if (squared) {
        hingeMapped = f64x2.mul(hingeMapped, hingeMapped);
        hingeRaw = f64x2.mul(hingeRaw, hingeRaw);
      }
      if (weights) {
        const w = v128.load(weights + (<usize>i << 3));
        hingeMapped = f64x2.mul(w, hingeMapped);
        hingeRaw = f64x2.mul(w, hingeRaw);
        weightSum = f64x2.add(weightSum, w);
      }
      mappedSum = f64x2.add(mappedSum, hingeMapped);
      rawSum = f64x2.add(rawSum, hingeRaw);
      // Lanes whose label is neither 0 nor 1 count -1 each.
      otherLanes = i64x2.add(otherLanes, v128.not(v128.or(f64x2.eq(y, zero), f64x2.eq(y, one))));
    }
    mapped = f64x2.extract_lane(mappedSum, 0) + f64x2.extract_lane(mappedSum, 1);
    raw = f64x2.extract_lane(rawSum, 0) + f64x2.extract_lane(rawSum, 1);
    weightTotal = weights ? f64x2.extract_lane(weightSum, 0) + f64x2.extract_lane(weightSum, 1) : <f64>i;
    others = -<i32>(i64x2.extract_lane(otherLanes, 0) + i64x2.extract_lane(otherLanes, 1));
  }
  for (; i < n; i++) {
    const y = valueAt<T>(targets, i), p = valueAt<T>(predictions, i);
    let hingeMapped = max(1 - (2 * y - 1) * p, 0), hingeRaw = max(1 - y * p, 0);
    if (squared) {
      hingeMapped *= hingeMapped;
      hingeRaw *= hingeRaw;
    }
    const w = weights ? load<f64>(weights + (<usize>i << 3)) : 1;
    mapped += w * hingeMapped;
    raw += w * hingeRaw;
    weightTotal += w;
    others += <i32>(y != 0 && y != 1);
  }
  store<f64>(out, load<f64>(out) + mapped);
  store<f64>(out, load<f64>(out, 8) + weightTotal, 8);
  store<f64>(out, load<f64>(out, 16) + raw, 16);
  store<f64>(out, load<f64>(out, 24) + <f64>others, 24);
}
