// Per-output float64 sums of a regression pair from the WebAssembly kernels,
// streamed through the arena in chunks (each output gathered from the rows when
// there are several). Non-finite inputs surface as non-finite sums; only then
// are the inputs scanned to name the first bad value.
import { feedRegression, type RegressionKernel } from '../wasm/feed.js';
import { NO_WEIGHTS } from '../weights.js';
import { InputError } from '../errors.js';
import { nonFiniteInputError, type RegressionPair } from './regression-input.js';

/** outputs × slots sums, output-major. */
function columnSums(pair: RegressionPair, slots: number, kernel: RegressionKernel): Float64Array {
  const { output, sawNonFinite } = feedRegression({
    targets: pair.targets, predictions: pair.predictions,
    weights: pair.weights ? { kind: 'rows', data: pair.weights } : NO_WEIGHTS,
    rows: pair.rows, rowLength: pair.outputs, shape: [pair.rows, pair.outputs],
    nonFinite: 'propagate', perColumn: pair.outputs > 1, outputSlots: slots,
  }, kernel);
  if (sawNonFinite) throw nonFiniteInputError(pair)!;
  return output;
}

/** Σ w from a kernel's first slot; a zero total has no weighted mean (numpy's average raises). */
function totalWeight(sums: Float64Array): number {
  const weight = sums[0]!;
  if (weight === 0) throw new InputError('INVALID_INPUT', 'sample_weight sums to zero; a weighted mean needs a non-zero total weight.');
  return weight;
}

/** The first sample's values per output: shifts that keep the first pass's sums small. */
function firstRow(values: ArrayLike<number>, outputs: number): Float64Array {
  return Float64Array.from({ length: outputs }, (_, k) => values[k]!);
}

/** Σ w·(v - shift)² - (Σ w·(v - shift))² / Σ w: the weighted sum of squared deviations from the mean. */
function squaredDeviations(shifted: number, shiftedSquares: number, weight: number): number {
  return shiftedSquares - (shifted * shifted) / weight;
}

export interface ErrorSums {
  /** Σ w. */
  readonly weight: number;
  readonly squaredError: Float64Array;
  readonly absoluteError: Float64Array;
}

/** Σ w·(y - p)² and Σ w·|y - p| per output (errorSums kernel). */
export function errorSums(pair: RegressionPair): ErrorSums {
  const sums = columnSums(pair, 3, (a, chunk, isF64, _column, out) =>
    a.kernels.errorSums(chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, out));
  return {
    weight: totalWeight(sums),
    squaredError: Float64Array.from({ length: pair.outputs }, (_, k) => sums[k * 3 + 1]!),
    absoluteError: Float64Array.from({ length: pair.outputs }, (_, k) => sums[k * 3 + 2]!),
  };
}

export interface R2Sums {
  readonly weight: number;
  /** Σ w·(y - p)² per output. */
  readonly residualSquares: Float64Array;
  /** Σ w·(y - ȳ)² per output, ȳ the weighted mean. */
  readonly totalSquares: Float64Array;
}

/**
 * r2_score's numerator and denominator (r2Sums kernel), in two passes like
 * scikit-learn: the first finds each output's weighted mean, the second sums
 * squares about it (its first moment, rounding-sized, corrects the result).
 */
export function r2Sums(pair: RegressionPair): R2Sums {
  const pass = (shifts: Float64Array): Float64Array => columnSums(pair, 4, (a, chunk, isF64, column, out) =>
    a.kernels.r2Sums(chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, shifts[column]!, out));
  const first = firstRow(pair.targets, pair.outputs);
  const firstSums = pass(first);
  const weight = totalWeight(firstSums);
  const means = first.map((shift, k) => shift + firstSums[k * 4 + 1]! / weight);
  const sums = pass(means);
  return {
    weight,
    residualSquares: Float64Array.from({ length: pair.outputs }, (_, k) => sums[k * 4 + 3]!),
    totalSquares: Float64Array.from({ length: pair.outputs }, (_, k) => squaredDeviations(sums[k * 4 + 1]!, sums[k * 4 + 2]!, weight)),
  };
}

export interface VarianceSums {
  readonly weight: number;
  /** Weighted variance of y - p per output. */
  readonly errorVariance: Float64Array;
  /** Weighted variance of y per output. */
  readonly targetVariance: Float64Array;
}

/** explained_variance_score's numerator and denominator (varianceSums kernel), in two passes as r2Sums. */
export function varianceSums(pair: RegressionPair): VarianceSums {
  const pass = (targetShifts: Float64Array, errorShifts: Float64Array): Float64Array => columnSums(pair, 5, (a, chunk, isF64, column, out) =>
    a.kernels.varianceSums(chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count,
      targetShifts[column]!, errorShifts[column]!, out));
  const firstTargets = firstRow(pair.targets, pair.outputs);
  const firstErrors = firstTargets.map((target, k) => target - pair.predictions[k]!);
  const firstSums = pass(firstTargets, firstErrors);
  const weight = totalWeight(firstSums);
  const targetMeans = firstTargets.map((shift, k) => shift + firstSums[k * 5 + 1]! / weight);
  const errorMeans = firstErrors.map((shift, k) => shift + firstSums[k * 5 + 3]! / weight);
  const sums = pass(targetMeans, errorMeans);
  return {
    weight,
    errorVariance: Float64Array.from({ length: pair.outputs }, (_, k) => squaredDeviations(sums[k * 5 + 3]!, sums[k * 5 + 4]!, weight) / weight),
    targetVariance: Float64Array.from({ length: pair.outputs }, (_, k) => squaredDeviations(sums[k * 5 + 1]!, sums[k * 5 + 2]!, weight) / weight),
  };
}
