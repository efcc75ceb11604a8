// Checks shared by the exact ranking functions and metrics. Each names the
// first offending element; none changes anything, so callers validate a whole
// batch before keeping any of it.
import { ConfigError, InputError } from '../errors.js';
import { formatIndex, type Tensor, type TypedArray } from '../tensor.js';
import { firstNonFiniteIndex } from '../wasm/feed-labels.js';

export type FloatScores = Float32Array | Float64Array;

/** Scores as float32/float64 (integer arrays convert exactly), after checking that every value is finite. */
export function finiteScores(tensor: Tensor, argument: string): FloatScores {
  const { data, shape } = tensor;
  // Integer arrays are finite by type; float arrays are scanned in WebAssembly.
  const bad = firstNonFiniteIndex(data);
  if (bad >= 0) throw new InputError('NON_FINITE', `${argument}${formatIndex(bad, shape)} is ${data[bad]}; ranking scores must be finite.`);
  return data instanceof Float32Array || data instanceof Float64Array ? data : Float64Array.from(data);
}

/** True when float32 holds every score exactly (so samples can be stored in 4 bytes). */
export function fitsFloat32(scores: TypedArray): boolean {
  if (scores instanceof Float32Array || scores instanceof Uint8Array || scores instanceof Int8Array ||
    scores instanceof Int16Array || scores instanceof Uint16Array || scores instanceof Uint8ClampedArray) return true;
  for (let i = 0; i < scores.length; i++) if (Math.fround(scores[i]!) !== scores[i]) return false;
  return true;
}

/** Labels that must each be 0 or 1 (booleans read as 0/1), as bytes. */
export function indicatorLabels(tensor: Tensor, argument: string): Uint8Array {
  const { data, shape } = tensor;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (value !== 0 && value !== 1) {
      throw new InputError(Number.isNaN(value) || !Number.isFinite(value) ? 'NON_FINITE' : 'INVALID_INPUT',
        `${argument}${formatIndex(i, shape)} is ${value}; labels must be 0 or 1.`);
    }
  }
  return data instanceof Uint8Array ? data : Uint8Array.from(data);
}

/** Class ids that must be integers in [0, numClasses). */
export function classIds(tensor: Tensor, numClasses: number, argument: string): Int32Array {
  const { data, shape } = tensor;
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (!(Number.isInteger(value) && value >= 0 && value < numClasses)) {
      throw new InputError(Number.isFinite(value) ? 'INVALID_INPUT' : 'NON_FINITE',
        `${argument}${formatIndex(i, shape)} is ${value}; class ids must be integers in [0, ${numClasses}).`);
    }
  }
  return Int32Array.from(data);
}

/** Non-negative finite weights (zero drops a sample). */
export function checkWeights(weights: TypedArray, shape: readonly number[], argument = 'sample_weight'): Float64Array {
  for (let i = 0; i < weights.length; i++) {
    const value = weights[i]!;
    if (!Number.isFinite(value)) throw new InputError('NON_FINITE', `${argument}${formatIndex(i, shape)} is ${value}; weights must be finite.`);
    if (value < 0) throw new InputError('INVALID_INPUT', `${argument}${formatIndex(i, shape)} is ${value}; weights must be non-negative.`);
  }
  return weights instanceof Float64Array ? weights : Float64Array.from(weights);
}

/**
 * Rows of class probabilities must sum to 1 as numpy.allclose(1, sums) decides
 * (|1 - sum| <= 1e-8 + 1e-5·|sum|), as scikit-learn requires for multiclass ROC AUC.
 */
export function checkProbabilityRows(scores: FloatScores, rows: number, columns: number, argument: string): void {
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < columns; c++) sum += scores[r * columns + c]!;
    if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
      throw new InputError('INVALID_INPUT',
        `${argument} row ${r} sums to ${sum}; multiclass ROC AUC needs class probabilities (rows summing to 1).`);
    }
  }
}

/** maxFpr of partial ROC AUC: null/undefined or a number in (0, 1]. */
export function checkMaxFpr(maxFpr: unknown): number | null {
  if (maxFpr === undefined || maxFpr === null) return null;
  if (typeof maxFpr !== 'number' || !(maxFpr > 0 && maxFpr <= 1)) {
    throw new ConfigError('INVALID_CONFIG', `maxFpr must be in (0, 1]; received ${JSON.stringify(maxFpr)}.`);
  }
  return maxFpr;
}
