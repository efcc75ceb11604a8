// Every accepted form of evaluation data, read as one async sequence of batches.
import { ConfigError, InputError } from '../errors.js';
import type { ArrayInput } from '../tensor.js';
import { rowCount, sliceRows } from './row-slices.js';

/** One batch: model inputs, labels and optional per-sample weights. */
export interface EvaluationBatch<X> {
  readonly x: X;
  readonly y: ArrayInput;
  readonly sampleWeight?: ArrayInput | null;
}

/** Whole arrays cut into batches of `batchSize` rows along the first axis (the last batch may be shorter). */
export interface WholeArrays<X> {
  readonly x: X;
  readonly y: ArrayInput;
  readonly sampleWeight?: ArrayInput | null;
  readonly batchSize: number;
}

/** An iterator whose next() may return a promise, such as a TF.js dataset's iterator(). */
export interface BatchIterator<X> {
  next(): IteratorResult<EvaluationBatch<X>> | Promise<IteratorResult<EvaluationBatch<X>>>;
}

/** Anything with an async iterator() method, such as a TF.js tf.data.Dataset of { x, y } batches. */
export interface BatchDataset<X> {
  iterator(): Promise<BatchIterator<X>>;
}

export type EvaluationData<X> =
  | Iterable<EvaluationBatch<X>>
  | AsyncIterable<EvaluationBatch<X>>
  | BatchIterator<X>
  | BatchDataset<X>
  | WholeArrays<X>;

function* cutIntoBatches<X>({ x, y, sampleWeight, batchSize }: WholeArrays<X>): Generator<EvaluationBatch<X>> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('INVALID_CONFIG', `batchSize must be a positive integer; received ${batchSize}.`);
  }
  const rows = rowCount(x, 'x');
  const weighted = sampleWeight !== undefined && sampleWeight !== null;
  const companions: Array<[string, unknown]> = weighted ? [['y', y], ['sampleWeight', sampleWeight]] : [['y', y]];
  for (const [argument, input] of companions) {
    const count = rowCount(input, argument);
    if (count !== rows) throw new InputError('SHAPE_MISMATCH', `x has ${rows} rows but ${argument} has ${count}; they must match.`);
  }
  for (let from = 0; from < rows; from += batchSize) {
    const to = Math.min(from + batchSize, rows);
    yield {
      x: sliceRows(x, from, to),
      y: sliceRows(y, from, to),
      sampleWeight: weighted ? sliceRows(sampleWeight, from, to) : undefined,
    };
  }
}

async function* drain<X>(iterator: BatchIterator<X> | Promise<BatchIterator<X>>): AsyncGenerator<EvaluationBatch<X>> {
  const source = await iterator;
  for (let step = await source.next(); !step.done; step = await source.next()) yield step.value;
}

/** The batches of `data` as an async iterable; throws ConfigError for a form it does not know. */
export function batchesOf<X>(data: EvaluationData<X>): Iterable<EvaluationBatch<X>> | AsyncIterable<EvaluationBatch<X>> {
  if (typeof data !== 'object' || data === null) {
    throw new ConfigError('INVALID_CONFIG', 'data must be an array or (async) iterable of { x, y } batches, or { x, y, batchSize }.');
  }
  if (Symbol.asyncIterator in data || Symbol.iterator in data) return data as Iterable<EvaluationBatch<X>> | AsyncIterable<EvaluationBatch<X>>;
  if (typeof (data as Partial<BatchIterator<X>>).next === 'function') return drain(data as BatchIterator<X>);
  if (typeof (data as Partial<BatchDataset<X>>).iterator === 'function') return drain((data as BatchDataset<X>).iterator());
  if ('batchSize' in data) return cutIntoBatches(data);
  throw new ConfigError('INVALID_CONFIG',
    'data must be an array or (async) iterable of { x, y } batches, an iterator, a dataset with iterator() (tf.data), or { x, y, batchSize } whole arrays.');
}
