// The accuracy family beyond BinaryAccuracy: hand-derived values (Keras's
// definitions worked through in the comments), ties, weights, shapes, bad class
// ids and NaN, then properties over generated data against plain-JS references.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  Accuracy, CategoricalAccuracy, SparseCategoricalAccuracy, TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy,
  deserialize, get, serialize, type ArrayInput, type Metric, type MetricErrorCode, type ShapedArray,
} from '../src/index.js';
import { cutRanges } from './support/batches.js';
import { expectMetricError, update } from './support/errors.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';


/** The update must throw `code` and leave the saved state byte-identical. */
function expectRejected(metric: Metric, yTrue: unknown, yPred: unknown, code: MetricErrorCode, message?: RegExp, weight?: unknown): void {
  const before = Array.from(metric.saveState());
  expectMetricError(update(metric, yTrue, yPred, weight), code, message);
  expect(Array.from(metric.saveState())).toEqual(before);
}

function resultOf(metric: Metric, ...batches: Array<[unknown, unknown, unknown?]>): number {
  for (const [yTrue, yPred, weight] of batches) metric.updateState(yTrue as ArrayInput, yPred as ArrayInput, weight as ArrayInput | undefined);
  return metric.result() as number;
}

describe('names, directions, configs', () => {
  test('Keras names, direction up, identifiers and JSON round-trips', () => {
    const metrics: Array<[Metric, string]> = [
      [new Accuracy(), 'accuracy'],
      [new CategoricalAccuracy(), 'categorical_accuracy'],
      [new SparseCategoricalAccuracy(), 'sparse_categorical_accuracy'],
      [new TopKCategoricalAccuracy(), 'top_k_categorical_accuracy'],
      [new SparseTopKCategoricalAccuracy(), 'sparse_top_k_categorical_accuracy'],
    ];
    for (const [metric, name] of metrics) {
      expect(metric.name).toBe(name);
      expect(metric.direction).toBe('up');
      expect(get(name).className).toBe(metric.className);
      expect(serialize(deserialize(serialize(metric)))).toEqual(serialize(metric));
      expect(metric.result()).toBe(0);
    }
  });

  test('getConfig: k for top-k, fromSortedIds only when true', () => {
    expect(new CategoricalAccuracy().getConfig()).toEqual({ name: 'categorical_accuracy', dtype: 'float32' });
    expect(new TopKCategoricalAccuracy().getConfig()).toEqual({ name: 'top_k_categorical_accuracy', dtype: 'float32', k: 5 });
    expect(new SparseTopKCategoricalAccuracy({ k: 3, fromSortedIds: false }).getConfig())
      .toEqual({ name: 'sparse_top_k_categorical_accuracy', dtype: 'float32', k: 3 });
    expect(serialize(new SparseTopKCategoricalAccuracy({ fromSortedIds: true })).config)
      .toEqual({ name: 'sparse_top_k_categorical_accuracy', dtype: 'float32', k: 5, from_sorted_ids: true });
    const restored = deserialize({ class_name: 'SparseTopKCategoricalAccuracy', config: { k: 2, from_sorted_ids: true } });
    expect(restored.getConfig()).toMatchObject({ k: 2, fromSortedIds: true });
  });

  test('k must be an integer of at least 1; fromSortedIds a boolean', () => {
    for (const k of [0, -1, 1.5, NaN, '3']) {
      expectMetricError(() => new TopKCategoricalAccuracy({ k: k as number }), 'INVALID_CONFIG', /k must be an integer/);
      expectMetricError(() => new SparseTopKCategoricalAccuracy({ k: k as number }), 'INVALID_CONFIG', /k must be an integer/);
    }
    expectMetricError(() => new SparseTopKCategoricalAccuracy({ fromSortedIds: 1 as unknown as boolean }), 'INVALID_CONFIG');
    expectMetricError(() => new CategoricalAccuracy({ k: 3 } as never), 'UNKNOWN_CONFIG_KEY');
  });
});

