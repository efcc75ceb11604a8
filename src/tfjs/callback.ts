// A TF.js fit() callback that computes the library's metrics on whole datasets
// at the end of each epoch, with that epoch's final weights, and writes them
// into the epoch's logs so that later callbacks (earlyStopping, History) see
// them. TF.js is never imported: the caller passes its namespace, whose
// Callback class the callback must extend (see the note on createCallback).
import { ConfigError, MetricCollection, evaluate, type MetricSpec, type MetricResult } from '../index.js';
import { batchesOfDataset, isDataset, type TfDataset } from './dataset.js';
import type { ArrayInput } from '../index.js';

/** Whole arrays (tensors, typed or nested arrays): predicted with model.predict(x, { batchSize }). */
export interface ArraySplit<X = unknown> {
  readonly x: X;
  readonly y: ArrayInput;
  readonly sampleWeight?: ArrayInput | null;
  /** Passed to model.predict; TF.js defaults to 32. */
  readonly batchSize?: number;
}

/** Whole arrays, or a tf.data.Dataset of { xs, ys } (or [xs, ys]) batches as fitDataset takes. */
export type SplitData<X = unknown> = ArraySplit<X> | TfDataset<X>;

/** What the callback needs from a TF.js model. */
export interface PredictingModel {
  predict(x: unknown, config?: { batchSize?: number }): unknown;
}

/** What the callback needs from tf.Callback: the model TF.js hands it through setModel(). */
interface CallbackBase {
  model?: PredictingModel | null;
  onEpochEnd(epoch: number, logs?: Record<string, unknown>): Promise<void>;
}

export interface ValidationMetricsOptions<C> {
  /** The TF.js namespace (`import * as tf from '@tensorflow/tfjs'`), or any object with its Callback class. */
  readonly tf: { readonly Callback: abstract new () => C };
  /** Training data to evaluate with the epoch's final weights; its results replace the un-prefixed keys. */
  readonly train?: SplitData;
  /** Prefix of the validation keys; 'val_' as in Keras and TF.js. */
  readonly prefix?: string;
}

/** The callback's own additions to tf.Callback. */
export interface MetricsCallbackState {
  /** Keys written on the last epoch end and their values. */
  readonly lastLogs: Readonly<Record<string, MetricResult>>;
}

function toCollection(metrics: MetricCollection | readonly MetricSpec[]): MetricCollection {
  return metrics instanceof MetricCollection ? metrics : new MetricCollection(metrics);
}

function checkSplit(data: SplitData, argument: string): void {
  if (isDataset(data)) return;
  const split = data as Partial<ArraySplit> | null;
  if (typeof split !== 'object' || split === null || split.x === undefined || split.y === undefined) {
    throw new ConfigError('INVALID_CONFIG', `${argument} must be { x, y, sampleWeight?, batchSize? } or a tf.data.Dataset of { xs, ys }.`);
  }
}

/** Predictions of one split with the model's current weights, fed to `collection`. */
async function evaluateSplit(model: PredictingModel, data: SplitData, collection: MetricCollection, prefix: string) {
  const predict = (x: unknown, batchSize?: number): ArrayInput => {
    const output = model.predict(x, batchSize === undefined ? {} : { batchSize });
    if (Array.isArray(output)) throw new ConfigError('INVALID_CONFIG', 'The model has several outputs; validationMetrics expects a single-output model.');
    return output as ArrayInput;
  };
  if (isDataset(data)) return evaluate((x) => predict(x), batchesOfDataset(data), collection, { prefix });
  const { x, y, sampleWeight, batchSize } = data;
  // One batch: model.predict does the batching, the metrics take any length.
  return evaluate((input) => predict(input, batchSize), [{ x, y, sampleWeight }], collection, { prefix });
}

/**
 * A tf.Callback for `model.fit({ callbacks: [...] })` that, at each epoch end,
 * evaluates `metrics` on `validation` with the epoch's final weights and writes
 * `val_<name>` for each into the epoch's logs. List it before callbacks that
 * read those keys, such as `tf.callbacks.earlyStopping({ monitor: 'val_auc', mode: 'max' })`.
 */
export function validationMetrics<C>(
  metrics: MetricCollection | readonly MetricSpec[],
  validation: SplitData,
  options: ValidationMetricsOptions<C>,
): C & MetricsCallbackState {
  const { tf, train, prefix = 'val_' } = options ?? ({} as Partial<ValidationMetricsOptions<C>>);
  if (typeof tf?.Callback !== 'function') {
    throw new ConfigError('INVALID_CONFIG', "validationMetrics needs the TF.js namespace: validationMetrics(metrics, data, { tf }).");
  }
  checkSplit(validation, 'validation data');
  if (train !== undefined) checkSplit(train, 'options.train');
  const collection = toCollection(metrics);
  return createCallback(tf.Callback, async (model, logs) => {
    const written: Record<string, MetricResult> = {};
    if (train !== undefined) Object.assign(written, await evaluateSplit(model, train, collection, ''));
    Object.assign(written, await evaluateSplit(model, validation, collection, prefix));
    Object.assign(logs, written);
    return written;
  });
}

/**
 * TF.js keeps a callbacks list as it is only when its first element is a
 * tf.Callback, and otherwise wraps every element as a plain-object callback,
 * which breaks earlyStopping; and only tf.Callback instances receive the model
 * through setModel(). Hence a subclass of the caller's own tf.Callback.
 */
function createCallback<C>(
  Callback: abstract new () => C,
  onEpochEnd: (model: PredictingModel, logs: Record<string, unknown>) => Promise<Record<string, MetricResult>>,
): C & MetricsCallbackState {
  const Base = Callback as unknown as new () => CallbackBase;
  let lastLogs: Record<string, MetricResult> = {};
  class MetricsCallback extends Base {
    get lastLogs(): Readonly<Record<string, MetricResult>> {
      return lastLogs;
    }

    async onEpochEnd(epoch: number, logs?: Record<string, unknown>): Promise<void> {
      if (!this.model) {
        throw new ConfigError('INVALID_CONFIG',
          'validationMetrics got no model from TF.js: list it in fit({ callbacks }) among tf.Callback instances, not after a plain-object callback.');
      }
      if (!logs) throw new ConfigError('INVALID_CONFIG', `TF.js passed no logs object at the end of epoch ${epoch}.`);
      lastLogs = await onEpochEnd(this.model, logs);
    }
  }
  return new MetricsCallback() as unknown as C & MetricsCallbackState;
}
