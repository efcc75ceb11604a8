// Threshold lists as Keras builds and validates them.
import { ConfigError } from '../errors.js';

/** Keras backend.epsilon(). */
export const EPSILON = 1e-7;
/** Keras metrics_utils.NEG_INF: the threshold used with top_k, and the value of filtered-out predictions. */
export const NEG_INF = -1e10;

/** Keras parse_init_thresholds: a number or list, each in [0, 1]; default when absent. */
export function parseThresholds(thresholds: number | readonly number[] | null | undefined, fallback: number): number[] {
  if (thresholds === null || thresholds === undefined) return [fallback];
  if (!Array.isArray(thresholds) && typeof thresholds !== 'number') {
    throw new ConfigError('INVALID_CONFIG', `thresholds must be a number or an array of numbers; received ${JSON.stringify(thresholds)}.`);
  }
  const list: number[] = typeof thresholds === 'number' ? [thresholds] : [...(thresholds as readonly number[])];
  const invalid = list.filter((t) => typeof t !== 'number' || !(t >= 0 && t <= 1));
  if (invalid.length || list.length === 0) {
    throw new ConfigError('INVALID_CONFIG', `Threshold values must be in [0, 1]. Received: ${JSON.stringify(invalid.length ? invalid : list)}.`);
  }
  return list;
}

/**
 * `count` thresholds: `first`, then i/(count-1) for i = 1..count-2, then `last`
 * (a plain loop: spreading an Array.from runs the iterator protocol per value
 * in the interpreter, 0.1-0.2 ms and 15 KB of garbage on a process's first AUC).
 */
export function evenlySpacedThresholds(count: number, first: number, last: number): number[] {
  const thresholds = [first];
  for (let i = 1; i < count - 1; i++) thresholds.push(i / (count - 1));
  thresholds.push(last);
  return thresholds;
}

/**
 * Keras is_evenly_distributed_thresholds: at least 3 values, close to
 * arange(n)/(n-1) in float32 (numpy allclose: |a-b| <= 1e-7 + 1e-5·|b|).
 * Such lists take the bucketed O(N + T) path.
 */
export function isEvenlySpaced(thresholds: readonly number[]): boolean {
  const n = thresholds.length;
  if (n < 3) return false;
  return thresholds.every((t, i) => {
    const even = Math.fround(Math.fround(i) / Math.fround(n - 1));
    return Math.abs(t - even) <= EPSILON + 1e-5 * Math.abs(even);
  });
}

export function checkPositiveInteger(name: string, value: unknown, minimum = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new ConfigError('INVALID_CONFIG', `${name} must be an integer >= ${minimum}; received ${JSON.stringify(value)}.`);
  }
  return value;
}
