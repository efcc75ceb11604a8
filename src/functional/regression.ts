// scikit-learn's regression metrics as functions over whole arrays:
// r2_score, explained_variance_score, mean_squared_error,
// root_mean_squared_error, mean_absolute_error,
// mean_absolute_percentage_error, max_error and median_absolute_error, with
// scikit-learn's multioutput and force_finite semantics. Sums come from the
// WebAssembly kernels in float64; percentage errors, maxima and medians from
// one JavaScript pass.
import { ConfigError, InputError } from '../errors.js';
import type { ArrayInput } from '../tensor.js';
import { absoluteErrorsOf, percentageErrorSums } from './elementwise-errors.js';
import { requireNonNegative } from './inputs.js';
import {
  combineOutputs, resolveMultioutput, type ErrorMultioutput, type OutputResult, type ScoreMultioutput,
} from './multioutput.js';
import { checkOptions } from './options.js';
import { regressionPair, nonFiniteInputError } from './regression-input.js';
import { errorSums, r2Sums, varianceSums } from './regression-sums.js';
import { median, weightedMedian } from './weighted-median.js';

export type { ErrorMultioutput, ScoreMultioutput, OutputResult } from './multioutput.js';

export interface RegressionErrorOptions<M extends ErrorMultioutput = ErrorMultioutput> {
  /** One weight per sample. */
  sampleWeight?: ArrayInput | null;
  /** 'uniform_average' (default), 'raw_values' (one value per output) or output weights. */
  multioutput?: M;
}

export interface RegressionScoreOptions<M extends ScoreMultioutput = ScoreMultioutput> {
  sampleWeight?: ArrayInput | null;
  /** 'uniform_average' (default), 'raw_values', 'variance_weighted' or output weights. */
  multioutput?: M;
  /** Constant y_true: 1 for perfect predictions and 0 otherwise (true, the default), or NaN / -Infinity (false). */
  forceFinite?: boolean;
}

const ERROR_OPTIONS = ['sampleWeight', 'multioutput'] as const;
const SCORE_OPTIONS = ['sampleWeight', 'multioutput', 'forceFinite'] as const;

function forceFiniteOf(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw new ConfigError('INVALID_CONFIG', `forceFinite must be a boolean; received ${JSON.stringify(value)}.`);
  return value;
}

/** 1 - numerator/denominator per output, with scikit-learn's exact-zero rules when forceFinite. */
function scoresOf(numerator: Float64Array, denominator: Float64Array, forceFinite: boolean): Float64Array {
  return numerator.map((top, k) => {
    const bottom = denominator[k]!;
    if (!forceFinite || (top !== 0 && bottom !== 0)) return 1 - top / bottom;
    return top === 0 ? 1 : 0;
  });
}

/**
 * Coefficient of determination, as scikit-learn's r2_score. Fewer than two
 * samples give NaN (one NaN per output with 'raw_values').
 */
export function r2Score<M extends ScoreMultioutput = 'uniform_average'>(
  yTrue: ArrayInput, yPred: ArrayInput, options: RegressionScoreOptions<M> = {},
): OutputResult<M> {
  checkOptions('r2Score', options, SCORE_OPTIONS);
  const pair = regressionPair(yTrue, yPred, options.sampleWeight);
  const multioutput = resolveMultioutput(options.multioutput, pair.outputs, true);
  const forceFinite = forceFiniteOf(options.forceFinite);
  if (pair.rows < 2) {
    const bad = nonFiniteInputError(pair);
    if (bad) throw bad;
    return (multioutput.kind === 'raw_values' ? Array.from({ length: pair.outputs }, () => NaN) : NaN) as OutputResult<M>;
  }
  const { residualSquares, totalSquares } = r2Sums(pair);
  return combineOutputs(scoresOf(residualSquares, totalSquares, forceFinite), multioutput, totalSquares) as OutputResult<M>;
}

