// wasm-metrics/threads against the same metrics in one thread: counts exactly,
// sums within 1e-12 relative, and bit for bit against metrics fed the same
// contiguous shards in this thread and merged in shard order. Imports the built
// package by name (the workers run dist/threads-worker.js).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  AUC, BinaryAccuracy, BinaryCrossentropy, CategoricalAccuracy, CategoricalCrossentropy, F1Score, FalseNegatives,
  LogCoshError, MeanAbsoluteError, MeanSquaredError, MetricCollection, MetricError, OneHotMeanIoU, PearsonCorrelation,
  Precision, R2Score, Recall, SparseCategoricalCrossentropy, SparseTopKCategoricalAccuracy, TopKCategoricalAccuracy,
  TruePositives, MeanMetricWrapper, deserialize, type ArrayInput, type Tensor, type Metric, type MetricErrorCode, type MetricResult,
} from 'wasm-metrics';
import { ThreadPool, evaluateInThreads } from 'wasm-metrics/threads';
import { sameBytes } from './support/state.js';
import { simdKernels } from '../src/wasm/generated/kernels.js';

const RUNS = { seed: 20261122, numRuns: 20 };
const pools = new Map<number, ThreadPool>();
beforeAll(() => { for (const threads of [1, 2, 3]) pools.set(threads, new ThreadPool({ threads })); });
afterAll(async () => { for (const pool of pools.values()) await pool.close(); });

interface Inputs {
  readonly yTrue: { data: Float32Array | Int32Array | Float64Array; shape: number[] };
  readonly yPred: { data: Float32Array | Float64Array; shape: number[] };
  readonly weight?: Float64Array;
}

interface Family {
  /** Fresh metrics, and which of them are ratios of counts (compared exactly). */
  readonly metrics: () => Metric[];
  readonly exact: ReadonlySet<string>;
  readonly inputs: fc.Arbitrary<Inputs>;
}

const probability = fc.double({ min: 0.001, max: 0.999, noNaN: true });
// Integer weights keep weighted counts exact.
const weights = (rows: number) => fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows, maxLength: rows }), { nil: undefined });
const withWeights = (rows: number, build: (w: number[] | undefined) => Inputs) => weights(rows).map(build);
// At least one row: R2Score has no result before its first row (zero rows are tested below).
const rowCount = fc.integer({ min: 1, max: 400 });

const binary: Family = {
  metrics: () => [new AUC(), new AUC({ curve: 'PR', numThresholds: 50 }), new Precision(), new Recall({ thresholds: [0.3, 0.7] }),
    new BinaryAccuracy(), new TruePositives(), new FalseNegatives(), new BinaryCrossentropy(), new MeanSquaredError(),
    new R2Score(), new PearsonCorrelation()],
  exact: new Set(['auc', 'auc_1', 'precision', 'recall', 'binary_accuracy', 'true_positives', 'false_negatives']),
  inputs: rowCount.chain((rows) => fc.tuple(
    fc.array(fc.integer({ min: 0, max: 1 }), { minLength: rows, maxLength: rows }),
    fc.array(probability, { minLength: rows, maxLength: rows }),
  ).chain(([labels, scores]) => withWeights(rows, (w) => ({
    yTrue: { data: Float32Array.from(labels), shape: [rows, 1] },
    yPred: { data: Float32Array.from(scores), shape: [rows, 1] },
    ...(w ? { weight: Float64Array.from(w) } : {}),
  })))),
};

const CLASSES = 4;
const probabilityRows = (rows: number) => fc.array(fc.array(probability, { minLength: CLASSES, maxLength: CLASSES }), { minLength: rows, maxLength: rows })
  .map((matrix) => Float32Array.from(matrix.flatMap((row) => row.map((p) => p / row.reduce((a, b) => a + b, 0)))));

