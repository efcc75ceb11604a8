// The log keys a training loop's metrics produce, and which way each is better.
// Shared by EarlyStopping's mode 'auto' and objective(), so both accept the same
// sources and reject a misspelt key with the same message.
import { MetricError } from '../errors.js';
import type { Direction, Metric } from '../metric.js';
import { MetricCollection } from '../collection.js';
import { suggestLogKey } from './suggest-key.js';

/** Where the metrics behind the log keys come from. */
export interface MetricSource {
  /** The metrics the loop logs: a collection, or metrics logged under their names. */
  metrics?: MetricCollection | readonly Metric[];
  /** Directions by metric name (without prefix), for values the loop computes itself. */
  directions?: Readonly<Record<string, Direction>>;
  /** Prefixes the loop puts before metric names; default ['', 'val_'] as in Keras's fit(). */
  prefixes?: readonly string[];
}

export const SOURCE_OPTION_KEYS = ['metrics', 'directions', 'prefixes'] as const;

const DEFAULT_PREFIXES: readonly string[] = ['', 'val_'];

// Identifiers whose class the collection picks from the first batch; every
// variant shares one direction, so it is known before any batch.
const SHAPE_RESOLVED_DIRECTIONS: Readonly<Record<string, Direction>> = {
  accuracy: 'up', acc: 'up', crossentropy: 'down', ce: 'down',
};

function directionInCollection(collection: MetricCollection, name: string): Direction {
  try {
    return collection.get(name).direction;
  } catch (error) {
    if (error instanceof MetricError && error.code === 'NOT_BUILT') return SHAPE_RESOLVED_DIRECTIONS[name.toLowerCase()];
    throw error;
  }
}

/** Direction of every metric name the source knows; 'loss' is minimised, as Keras assumes. */
function directionsByName(source: MetricSource): Map<string, Direction> {
  const byName = new Map<string, Direction>([['loss', 'down']]);
  const { metrics, directions } = source;
  if (metrics instanceof MetricCollection) {
    for (const name of metrics.names) byName.set(name, directionInCollection(metrics, name));
  } else if (metrics !== undefined) {
    for (const metric of metrics) byName.set(metric.name, metric.direction);
  }
  for (const [name, direction] of Object.entries(directions ?? {})) byName.set(name, direction);
  return byName;
}

/** True when the source names at least one metric (the implicit 'loss' aside). */
export function hasMetrics(source: MetricSource): boolean {
  return source.metrics !== undefined || source.directions !== undefined;
}

/** Every log key the source produces (each name under each prefix) with its direction. */
export function knownLogKeys(source: MetricSource): Map<string, Direction> {
  const keys = new Map<string, Direction>();
  for (const [name, direction] of directionsByName(source)) {
    for (const prefix of source.prefixes ?? DEFAULT_PREFIXES) keys.set(`${prefix}${name}`, direction);
  }
  return keys;
}

/**
 * The direction of the metric logged under `key`. A key no configured metric
 * logs throws UNKNOWN_IDENTIFIER listing the keys and the closest ones.
 */
export function directionOfKey(caller: string, key: string, source: MetricSource): Direction {
  const keys = knownLogKeys(source);
  if (!keys.has(key)) {
    const available = [...keys.keys()];
    throw new MetricError('UNKNOWN_IDENTIFIER',
      `${caller}: no configured metric logs '${key}'. Available: ${available.map((k) => `'${k}'`).join(', ')}.${suggestLogKey(key, available)}`);
  }
  return keys.get(key);
}
