// FBetaScore and F1Score: hand-derived values for every average and rule,
// weights, lazy building, config, errors that leave state untouched, and
// properties (batch splits, merges, SIMD = scalar, a plain-JS reference).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { F1Score, FBetaScore, deserialize, get, serialize, type FBetaAverage } from '../src/index.js';
import { cutRanges, feed, type Batch } from './support/batches.js';
import { expectMetricError, expectRejected, update } from './support/errors.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';
import { sameBytes, savedArrays } from './support/state.js';


const f32 = Math.fround;
const RUNS = { seed: 20260612, numRuns: 30 };

function expectVector(actual: unknown, expected: readonly number[], digits = 6): void {
  expect(Array.isArray(actual)).toBe(true);
  const values = actual as number[];
  expect(values.length).toBe(expected.length);
  expected.forEach((value, i) => expect(values[i], `element ${i}`).toBeCloseTo(value, digits));
}

// Keras's docstring batch. With threshold 0.5 the predictions are
// [[0,1,1],[0,1,1],[1,1,0]], so per class (tp, fp, fn, support):
// class 0 (1, 0, 2, 3), class 1 (2, 1, 0, 2), class 2 (1, 1, 0, 1).
const DOC_TRUE = [[1, 1, 1], [1, 0, 0], [1, 1, 0]];
const DOC_PRED = [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]];