const categorical: Family = {
  metrics: () => [new CategoricalAccuracy(), new TopKCategoricalAccuracy({ k: 2 }), new F1Score({ average: 'macro' }),
    new OneHotMeanIoU({ numClasses: CLASSES }), new CategoricalCrossentropy()],
  exact: new Set(['categorical_accuracy', 'top_k_categorical_accuracy', 'f1_score', 'one_hot_mean_io_u']),
  inputs: rowCount.chain((rows) => fc.tuple(
    fc.array(fc.integer({ min: 0, max: CLASSES - 1 }), { minLength: rows, maxLength: rows }),
    probabilityRows(rows),
  ).chain(([ids, scores]) => withWeights(rows, (w) => ({
    yTrue: { data: Float32Array.from(ids.flatMap((id) => Array.from({ length: CLASSES }, (_, j) => (j === id ? 1 : 0)))), shape: [rows, CLASSES] },
    yPred: { data: scores, shape: [rows, CLASSES] },
    ...(w ? { weight: Float64Array.from(w) } : {}),
  })))),
};

const sparse: Family = {
  // 'accuracy' is chosen from the shapes (sparse here), in the main thread and in every worker alike.
  metrics: () => [new SparseTopKCategoricalAccuracy({ k: 2 }), new SparseCategoricalCrossentropy()],
  exact: new Set(['sparse_top_k_categorical_accuracy']),
  inputs: categorical.inputs.map((inputs) => {
    const rows = inputs.yTrue.shape[0]!;
    const ids = Int32Array.from({ length: rows }, (_, row) => inputs.yTrue.data.subarray(row * CLASSES, (row + 1) * CLASSES).indexOf(1));
    return { ...inputs, yTrue: { data: ids, shape: [rows] } };
  }),
};

const regression: Family = {
  metrics: () => [new MeanSquaredError(), new MeanAbsoluteError(), new R2Score(), new LogCoshError(), new PearsonCorrelation()],
  exact: new Set(),
  inputs: rowCount.chain((rows) => fc.tuple(
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: rows, maxLength: rows }),
    fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: rows, maxLength: rows }),
  ).chain(([targets, predictions]) => withWeights(rows, (w) => ({
    yTrue: { data: Float64Array.from(targets), shape: [rows, 1] },
    yPred: { data: Float64Array.from(predictions), shape: [rows, 1] },
    ...(w ? { weight: Float64Array.from(w) } : {}),
  })))),
};

const FAMILIES = { binary, categorical, sparse, regression };

/** The metrics of a family as a collection; the sparse family adds 'accuracy' by identifier. */
function collectionOf(name: keyof typeof FAMILIES): MetricCollection {
  const metrics = FAMILIES[name].metrics();
  return new MetricCollection(name === 'sparse' ? ['accuracy', ...metrics] : metrics);
}

/** Rows [from, to) of a flat row-major tensor. */
function rows<T extends Float32Array | Float64Array | Int32Array>(tensor: { data: T; shape: number[] }, from: number, to: number) {
  const width = tensor.shape.slice(1).reduce((a, b) => a * b, 1);
  return { data: tensor.data.subarray(from * width, to * width) as T, shape: [to - from, ...tensor.shape.slice(1)] };
}

/**
 * Reference for the threaded run: fresh metrics fed one contiguous shard each
 * (nearly equal, in order) in this thread, merged in shard order.
 */
function shardsMergedInOrder(make: () => MetricCollection, inputs: Inputs, shards: number): Record<string, MetricResult> {
  const n = inputs.yTrue.shape[0]!;
  const merged = make();
  merged.updateState(rows(inputs.yTrue, 0, 0), rows(inputs.yPred, 0, 0), inputs.weight?.subarray(0, 0));
  for (let i = 0; i < shards; i++) {
    const [from, to] = [Math.floor((i * n) / shards), Math.floor(((i + 1) * n) / shards)];
    const part = make();
    part.updateState(rows(inputs.yTrue, from, to), rows(inputs.yPred, from, to), inputs.weight?.subarray(from, to));
    merged.names.forEach((name) => merged.get(name).mergeState(part.get(name)));
  }
  return merged.result();
}

function expectClose(actual: MetricResult | undefined, expected: MetricResult, exact: boolean, label: string): void {
  const a = ([] as number[]).concat(actual as number | number[]);
  const e = ([] as number[]).concat(expected);
  expect(a.length, label).toBe(e.length);
  e.forEach((value, i) => {
    if (Number.isNaN(value)) expect(a[i], label).toBeNaN();
    else if (exact) expect(a[i], label).toBe(value);
    else expect(Math.abs(a[i]! - value), label).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
  });
}