describe('Accuracy: element-wise exact equality in float32', () => {
  test('labels and predictions compare after rounding to float32', () => {
    // 0.1 (float64 label) and Float32Array 0.1 are the same float32; 0.2 vs 0.3 differ: 1 of 2.
    expect(resultOf(new Accuracy(), [[0.1, 0.2], Float32Array.of(0.1, 0.3)])).toBe(0.5);
  });

  test('a rank-2 batch: each row contributes its mean, rows weighted', () => {
    // Row means [1/2, 2/2]; weights (2,): (1·0.5 + 3·1) / (1 + 3) = 0.875.
    expect(resultOf(new Accuracy(), [[[1, 2], [3, 4]], [[0, 2], [3, 4]], [1, 3]])).toBe(0.875);
  });
});

describe('CategoricalAccuracy', () => {
  test('argmax ties go to the first index, for predictions and labels', () => {
    // Row 1: scores tie at 0 and 1 -> predicted 0; label 0: hit.
    // Row 2: same scores, label 1: miss (Keras argmax picks 0).
    // Row 3: labels [0.4, 0.4, 0.2] tie -> target 0; scores argmax 0: hit.
    // Row 4: label [0, 0, 1] vs scores argmax 1: miss. 2 of 4.
    const yTrue = [[1, 0, 0], [0, 1, 0], [0.4, 0.4, 0.2], [0, 0, 1]];
    const yPred = [[0.4, 0.4, 0.2], [0.4, 0.4, 0.2], [0.7, 0.2, 0.1], [0.1, 0.5, 0.4]];
    expect(resultOf(new CategoricalAccuracy(), [yTrue, yPred])).toBe(0.5);
  });

  test('rows longer than one SIMD group keep the first-index rule across the tail', () => {
    // 7 classes: the maximum 0.9 sits at 2 and 5; argmax is 2. Labels at 2: hit, at 5: miss.
    const scores = [0.1, 0.2, 0.9, 0.3, 0.1, 0.9, 0.0];
    const oneHot = (index: number): number[] => scores.map((_, j) => (j === index ? 1 : 0));
    expect(resultOf(new CategoricalAccuracy(), [[oneHot(2), oneHot(5)], [scores, scores]])).toBe(0.5);
  });
});

