// Reads the monitored scalar from one epoch's logs.
import { MetricError } from '../errors.js';
import { suggestLogKey } from './suggest-key.js';

/** One epoch's logs: metric results keyed by log name, e.g. collection.logs('val_') plus a loss. */
export type Logs = Readonly<Record<string, unknown>>;

/**
 * `logs[key]` as a number (NaN included). A missing key throws
 * UNKNOWN_IDENTIFIER listing the logged keys and the closest: a misspelt
 * monitor would otherwise never stop training.
 */
export function readLogValue(caller: string, logs: Logs, key: string): number {
  if (typeof logs !== 'object' || logs === null) {
    throw new MetricError('INVALID_INPUT', `${caller}: logs must be an object of log values; received ${String(logs)}.`);
  }
  if (!Object.hasOwn(logs, key)) {
    const logged = Object.keys(logs);
    const listed = logged.length ? logged.map((k) => `'${k}'`).join(', ') : 'none';
    throw new MetricError('UNKNOWN_IDENTIFIER', `${caller}: the logs have no '${key}'. Logged keys: ${listed}.${suggestLogKey(key, logged)}`);
  }
  const value = logs[key];
  if (typeof value !== 'number') {
    const hint = Array.isArray(value) ? ' It is a per-class array; monitor an averaged result (e.g. average: \'macro\').' : '';
    throw new MetricError('INVALID_INPUT', `${caller}: '${key}' must be a number; received ${JSON.stringify(value)}.${hint}`);
  }
  return value;
}
