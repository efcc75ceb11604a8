// Regression sums in float64. Two kernels, so each metric pays only for the
// sums it uses: R2's moments of shifted targets, and the error sums of the
// MSE/MAE/RMSE family. Targets are shifted by a caller-chosen value (the first
// target seen) so the sum of squares keeps its precision when the target mean
// is large relative to its spread. A NaN or infinite input makes a sum
// non-finite, which is how the caller detects it.
import { pairAt, valueAt, weightAt } from "./lanes";

// @ts-ignore: decorator
@inline function lanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

// @ts-ignore: decorator
@inline function addAt(out: usize, slot: i32, value: f64): void {
  store<f64>(out + (<usize>slot << 3), load<f64>(out + (<usize>slot << 3)) + value);
}

/**
 * Accumulates into out (f64): [Σw, Σw·d, Σw·d², Σw·e²] with d = y - shift, e = y - p.
 * targets and predictions are both f32 (isF64 false) or both f64; weights f64 or 0.
 */
export function r2Sums(targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32, shift: f64, out: usize): void {
  if (isF64) {
    if (weights) r2SumsOf<f64, f64>(targets, predictions, weights, n, shift, out);
    else r2SumsOf<f64, i32>(targets, predictions, 0, n, shift, out);
  } else {
    if (weights) r2SumsOf<f32, f64>(targets, predictions, weights, n, shift, out);
    else r2SumsOf<f32, i32>(targets, predictions, 0, n, shift, out);
  }
}