describe('SparseCategoricalAccuracy', () => {
  const scores = [[0.1, 0.6, 0.3], [0.5, 0.2, 0.3], [0.2, 0.2, 0.6], [0.3, 0.3, 0.3]];
  // argmax per row: 1, 0, 2, 0 (the last row ties everywhere -> 0).

  test('(N,) and (N, 1) labels, integer and float arrays, give the same result', () => {
    // Labels [1, 0, 1, 0]: hits at rows 0, 1, 3 -> 3/4.
    for (const labels of [[1, 0, 1, 0], [[1], [0], [1], [0]], Int32Array.of(1, 0, 1, 0), Uint8Array.of(1, 0, 1, 0), Float32Array.of(1, 0, 1, 0)]) {
      expect(resultOf(new SparseCategoricalAccuracy(), [labels, scores])).toBe(0.75);
    }
  });

  test('weights: rank-1 and (N, 1) weigh rows; rank-0 collapses the batch into one sample', () => {
    // Hits [1, 1, 0, 1] with weights [1, 2, 4, 1]: (1 + 2 + 1) / 8 = 0.5.
    expect(resultOf(new SparseCategoricalAccuracy(), [[1, 0, 1, 0], scores, [1, 2, 4, 1]])).toBe(0.5);
    expect(resultOf(new SparseCategoricalAccuracy(), [[[1], [0], [1], [0]], scores, [[1], [2], [4], [1]]])).toBe(0.5);
    // Batch 1 (scalar weight 2): one sample of value 3/4 and weight 2. Batch 2 (unweighted):
    // labels [2, 1] against argmax [2, 0] -> two samples, one hit. (2·0.75 + 1) / (2 + 2) = 0.625.
    expect(resultOf(new SparseCategoricalAccuracy(), [[1, 0, 1, 0], scores, 2], [[2, 1], scores.slice(2)])).toBe(0.625);
  });

  test('sequence predictions (N, T, C): each sample contributes its mean over T', () => {
    // Sample 0: argmax [1, 0] vs [1, 1] -> 1/2. Sample 1: argmax [2, 0] vs [2, 0] -> 1. Weights [3, 1]: (1.5 + 1) / 4.
    const yPred = { data: Float32Array.from(scores.flat()), shape: [2, 2, 3] };
    expect(resultOf(new SparseCategoricalAccuracy(), [[[1, 1], [2, 0]], yPred, [3, 1]])).toBe(0.625);
  });

  test('class ids outside [0, C) or not integers are rejected with their index; state is unchanged', () => {
    const metric = new SparseCategoricalAccuracy();
    metric.updateState([1, 0, 1, 0], scores);
    expectRejected(metric, [1, 0, 3, 0], scores, 'INVALID_INPUT', /y_true\[2\] is 3; class ids must be integers in \[0, 3\)/);
    expectRejected(metric, [[1], [0], [1], [-1]], scores, 'INVALID_INPUT', /y_true\[3, 0\] is -1/);
    expectRejected(metric, [1, 1.5, 1, 0], scores, 'INVALID_INPUT', /y_true\[1\] is 1.5/);
    expect(metric.result()).toBe(0.75);
  });

  test('a bad id in a later chunk is found after earlier chunks passed, and nothing is kept', () => {
    const rows = 5000, classes = 10;
    const yPred = { data: new Float32Array(rows * classes).map((_, i) => (i % 7) / 7), shape: [rows, classes] };
    const labels = new Int32Array(rows).fill(1);
    labels[4321] = 10;
    const metric = new SparseCategoricalAccuracy();
    expectRejected(metric, labels, yPred, 'INVALID_INPUT', /y_true\[4321\] is 10/);
    expect(metric.result()).toBe(0);
  });

  test('NaN: rejected with its index, or a NaN result under nonFinite: propagate', () => {
    const withNaN = [[0.1, 0.6, 0.3], [0.5, NaN, 0.3]];
    expectRejected(new SparseCategoricalAccuracy(), [1, 0], withNaN, 'NON_FINITE', /y_pred\[1, 1\] is NaN/);
    expectRejected(new SparseCategoricalAccuracy(), [1, NaN], scores.slice(0, 2), 'NON_FINITE', /y_true\[1\] is NaN/);
    expectRejected(new SparseCategoricalAccuracy(), [1, 0], scores.slice(0, 2), 'NON_FINITE', /sample_weight\[1\] is Infinity/, [1, Infinity]);
    expect(resultOf(new SparseCategoricalAccuracy({ nonFinite: 'propagate' }), [[1, 0], withNaN])).toBeNaN();
    expect(resultOf(new SparseCategoricalAccuracy({ nonFinite: 'propagate' }), [[1, NaN], scores.slice(0, 2)])).toBeNaN();
  });

  test('shapes that do not align are SHAPE_MISMATCH', () => {
    expectRejected(new SparseCategoricalAccuracy(), [0, 1, 2], scores, 'SHAPE_MISMATCH');
    expectRejected(new SparseCategoricalAccuracy(), [0], 5, 'SHAPE_MISMATCH', /class axis/);
    expectRejected(new SparseCategoricalAccuracy(), [0, 1], { data: new Float32Array(0), shape: [2, 0] }, 'SHAPE_MISMATCH', /no classes/);
  });
});

