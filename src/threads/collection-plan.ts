// The main-thread side of a threaded update: which metric every worker builds,
// checked on copies before any thread starts, and the merge of the workers'
// saved states into the caller's collection in shard order.
import { ConfigError, MetricCollection, MetricError, deserialize, serialize, type Metric, type MetricSpec, type SerializedMetric } from '../index.js';
import type { ShardTensor } from './protocol.js';

/** Identifiers whose class a collection picks from the first batch's shapes. */
const SHAPE_RESOLVED = new Set(['accuracy', 'acc', 'crossentropy', 'ce']);

/**
 * The identifier of an entry still waiting for its first batch: its name, which
 * is the identifier as given, or that identifier with '_1', '_2', ... when it
 * was listed more than once (MetricCollection's naming rule).
 */
function pendingIdentifier(name: string): string {
  return SHAPE_RESOLVED.has(name.toLowerCase()) ? name : name.replace(/_\d+$/, '');
}

/** The collection's metric for every name in order; undefined where the first batch has not chosen a class yet. */
function entriesOf(collection: MetricCollection): Array<Metric | undefined> {
  return collection.names.map((name) => {
    try {
      return collection.get(name);
    } catch (error) {
      if (error instanceof MetricError && error.code === 'NOT_BUILT') return undefined;
      throw error;
    }
  });
}

export interface ShardPlan {
  /** What every worker deserializes, one per collection entry, in order. */
  readonly specs: SerializedMetric[];
  /** Empty metrics of the same classes and configs, to load the workers' saved states into. */
  readonly scratch: Metric[];
}

/**
 * Copies of the collection's metrics (classes chosen from these shapes where the
 * collection has not chosen yet) fed a zero-row batch of the real shapes: shape
 * and weight errors surface here, in the main thread, and the caller's
 * collection is not touched.
 */
export function planShards(collection: MetricCollection, empty: { yTrue: ShardTensor; yPred: ShardTensor; sampleWeight?: ShardTensor }): ShardPlan {
  const copies: MetricSpec[] = entriesOf(collection).map((metric, i) => {
    if (!metric) return pendingIdentifier(collection.names[i]!);
    if (metric.className === 'MeanMetricWrapper') {
      throw new ConfigError('INVALID_CONFIG',
        `'${collection.names[i]}' wraps a JavaScript function, which cannot reach a worker thread (workers rebuild each metric from its Keras JSON form); update it in this thread.`);
    }
    return deserialize(serialize(metric));
  });
  const shadow = new MetricCollection(copies);
  shadow.updateState(empty.yTrue, empty.yPred, empty.sampleWeight ?? null);
  const scratch = shadow.metrics;
  return { specs: scratch.map((metric) => serialize(metric)), scratch };
}

/**
 * Folds each shard's saved states into the collection (reset first when asked),
 * shard by shard in row order, so the sums are added in the same order on
 * every run. A collection entry still waiting for its class gets it from the
 * zero-row batch (which adds nothing). A failed merge restores every metric.
 */
export function mergeShards(
  collection: MetricCollection, plan: ShardPlan, shardStates: ReadonlyArray<readonly Uint8Array[]>,
  empty: { yTrue: ShardTensor; yPred: ShardTensor; sampleWeight?: ShardTensor }, reset: boolean,
): void {
  if (entriesOf(collection).includes(undefined)) collection.updateState(empty.yTrue, empty.yPred, empty.sampleWeight ?? null);
  const targets = entriesOf(collection) as Metric[];
  const saved = targets.map((metric) => metric.saveState());
  try {
    if (reset) collection.resetState();
    for (const states of shardStates) {
      targets.forEach((metric, i) => {
        plan.scratch[i]!.loadState(states[i]!);
        metric.mergeState(plan.scratch[i]!);
      });
    }
  } catch (error) {
    targets.forEach((metric, i) => metric.loadState(saved[i]!));
    throw error;
  }
}