/** Explained variance, as scikit-learn's explained_variance_score (like R2 but blind to a constant offset). */
export function explainedVarianceScore<M extends ScoreMultioutput = 'uniform_average'>(
  yTrue: ArrayInput, yPred: ArrayInput, options: RegressionScoreOptions<M> = {},
): OutputResult<M> {
  checkOptions('explainedVarianceScore', options, SCORE_OPTIONS);
  const pair = regressionPair(yTrue, yPred, options.sampleWeight);
  const multioutput = resolveMultioutput(options.multioutput, pair.outputs, true);
  const forceFinite = forceFiniteOf(options.forceFinite);
  const { errorVariance, targetVariance } = varianceSums(pair);
  return combineOutputs(scoresOf(errorVariance, targetVariance, forceFinite), multioutput, targetVariance) as OutputResult<M>;
}

function errorFunction(name: string, perOutput: (pair: ReturnType<typeof regressionPair>) => Float64Array) {
  return <M extends ErrorMultioutput = 'uniform_average'>(
    yTrue: ArrayInput, yPred: ArrayInput, options: RegressionErrorOptions<M> = {},
  ): OutputResult<M> => {
    checkOptions(name, options, ERROR_OPTIONS);
    const pair = regressionPair(yTrue, yPred, options.sampleWeight);
    const multioutput = resolveMultioutput(options.multioutput, pair.outputs, false);
    return combineOutputs(perOutput(pair), multioutput) as OutputResult<M>;
  };
}

/** Weighted mean of (y - p)² per output, as scikit-learn's mean_squared_error. */
export const meanSquaredError = errorFunction('meanSquaredError', (pair) => {
  const { squaredError, weight } = errorSums(pair);
  return squaredError.map((sum) => sum / weight);
});

/** Square root of each output's mean squared error, then averaged, as scikit-learn's root_mean_squared_error. */
export const rootMeanSquaredError = errorFunction('rootMeanSquaredError', (pair) => {
  const { squaredError, weight } = errorSums(pair);
  return squaredError.map((sum) => Math.sqrt(sum / weight));
});

/** Weighted mean of |y - p| per output, as scikit-learn's mean_absolute_error. */
export const meanAbsoluteError = errorFunction('meanAbsoluteError', (pair) => {
  const { absoluteError, weight } = errorSums(pair);
  return absoluteError.map((sum) => sum / weight);
});

/**
 * Weighted mean of |y - p| / max(|y|, ε) per output (a fraction, not a
 * percentage; ε = 2.22e-16), as scikit-learn's mean_absolute_percentage_error.
 */
export const meanAbsolutePercentageError = errorFunction('meanAbsolutePercentageError', (pair) => {
  const { sums, weight } = percentageErrorSums(pair);
  if (weight === 0) throw new InputError('INVALID_INPUT', 'sample_weight sums to zero; a weighted mean needs a non-zero total weight.');
  return sums.map((sum) => sum / weight);
});

/**
 * Median of |y - p| per output, as scikit-learn's median_absolute_error. With
 * sampleWeight (non-negative), the averaged weighted median of current
 * scikit-learn, which equals the unweighted median for equal weights.
 */
export const medianAbsoluteError = errorFunction('medianAbsoluteError', (pair) => {
  const { weights } = pair;
  requireNonNegative(weights, 'a weighted median needs non-negative weights');
  if (weights && !weights.some((weight) => weight > 0)) {
    throw new InputError('INVALID_INPUT', 'sample_weight is all zero; a weighted median needs a positive total weight.');
  }
  return Float64Array.from({ length: pair.outputs }, (_, k) => {
    const errors = absoluteErrorsOf(pair, k);
    return weights ? weightedMedian(errors, weights) : median(errors);
  });
});

/** The largest |y - p|, as scikit-learn's max_error (a single output only). */
export function maxError(yTrue: ArrayInput, yPred: ArrayInput): number {
  const pair = regressionPair(yTrue, yPred, undefined);
  if (pair.outputs !== 1) {
    throw new InputError('SHAPE_MISMATCH', `maxError takes a single output, as scikit-learn's max_error; the inputs have ${pair.outputs}.`);
  }
  const errors = absoluteErrorsOf(pair, 0);
  let largest = 0;
  for (let i = 0; i < errors.length; i++) largest = Math.max(largest, errors[i]!);
  return largest;
}