function r2SumsOf<T, W>(targets: usize, predictions: usize, weights: usize, n: i32, shift: f64, out: usize): void {
  let sw: f64 = 0, sd: f64 = 0, sdd: f64 = 0, see: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const s = f64x2.splat(shift);
    // Two independent accumulator sets (elements i, i+1 and i+2, i+3) for instruction-level parallelism.
    let wA = f64x2.splat(0), dA = f64x2.splat(0), ddA = f64x2.splat(0), eeA = f64x2.splat(0);
    let wB = f64x2.splat(0), dB = f64x2.splat(0), ddB = f64x2.splat(0), eeB = f64x2.splat(0);
    if (!isFloat<W>()) {
      // Unweighted: eight elements per iteration, four independent pairs (measured ~20% faster).
      let dC = f64x2.splat(0), ddC = f64x2.splat(0), eeC = f64x2.splat(0);
      let dD = f64x2.splat(0), ddD = f64x2.splat(0), eeD = f64x2.splat(0);
      for (; i + 8 <= n; i += 8) {
        const yA = pairAt<T>(targets, i), yB = pairAt<T>(targets, i + 2);
        const yC = pairAt<T>(targets, i + 4), yD = pairAt<T>(targets, i + 6);
        const dValA = f64x2.sub(yA, s), dValB = f64x2.sub(yB, s), dValC = f64x2.sub(yC, s), dValD = f64x2.sub(yD, s);
        const eValA = f64x2.sub(yA, pairAt<T>(predictions, i)), eValB = f64x2.sub(yB, pairAt<T>(predictions, i + 2));
        const eValC = f64x2.sub(yC, pairAt<T>(predictions, i + 4)), eValD = f64x2.sub(yD, pairAt<T>(predictions, i + 6));
        dA = f64x2.add(dA, dValA); dB = f64x2.add(dB, dValB); dC = f64x2.add(dC, dValC); dD = f64x2.add(dD, dValD);
        ddA = f64x2.add(ddA, f64x2.mul(dValA, dValA)); ddB = f64x2.add(ddB, f64x2.mul(dValB, dValB));
        ddC = f64x2.add(ddC, f64x2.mul(dValC, dValC)); ddD = f64x2.add(ddD, f64x2.mul(dValD, dValD));
        eeA = f64x2.add(eeA, f64x2.mul(eValA, eValA)); eeB = f64x2.add(eeB, f64x2.mul(eValB, eValB));
        eeC = f64x2.add(eeC, f64x2.mul(eValC, eValC)); eeD = f64x2.add(eeD, f64x2.mul(eValD, eValD));
      }
      dA = f64x2.add(dA, dC); dB = f64x2.add(dB, dD);
      ddA = f64x2.add(ddA, ddC); ddB = f64x2.add(ddB, ddD);
      eeA = f64x2.add(eeA, eeC); eeB = f64x2.add(eeB, eeD);
    }
    for (; i + 4 <= n; i += 4) {
      const yA = pairAt<T>(targets, i), yB = pairAt<T>(targets, i + 2);
      const dValA = f64x2.sub(yA, s), dValB = f64x2.sub(yB, s);
      const eValA = f64x2.sub(yA, pairAt<T>(predictions, i)), eValB = f64x2.sub(yB, pairAt<T>(predictions, i + 2));
      if (isFloat<W>()) {
        const weightA = v128.load(weights + (<usize>i << 3)), weightB = v128.load(weights + (<usize>i << 3), 16);
        const wdA = f64x2.mul(weightA, dValA), wdB = f64x2.mul(weightB, dValB);
        wA = f64x2.add(wA, weightA); wB = f64x2.add(wB, weightB);
        dA = f64x2.add(dA, wdA); dB = f64x2.add(dB, wdB);
        ddA = f64x2.add(ddA, f64x2.mul(wdA, dValA)); ddB = f64x2.add(ddB, f64x2.mul(wdB, dValB));
        eeA = f64x2.add(eeA, f64x2.mul(f64x2.mul(weightA, eValA), eValA));
        eeB = f64x2.add(eeB, f64x2.mul(f64x2.mul(weightB, eValB), eValB));
      } else {
        dA = f64x2.add(dA, dValA); dB = f64x2.add(dB, dValB);
        ddA = f64x2.add(ddA, f64x2.mul(dValA, dValA)); ddB = f64x2.add(ddB, f64x2.mul(dValB, dValB));
        eeA = f64x2.add(eeA, f64x2.mul(eValA, eValA)); eeB = f64x2.add(eeB, f64x2.mul(eValB, eValB));
      }
    }
    sw = isFloat<W>() ? lanes(f64x2.add(wA, wB)) : <f64>i;
    sd = lanes(f64x2.add(dA, dB));
    sdd = lanes(f64x2.add(ddA, ddB));
    see = lanes(f64x2.add(eeA, eeB));
  }
  for (; i < n; i++) {
    const y = valueAt<T>(targets, i);
    const d = y - shift;
    const e = y - valueAt<T>(predictions, i);
    const w = weightAt<W>(weights, i);
    sw += w;
    sd += w * d;
    sdd += w * d * d;
    see += w * e * e;
  }
  addAt(out, 0, sw);
  addAt(out, 1, sd);
  addAt(out, 2, sdd);
  addAt(out, 3, see);
}

/** Accumulates into out (f64): [Σw, Σw·e², Σw·|e|] with e = y - p; same input types as r2Sums. */
export function errorSums(targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32, out: usize): void {
  if (isF64) {
    if (weights) errorSumsOf<f64, f64>(targets, predictions, weights, n, out);
    else errorSumsOf<f64, i32>(targets, predictions, 0, n, out);
  } else {
    if (weights) errorSumsOf<f32, f64>(targets, predictions, weights, n, out);
    else errorSumsOf<f32, i32>(targets, predictions, 0, n, out);
  }
}

