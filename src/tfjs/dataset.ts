// tf.data.Dataset batches, as fitDataset takes them ({ xs, ys } or [xs, ys]),
// read as evaluate()'s { x, y } batches.
import { ConfigError, type ArrayInput, type EvaluationBatch } from '../index.js';

type DatasetElement<X> = { xs: X; ys: ArrayInput } | [X, ArrayInput];

/** The part of tf.data.Dataset used here. */
export interface TfDataset<X = unknown> {
  iterator(): Promise<{ next(): Promise<IteratorResult<DatasetElement<X>>> }>;
}

export function isDataset<X>(data: unknown): data is TfDataset<X> {
  return typeof data === 'object' && data !== null && typeof (data as Partial<TfDataset<X>>).iterator === 'function';
}

function dispose(value: unknown): void {
  const disposable = value as { dispose?: unknown } | null;
  if (typeof disposable === 'object' && disposable !== null && typeof disposable.dispose === 'function') disposable.dispose();
}

function toBatch<X>(element: DatasetElement<X>): EvaluationBatch<X> {
  if (Array.isArray(element)) return { x: element[0], y: element[1] };
  if (typeof element === 'object' && element !== null && 'xs' in element && 'ys' in element) return { x: element.xs, y: element.ys };
  throw new ConfigError('INVALID_CONFIG', 'Dataset elements must be { xs, ys } or [xs, ys], as model.fitDataset takes them.');
}

/**
 * A fresh pass over the dataset each call. The iterator makes new tensors for
 * every element, so each batch's tensors are disposed once evaluate() asks for
 * the next one.
 */
export async function* batchesOfDataset<X>(dataset: TfDataset<X>): AsyncGenerator<EvaluationBatch<X>> {
  const iterator = await dataset.iterator();
  for (let step = await iterator.next(); !step.done; step = await iterator.next()) {
    const batch = toBatch(step.value);
    try {
      yield batch;
    } finally {
      dispose(batch.x);
      dispose(batch.y);
    }
  }
}