describe('TopKCategoricalAccuracy and SparseTopKCategoricalAccuracy', () => {
  test('ties count as hits: rank = 1 + number of strictly greater scores', () => {
    // Scores [0.5, 0.3, 0.3, 0.1]. Target 2: one greater score -> rank 2 <= 2: hit (top_k alone
    // would keep index 1, not 2). Target 3: rank 4: miss. Target 0: rank 1: hit. 2 of 3 with k = 2.
    const row = [0.5, 0.3, 0.3, 0.1];
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 2 }), [[2, 3, 0], [row, row, row]])).toBeCloseTo(2 / 3, 15);
    const oneHot = (index: number): number[] => row.map((_, j) => (j === index ? 1 : 0));
    expect(resultOf(new TopKCategoricalAccuracy({ k: 2 }), [[oneHot(2), oneHot(3), oneHot(0)], [row, row, row]])).toBeCloseTo(2 / 3, 15);
    // k = 1 with a tie at the top: both tied classes are hits (unlike argmax accuracy).
    const tied = [[0.4, 0.4, 0.2], [0.4, 0.4, 0.2]];
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 1 }), [[0, 1], tied])).toBe(1);
    expect(resultOf(new SparseCategoricalAccuracy(), [[0, 1], tied])).toBe(0.5);
  });

  test('k beyond the class count makes every target a hit (Keras in_top_k)', () => {
    expect(resultOf(new SparseTopKCategoricalAccuracy(), [[2, 0], [[0.9, 0.1, 0.0], [0.0, 0.1, 0.9]]])).toBe(1);
    expect(resultOf(new TopKCategoricalAccuracy({ k: 2 ** 40 }), [[[0, 0, 1]], [[0.9, 0.1, 0.0]]])).toBe(1);
  });

  test('rank-3 predictions are flattened to (-1, C); matches keep the targets shape', () => {
    // y_pred (2, 2, 4); k = 1. Rows: [.1 .7 .1 .1] [.6 .1 .2 .1] [.1 .1 .1 .7] [.25 .25 .25 .25].
    // Targets [[1, 2], [3, 3]] -> hits [[1, 0], [1, 1]] (the last row ties everywhere).
    // Sample means [0.5, 1]; weights [1, 3]: (0.5 + 3) / 4 = 0.875.
    const yPred = { data: Float32Array.of(0.1, 0.7, 0.1, 0.1, 0.6, 0.1, 0.2, 0.1, 0.1, 0.1, 0.1, 0.7, 0.25, 0.25, 0.25, 0.25), shape: [2, 2, 4] };
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 1 }), [[[1, 2], [3, 3]], yPred, [1, 3]])).toBe(0.875);
    const oneHot = { data: Float32Array.of(0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1), shape: [2, 2, 4] };
    expect(resultOf(new TopKCategoricalAccuracy({ k: 1 }), [oneHot, yPred, [1, 3]])).toBe(0.875);
    // Unweighted: 2 samples of means 0.5 and 1.
    expect(resultOf(new TopKCategoricalAccuracy({ k: 1 }), [oneHot, yPred])).toBe(0.75);
  });

  test('(N, 1) sparse labels, with (N,) and rank-0 weights', () => {
    // k = 2. Rows: target 0 of [.1 .2 .7] -> rank 3: miss; target 1 of [.3 .5 .2] -> rank 1: hit.
    const yPred = [[0.1, 0.2, 0.7], [0.3, 0.5, 0.2]];
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 2 }), [[[0], [1]], yPred, [1, 3]])).toBe(0.75);
    // Scalar weight 4: one sample of value 0.5 with weight 4, then an unweighted hit: (2 + 1) / 5.
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 2 }), [[[0], [1]], yPred, 4], [[1], [yPred[1]!]])).toBe(0.6);
  });

  test('fromSortedIds: a hit when the label is among the first k ids; ids beyond the row count are fine', () => {
    // k = 2. Row 0 [7, 1000, 3] holds 1000 at position 1: hit. Row 1 [3, 2, 1000]: 1000 at position 2: miss.
    const metric = new SparseTopKCategoricalAccuracy({ k: 2, fromSortedIds: true });
    expect(resultOf(metric, [[1000, 1000], { data: Int32Array.of(7, 1000, 3, 3, 2, 1000), shape: [2, 3] }])).toBe(0.5);
    // Float32 would merge 16777217 with 16777216; ids are compared in float64.
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 1, fromSortedIds: true }), [[16777217], [[16777216]]])).toBe(0);
    expectRejected(new SparseTopKCategoricalAccuracy({ fromSortedIds: true }), [-1], [[1, 2]], 'INVALID_INPUT', /non-negative integers/);
  });

  test('bad ids, class-count mismatches and rank-1 predictions are rejected', () => {
    expectRejected(new SparseTopKCategoricalAccuracy(), [0, 3], [[0.1, 0.2, 0.7], [0.3, 0.5, 0.2]], 'INVALID_INPUT', /y_true\[1\] is 3/);
    expectRejected(new TopKCategoricalAccuracy(), [[0, 1]], [[0.1, 0.2, 0.7]], 'SHAPE_MISMATCH', /2 classes and y_pred 3/);
    expectRejected(new SparseTopKCategoricalAccuracy(), [0, 1, 2], [0.1, 0.2, 0.7], 'SHAPE_MISMATCH', /two axes/);
    expectRejected(new SparseTopKCategoricalAccuracy(), [0, 1, 2], [[0.1, 0.2, 0.7]], 'SHAPE_MISMATCH', /3 targets for 1 rows/);
    expectRejected(new TopKCategoricalAccuracy(), [[0, 0, 1]], [[0.1, NaN, 0.7]], 'NON_FINITE', /y_pred\[0, 1\] is NaN/);
  });
});