function errorSumsOf<T, W>(targets: usize, predictions: usize, weights: usize, n: i32, out: usize): void {
  let sw: f64 = 0, see: f64 = 0, sae: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    let wA = f64x2.splat(0), eeA = f64x2.splat(0), aeA = f64x2.splat(0);
    let wB = f64x2.splat(0), eeB = f64x2.splat(0), aeB = f64x2.splat(0);
    if (!isFloat<W>()) {
      // Unweighted: eight elements per iteration, four independent pairs (measured ~20% faster).
      let eeC = f64x2.splat(0), aeC = f64x2.splat(0), eeD = f64x2.splat(0), aeD = f64x2.splat(0);
      for (; i + 8 <= n; i += 8) {
        const eA = f64x2.sub(pairAt<T>(targets, i), pairAt<T>(predictions, i));
        const eB = f64x2.sub(pairAt<T>(targets, i + 2), pairAt<T>(predictions, i + 2));
        const eC = f64x2.sub(pairAt<T>(targets, i + 4), pairAt<T>(predictions, i + 4));
        const eD = f64x2.sub(pairAt<T>(targets, i + 6), pairAt<T>(predictions, i + 6));
        eeA = f64x2.add(eeA, f64x2.mul(eA, eA)); eeB = f64x2.add(eeB, f64x2.mul(eB, eB));
        eeC = f64x2.add(eeC, f64x2.mul(eC, eC)); eeD = f64x2.add(eeD, f64x2.mul(eD, eD));
        aeA = f64x2.add(aeA, f64x2.abs(eA)); aeB = f64x2.add(aeB, f64x2.abs(eB));
        aeC = f64x2.add(aeC, f64x2.abs(eC)); aeD = f64x2.add(aeD, f64x2.abs(eD));
      }
      eeA = f64x2.add(eeA, eeC); eeB = f64x2.add(eeB, eeD);
      aeA = f64x2.add(aeA, aeC); aeB = f64x2.add(aeB, aeD);
    }
    for (; i + 4 <= n; i += 4) {
      const eA = f64x2.sub(pairAt<T>(targets, i), pairAt<T>(predictions, i));
      const eB = f64x2.sub(pairAt<T>(targets, i + 2), pairAt<T>(predictions, i + 2));
      if (isFloat<W>()) {
        const weightA = v128.load(weights + (<usize>i << 3)), weightB = v128.load(weights + (<usize>i << 3), 16);
        const weA = f64x2.mul(weightA, eA), weB = f64x2.mul(weightB, eB);
        wA = f64x2.add(wA, weightA); wB = f64x2.add(wB, weightB);
        eeA = f64x2.add(eeA, f64x2.mul(weA, eA)); eeB = f64x2.add(eeB, f64x2.mul(weB, eB));
        aeA = f64x2.add(aeA, f64x2.mul(weightA, f64x2.abs(eA))); aeB = f64x2.add(aeB, f64x2.mul(weightB, f64x2.abs(eB)));
      } else {
        eeA = f64x2.add(eeA, f64x2.mul(eA, eA)); eeB = f64x2.add(eeB, f64x2.mul(eB, eB));
        aeA = f64x2.add(aeA, f64x2.abs(eA)); aeB = f64x2.add(aeB, f64x2.abs(eB));
      }
    }
    sw = isFloat<W>() ? lanes(f64x2.add(wA, wB)) : <f64>i;
    see = lanes(f64x2.add(eeA, eeB));
    sae = lanes(f64x2.add(aeA, aeB));
  }
  for (; i < n; i++) {
    const e = valueAt<T>(targets, i) - valueAt<T>(predictions, i);
    const w = weightAt<W>(weights, i);
    sw += w;
    see += w * e * e;
    sae += w * Math.abs(e);
  }
  addAt(out, 0, sw);
  addAt(out, 1, see);
  addAt(out, 2, sae);
}

/**
 * Accumulates into out (f64): [Σw, Σw·d, Σw·d², Σw·r, Σw·r²] with d = y - targetShift and
 * r = (y - p) - errorShift: both variances explained_variance_score needs, centred by the caller
 * (a second pass with the means as shifts leaves only rounding-sized first moments).
 * Same input types as r2Sums.
 */
export function varianceSums(targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32,
  targetShift: f64, errorShift: f64, out: usize): void {
  if (isF64) {
    if (weights) varianceSumsOf<f64, f64>(targets, predictions, weights, n, targetShift, errorShift, out);
    else varianceSumsOf<f64, i32>(targets, predictions, 0, n, targetShift, errorShift, out);
  } else {
    if (weights) varianceSumsOf<f32, f64>(targets, predictions, weights, n, targetShift, errorShift, out);
    else varianceSumsOf<f32, i32>(targets, predictions, 0, n, targetShift, errorShift, out);
  }
}

