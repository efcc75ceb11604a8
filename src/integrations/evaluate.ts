// Dataset-level evaluation of any model: a prediction function run over the
// batches of a dataset, its outputs fed to a metric collection. Metrics keep
// sums and counts across batches, so the result is the one model.evaluate
// gives, whatever the batch size.
import { MetricCollection, type MetricSpec } from '../collection.js';
import type { MetricResult } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { batchesOf, type EvaluationData } from './batch-source.js';
import { labelRows } from './row-slices.js';

export type { EvaluationBatch, BatchIterator, BatchDataset, EvaluationData, WholeArrays } from './batch-source.js';

/** A model: inputs of one batch to its predictions (a TF.js tensor, typed array, nested array, ...). */
export type PredictFunction<X> = (x: X) => ArrayInput | Promise<ArrayInput>;

export interface EvaluateProgress {
  /** Batches evaluated so far. */
  readonly batches: number;
  /** Samples (label rows) evaluated so far. */
  readonly samples: number;
}

export interface EvaluateOptions {
  /** Checked before each batch; an aborted evaluation throws the signal's reason and returns nothing. */
  readonly signal?: AbortSignal;
  /** Called after each batch. */
  readonly onProgress?: (progress: EvaluateProgress) => void;
  /** Prepended to every result key, e.g. 'val_'. */
  readonly prefix?: string;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  // As fetch does: the signal's reason, or an AbortError when there is none.
  throw signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function disposeIfOwned(prediction: unknown): void {
  const disposable = prediction as { dispose?: unknown } | null;
  if (typeof disposable === 'object' && disposable !== null && typeof disposable.dispose === 'function') disposable.dispose();
}

/**
 * Runs `predict` over every batch of `data`, feeds the predictions to
 * `metrics` (reset first, as Keras's evaluate does) and returns
 * `metrics.logs(prefix)`. Predictions with a dispose() method (TF.js tensors)
 * are disposed after use; batch inputs belong to the caller and are left alone.
 */
export async function evaluate<X>(
  predict: PredictFunction<X>,
  data: EvaluationData<X>,
  metrics: MetricCollection | readonly MetricSpec[],
  options: EvaluateOptions = {},
): Promise<Record<string, MetricResult>> {
  const { signal, onProgress, prefix = '' } = options;
  const collection = metrics instanceof MetricCollection ? metrics : new MetricCollection(metrics);
  collection.resetState();
  throwIfAborted(signal);
  let batches = 0;
  let samples = 0;
  for await (const batch of batchesOf(data)) {
    throwIfAborted(signal);
    const prediction = await predict(batch.x);
    try {
      // A prediction that finished after an abort is not counted.
      throwIfAborted(signal);
      collection.updateState(batch.y, prediction, batch.sampleWeight);
    } finally {
      disposeIfOwned(prediction);
    }
    batches += 1;
    samples += labelRows(batch.y);
    onProgress?.({ batches, samples });
  }
  return collection.logs(prefix);
}
