// scikit-learn's multioutput argument: per-output values returned as they are
// ('raw_values'), averaged uniformly, weighted by each output's target variance
// ('variance_weighted', scores only), or weighted by explicit numbers.
import { ConfigError } from '../errors.js';

export type ErrorMultioutput = 'raw_values' | 'uniform_average' | ArrayLike<number>;
export type ScoreMultioutput = ErrorMultioutput | 'variance_weighted';

/** A number, or a number per output when multioutput is 'raw_values'. */
export type OutputResult<M> = M extends 'raw_values' ? number[] : number;

export type ResolvedMultioutput =
  | { readonly kind: 'raw_values' | 'uniform_average' | 'variance_weighted' }
  | { readonly kind: 'weights'; readonly weights: Float64Array };

export function resolveMultioutput(value: unknown, outputs: number, allowVarianceWeighted: boolean): ResolvedMultioutput {
  if (value === undefined) return { kind: 'uniform_average' };
  const names = allowVarianceWeighted ? ['raw_values', 'uniform_average', 'variance_weighted'] : ['raw_values', 'uniform_average'];
  if (typeof value === 'string') {
    if (names.includes(value)) return { kind: value as 'raw_values' | 'uniform_average' | 'variance_weighted' };
    throw new ConfigError('INVALID_CONFIG', `multioutput must be one of ${names.map((name) => `'${name}'`).join(', ')} or an array of output weights; received '${value}'.`);
  }
  const isArrayLike = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isArrayLike) {
    throw new ConfigError('INVALID_CONFIG', `multioutput must be a string or an array of output weights; received ${JSON.stringify(value)}.`);
  }
  const weights = Float64Array.from(value as ArrayLike<number>);
  if (outputs === 1) throw new ConfigError('INVALID_CONFIG', 'Output weights (multioutput as an array) are only meaningful with several outputs.');
  if (weights.length !== outputs) {
    throw new ConfigError('INVALID_CONFIG', `multioutput has ${weights.length} weights for ${outputs} outputs.`);
  }
  if (!weights.every(Number.isFinite)) throw new ConfigError('INVALID_CONFIG', 'multioutput weights must be finite numbers.');
  if (weights.reduce((sum, weight) => sum + weight, 0) === 0) throw new ConfigError('INVALID_CONFIG', 'multioutput weights sum to zero.');
  return { kind: 'weights', weights };
}

function weightedAverage(values: Float64Array, weights: ArrayLike<number>): number {
  let sum = 0, total = 0;
  for (let k = 0; k < values.length; k++) sum += values[k]! * weights[k]!;
  for (let k = 0; k < values.length; k++) total += weights[k]!;
  return sum / total;
}

/**
 * Combines per-output values as `multioutput` says. `variances` are the
 * outputs' target variances for 'variance_weighted' (uniform when all are 0).
 */
export function combineOutputs(values: Float64Array, multioutput: ResolvedMultioutput, variances?: Float64Array): number | number[] {
  switch (multioutput.kind) {
    case 'raw_values':
      return Array.from(values);
    case 'weights':
      return weightedAverage(values, multioutput.weights);
    case 'variance_weighted':
      if (variances && variances.some((variance) => variance !== 0)) return weightedAverage(values, variances);
      return weightedAverage(values, new Float64Array(values.length).fill(1));
    case 'uniform_average':
      return weightedAverage(values, new Float64Array(values.length).fill(1));
  }
}