// ---------------------------------------------------------------------------
// Properties over generated data

const RUNS = { seed: 20260612, numRuns: 40 };
const f32 = Math.fround;

interface ClassData {
  readonly rows: number;
  readonly classes: number;
  /** Scores, rows × classes; few distinct values so ties are common. */
  readonly scores: readonly number[];
  readonly ids: readonly number[];
  /** A label row per sample: one-hot, or probabilities whose argmax is not always the id. */
  readonly labelRows: readonly number[];
  /** Dyadic, so every weighted sum is exact; empty when unweighted. */
  readonly weights: readonly number[];
}

const classData: fc.Arbitrary<ClassData> = fc.record({
  rows: fc.integer({ min: 1, max: 40 }),
  classes: fc.integer({ min: 1, max: 13 }),
  weighted: fc.boolean(),
}).chain(({ rows, classes, weighted }) => fc.record({
  scores: fc.array(fc.oneof(fc.constantFrom(0, 0.1, 0.25, 0.5, 1), fc.double({ min: -2, max: 2, noNaN: true })),
    { minLength: rows * classes, maxLength: rows * classes }),
  ids: fc.array(fc.integer({ min: 0, max: classes - 1 }), { minLength: rows, maxLength: rows }),
  labelNoise: fc.array(fc.constantFrom(0, 0, 0, 0.25, 0.5), { minLength: rows * classes, maxLength: rows * classes }),
  weights: fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 2, 3), { minLength: weighted ? rows : 0, maxLength: weighted ? rows : 0 }),
}).map(({ scores, ids, labelNoise, weights }): ClassData => ({
  rows, classes, scores, ids, weights,
  labelRows: labelNoise.map((noise, i) => (i % classes === ids[Math.floor(i / classes)] ? 1 : noise)),
})));

/** Rank of the target among the row's float32 scores: 1 + #strictly greater. */
function rankOf(row: readonly number[], target: number): number {
  return 1 + row.filter((score) => f32(score) > f32(row[target]!)).length;
}

function firstArgmax(row: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (f32(row[j]!) > f32(row[best]!)) best = j;
  return best;
}

const sortedIdCache = new WeakMap<ClassData, number[]>();

/** Sorted-id rows: the classes by descending score, ties by index, as ids. */
function sortedIds(data: ClassData): number[] {
  const cached = sortedIdCache.get(data);
  if (cached) return cached;
  const ids = Array.from({ length: data.rows }, (_, r) => {
    const row = data.scores.slice(r * data.classes, (r + 1) * data.classes);
    return row.map((_, j) => j).sort((a, b) => f32(row[b]!) - f32(row[a]!) || a - b);
  }).flat();
  sortedIdCache.set(data, ids);
  return ids;
}

interface ClassCase {
  readonly title: string;
  readonly make: () => Metric;
  /** Hit of row r, from the Keras definition. */
  readonly hit: (data: ClassData, r: number) => boolean;
  readonly batch: (data: ClassData, from: number, to: number) => { yTrue: ShapedArray; yPred: ShapedArray };
}