describe('hand-derived values', () => {
  test('F1 per class: p = (1, 2/3, 1/2), r = (1/3, 1, 1) give 2pr/(p + r) = (0.5, 0.8, 2/3)', () => {
    const metric = new F1Score({ threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    expectVector(metric.result(), [0.5, 0.8, 2 / 3]);
    expect(savedArrays(metric.saveState()).get('true_positives')).toEqual([1, 2, 1]);
    expect(savedArrays(metric.saveState()).get('false_positives')).toEqual([0, 1, 1]);
    expect(savedArrays(metric.saveState()).get('false_negatives')).toEqual([2, 0, 0]);
    expect(savedArrays(metric.saveState()).get('intermediate_weights')).toEqual([3, 2, 1]);
  });

  test('F2 per class: 5pr/(4p + r) = (5/13, 10/11, 5/6), the Keras docstring values', () => {
    const metric = new FBetaScore({ beta: 2, threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    expectVector(metric.result(), [5 / 13, 10 / 11, 5 / 6]);
  });

  test('micro: summed tp 4, fp 2, fn 2 give p = r = 2/3 for any beta; the state is scalar', () => {
    for (const beta of [0.5, 1, 2]) {
      const metric = new FBetaScore({ average: 'micro', beta, threshold: 0.5 });
      metric.updateState(DOC_TRUE, DOC_PRED);
      expect(metric.result()).toBeCloseTo(2 / 3, 6);
      expect(savedArrays(metric.saveState()).get('true_positives')).toEqual([4]);
      expect(metric.numClasses).toBe(1);
    }
  });

  test('macro: the plain mean (0.5 + 0.8 + 2/3)/3', () => {
    const metric = new F1Score({ average: 'macro', threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    expect(metric.result()).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 6);
  });

  test('weighted: by support (3, 2, 1): (0.5·3 + 0.8·2 + 2/3·1)/6', () => {
    const metric = new F1Score({ average: 'weighted', threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    expect(metric.result()).toBeCloseTo((0.5 * 3 + 0.8 * 2 + 2 / 3) / 6, 6);
  });

  test('threshold is strict: a prediction equal to it is not predicted', () => {
    // Class 0 gets 0.6 == threshold (not predicted: fn 1); class 1 gets 0.61 (predicted: tp 1).
    const metric = new F1Score({ threshold: 0.6 });
    metric.updateState([[1, 1]], [[0.6, 0.61]]);
    expectVector(metric.result(), [0, 1]);
  });

  test('threshold null: entries equal to the row max, ties predict several classes, an all-zero row none', () => {
    // Rows predict: [0.9, 0.1, 0] -> {0}; [0.3, 0.3, 0.2] -> {0, 1}; zeros -> {}; [0.2, 0.5, 0.5] -> {1, 2};
    // [-0.5, -0.2, -0.9] -> {1} (the max is -0.2, and |-0.2| > 1e-9).
    // Class 0: tp 1, fp 1 -> 2/3. Class 1: tp 2, fp 1, fn 0 -> p 2/3, r 1 -> 0.8. Class 2: tp 1, fn 1 -> 2/3.
    const metric = new F1Score();
    metric.updateState(
      [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1], [0, 1, 0]],
      [[0.9, 0.1, 0], [0.3, 0.3, 0.2], [0, 0, 0], [0.2, 0.5, 0.5], [-0.5, -0.2, -0.9]],
    );
    expectVector(metric.result(), [2 / 3, 0.8, 2 / 3]);
  });

  test('the row max is taken in float32: values equal in float32 tie', () => {
    // 0.30000001 and 0.3 round to the same float32, so both classes are predicted.
    const metric = new F1Score();
    metric.updateState([[1, 0]], [[0.3, 0.30000001]]);
    expect(savedArrays(metric.saveState()).get('false_positives')).toEqual([0, 1]);
  });

  test('classes with no support and no predictions score 0', () => {
    const metric = new F1Score({ threshold: 0.5 });
    metric.updateState([[1, 0], [1, 0]], [[0.9, 0.1], [0.8, 0.2]]);
    expectVector(metric.result(), [1, 0]);
  });
});

describe('sample weights', () => {
  // Threshold 0.5 predicts [[1,0],[1,1],[0,1]].
  const yTrue = [[1, 0], [0, 1], [1, 0]];
  const yPred = [[0.8, 0.1], [0.6, 0.7], [0.2, 0.9]];

  test('(N,) weights weigh rows: class 0 tp 2, fp 1, fn 3 -> 0.5; class 1 tp 1, fp 3 -> 0.4; weighted by support (5, 1)', () => {
    const perClass = new F1Score({ threshold: 0.5 });
    perClass.updateState(yTrue, yPred, [2, 1, 3]);
    expectVector(perClass.result(), [0.5, 0.4]);
    const weighted = new F1Score({ threshold: 0.5, average: 'weighted' });
    weighted.updateState(yTrue, yPred, [2, 1, 3]);
    expect(weighted.result()).toBeCloseTo((0.5 * 5 + 0.4 * 1) / 6, 6);
  });

  test('(N, C) weights weigh elements: a zero weight on class 1 row 2 removes its false positive', () => {
    const metric = new F1Score({ threshold: 0.5 });
    metric.updateState(yTrue, yPred, [[2, 5], [1, 1], [3, 0]]);
    expectVector(metric.result(), [0.5, 1]);
  });

  test('(N, 1) weights are per row, like (N,)', () => {
    const column = new F1Score({ threshold: 0.5 });
    column.updateState(yTrue, yPred, [[2], [1], [3]]);
    expectVector(column.result(), [0.5, 0.4]);
  });

  test('a scalar weight scales every sum (ratios unchanged)', () => {
    const metric = new F1Score({ threshold: 0.5 });
    metric.updateState(yTrue, yPred, 2.5);
    expect(savedArrays(metric.saveState()).get('true_positives')).toEqual([2.5, 2.5]);
    expectVector(metric.result(), [0.5, 2 / 3]);
  });

  test('fractional labels enter the sums as values: y = 0.5 predicted gives tp 0.5 and fp 0.5', () => {
    const metric = new FBetaScore({ threshold: 0.5 });
    metric.updateState([[0.5, 1]], [[0.9, 0.1]]);
    const state = savedArrays(metric.saveState());
    expect(state.get('true_positives')).toEqual([0.5, 0]);
    expect(state.get('false_positives')).toEqual([0.5, 0]);
    expect(state.get('false_negatives')).toEqual([0, 1]);
    expect(state.get('intermediate_weights')).toEqual([0.5, 1]);
  });
});

describe('inputs', () => {
  test('typed arrays of every label type give the same counts (Int8Array read as values, not bytes)', () => {
    const labels = [1, 0, 0, 1, 1, 0, 0, 0, 1];
    const predictions = Float32Array.from([0.7, 0.2, 0.1, 0.3, 0.5, 0.2, 0.1, 0.1, 0.8]);
    const reference = new F1Score();
    reference.updateState({ data: Float64Array.from(labels), shape: [3, 3] }, { data: predictions, shape: [3, 3] });
    for (const data of [Uint8Array.from(labels), Int8Array.from(labels), Int32Array.from(labels), Float32Array.from(labels)]) {
      const metric = new F1Score();
      metric.updateState({ data, shape: [3, 3] }, { data: predictions, shape: [3, 3] });
      expect(sameBytes(metric.saveState(), reference.saveState())).toBe(true);
    }
    // Int8Array -1 stays -1 (a byte read would make it 255): tp += -1.
    const negative = new FBetaScore({ threshold: 0.5 });
    negative.updateState({ data: Int8Array.of(-1), shape: [1, 1] }, [[0.9]]);
    expect(savedArrays(negative.saveState()).get('true_positives')).toEqual([-1]);
  });

  test('batches longer than one chunk (5 classes × 7001 rows) match a plain-JS count', () => {
    const rows = 7001, classes = 5;
    const labels = Array.from({ length: rows }, (_, r) => Array.from({ length: classes }, (_, c) => ((r * 7 + c * 3) % 5 === 0 ? 1 : 0)));
    const predictions = Array.from({ length: rows }, (_, r) => Array.from({ length: classes }, (_, c) => ((r * 13 + c * 29) % 101) / 100));
    const weights = Array.from({ length: rows }, (_, r) => r % 4);
    const expected = referenceCounts(labels.flat(), predictions.flat(), rowWeightsToElements(weights, classes), classes, null);
    const metric = new FBetaScore();
    metric.updateState(labels, predictions, weights);
    expect(savedArrays(metric.saveState()).get('true_positives')).toEqual(expected.tp);
    expect(savedArrays(metric.saveState()).get('false_positives')).toEqual(expected.fp);
    expect(savedArrays(metric.saveState()).get('false_negatives')).toEqual(expected.fn);
  });
});

describe('lazy state', () => {
  test('result before the first update throws NOT_BUILT; after a reset a built metric gives zeros', () => {
    const metric = new F1Score({ threshold: 0.5 });
    expectMetricError(() => metric.result(), 'NOT_BUILT');
    expect(metric.numClasses).toBeUndefined();
    metric.updateState(DOC_TRUE, DOC_PRED);
    metric.resetState();
    expect(metric.result()).toEqual([0, 0, 0]);
    const micro = new F1Score({ average: 'micro' });
    micro.updateState(DOC_TRUE, DOC_PRED);
    micro.resetState();
    expect(micro.result()).toBe(0);
  });

  test('an empty batch (0, C) builds the state', () => {
    const metric = new F1Score();
    metric.updateState({ data: new Float32Array(0), shape: [0, 4] }, { data: new Float32Array(0), shape: [0, 4] });
    expect(metric.result()).toEqual([0, 0, 0, 0]);
  });

  test('a built metric rejects another class count, except micro (scalar state), as in Keras', () => {
    const metric = new F1Score({ threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    expectRejected(metric, () => metric.updateState([[1, 0]], [[0.9, 0.1]]), 'SHAPE_MISMATCH', /3 classes/);
    const micro = new F1Score({ average: 'micro', threshold: 0.5 });
    micro.updateState(DOC_TRUE, DOC_PRED);
    micro.updateState([[1, 0]], [[0.9, 0.1]]);
    // tp 4 + 1, fp 2, fn 2 -> p = r = 5/7.
    expect(micro.result()).toBeCloseTo(5 / 7, 6);
  });

  test('merging into and loading into an unbuilt metric adopts the shape', () => {
    const built = new F1Score({ threshold: 0.5 });
    built.updateState(DOC_TRUE, DOC_PRED);
    const merged = new F1Score({ threshold: 0.5 });
    merged.mergeState(built);
    expect(merged.result()).toEqual(built.result());
    const loaded = new F1Score({ threshold: 0.5 });
    loaded.loadState(built.saveState());
    expect(loaded.result()).toEqual(built.result());
    const unbuilt = new F1Score({ threshold: 0.5 });
    built.mergeState(unbuilt);
    expect(built.result()).toEqual(merged.result());
  });

  test('a state of another class count cannot be merged', () => {
    const three = new F1Score();
    three.updateState(DOC_TRUE, DOC_PRED);
    const two = new F1Score();
    two.updateState([[1, 0]], [[0.9, 0.1]]);
    expectRejected(three, () => three.mergeState(two), 'STATE_MISMATCH');
  });
});

describe('config and registry', () => {
  test('defaults, names and direction', () => {
    const fbeta = new FBetaScore();
    expect(fbeta.name).toBe('fbeta_score');
    expect(fbeta.direction).toBe('up');
    expect(fbeta.getConfig()).toEqual({ name: 'fbeta_score', dtype: 'float32', average: null, beta: 1, threshold: null });
    const f1 = new F1Score({ average: 'macro', threshold: 0.4 });
    expect(f1.name).toBe('f1_score');
    expect(f1).toBeInstanceOf(FBetaScore);
    expect(f1.beta).toBe(1);
    expect(f1.getConfig()).toEqual({ name: 'f1_score', dtype: 'float32', average: 'macro', threshold: 0.4 });
  });

  test('identifiers and the Keras JSON form round-trip', () => {
    expect(get('f_beta_score')).toBeInstanceOf(FBetaScore);
    expect(get('FBetaScore').name).toBe('fbeta_score');
    expect(get('f1_score')).toBeInstanceOf(F1Score);
    const metric = deserialize({ class_name: 'FBetaScore', config: { average: 'weighted', beta: 0.5, threshold: 0.3, name: 'f05' } });
    expect(serialize(metric)).toEqual({
      class_name: 'FBetaScore', config: { name: 'f05', dtype: 'float32', average: 'weighted', beta: 0.5, threshold: 0.3 },
    });
    expect(serialize(new F1Score())).toEqual({ class_name: 'F1Score', config: { name: 'f1_score', dtype: 'float32', average: null, threshold: null } });
  });

  test('invalid options', () => {
    const invalid: Array<Record<string, unknown>> = [
      { average: 'samples' }, { average: 'Micro' }, { beta: 0 }, { beta: -1 }, { beta: NaN }, { beta: Infinity }, { beta: '1' },
      { threshold: 0 }, { threshold: 1.5 }, { threshold: -0.1 }, { threshold: NaN }, { threshold: '0.5' },
    ];
    for (const options of invalid) expectMetricError(() => new FBetaScore(options as never), 'INVALID_CONFIG');
    expect(new FBetaScore({ beta: 3, threshold: 1 }).threshold).toBe(1);
    expectMetricError(() => new F1Score({ beta: 2 } as never), 'UNKNOWN_CONFIG_KEY', /beta/);
  });
});

describe('bad input leaves state unchanged', () => {
  const fed = (): FBetaScore => {
    const metric = new FBetaScore({ threshold: 0.5 });
    metric.updateState(DOC_TRUE, DOC_PRED);
    return metric;
  };

  test('inputs must be 2D of equal shape, with at least one class', () => {
    const metric = fed();
    expectRejected(metric, update(metric, [1, 0, 1], [0.2, 0.6, 0.7]), 'SHAPE_MISMATCH', /2D/);
    expectRejected(metric, update(metric, DOC_TRUE, DOC_PRED.slice(0, 2)), 'SHAPE_MISMATCH');
    expectRejected(metric, update(metric, DOC_TRUE.map((row) => row.slice(0, 1)), DOC_PRED), 'SHAPE_MISMATCH');
    expectRejected(metric, update(metric, { data: new Float32Array(0), shape: [2, 0] }, { data: new Float32Array(0), shape: [2, 0] }), 'SHAPE_MISMATCH');
    const fresh = new FBetaScore();
    expectRejected(fresh, update(fresh, [[[1]]], [[[0.5]]]), 'SHAPE_MISMATCH');
    expect(fresh.numClasses).toBeUndefined();
  });

  test('NaN and ±Infinity name the index; a later chunk too', () => {
    const metric = fed();
    const withBad = (values: number[][], bad: number): number[][] => values.map((row, r) => row.map((v, c) => (r === 2 && c === 1 ? bad : v)));
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRejected(metric, update(metric, DOC_TRUE, withBad(DOC_PRED, bad)), 'NON_FINITE', /y_pred\[2, 1\]/);
      expectRejected(metric, update(metric, withBad(DOC_TRUE, bad), DOC_PRED), 'NON_FINITE', /y_true\[2, 1\]/);
      expectRejected(metric, update(metric, DOC_TRUE, DOC_PRED, withBad([[1, 1, 1], [1, 1, 1], [1, 1, 1]], bad)), 'NON_FINITE', /sample_weight\[2, 1\]/);
    }
    expectRejected(metric, update(metric, DOC_TRUE, DOC_PRED, [1, NaN, 1]), 'NON_FINITE', /sample_weight of row 1/);
    const rows = 9000;
    const labels = Array.from({ length: rows }, (_, r) => [r % 2, 1 - (r % 2), 0]);
    const predictions = Array.from({ length: rows }, (_, r) => (r === 8500 ? [0.1, NaN, 0.3] : [0.1, 0.2, 0.3]));
    expectRejected(metric, update(metric, labels, predictions), 'NON_FINITE', /y_pred\[8500, 1\]/);
  });

  test("nonFinite: 'propagate' makes the result NaN instead", () => {
    const metric = new F1Score({ threshold: 0.5, nonFinite: 'propagate' });
    metric.updateState(DOC_TRUE, DOC_PRED);
    metric.updateState([[1, 0, 0]], [[NaN, 0.2, 0.9]]);
    expect((metric.result() as number[]).every(Number.isNaN)).toBe(true);
  });

  test('weights that cannot broadcast', () => {
    const metric = fed();
    expectRejected(metric, update(metric, DOC_TRUE, DOC_PRED, [1, 1]), 'WEIGHT_SHAPE');
    expectRejected(metric, update(metric, DOC_TRUE, DOC_PRED, [[1, 1], [1, 1], [1, 1]]), 'WEIGHT_SHAPE');
  });

  test('a first batch that fails leaves the metric unbuilt', () => {
    const metric = new F1Score();
    expectRejected(metric, update(metric, [[1, 0]], [[NaN, 0.2]]), 'NON_FINITE');
    expectMetricError(() => metric.result(), 'NOT_BUILT');
  });
});

// ---------------------------------------------------------------------------
// Properties and a plain-JS reference

interface Counts {
  readonly tp: number[];
  readonly fp: number[];
  readonly fn: number[];
  readonly support: number[];
}

function rowWeightsToElements(rowWeights: readonly number[], classes: number): number[] {
  return rowWeights.flatMap((w) => new Array<number>(classes).fill(w));
}

/** Keras's update_state, written directly: predictions and labels in float32, Σ w·y·ŷ, Σ w·(1−y)·ŷ, Σ w·y·(1−ŷ), Σ w·y. */
function referenceCounts(labels: readonly number[], predictions: readonly number[], weights: readonly number[],
  classes: number, threshold: number | null): Counts {
  const counts: Counts = { tp: Array(classes).fill(0), fp: Array(classes).fill(0), fn: Array(classes).fill(0), support: Array(classes).fill(0) };
  for (let start = 0; start < predictions.length; start += classes) {
    const row = predictions.slice(start, start + classes).map(f32);
    const rowMax = Math.max(...row);
    row.forEach((p, c) => {
      const predicted = threshold === null ? (p >= rowMax && Math.abs(p) > f32(1e-9) ? 1 : 0) : (p > f32(threshold) ? 1 : 0);
      const y = f32(labels[start + c]!), w = weights[start + c]!;
      counts.tp[c]! += w * y * predicted;
      counts.fp[c]! += w * (1 - y) * predicted;
      counts.fn[c]! += w * y * (1 - predicted);
      counts.support[c]! += w * y;
    });
  }
  return counts;
}

function referenceResult(counts: Counts, beta: number, average: FBetaAverage): number | number[] {
  const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
  const reduced: Counts = average === 'micro'
    ? { tp: [sum(counts.tp)], fp: [sum(counts.fp)], fn: [sum(counts.fn)], support: [sum(counts.support)] } : counts;
  const b2 = beta * beta, eps = 1e-7;
  const scores = reduced.tp.map((tp, c) => {
    const p = tp / (tp + reduced.fp[c]! + eps), r = tp / (tp + reduced.fn[c]! + eps);
    return (p * r) / (b2 * p + r + eps) * (1 + b2);
  });
  if (average === null) return scores;
  if (average === 'weighted') {
    const total = sum(reduced.support);
    return scores.reduce((acc, s, c) => acc + s * (reduced.support[c]! / (total + eps)), 0);
  }
  return sum(scores) / scores.length;
}

interface FBetaData {
  readonly rows: number;
  readonly classes: number;
  readonly labels: number[];
  readonly predictions: number[];
  /** 'none', one per row, or one per element. */
  readonly weightMode: 'none' | 'rows' | 'elements';
  readonly weights: number[];
  readonly labelType: 'f64' | 'f32' | 'u8';
}

// Dyadic labels and weights: every sum is exact in float64, so results can be compared bit for bit.
const labelValues = fc.constantFrom(0, 1, 0, 1, 0.5);
const predictionValues = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  // Repeats make row-max ties; zeros make all-zero rows; thresholds make equality cases.
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.3, 0.5, 0.5, 1) },
  { weight: 1, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }) },
);
const weightValues = fc.constantFrom(0, 0.5, 1, 1, 2, 3);

const fbetaData: fc.Arbitrary<FBetaData> = fc.record({
  rows: fc.integer({ min: 1, max: 30 }),
  classes: fc.integer({ min: 1, max: 9 }),
  weightMode: fc.constantFrom<'none' | 'rows' | 'elements'>('none', 'rows', 'elements'),
  labelType: fc.constantFrom<'f64' | 'f32' | 'u8'>('f64', 'f32', 'u8'),
}).chain(({ rows, classes, weightMode, labelType }) => fc.record({
  labels: fc.array(labelType === 'u8' ? fc.constantFrom(0, 1) : labelValues, { minLength: rows * classes, maxLength: rows * classes }),
  predictions: fc.array(predictionValues, { minLength: rows * classes, maxLength: rows * classes }),
  weights: fc.array(weightValues, { minLength: weightMode === 'rows' ? rows : weightMode === 'elements' ? rows * classes : 0,
    maxLength: weightMode === 'rows' ? rows : weightMode === 'elements' ? rows * classes : 0 }),
}).map((values) => ({ rows, classes, weightMode, labelType, ...values })));

function batchOf(data: FBetaData, from: number, to: number): Batch {
  const k = data.classes, shape = [to - from, k];
  const labels = data.labels.slice(from * k, to * k);
  const labelData = data.labelType === 'u8' ? Uint8Array.from(labels) : data.labelType === 'f32' ? Float32Array.from(labels) : Float64Array.from(labels);
  const weight = data.weightMode === 'rows' ? Float64Array.from(data.weights.slice(from, to))
    : data.weightMode === 'elements' ? { data: Float64Array.from(data.weights.slice(from * k, to * k)), shape } : undefined;
  return { yTrue: { data: labelData, shape }, yPred: { data: Float64Array.from(data.predictions.slice(from * k, to * k)), shape }, weight };
}

function batchesOf(data: FBetaData, cuts: readonly number[]): Batch[] {
  return cutRanges(data.rows, cuts).map(([from, to]) => batchOf(data, from, to));
}

const configs = fc.record({
  average: fc.constantFrom<FBetaAverage>(null, 'micro', 'macro', 'weighted'),
  beta: fc.constantFrom(0.5, 1, 2),
  threshold: fc.constantFrom<number | null>(null, null, 0.5, 0.3),
});
const cutPositions = fc.array(fc.nat({ max: 100 }), { maxLength: 5 });

describe('properties', () => {
  test('the state equals the plain-JS reference, and the result its formula', () => {
    fc.assert(fc.property(fbetaData, configs, (data, config) => {
      const weights = data.weightMode === 'none' ? Array(data.rows * data.classes).fill(1)
        : data.weightMode === 'rows' ? rowWeightsToElements(data.weights, data.classes) : data.weights;
      const expected = referenceCounts(data.labels, data.predictions, weights, data.classes, config.threshold);
      const metric = feed(new FBetaScore({ ...config, average: null }), [batchOf(data, 0, data.rows)]);
      const state = savedArrays(metric.saveState());
      expect(state.get('true_positives')).toEqual(expected.tp);
      expect(state.get('false_positives')).toEqual(expected.fp);
      expect(state.get('false_negatives')).toEqual(expected.fn);
      expect(state.get('intermediate_weights')).toEqual(expected.support);
      const averaged = feed(new FBetaScore(config), [batchOf(data, 0, data.rows)]);
      const reference = referenceResult(expected, config.beta, config.average);
      if (typeof reference === 'number') expect(averaged.result() as number).toBeCloseTo(reference, 12);
      else expectVector(averaged.result(), reference, 12);
    }), RUNS);
  });

  test('any split into batches gives the one-batch state exactly', () => {
    fc.assert(fc.property(fbetaData, configs, cutPositions, (data, config, cuts) => {
      const whole = feed(new FBetaScore(config), [batchOf(data, 0, data.rows)]);
      const split = feed(new FBetaScore(config), batchesOf(data, cuts));
      expect(split.result()).toEqual(whole.result());
    }), RUNS);
  });

  test('merging shards equals one pass, also through saveState/loadState', () => {
    fc.assert(fc.property(fbetaData, configs, cutPositions, (data, config, cuts) => {
      const onePass = feed(new FBetaScore(config), [batchOf(data, 0, data.rows)]).result();
      const shards = batchesOf(data, cuts).map((batch) => feed(new FBetaScore(config), [batch]));
      const savedShards = shards.map((shard) => shard.saveState());
      const [first, ...rest] = shards;
      for (const shard of rest) first!.mergeState(shard);
      expect(first!.result()).toEqual(onePass);
      const loaded = savedShards.map((bytes) => {
        const fresh = new FBetaScore(config);
        fresh.loadState(bytes);
        return fresh;
      });
      const [target, ...others] = loaded;
      for (const other of others) target!.mergeState(other);
      expect(target!.result()).toEqual(onePass);
    }), RUNS);
  });

  test.skipIf(!bothKernelBuilds)('the SIMD and scalar kernel builds agree bit for bit', () => {
    fc.assert(fc.property(fbetaData, configs, (data, config) => {
      const batches = batchesOf(data, []);
      const scalar = withKernelBuild('scalar', () => feed(new FBetaScore(config), batches));
      const simd = withKernelBuild('simd', () => feed(new FBetaScore(config), batches));
      expect(sameBytes(scalar.saveState(), simd.saveState())).toBe(true);
    }), RUNS);
  });

  test('over several chunks: SIMD = scalar and splits change nothing', () => {
    const rows = 6000, classes = 7;
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const data: FBetaData = {
      rows, classes, weightMode: 'elements', labelType: 'f32',
      labels: Array.from({ length: rows * classes }, () => (random() < 0.3 ? 1 : 0)),
      predictions: Array.from({ length: rows * classes }, () => (random() < 0.1 ? 0.5 : random())),
      weights: Array.from({ length: rows * classes }, () => Math.floor(random() * 4)),
    };
    for (const threshold of [null, 0.5]) {
      const simd = withKernelBuild('simd', () => feed(new FBetaScore({ threshold }), batchesOf(data, [])));
      const split = feed(new FBetaScore({ threshold }), batchesOf(data, [1234, 4321]));
      expect(split.result()).toEqual(simd.result());
      if (!bothKernelBuilds) continue;
      const scalar = withKernelBuild('scalar', () => feed(new FBetaScore({ threshold }), batchesOf(data, [])));
      expect(sameBytes(scalar.saveState(), simd.saveState())).toBe(true);
    }
  });
});