describe('threaded results equal one thread', () => {
  for (const [name, family] of Object.entries(FAMILIES) as Array<[keyof typeof FAMILIES, Family]>) {
    test(`${name}: counts exactly, sums to 1e-12, and bit for bit the shard-order merge`, async () => {
      await fc.assert(fc.asyncProperty(family.inputs, fc.constantFrom(1, 2, 3), async (inputs, threads) => {
        const single = collectionOf(name);
        single.updateState(inputs.yTrue, inputs.yPred, inputs.weight);
        const expected = single.result();
        const threaded = collectionOf(name);
        const results = await pools.get(threads)!.evaluate(threaded, inputs.yTrue, inputs.yPred, { sampleWeight: inputs.weight });
        expect(Object.keys(results)).toEqual(Object.keys(expected));
        for (const [key, value] of Object.entries(expected)) {
          const countBased = family.exact.has(key) || (name === 'sparse' && key === 'accuracy');
          expectClose(results[key], value, countBased, key);
        }
        // The collection given holds the merged state, and the order of the merge is fixed.
        expect(threaded.result()).toEqual(results);
        const reference = shardsMergedInOrder(() => collectionOf(name), inputs, Math.min(threads, inputs.yTrue.shape[0]!));
        for (const [key, value] of Object.entries(reference)) expectClose(results[key], value, true, `${key} (shard-order merge)`);
      }), RUNS);
    });
  }
});

/** A seeded binary data set of `n` rows. */
function binaryData(n: number, seed = 7): { labels: Float32Array; scores: Float32Array } {
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const scores = Float32Array.from({ length: n }, random);
  const labels = Float32Array.from(scores, (p) => (random() < p ? 1 : 0));
  return { labels, scores };
}

async function rejection(promise: Promise<unknown>, code: MetricErrorCode, message?: RegExp): Promise<MetricError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(MetricError);
  expect((error as MetricError).code).toBe(code);
  if (message) expect((error as MetricError).message).toMatch(message);
  return error as MetricError;
}

const savedStates = (collection: MetricCollection) => collection.metrics.map((metric) => metric.saveState());
const sameStates = (a: Uint8Array[], b: Uint8Array[]) => a.length === b.length && a.every((bytes, i) => sameBytes(bytes, b[i]!));

