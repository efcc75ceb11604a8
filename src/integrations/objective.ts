// A hyperparameter-search objective: a log key checked against the metrics
// the loop really logs, with the direction taken from the metric. A misspelt
// key fails when the search is set up, naming the closest key, instead of as
// a KeyError after the first trial.
import { ConfigError } from '../errors.js';
import { directionOfKey, hasMetrics, knownLogKeys, SOURCE_OPTION_KEYS, type MetricSource } from './log-keys.js';
import { readLogValue, type Logs } from './log-value.js';
import { isImprovement, modeOf, type Mode } from './improvement.js';
import { checkKnownKeys } from './options.js';

export interface ObjectiveOptions extends MetricSource {
  /** Overrides the metric's direction; required for metrics without one. */
  direction?: Mode;
}

export interface Objective {
  readonly key: string;
  readonly direction: Mode;
  /** The objective's value in one trial's logs; a missing key lists the logged keys. */
  score(logs: Logs): number;
  /** True when score `a` is strictly better than `b`; NaN is never better, and anything beats NaN. */
  better(a: number, b: number): boolean;
}

const OPTION_KEYS = ['direction', ...SOURCE_OPTION_KEYS];

export function objective(key: string, options: ObjectiveOptions = {}): Objective {
  checkKnownKeys('objective', options, OPTION_KEYS);
  if (typeof key !== 'string' || key === '') {
    throw new ConfigError('INVALID_CONFIG', `objective: key must be a non-empty log key such as 'val_auc'; received ${JSON.stringify(key)}.`);
  }
  const { direction: given } = options;
  if (given !== undefined && given !== 'min' && given !== 'max') {
    throw new ConfigError('INVALID_CONFIG', `objective: direction must be 'min' or 'max'; received ${JSON.stringify(given)}.`);
  }
  // Without metrics only the loss keys can be checked (minimised, as Keras assumes).
  const checkable = hasMetrics(options) || knownLogKeys(options).has(key);
  if (!checkable && given === undefined) {
    throw new ConfigError('INVALID_CONFIG',
      `objective: cannot check '${key}' or tell its direction without the metrics that log it. ` +
      `Pass metrics: the MetricCollection that logs '${key}', or direction: 'max' or 'min'.`);
  }
  const fromMetric = checkable ? modeOf(directionOfKey('objective', key, options)) : undefined;
  const direction = given ?? fromMetric;
  if (direction === undefined) {
    throw new ConfigError('INVALID_CONFIG',
      `objective: the metric logging '${key}' has no direction (counts and sums are neither better high nor low). ` +
      `Pass direction: 'max' or direction: 'min'.`);
  }
  return {
    key,
    direction,
    score: (logs) => readLogValue('objective', logs, key),
    better: (a, b) => isImprovement(a, b, direction),
  };
}