const rowOf = (data: ClassData, r: number): number[] => data.scores.slice(r * data.classes, (r + 1) * data.classes);
const labelRowOf = (data: ClassData, r: number): number[] => data.labelRows.slice(r * data.classes, (r + 1) * data.classes);
const scoresBatch = (data: ClassData, from: number, to: number): ShapedArray =>
  ({ data: Float64Array.from(data.scores.slice(from * data.classes, to * data.classes)), shape: [to - from, data.classes] });
const idsBatch = (data: ClassData, from: number, to: number, column = false): ShapedArray =>
  ({ data: Int32Array.from(data.ids.slice(from, to)), shape: column ? [to - from, 1] : [to - from] });
const labelRowsBatch = (data: ClassData, from: number, to: number): ShapedArray =>
  ({ data: Float32Array.from(data.labelRows.slice(from * data.classes, to * data.classes)), shape: [to - from, data.classes] });

const CLASS_CASES: readonly ClassCase[] = [
  {
    title: 'CategoricalAccuracy', make: () => new CategoricalAccuracy(),
    hit: (data, r) => firstArgmax(labelRowOf(data, r)) === firstArgmax(rowOf(data, r)),
    batch: (data, from, to) => ({ yTrue: labelRowsBatch(data, from, to), yPred: scoresBatch(data, from, to) }),
  },
  {
    title: 'SparseCategoricalAccuracy (N,)', make: () => new SparseCategoricalAccuracy(),
    hit: (data, r) => data.ids[r] === firstArgmax(rowOf(data, r)),
    batch: (data, from, to) => ({ yTrue: idsBatch(data, from, to), yPred: scoresBatch(data, from, to) }),
  },
  {
    title: 'SparseCategoricalAccuracy (N, 1)', make: () => new SparseCategoricalAccuracy(),
    hit: (data, r) => data.ids[r] === firstArgmax(rowOf(data, r)),
    batch: (data, from, to) => ({ yTrue: idsBatch(data, from, to, true), yPred: scoresBatch(data, from, to) }),
  },
  ...[1, 2, 3, 5].map((k): ClassCase => ({
    title: `TopKCategoricalAccuracy k=${k}`, make: () => new TopKCategoricalAccuracy({ k }),
    hit: (data, r) => rankOf(rowOf(data, r), firstArgmax(labelRowOf(data, r))) <= k,
    batch: (data, from, to) => ({ yTrue: labelRowsBatch(data, from, to), yPred: scoresBatch(data, from, to) }),
  })),
  ...[1, 3, 5].map((k): ClassCase => ({
    title: `SparseTopKCategoricalAccuracy k=${k}`, make: () => new SparseTopKCategoricalAccuracy({ k }),
    hit: (data, r) => rankOf(rowOf(data, r), data.ids[r]!) <= k,
    batch: (data, from, to) => ({ yTrue: idsBatch(data, from, to, k === 3), yPred: scoresBatch(data, from, to) }),
  })),
  {
    title: 'SparseTopKCategoricalAccuracy fromSortedIds k=2', make: () => new SparseTopKCategoricalAccuracy({ k: 2, fromSortedIds: true }),
    hit: (data, r) => sortedIds(data).slice(r * data.classes, r * data.classes + 2).includes(data.ids[r]!),
    batch: (data, from, to) => ({
      yTrue: idsBatch(data, from, to),
      yPred: { data: Float64Array.from(sortedIds(data).slice(from * data.classes, to * data.classes)), shape: [to - from, data.classes] },
    }),
  },
];

const cutPositions = fc.array(fc.nat({ max: 1000 }), { maxLength: 5 });

function feedBatches(classCase: ClassCase, data: ClassData, cuts: readonly number[]): Metric {
  const metric = classCase.make();
  for (const [from, to] of cutRanges(data.rows, cuts)) {
    const { yTrue, yPred } = classCase.batch(data, from, to);
    const weights = data.weights.length ? Float64Array.from(data.weights.slice(from, to)) : undefined;
    metric.updateState(yTrue, yPred, weights);
  }
  return metric;
}