describe('inputs, weights and accumulation', () => {
  const { labels, scores } = binaryData(30_001);

  test('arrays on a SharedArrayBuffer and ordinary arrays give the same numbers', async () => {
    const sharedLabels = new Float32Array(new SharedArrayBuffer(labels.byteLength));
    const sharedScores = new Float32Array(new SharedArrayBuffer(scores.byteLength));
    sharedLabels.set(labels);
    sharedScores.set(scores);
    const pool = pools.get(2)!;
    const fromShared = await pool.evaluate(['auc', 'precision', 'mse'], sharedLabels, sharedScores);
    expect(await pool.evaluate(['auc', 'precision', 'mse'], labels, scores)).toEqual(fromShared);
    // Nested arrays are converted once, then copied to shared memory.
    const nested = Array.from(labels.subarray(0, 500), (y) => [y]);
    const single = new MetricCollection(['auc', 'precision']);
    single.updateState(nested, Array.from(scores.subarray(0, 500), (p) => [p]));
    expect(await pool.evaluate(['auc', 'precision'], nested, Array.from(scores.subarray(0, 500), (p) => [p]))).toEqual(single.result());
  });

  test('concurrent calls on one pool, and calls reusing its staging memory, each see their own data', async () => {
    const sets = [binaryData(20_000, 1), binaryData(20_000, 2), binaryData(5_000, 3)];
    const pool = pools.get(2)!;
    const evaluateSet = (set: { labels: Float32Array; scores: Float32Array }) => pool.evaluate(['auc', 'precision', 'mse'], set.labels, set.scores);
    // One call at a time first: each close to one thread, and the reference for the calls below (same shards, same sums).
    const alone: Array<Record<string, MetricResult>> = [];
    for (const set of sets) {
      const single = new MetricCollection(['auc', 'precision', 'mse']);
      single.updateState(set.labels, set.scores);
      alone.push(await evaluateSet(set));
      for (const [key, value] of Object.entries(single.result())) expectClose(alone.at(-1)![key], value, key !== 'mse', key);
    }
    expect(await Promise.all(sets.map(evaluateSet))).toEqual(alone);
    for (const i of [2, 1, 0, 1]) expect(await evaluateSet(sets[i]!)).toEqual(alone[i]);
  });

  test('weights per row are split with the rows; a weight whose first axis is 1 goes whole to every shard', async () => {
    const n = 1000;
    const y = { data: Float32Array.from({ length: n * 2 }, (_, i) => (i % 3 === 0 ? 1 : 0)), shape: [n, 2] };
    const p = { data: scores.slice(0, n * 2), shape: [n, 2] };
    const cases: Array<[() => Metric, ArrayInput]> = [
      [() => new Precision(), { data: Float64Array.of(2, 0.5), shape: [1, 2] }],
      [() => new Precision(), Float64Array.from({ length: n }, (_, i) => i % 4)],
      [() => new MeanSquaredError(), { data: Float64Array.of(3), shape: [1] }],
      [() => new MeanSquaredError(), Float64Array.from({ length: n }, (_, i) => (i % 5) / 2)],
    ];
    for (const [make, weight] of cases) {
      const single = make();
      single.updateState(y, p, weight);
      const threaded = make();
      const results = await pools.get(3)!.evaluate([threaded], y, p, { sampleWeight: weight });
      expectClose(results[threaded.name], single.result(), threaded instanceof Precision, threaded.name);
    }
  });

  test('updateState accumulates like two batches in one thread; evaluate resets first and takes a prefix', async () => {
    const single = new MetricCollection(['auc', 'accuracy']);
    single.updateState(labels.subarray(0, 10_000), scores.subarray(0, 10_000));
    single.updateState(labels.subarray(10_000), scores.subarray(10_000));
    const threaded = new MetricCollection(['auc', 'accuracy']);
    await pools.get(2)!.updateState(threaded, labels.subarray(0, 10_000), scores.subarray(0, 10_000));
    await pools.get(2)!.updateState(threaded, labels.subarray(10_000), scores.subarray(10_000));
    expect(threaded.result()).toEqual(single.result());
    const again = await pools.get(2)!.evaluate(threaded, labels.subarray(10_000), scores.subarray(10_000), { prefix: 'val_' });
    const second = new MetricCollection(['auc', 'accuracy']);
    second.updateState(labels.subarray(10_000), scores.subarray(10_000));
    expect(again).toEqual(second.logs('val_'));
  });

  test('metric instances, identifiers and Keras JSON are accepted; the instances hold the merged state', async () => {
    const auc = new AUC({ numThresholds: 20 });
    const results = await evaluateInThreads([auc, 'binary_accuracy', { class_name: 'Recall', config: { thresholds: 0.4 } }], labels, scores, { threads: 2 });
    const single = new MetricCollection([new AUC({ numThresholds: 20 }), 'binary_accuracy', deserialize({ class_name: 'Recall', config: { thresholds: 0.4 } })]);
    single.updateState(labels, scores);
    expect(results).toEqual(single.result());
    expect(auc.result()).toBe(results.auc);
  });

  test('rank-1 labels and predictions are one sample per element, as [n, 1]', async () => {
    const targets = Float64Array.from(scores.subarray(0, 5_001), (p) => 3 * p - 1);
    const weight = Float64Array.from(targets, (_, i) => i % 3);
    const asColumns = new MetricCollection(['mse', 'mae', 'r2_score']);
    asColumns.updateState({ data: targets, shape: [5_001, 1] }, { data: scores.subarray(0, 5_001), shape: [5_001, 1] }, weight);
    const threaded = await pools.get(2)!.evaluate(['mse', 'mae', 'r2_score'], targets, scores.subarray(0, 5_001), { sampleWeight: weight });
    for (const [key, value] of Object.entries(asColumns.result())) expectClose(threaded[key], value, false, key);
    // Without weights, Keras's reading of a rank-1 batch (one sample averaging every element) gives the same means.
    const oneSample = new MetricCollection(['mse', 'mae']);
    oneSample.updateState(targets, scores.subarray(0, 5_001));
    const unweighted = await pools.get(2)!.evaluate(['mse', 'mae'], targets, scores.subarray(0, 5_001));
    for (const [key, value] of Object.entries(oneSample.result())) expectClose(unweighted[key], value, false, key);
  });

  test('fewer rows than threads use one shard per row; zero rows give the empty results', async () => {
    const single = new MetricCollection(['precision', 'auc']);
    single.updateState([1, 0], [0.9, 0.2]);
    expect(await pools.get(3)!.evaluate(['precision', 'auc'], [1, 0], [0.9, 0.2])).toEqual(single.result());
    const empty = new MetricCollection(['precision']);
    expect(await pools.get(2)!.evaluate(empty, new Float32Array(0), new Float32Array(0))).toEqual({ precision: 0 });
  });
});