function varianceSumsOf<T, W>(targets: usize, predictions: usize, weights: usize, n: i32,
  targetShift: f64, errorShift: f64, out: usize): void {
  let sw: f64 = 0, sd: f64 = 0, sdd: f64 = 0, sr: f64 = 0, srr: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const a = f64x2.splat(targetShift), b = f64x2.splat(errorShift);
    // Two independent accumulator sets (elements i, i+1 and i+2, i+3) for instruction-level parallelism.
    let wA = f64x2.splat(0), dA = f64x2.splat(0), ddA = f64x2.splat(0), rA = f64x2.splat(0), rrA = f64x2.splat(0);
    let wB = f64x2.splat(0), dB = f64x2.splat(0), ddB = f64x2.splat(0), rB = f64x2.splat(0), rrB = f64x2.splat(0);
    for (; i + 4 <= n; i += 4) {
      const yA = pairAt<T>(targets, i), yB = pairAt<T>(targets, i + 2);
      const dValA = f64x2.sub(yA, a), dValB = f64x2.sub(yB, a);
      const rValA = f64x2.sub(f64x2.sub(yA, pairAt<T>(predictions, i)), b);
      const rValB = f64x2.sub(f64x2.sub(yB, pairAt<T>(predictions, i + 2)), b);
      if (isFloat<W>()) {
        const weightA = v128.load(weights + (<usize>i << 3)), weightB = v128.load(weights + (<usize>i << 3), 16);
        const wdA = f64x2.mul(weightA, dValA), wdB = f64x2.mul(weightB, dValB);
        const wrA = f64x2.mul(weightA, rValA), wrB = f64x2.mul(weightB, rValB);
        wA = f64x2.add(wA, weightA); wB = f64x2.add(wB, weightB);
        dA = f64x2.add(dA, wdA); dB = f64x2.add(dB, wdB);
        ddA = f64x2.add(ddA, f64x2.mul(wdA, dValA)); ddB = f64x2.add(ddB, f64x2.mul(wdB, dValB));
        rA = f64x2.add(rA, wrA); rB = f64x2.add(rB, wrB);
        rrA = f64x2.add(rrA, f64x2.mul(wrA, rValA)); rrB = f64x2.add(rrB, f64x2.mul(wrB, rValB));
      } else {
        dA = f64x2.add(dA, dValA); dB = f64x2.add(dB, dValB);
        ddA = f64x2.add(ddA, f64x2.mul(dValA, dValA)); ddB = f64x2.add(ddB, f64x2.mul(dValB, dValB));
        rA = f64x2.add(rA, rValA); rB = f64x2.add(rB, rValB);
        rrA = f64x2.add(rrA, f64x2.mul(rValA, rValA)); rrB = f64x2.add(rrB, f64x2.mul(rValB, rValB));
      }
    }
    sw = isFloat<W>() ? lanes(f64x2.add(wA, wB)) : <f64>i;
    sd = lanes(f64x2.add(dA, dB));
    sdd = lanes(f64x2.add(ddA, ddB));
    sr = lanes(f64x2.add(rA, rB));
    srr = lanes(f64x2.add(rrA, rrB));
  }
  for (; i < n; i++) {
    const y = valueAt<T>(targets, i);
    const d = y - targetShift;
    const r = (y - valueAt<T>(predictions, i)) - errorShift;
    const w = weightAt<W>(weights, i);
    sw += w;
    sd += w * d;
    sdd += w * d * d;
    sr += w * r;
    srr += w * r * r;
  }
  addAt(out, 0, sw);
  addAt(out, 1, sd);
  addAt(out, 2, sdd);
  addAt(out, 3, sr);
  addAt(out, 4, srr);
}