function reference(classCase: ClassCase, data: ClassData): number {
  let hits = 0, total = 0;
  for (let r = 0; r < data.rows; r++) {
    const w = data.weights.length ? data.weights[r]! : 1;
    hits += classCase.hit(data, r) ? w : 0;
    total += w;
  }
  return total === 0 ? 0 : hits / total;
}

describe.each(CLASS_CASES)('$title', (classCase) => {
  test('matches the Keras definition, and any batch split gives exactly the one-batch result', () => {
    fc.assert(fc.property(classData, cutPositions, (data, cuts) => {
      const whole = feedBatches(classCase, data, []).result();
      expect(whole).toBe(reference(classCase, data));
      expect(feedBatches(classCase, data, cuts).result()).toBe(whole);
    }), RUNS);
  });

  test('merging shard states equals one pass', () => {
    fc.assert(fc.property(classData, cutPositions, (data, cuts) => {
      const shards = cutRanges(data.rows, cuts).map(([from, to]) => {
        const part: ClassData = {
          ...data, rows: to - from,
          scores: data.scores.slice(from * data.classes, to * data.classes),
          labelRows: data.labelRows.slice(from * data.classes, to * data.classes),
          ids: data.ids.slice(from, to),
          weights: data.weights.length ? data.weights.slice(from, to) : [],
        };
        return feedBatches(classCase, part, []);
      });
      const [first, ...rest] = shards;
      for (const shard of rest.reverse()) first!.mergeState(shard);
      expect(first!.result()).toBe(feedBatches(classCase, data, []).result());
    }), RUNS);
  });

  test.skipIf(!bothKernelBuilds)('the SIMD and scalar kernel builds agree', () => {
    fc.assert(fc.property(classData, cutPositions, (data, cuts) => {
      const scalar = withKernelBuild('scalar', () => feedBatches(classCase, data, cuts));
      const simd = withKernelBuild('simd', () => feedBatches(classCase, data, cuts));
      expect(Array.from(simd.saveState())).toEqual(Array.from(scalar.saveState()));
    }), RUNS);
  });
});

describe('Accuracy properties', () => {
  const elementData = fc.record({ rows: fc.integer({ min: 1, max: 30 }), width: fc.integer({ min: 1, max: 6 }) })
    .chain(({ rows, width }) => fc.record({
      rows: fc.constant(rows), width: fc.constant(width),
      yTrue: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows * width, maxLength: rows * width }),
      yPred: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rows * width, maxLength: rows * width }),
      weights: fc.array(fc.constantFrom(0, 0.5, 1, 2), { minLength: rows, maxLength: rows }),
    }));

  test('per-row means weighted by rows; batch splits and builds agree', () => {
    fc.assert(fc.property(elementData, cutPositions, ({ rows, width, yTrue, yPred, weights }, cuts) => {
      let total = 0, count = 0;
      for (let r = 0; r < rows; r++) {
        let matches = 0;
        for (let j = 0; j < width; j++) matches += yTrue[r * width + j] === yPred[r * width + j] ? 1 : 0;
        total += weights[r]! * matches / width;
        count += weights[r]!;
      }
      const ranges = cutRanges(rows, cuts);
      const run = (splits: ReadonlyArray<[number, number]>): Metric => {
        const metric = new Accuracy();
        for (const [from, to] of splits) {
          metric.updateState({ data: Uint8Array.from(yTrue.slice(from * width, to * width)), shape: [to - from, width] },
            { data: Float32Array.from(yPred.slice(from * width, to * width)), shape: [to - from, width] },
            Float64Array.from(weights.slice(from, to)));
        }
        return metric;
      };
      const expected = count === 0 ? 0 : total / count;
      expect(run([[0, rows]]).result()).toBeCloseTo(expected, 12);
      expect(run(ranges).result()).toBeCloseTo(expected, 12);
      if (bothKernelBuilds) {
        const scalar = withKernelBuild('scalar', () => run(ranges).result());
        expect(withKernelBuild('simd', () => run(ranges).result())).toBe(scalar);
      }
    }), RUNS);
  });
});