describe('errors', () => {
  const { labels, scores } = binaryData(9_000);

  test('a bad value in a later shard rejects the call, names its rows, and leaves the collection as it was', async () => {
    const collection = new MetricCollection(['auc', 'precision', 'accuracy']);
    await pools.get(3)!.updateState(collection, labels.subarray(0, 100), scores.subarray(0, 100));
    const before = savedStates(collection);
    const bad = scores.slice();
    bad[7_000] = Number.NaN;
    const error = await rejection(pools.get(3)!.evaluate(collection, labels, bad), 'NON_FINITE', /rows 6000 to 8999/);
    expect(error.name).toBe('InputError');
    expect(error.message).toMatch(/y_pred\[1000, 0\] is NaN/);
    expect(sameStates(savedStates(collection), before)).toBe(true);
    await rejection(pools.get(3)!.updateState(collection, labels, bad), 'NON_FINITE');
    expect(sameStates(savedStates(collection), before)).toBe(true);
  });

  test('workers read shards in blocks of 2^18 elements; a bad value in a later block names the row its indices count from', async () => {
    const n = 2 ** 20 + 1_000;
    const { labels: manyLabels, scores: manyScores } = binaryData(n, 11);
    const single = new MetricCollection(['auc', 'precision', 'mse']);
    single.updateState({ data: manyLabels, shape: [n, 1] }, { data: manyScores, shape: [n, 1] });
    const threaded = await pools.get(1)!.evaluate(['auc', 'precision', 'mse'], manyLabels, manyScores);
    for (const [key, value] of Object.entries(single.result())) expectClose(threaded[key], value, key !== 'mse', key);
    manyScores[2 ** 20 + 5] = Number.NaN;
    await rejection(pools.get(1)!.evaluate(['auc'], manyLabels, manyScores), 'NON_FINITE',
      /y_pred\[5, 0\] is NaN.*rows 0 to 1049575.*count from row 1048576\)/s);
  });

  test('an identifier still waiting for its first batch stays waiting after a rejected call', async () => {
    const collection = new MetricCollection(['accuracy']);
    const bad = scores.slice();
    bad[10] = Number.POSITIVE_INFINITY;
    await rejection(pools.get(2)!.updateState(collection, labels, bad), 'NON_FINITE');
    expect(collection.metrics).toEqual([]);
    expect(collection.result()).toEqual({});
  });

  test('shape and weight errors are found before any thread starts', async () => {
    const pool = pools.get(2)!;
    await rejection(pool.evaluate(['auc'], labels, scores.subarray(1)), 'SHAPE_MISMATCH', /first axes/);
    await rejection(pool.evaluate(['auc'], 1, 0.5), 'INVALID_INPUT', /first axis/);
    await rejection(pool.evaluate(['mse'], labels, scores, { sampleWeight: 2 }), 'WEIGHT_SHAPE', /scalar/);
    await rejection(pool.evaluate(['mse'], labels, scores, { sampleWeight: new Float64Array(3) }), 'WEIGHT_SHAPE', /must be 9000 or 1/);
    await rejection(pool.evaluate(['acuracy'], labels, scores), 'UNKNOWN_IDENTIFIER', /accuracy/);
    await rejection(pool.evaluate(['auc'], 'labels' as unknown as ArrayInput, scores), 'INVALID_INPUT');
    const absoluteError = (y: Tensor, p: Tensor) => ({ data: Float64Array.from(y.data, (v, i) => Math.abs(v - p.data[i]!)), shape: y.shape });
    await rejection(pool.evaluate(['auc', new MeanMetricWrapper({ fn: absoluteError })], labels, scores), 'INVALID_CONFIG', /function/);
  });

  test('options are checked', async () => {
    expect(() => new ThreadPool({ threads: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => new ThreadPool({ threads: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => new ThreadPool({ thread: 2 } as never)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CONFIG_KEY', message: expect.stringMatching(/'threads'/) }));
    await rejection(pools.get(1)!.evaluate(['auc'], labels, scores, { sampleweight: labels } as never), 'UNKNOWN_CONFIG_KEY', /'sampleWeight'/);
    await rejection(evaluateInThreads(['auc'], labels, scores, { threads: -1 }), 'INVALID_CONFIG');
  });

  test('a closed pool refuses work; a new pool works', async () => {
    const pool = new ThreadPool({ threads: 1 });
    expect(await pool.evaluate(['precision'], [1, 0], [0.9, 0.8])).toEqual({ precision: 0.5 });
    await pool.close();
    await rejection(pool.evaluate(['precision'], [1], [0.9]), 'WASM_UNAVAILABLE', /closed/);
    await pool.close();
  });
});

describe('packaging', () => {
  const root = fileURLToPath(new URL('..', import.meta.url));

  test('require() gives the same pool over the CommonJS core', async () => {
    const script = `
      const { MetricCollection } = require('wasm-metrics');
      const { ThreadPool } = require('wasm-metrics/threads');
      const pool = new ThreadPool({ threads: 2 });
      const collection = new MetricCollection(['auc', 'precision']);
      pool.evaluate(collection, [0, 1, 1, 0, 1], [0.2, 0.7, 0.4, 0.5, 0.9])
        .then((results) => pool.close().then(() => console.log(JSON.stringify(results))));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    const single = new MetricCollection(['auc', 'precision']);
    single.updateState([0, 1, 1, 0, 1], [0.2, 0.7, 0.4, 0.5, 0.9]);
    expect(JSON.parse(stdout)).toEqual(single.result());
  });

  test('under WASM_METRICS_BUILD=scalar the workers get the scalar kernels the main thread uses', async () => {
    const script = `
      import { kernelBuild } from 'wasm-metrics';
      import { evaluateInThreads } from 'wasm-metrics/threads';
      const results = await evaluateInThreads(['auc', 'precision'], [0, 1, 1, 0, 1], [0.2, 0.7, 0.4, 0.5, 0.9], { threads: 2 });
      console.log(JSON.stringify({ build: kernelBuild(), results }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script],
      { cwd: root, encoding: 'utf8', env: { ...process.env, WASM_METRICS_BUILD: 'scalar' } });
    const single = new MetricCollection(['auc', 'precision']);
    single.updateState([0, 1, 1, 0, 1], [0.2, 0.7, 0.4, 0.5, 0.9]);
    expect(JSON.parse(stdout)).toEqual({ build: 'scalar', results: single.result() });
  });

  test('the entry imports the core package instead of a copy; the worker carries no embedded kernels', () => {
    for (const file of ['dist/threads.js', 'dist/threads.cjs']) {
      const text = readFileSync(`${root}/${file}`, 'utf8');
      expect(text).toMatch(/["']wasm-metrics["']/);
      expect(text).not.toMatch(/class (Metric|MetricError|MetricCollection)\b/);
    }
    // The embedded kernels' text (src/wasm/printable-bytes.ts), from its start, as the portable
    // build publishes it: dist/portable.js and the chunks it shares with its sklearn entry.
    const embedded = simdKernels.text.slice(0, 64);
    const portable = readFileSync(`${root}/dist/portable.js`, 'utf8');
    const chunks = [...portable.matchAll(/from\s*"\.\/(chunks\/[^"]+\.js)"/g)].map((match) => readFileSync(`${root}/dist/${match[1]}`, 'utf8'));
    expect(chunks.length).toBeGreaterThan(0);
    expect([portable, ...chunks].join('\n')).toContain(embedded);
    expect(readFileSync(`${root}/dist/threads-worker.js`, 'utf8')).not.toContain(embedded);
  });
});
