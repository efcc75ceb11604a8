// evaluate(): a prediction function run over a dataset in batches gives the
// dataset-level numbers whatever the batch size, on real predictions (digits,
// breast cancer); plus the data forms, async models, disposal, abort and progress.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  evaluate, F1Score, InputError, ConfigError, MetricCollection,
  type ArrayInput, type EvaluationBatch, type MetricResult, type ShapedArray,
} from '../src/index.js';

/** Known numeric CSVs with a header line: a plain split is enough. */
function readCsv(relativePath: string): number[][] {
  const text = readFileSync(new URL(relativePath, import.meta.url), 'utf8');
  return text.trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
}

const CLASSES = 10;
const digitRows = readCsv('./fixtures/digits_predictions.csv');
const digits = {
  rows: digitRows.length,
  labels: Int32Array.from(digitRows, (row) => row[0]!),
  oneHot: { data: new Uint8Array(digitRows.length * CLASSES), shape: [digitRows.length, CLASSES] },
  probabilities: { data: Float64Array.from(digitRows.flatMap((row) => row.slice(1))), shape: [digitRows.length, CLASSES] },
};
digits.labels.forEach((label, row) => { digits.oneHot.data[row * CLASSES + label] = 1; });

const cancerRows = readCsv('../examples/breast_cancer_predictions.csv');
const cancer = {
  rows: cancerRows.length,
  labels: Uint8Array.from(cancerRows, (row) => row[0]!),
  scores: { data: Float64Array.from(cancerRows, (row) => row[1]!), shape: [cancerRows.length, 1] },
};

const identity = <X>(x: X): X => x;

/** Counts must agree exactly; means of float sums to 1e-12 relative. */
function expectSameResults(actual: Record<string, MetricResult>, expected: Record<string, MetricResult>, exact: readonly string[]): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [name, value] of Object.entries(expected)) {
    const got = actual[name];
    if (exact.includes(name)) {
      expect(got, name).toEqual(value);
    } else {
      const [a, b] = [[got].flat() as number[], [value].flat() as number[]];
      expect(a.length).toBe(b.length);
      a.forEach((v, i) => expect(Math.abs(v - b[i]!), name).toBeLessThanOrEqual(1e-12 * Math.abs(b[i]!)));
    }
  }
}

const BATCH_SIZES = [1, 7, 32];

describe('evaluate: results do not depend on the batch size', () => {
  test('digits, sparse labels: accuracy, top-5 accuracy and crossentropy', async () => {
    const metrics = () => ['sparse_categorical_accuracy', 'sparse_top_k_categorical_accuracy', 'sparse_categorical_crossentropy'];
    const whole = await evaluate(identity, { x: digits.probabilities, y: digits.labels, batchSize: digits.rows }, metrics());
    // The whole dataset in one batch is what one updateState call gives.
    const direct = new MetricCollection(metrics());
    direct.updateState(digits.labels, digits.probabilities);
    expect(whole).toEqual(direct.logs());
    expect(whole.sparse_categorical_accuracy).toBeGreaterThan(0.9);
    for (const batchSize of BATCH_SIZES) {
      const batched = await evaluate(identity, { x: digits.probabilities, y: digits.labels, batchSize }, metrics());
      expectSameResults(batched, whole, ['sparse_categorical_accuracy', 'sparse_top_k_categorical_accuracy']);
    }
  });

  test('digits, one-hot labels: categorical accuracy and macro F1', async () => {
    const metrics = () => ['categorical_accuracy', new F1Score({ average: 'macro' })];
    const whole = await evaluate(identity, { x: digits.probabilities, y: digits.oneHot, batchSize: digits.rows }, metrics());
    expect(Object.keys(whole)).toEqual(['categorical_accuracy', 'f1_score']);
    for (const batchSize of BATCH_SIZES) {
      const batched = await evaluate(identity, { x: digits.probabilities, y: digits.oneHot, batchSize }, metrics());
      // F1 comes from confusion counts, so it is exact too.
      expectSameResults(batched, whole, ['categorical_accuracy', 'f1_score']);
    }
  });

  test('breast cancer: AUC, precision and binary accuracy from a score column', async () => {
    const metrics = ['auc', 'precision', 'binary_accuracy'];
    const whole = await evaluate(identity, { x: cancer.scores, y: cancer.labels, batchSize: cancer.rows }, metrics);
    const direct = new MetricCollection(metrics);
    direct.updateState(cancer.labels, cancer.scores);
    expect(whole).toEqual(direct.logs());
    for (const batchSize of BATCH_SIZES) {
      const batched = await evaluate(identity, { x: cancer.scores, y: cancer.labels, batchSize }, metrics);
      expectSameResults(batched, whole, metrics);
    }
  });
});

/** Batches of `size` rows of the cancer data as a list, with x as { data, shape } views. */
function cancerBatches(size: number): Array<EvaluationBatch<ShapedArray>> {
  const batches: Array<EvaluationBatch<ShapedArray>> = [];
  for (let from = 0; from < cancer.rows; from += size) {
    const to = Math.min(from + size, cancer.rows);
    batches.push({ x: { data: cancer.scores.data.subarray(from, to), shape: [to - from, 1] }, y: cancer.labels.subarray(from, to) });
  }
  return batches;
}

/** A TF.js-like tensor that records its disposal. */
function fakeTensor(x: ShapedArray, disposed: { count: number }): ArrayInput & { dispose(): void } {
  return { shape: x.shape, dtype: 'float32', dataSync: () => x.data as Float64Array, dispose: () => { disposed.count += 1; } };
}

