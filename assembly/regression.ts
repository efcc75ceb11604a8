// Regression moments in float64. Targets are shifted by a caller-chosen value
// (the first target seen) so the sum of squares keeps its precision when the
// target mean is large relative to its spread.
import { weightAt } from "./lanes";

/**
 * Accumulates into out (f64): [Σw, Σw·d, Σw·d², Σw·e², Σw·|e|] with d = y - shift, e = y - p.
 * targets and predictions are both f32 (isF64 false) or both f64; weights f64 or 0.
 */
export function regressionSums(
  targets: usize, predictions: usize, isF64: bool, weights: usize, n: i32, shift: f64, out: usize,
): void {
  if (isF64) {
    if (weights) regressionSumsOf<f64, f64>(targets, predictions, weights, n, shift, out);
    else regressionSumsOf<f64, i32>(targets, predictions, 0, n, shift, out);
  } else {
    if (weights) regressionSumsOf<f32, f64>(targets, predictions, weights, n, shift, out);
    else regressionSumsOf<f32, i32>(targets, predictions, 0, n, shift, out);
  }
}

// @ts-ignore: decorator
@inline function loadPair<T>(base: usize, i: i32): v128 {
  if (sizeof<T>() == 4) return f64x2.promote_low_f32x4(v128.load64_zero(base + (<usize>i << 2)));
  return v128.load(base + (<usize>i << 3));
}

// @ts-ignore: decorator
@inline function loadOne<T>(base: usize, i: i32): f64 {
  if (sizeof<T>() == 4) return <f64>load<f32>(base + (<usize>i << 2));
  return load<f64>(base + (<usize>i << 3));
}

function regressionSumsOf<T, W>(targets: usize, predictions: usize, weights: usize, n: i32, shift: f64, out: usize): void {
  let sw: f64 = 0, sd: f64 = 0, sdd: f64 = 0, see: f64 = 0, sae: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const shiftSplat = f64x2.splat(shift);
    let w2 = f64x2.splat(0), d1 = f64x2.splat(0), d2 = f64x2.splat(0), e2 = f64x2.splat(0), ae = f64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const y = loadPair<T>(targets, i);
      const d = f64x2.sub(y, shiftSplat);
      const e = f64x2.sub(y, loadPair<T>(predictions, i));
      if (isFloat<W>()) {
        const w = v128.load(weights + (<usize>i << 3));
        const wd = f64x2.mul(w, d);
        const we = f64x2.mul(w, e);
        w2 = f64x2.add(w2, w);
        d1 = f64x2.add(d1, wd);
        d2 = f64x2.add(d2, f64x2.mul(wd, d));
        e2 = f64x2.add(e2, f64x2.mul(we, e));
        ae = f64x2.add(ae, f64x2.mul(w, f64x2.abs(e)));
      } else {
        d1 = f64x2.add(d1, d);
        d2 = f64x2.add(d2, f64x2.mul(d, d));
        e2 = f64x2.add(e2, f64x2.mul(e, e));
        ae = f64x2.add(ae, f64x2.abs(e));
      }
    }
    sw = isFloat<W>() ? f64x2.extract_lane(w2, 0) + f64x2.extract_lane(w2, 1) : <f64>i;
    sd = f64x2.extract_lane(d1, 0) + f64x2.extract_lane(d1, 1);
    sdd = f64x2.extract_lane(d2, 0) + f64x2.extract_lane(d2, 1);
    see = f64x2.extract_lane(e2, 0) + f64x2.extract_lane(e2, 1);
    sae = f64x2.extract_lane(ae, 0) + f64x2.extract_lane(ae, 1);
  }
  for (; i < n; i++) {
    const y = loadOne<T>(targets, i);
    const d = y - shift;
    const e = y - loadOne<T>(predictions, i);
    const w = weightAt<W>(weights, i);
    sw += w;
    sd += w * d;
    sdd += w * d * d;
    see += w * e * e;
    sae += w * Math.abs(e);
  }
  store<f64>(out, load<f64>(out) + sw);
  store<f64>(out, load<f64>(out, 8) + sd, 8);
  store<f64>(out, load<f64>(out, 16) + sdd, 16);
  store<f64>(out, load<f64>(out, 24) + see, 24);
  store<f64>(out, load<f64>(out, 32) + sae, 32);
}