describe('inputs longer than one chunk', () => {
  /** Seeded scores on a coarse grid (ties), ids and per-row weights. */
  function largeData(seed: number, rows: number, classes: number, weighted: boolean): ClassData {
    let state = seed >>> 0;
    const random = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 4294967296;
    };
    const ids = Array.from({ length: rows }, () => Math.floor(random() * classes));
    return {
      rows, classes, ids,
      scores: Array.from({ length: rows * classes }, () => Math.floor(random() * 16) / 16),
      labelRows: Array.from({ length: rows * classes }, (_, i) => (i % classes === ids[Math.floor(i / classes)] ? 1 : 0)),
      weights: weighted ? Array.from({ length: rows }, () => Math.floor(random() * 4) / 2) : [],
    };
  }

  test.each([
    ['3000 rows × 10 classes', 3000, 10],
    ['2 rows × 20000 classes (one row beyond a chunk)', 2, 20000],
    ['5000 rows × 3 classes', 5000, 3],
  ])('%s: reference, SIMD = scalar, splits across chunk boundaries', (_title, rows, classes) => {
    for (const weighted of [false, true]) {
      const data = largeData(rows * classes + (weighted ? 1 : 0), rows, classes, weighted);
      for (const classCase of CLASS_CASES) {
        const cuts = [Math.floor(rows / 3), Math.floor(rows / 3) + 1, rows - 1];
        const simd = withKernelBuild('simd', () => feedBatches(classCase, data, []));
        expect(simd.result(), classCase.title).toBe(reference(classCase, data));
        if (bothKernelBuilds) {
          const scalar = withKernelBuild('scalar', () => feedBatches(classCase, data, []));
          expect(Array.from(simd.saveState())).toEqual(Array.from(scalar.saveState()));
        }
        expect(feedBatches(classCase, data, cuts).result()).toBe(simd.result());
      }
    }
  });
});

test('CategoricalAccuracy accepts label rows of another width, as Keras does (argmax against argmax)', () => {
  // argmax(y_true) = [3, 0]; argmax(y_pred) = [2, 0]: one hit.
  expect(resultOf(new CategoricalAccuracy(), [[[0, 0, 0, 1], [1, 0, 0, 0]], [[0.1, 0.2, 0.7], [0.8, 0.1, 0.1]]])).toBe(0.5);
});

test('sequence batches (N, T, C) over several chunks: row, pattern and dense weights follow Keras Mean', () => {
  const samples = 2500, steps = 3, classes = 5;
  let state = 7;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  const scores = Float32Array.from({ length: samples * steps * classes }, () => Math.floor(random() * 8) / 8);
  const ids = Int32Array.from({ length: samples * steps }, () => Math.floor(random() * classes));
  const hits = Array.from(ids, (id, line) => {
    const row = Array.from(scores.subarray(line * classes, (line + 1) * classes));
    return row.indexOf(Math.max(...row)) === id ? 1 : 0;
  });
  const rowWeights = Float64Array.from({ length: samples }, () => Math.floor(random() * 4));
  const pattern = Float64Array.of(1, 0, 2);
  const dense = Float64Array.from({ length: samples * steps }, () => Math.floor(random() * 3));
  // Keras Mean: total += Σ_samples mean_t(hit·w), count += Σ_samples mean_t(w); the 1/T cancels in the ratio.
  const expected = (weightOf: (line: number) => number): number => {
    let total = 0, count = 0;
    hits.forEach((hit, line) => {
      total += hit * weightOf(line);
      count += weightOf(line);
    });
    return total / count;
  };
  const yPred = { data: scores, shape: [samples, steps, classes] };
  const yTrue = { data: ids, shape: [samples, steps] };
  const run = (weights: ShapedArray): number => resultOf(new SparseCategoricalAccuracy(), [yTrue, yPred, weights]);
  expect(run({ data: rowWeights, shape: [samples] })).toBeCloseTo(expected((line) => rowWeights[Math.floor(line / steps)]!), 12);
  expect(run({ data: pattern, shape: [1, steps] })).toBeCloseTo(expected((line) => pattern[line % steps]!), 12);
  expect(run({ data: dense, shape: [samples, steps] })).toBeCloseTo(expected((line) => dense[line]!), 12);
});