describe('evaluate: data forms and models', () => {
  const reference = new MetricCollection(['auc', 'binary_accuracy']);
  reference.updateState(cancer.labels, cancer.scores);
  const expected = reference.logs('val_');

  test('an async generator of batches, a promise-returning model whose tensors are disposed, a prefix', async () => {
    async function* stream(): AsyncGenerator<EvaluationBatch<ShapedArray>> {
      for (const batch of cancerBatches(50)) yield batch;
    }
    const disposed = { count: 0 };
    const predict = async (x: ShapedArray) => fakeTensor(x, disposed);
    const logs = await evaluate(predict, stream(), ['auc', 'binary_accuracy'], { prefix: 'val_' });
    expectSameResults(logs, expected, ['val_auc', 'val_binary_accuracy']);
    expect(disposed.count).toBe(Math.ceil(cancer.rows / 50));
  });

  test('a list of batches, and an iterator whose next() returns promises (a TF.js dataset iterator)', async () => {
    const fromList = await evaluate(identity, cancerBatches(64), ['auc', 'binary_accuracy'], { prefix: 'val_' });
    expect(fromList).toEqual(expected);
    const batches = cancerBatches(100);
    let index = 0;
    const iterator = { next: async () => (index < batches.length ? { done: false as const, value: batches[index++]! } : { done: true as const, value: undefined }) };
    expect(await evaluate(identity, iterator, ['auc', 'binary_accuracy'], { prefix: 'val_' })).toEqual(expected);
  });

  test('a real tf.data.Dataset of { x, y } batches, read through its iterator()', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const rows = Array.from({ length: cancer.rows }, (_, i) => ({ x: [cancer.scores.data[i]!], y: [cancer.labels[i]!] }));
    const dataset = tf.data.array(rows).batch(64);
    const predict = (x: { arraySync(): unknown; dispose(): void }) => x.arraySync() as number[][];
    const logs = await evaluate(predict as never, dataset as never, ['auc', 'binary_accuracy'], { prefix: 'val_' });
    expectSameResults(logs, expected, ['val_auc', 'val_binary_accuracy']);
  });

  test('whole nested arrays with sample weights are cut by rows; typed rows are views, not copies', async () => {
    const x = Array.from(cancer.scores.data, (score) => [score]);
    const weights = Array.from({ length: cancer.rows }, (_, i) => (i % 3) + 1);
    const weighted = new MetricCollection(['binary_accuracy', 'mse']);
    weighted.updateState(cancer.labels, x, weights);
    const logs = await evaluate(identity, { x, y: Array.from(cancer.labels), sampleWeight: weights, batchSize: 13 }, ['binary_accuracy', 'mse']);
    expectSameResults(logs, weighted.logs(), ['binary_accuracy']);

    const seen: ShapedArray[] = [];
    await evaluate((batch: ShapedArray) => { seen.push(batch); return batch; }, { x: cancer.scores, y: cancer.labels, batchSize: 100 }, ['auc']);
    expect(seen.every((batch) => (batch.data as Float64Array).buffer === cancer.scores.data.buffer)).toBe(true);
    expect(seen.map((batch) => batch.shape[0])).toEqual([100, 100, 100, 100, 100, cancer.rows - 500]);
  });

  test('a given collection is reset first, as Keras evaluate does', async () => {
    const collection = new MetricCollection(['auc', 'binary_accuracy']);
    collection.updateState([1, 0, 0], [0.1, 0.9, 0.8]);
    const logs = await evaluate(identity, cancerBatches(200), collection, { prefix: 'val_' });
    expect(logs).toEqual(expected);
    expect(collection.logs('val_')).toEqual(expected);
  });

  test('mismatched row counts and bad batch sizes are rejected', async () => {
    await expect(evaluate(identity, { x: cancer.scores, y: cancer.labels.subarray(1), batchSize: 8 }, ['auc']))
      .rejects.toSatisfy((error) => error instanceof InputError && error.code === 'SHAPE_MISMATCH');
    await expect(evaluate(identity, { x: cancer.scores, y: cancer.labels, batchSize: 0 }, ['auc']))
      .rejects.toBeInstanceOf(ConfigError);
    await expect(evaluate((x: number[]) => x, 42 as never, ['auc'])).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('evaluate: progress and abort', () => {
  test('progress is reported after each batch with running batch and sample counts', async () => {
    const progress: Array<{ batches: number; samples: number }> = [];
    await evaluate(identity, { x: cancer.scores, y: cancer.labels, batchSize: 250 }, ['auc'], { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([{ batches: 1, samples: 250 }, { batches: 2, samples: 500 }, { batches: 3, samples: cancer.rows }]);
  });

  test('an abort mid-way throws the AbortError and stops predicting', async () => {
    const controller = new AbortController();
    let predictions = 0;
    const predict = (x: ShapedArray) => { predictions += 1; return x; };
    const run = evaluate(predict, cancerBatches(50), ['auc'], {
      signal: controller.signal,
      onProgress: ({ batches }) => { if (batches === 2) controller.abort(); },
    });
    await expect(run).rejects.toSatisfy((error) => error instanceof DOMException && error.name === 'AbortError');
    expect(predictions).toBe(2);
  });

  test('the signal reason is thrown when given; an abort during a prediction discards it; an aborted signal runs nothing', async () => {
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const disposed = { count: 0 };
    const predict = async (x: ShapedArray) => { controller.abort(reason); return fakeTensor(x, disposed); };
    const collection = new MetricCollection(['binary_accuracy']);
    await expect(evaluate(predict, cancerBatches(50), collection, { signal: controller.signal })).rejects.toBe(reason);
    expect(disposed.count).toBe(1);
    expect(collection.get('binary_accuracy').result()).toBe(0);

    let predictions = 0;
    await expect(evaluate(() => { predictions += 1; return [0.5]; }, cancerBatches(50), ['auc'], { signal: controller.signal })).rejects.toBe(reason);
    expect(predictions).toBe(0);
  });
});
