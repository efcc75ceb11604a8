// The IoU family: hand-derived values for each class and option (dtype int
// vs float32, ignore_class, out-of-range ids, one-hot argmax, thresholds),
// config, errors that leave state untouched, and properties against a
// plain-JS confusion matrix written from the Keras code.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  BinaryIoU, IoU, MeanIoU, OneHotIoU, OneHotMeanIoU, deserialize, get, serialize,
  type ArrayInput, type Metric, type TypedArray,
} from '../src/index.js';
import { cutRanges, feed, type Batch } from './support/batches.js';
import { expectMetricError, expectRejected, update } from './support/errors.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';
import { sameBytes } from './support/state.js';


const f32 = Math.fround;
const RUNS = { seed: 20260613, numRuns: 40 };

function fed<M extends Metric>(metric: M, yTrue: unknown, yPred: unknown, sampleWeight?: unknown): M {
  metric.updateState(yTrue as ArrayInput, yPred as ArrayInput, sampleWeight as ArrayInput | undefined);
  return metric;
}

describe('IoU and MeanIoU', () => {
  test('unweighted: cm [[1, 1], [1, 1]] gives 1/(2 + 2 - 1) = 1/3 per class', () => {
    expect(fed(new IoU({ numClasses: 2, targetClassIds: [0, 1] }), [0, 0, 1, 1], [0, 1, 0, 1]).result()).toBeCloseTo(1 / 3, 6);
    expect(fed(new IoU({ numClasses: 2, targetClassIds: [0] }), [0, 0, 1, 1], [0, 1, 0, 1]).result()).toBeCloseTo(1 / 3, 6);
    const mean = fed(new MeanIoU({ numClasses: 2 }), [0, 0, 1, 1], [0, 1, 0, 1]);
    expect(mean.result()).toBeCloseTo(1 / 3, 6);
    expect(mean.confusionMatrix()).toEqual([[1, 1], [1, 1]]);
  });

  test("dtype 'float32' keeps fractional weights: cm [[.2, .3], [.4, .1]] gives (.2/.9 + .1/.8)/2", () => {
    const metric = fed(new MeanIoU({ numClasses: 2, dtype: 'float32' }), [0, 0, 1, 1], [0, 1, 0, 1], [0.2, 0.3, 0.4, 0.1]);
    expect(metric.result()).toBeCloseTo((0.2 / 0.9 + 0.1 / 0.8) / 2, 6);
  });

  test('the default int dtype truncates weights toward zero: .2, .3, .4, .1 all become 0 and the result is 0', () => {
    const metric = fed(new MeanIoU({ numClasses: 2 }), [0, 0, 1, 1], [0, 1, 0, 1], [0.2, 0.3, 0.4, 0.1]);
    expect(metric.dtype).toBe('int');
    expect(metric.confusionMatrix()).toEqual([[0, 0], [0, 0]]);
    expect(metric.result()).toBe(0);
  });

  test('weights 1.9, 2.5, 3.99, 1.5: int gives cm [[1, 2], [3, 1]] (1/6 each); float32 keeps them', () => {
    const weights = [1.9, 2.5, 3.99, 1.5];
    const asInt = fed(new MeanIoU({ numClasses: 2 }), [0, 0, 1, 1], [0, 1, 0, 1], weights);
    expect(asInt.confusionMatrix()).toEqual([[1, 2], [3, 1]]);
    expect(asInt.result()).toBeCloseTo(1 / 6, 6);
    // float32: class 0 is 1.9/(1.9 + 2.5 + 3.99), class 1 is 1.5/(1.5 + 2.5 + 3.99).
    const asFloat = fed(new MeanIoU({ numClasses: 2, dtype: 'float32' }), [0, 0, 1, 1], [0, 1, 0, 1], weights);
    expect(asFloat.result()).toBeCloseTo((1.9 / 8.39 + 1.5 / 7.99) / 2, 6);
  });

  test('a scalar weight is truncated under int (0.7 -> 0, 2.9 -> 2) and kept under float32', () => {
    expect(fed(new MeanIoU({ numClasses: 2 }), [0, 1], [0, 1], 0.7).confusionMatrix()).toEqual([[0, 0], [0, 0]]);
    expect(fed(new MeanIoU({ numClasses: 2 }), [0, 1], [0, 1], 2.9).confusionMatrix()).toEqual([[2, 0], [0, 2]]);
    expect(fed(new MeanIoU({ numClasses: 2, dtype: 'float32' }), [0, 1], [0, 1], 0.5).confusionMatrix()).toEqual([[0.5, 0], [0, 0.5]]);
  });

  test('float class ids: int truncates first, float32 checks the range first', () => {
    // y_pred [-0.5, 1.7, 0.9, 2.2] with 2 classes.
    // int: ids [0, 1, 0, 2]; the last pair is out of range. cm [[1, 0], [1, 1]]: class 0 1/2, class 1 1/2.
    const asInt = fed(new MeanIoU({ numClasses: 2 }), [0, 1, 1, 0], [-0.5, 1.7, 0.9, 2.2]);
    expect(asInt.confusionMatrix()).toEqual([[1, 0], [1, 1]]);
    expect(asInt.result()).toBeCloseTo(0.5, 6);
    // float32: -0.5 < 0 and 2.2 >= 2 are dropped; 1.7 -> 1, 0.9 -> 0. cm [[0, 0], [1, 1]]: class 0 0/1, class 1 1/2.
    const asFloat = fed(new MeanIoU({ numClasses: 2, dtype: 'float32' }), [0, 1, 1, 0], [-0.5, 1.7, 0.9, 2.2]);
    expect(asFloat.confusionMatrix()).toEqual([[0, 0], [1, 1]]);
    expect(asFloat.result()).toBeCloseTo(0.25, 6);
  });

  test('out-of-range ids are dropped on both sides (no false negative for a bad prediction)', () => {
    // Only (0, 0) survives; class 1 never occurs, so it leaves the mean: 1/(1 + ε)/(1 + ε).
    const metric = fed(new MeanIoU({ numClasses: 2 }), [0, 3, -1, 1, 1], [0, 0, 1, 5, -2]);
    expect(metric.confusionMatrix()).toEqual([[1, 0], [0, 0]]);
    expect(metric.result()).toBeCloseTo(1, 6);
  });

  test('absent target classes leave the mean; no present target gives 0', () => {
    expect(fed(new IoU({ numClasses: 4, targetClassIds: [0, 1, 2, 3] }), [0, 0, 1, 1], [0, 1, 0, 1]).result()).toBeCloseTo(1 / 3, 6);
    expect(fed(new IoU({ numClasses: 4, targetClassIds: [2, 3] }), [0, 0, 1, 1], [0, 1, 0, 1]).result()).toBe(0);
    // A repeated target counts twice, as Keras's take_along_axis does: (1/3 + 1/3 + 1)/3 for [0, 0, 2].
    expect(fed(new IoU({ numClasses: 3, targetClassIds: [0, 0, 2] }), [0, 0, 1, 1, 2], [0, 1, 0, 1, 2]).result()).toBeCloseTo(5 / 9, 6);
  });

  test('ignoreClass drops pairs by their true id only; int compares after truncation, float32 before', () => {
    // int: y_true [0, 1, 1, 2] drops both 1s: (0, 0), (2, 2) -> classes 0 and 2 score 1, class 1 is absent.
    const asInt = fed(new MeanIoU({ numClasses: 3, ignoreClass: 1 }), [0, 1, 1.5, 2], [0, 1, 0, 2]);
    expect(asInt.confusionMatrix()).toEqual([[1, 0, 0], [0, 0, 0], [0, 0, 1]]);
    expect(asInt.result()).toBeCloseTo(1, 6);
    // float32: 1.5 != 1 is kept as class 1: (0, 0), (1, 0), (2, 2) -> (1/2 + 0 + 1)/3.
    const asFloat = fed(new MeanIoU({ numClasses: 3, ignoreClass: 1, dtype: 'float32' }), [0, 1, 1.5, 2], [0, 1, 0, 2]);
    expect(asFloat.confusionMatrix()).toEqual([[1, 0, 0], [1, 0, 0], [0, 0, 1]]);
    expect(asFloat.result()).toBeCloseTo(0.5, 6);
    // A predicted id equal to the ignored class is kept.
    expect(fed(new MeanIoU({ numClasses: 3, ignoreClass: 1 }), [0], [1]).confusionMatrix()).toEqual([[0, 1, 0], [0, 0, 0], [0, 0, 0]]);
    // 255 and -1 are out of range anyway.
    expect(fed(new MeanIoU({ numClasses: 3, ignoreClass: 255 }), [0, 1, 2, 255], [0, 1, 1, 1]).result()).toBeCloseTo(0.5, 6);
  });

  test('multi-dimensional ids and weights are flattened', () => {
    const metric = fed(new MeanIoU({ numClasses: 2, dtype: 'float32' }), [[0, 0], [1, 1]], [[0, 1], [0, 1]], [[0.2, 0.3], [0.4, 0.1]]);
    expect(metric.result()).toBeCloseTo((0.2 / 0.9 + 0.1 / 0.8) / 2, 6);
    // Shapes may differ when the id counts agree.
    const column = fed(new MeanIoU({ numClasses: 2 }), [[0], [0], [1], [1]], [0, 1, 0, 1]);
    expect(column.result()).toBeCloseTo(1 / 3, 6);
  });

  test('every id array type gives the same matrix', () => {
    const ids = [0, 2, 1, 1, 0, 2, 2, 1, 0];
    const predicted = [0, 1, 1, 2, 0, 2, 0, 1, 1];
    const reference = fed(new MeanIoU({ numClasses: 3 }), ids, predicted).saveState();
    const types: Array<(values: number[]) => TypedArray> = [
      (v) => Int32Array.from(v), (v) => Uint8Array.from(v), (v) => Int16Array.from(v), (v) => Uint32Array.from(v),
      (v) => Float32Array.from(v), (v) => Float64Array.from(v),
    ];
    for (const make of types) {
      expect(sameBytes(fed(new MeanIoU({ numClasses: 3 }), make(ids), make(predicted)).saveState(), reference)).toBe(true);
    }
    expect(fed(new MeanIoU({ numClasses: 2 }), [true, false], [true, true]).confusionMatrix()).toEqual([[0, 1], [0, 1]]);
  });

  test('empty and reset states give 0', () => {
    const metric = new MeanIoU({ numClasses: 3 });
    expect(metric.result()).toBe(0);
    metric.updateState([0, 1], [0, 1]);
    metric.updateState([], []);
    metric.resetState();
    expect(metric.result()).toBe(0);
  });
});

describe('BinaryIoU', () => {
  test('threshold 0.3: predictions [0.1, 0.2, 0.4, 0.7] are classes [0, 0, 1, 1]; cm [[1, 1], [1, 1]] gives 1/3', () => {
    expect(fed(new BinaryIoU({ threshold: 0.3 }), [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]).result()).toBeCloseTo(1 / 3, 6);
  });

  test('the threshold is inclusive: 0.4 >= 0.4 is class 1; with 0.41 it is class 0', () => {
    expect(fed(new BinaryIoU({ threshold: 0.4 }), [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]).confusionMatrix()).toEqual([[1, 1], [1, 1]]);
    // threshold 0.41: classes [0, 0, 0, 1]; cm [[2, 0], [1, 1]]: class 0 2/3, class 1 1/2.
    const metric = fed(new BinaryIoU({ threshold: 0.41 }), [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]);
    expect(metric.confusionMatrix()).toEqual([[2, 0], [1, 1]]);
    expect(metric.result()).toBeCloseTo((2 / 3 + 1 / 2) / 2, 6);
    expect(fed(new BinaryIoU({ threshold: 0.41, targetClassIds: [1] }), [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]).result()).toBeCloseTo(0.5, 6);
    // Compared in float32: 0.30000001 equals 0.3 there.
    expect(fed(new BinaryIoU({ threshold: 0.3 }), [1], [0.30000001]).confusionMatrix()).toEqual([[0, 0], [0, 1]]);
  });

  test('defaults, labels truncated under int, weights', () => {
    const metric = new BinaryIoU();
    expect(metric.threshold).toBe(0.5);
    expect(metric.targetClassIds).toEqual([0, 1]);
    expect(metric.name).toBe('binary_io_u');
    // Label 0.7 truncates to 0; weight 2.5 to 2.
    expect(fed(metric, [0.7, 1], [0.9, 0.9], [2.5, 1]).confusionMatrix()).toEqual([[0, 2], [0, 1]]);
    expect(fed(new BinaryIoU({ dtype: 'float32' }), [0, 1, 0, 1], [0.1, 0.2, 0.6, 0.7], [0.2, 0.3, 0.4, 0.1]).confusionMatrix())
      .toEqual([[0.2, 0.4], [0.3, 0.1]]);
  });
});

describe('one-hot inputs (argmax over the last axis)', () => {
  const oneHot = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 0, 0]];
  const scores = [[0.2, 0.3, 0.5], [0.1, 0.2, 0.7], [0.5, 0.3, 0.1], [0.1, 0.4, 0.5]];

  test('OneHotIoU: ids true [2, 0, 1, 0], predicted [2, 2, 0, 2]; class 0 scores 0, class 2 1/3', () => {
    const metric = fed(new OneHotIoU({ numClasses: 3, targetClassIds: [0, 2] }), oneHot, scores);
    expect(metric.confusionMatrix()).toEqual([[0, 0, 2], [1, 0, 0], [0, 0, 1]]);
    expect(metric.result()).toBeCloseTo((0 + 1 / 3) / 2, 6);
  });

  test('OneHotMeanIoU with sparse predictions, and IoU with sparseYTrue false, agree with it', () => {
    const sparse = fed(new OneHotMeanIoU({ numClasses: 3, sparseYPred: true }), oneHot, [2, 2, 0, 2]);
    const dense = fed(new OneHotMeanIoU({ numClasses: 3 }), oneHot, scores);
    const general = fed(new IoU({ numClasses: 3, targetClassIds: [0, 1, 2], sparseYTrue: false }), oneHot, [2, 2, 0, 2]);
    expect(sparse.confusionMatrix()).toEqual(dense.confusionMatrix());
    expect(general.confusionMatrix()).toEqual(dense.confusionMatrix());
    // Class 1 is present (a true 1 predicted 0) and scores 0: (0 + 0 + 1/3)/3.
    expect(dense.result()).toBeCloseTo(1 / 9, 6);
  });

  test('ties take the first index; an argmax beyond numClasses is dropped; ignoreClass applies to y_true', () => {
    expect(fed(new OneHotMeanIoU({ numClasses: 3 }), [[0, 1, 0]], [[0.4, 0.4, 0.2]]).confusionMatrix()).toEqual([[0, 0, 0], [1, 0, 0], [0, 0, 0]]);
    expect(fed(new OneHotMeanIoU({ numClasses: 2 }), [[0, 0, 1], [1, 0, 0]], [[0.1, 0.2, 0.7], [0.1, 0.2, 0.7]]).confusionMatrix())
      .toEqual([[0, 0], [0, 0]]);
    expect(fed(new OneHotMeanIoU({ numClasses: 3, ignoreClass: 2 }), oneHot, scores).confusionMatrix()).toEqual([[0, 0, 2], [1, 0, 0], [0, 0, 0]]);
  });

  test('batches longer than one chunk match a plain-JS argmax count', () => {
    const rows = 20_000, width = 4, classes = 3;
    const labels = Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => (c === (r * 7) % width ? 1 : 0)));
    const predictions = Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => ((r * 31 + c * 17) % 23) / 23));
    const weights = Array.from({ length: rows }, (_, r) => r % 3);
    const expected = new Array<number>(classes * classes).fill(0);
    labels.forEach((row, r) => {
      const t = argmax(row), p = argmax(predictions[r]!.map(f32));
      if (t < classes && p < classes) expected[t * classes + p]! += weights[r]!;
    });
    const metric = fed(new OneHotMeanIoU({ numClasses: classes }), labels, predictions, weights);
    expect(metric.confusionMatrix().flat()).toEqual(expected);
  });
});

describe('config and registry', () => {
  test('names, direction and getConfig follow each Keras class', () => {
    const iou = new IoU({ numClasses: 3, targetClassIds: [0, 2], ignoreClass: 255 });
    expect(iou.name).toBe('io_u');
    expect(iou.direction).toBe('up');
    expect(iou.getConfig()).toEqual({
      name: 'io_u', dtype: 'int', numClasses: 3, targetClassIds: [0, 2], ignoreClass: 255, sparseYTrue: true, sparseYPred: true, axis: -1,
    });
    expect(new MeanIoU({ numClasses: 2, dtype: 'float32' }).getConfig()).toEqual({
      name: 'mean_io_u', dtype: 'float32', numClasses: 2, ignoreClass: null, sparseYTrue: true, sparseYPred: true, axis: -1,
    });
    expect(new BinaryIoU({ targetClassIds: [1] }).getConfig()).toEqual({ name: 'binary_io_u', dtype: 'int', targetClassIds: [1], threshold: 0.5 });
    expect(new OneHotIoU({ numClasses: 3, targetClassIds: [1] }).getConfig()).toEqual({
      name: 'one_hot_io_u', dtype: 'int', numClasses: 3, targetClassIds: [1], ignoreClass: null, sparseYPred: false, axis: -1,
    });
    expect(new OneHotMeanIoU({ numClasses: 3 }).getConfig()).toEqual({
      name: 'one_hot_mean_io_u', dtype: 'int', numClasses: 3, ignoreClass: null, sparseYPred: false, axis: -1,
    });
    expect(new OneHotMeanIoU({ numClasses: 3 })).toBeInstanceOf(MeanIoU);
    expect(new BinaryIoU()).toBeInstanceOf(IoU);
  });

  test('the Keras JSON form round-trips; get() of a class with required options explains what is missing', () => {
    const metric = deserialize({ class_name: 'IoU', config: { num_classes: 3, target_class_ids: [1, 2], ignore_class: -1, sparse_y_pred: false } });
    expect(serialize(metric)).toEqual({
      class_name: 'IoU',
      config: { name: 'io_u', dtype: 'int', num_classes: 3, target_class_ids: [1, 2], ignore_class: -1, sparse_y_true: true, sparse_y_pred: false, axis: -1 },
    });
    const again = deserialize(serialize(metric));
    again.updateState([0, 1, 2], [[0.1, 0.8, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]]);
    expect(again.result()).toBeCloseTo((0.5 + 1) / 2, 6);
    expect(get('binary_io_u')).toBeInstanceOf(BinaryIoU);
    expectMetricError(() => get('mean_io_u'), 'INVALID_CONFIG', /numClasses/);
    expectMetricError(() => get('io_u'), 'INVALID_CONFIG', /numClasses/);
    expectMetricError(() => deserialize({ class_name: 'OneHotIoU', config: { num_classes: 3 } }), 'INVALID_CONFIG', /targetClassIds/);
  });

  test('invalid options', () => {
    const invalid: Array<() => unknown> = [
      () => new MeanIoU({ numClasses: 0 }), () => new MeanIoU({ numClasses: 2.5 }), () => new MeanIoU({} as never),
      () => new IoU({ numClasses: 2, targetClassIds: [2] }), () => new IoU({ numClasses: 2, targetClassIds: [] }),
      () => new IoU({ numClasses: 2, targetClassIds: [-1] }), () => new IoU({ numClasses: 2, targetClassIds: [0.5] }),
      () => new MeanIoU({ numClasses: 2, axis: 1 }), () => new MeanIoU({ numClasses: 2, axis: 0 }),
      () => new MeanIoU({ numClasses: 2, ignoreClass: 1.5 }), () => new MeanIoU({ numClasses: 2, sparseYTrue: 'yes' as never }),
      () => new MeanIoU({ numClasses: 2, dtype: 'float16' }), () => new MeanIoU({ numClasses: 2, dtype: 'uint8' }),
      () => new BinaryIoU({ targetClassIds: [2] }), () => new BinaryIoU({ threshold: NaN }), () => new BinaryIoU({ threshold: null as never }),
    ];
    for (const make of invalid) expectMetricError(make, 'INVALID_CONFIG');
    expectMetricError(() => new MeanIoU({ numClasses: 2, targetClassIds: [0] } as never), 'UNKNOWN_CONFIG_KEY', /targetClassIds/);
    expectMetricError(() => new OneHotIoU({ numClasses: 2, targetClassIds: [0], sparseYTrue: true } as never), 'UNKNOWN_CONFIG_KEY');
    expectMetricError(() => new BinaryIoU({ numClasses: 2 } as never), 'UNKNOWN_CONFIG_KEY');
    for (const dtype of ['int', 'int32', 'int64', 'float32', 'float64']) expect(new MeanIoU({ numClasses: 2, dtype }).dtype).toBe(dtype);
  });

  test('states merge and load only between equal configs', () => {
    const a = fed(new MeanIoU({ numClasses: 2 }), [0, 1], [0, 0]);
    const b = fed(new MeanIoU({ numClasses: 2 }), [1, 1], [1, 0]);
    a.mergeState(b);
    expect(a.confusionMatrix()).toEqual([[1, 0], [2, 1]]);
    const other = fed(new MeanIoU({ numClasses: 3 }), [0], [0]);
    expectRejected(a, () => a.mergeState(other), 'STATE_MISMATCH');
    expectRejected(a, () => a.loadState(new MeanIoU({ numClasses: 2, dtype: 'float32' }).saveState()), 'STATE_MISMATCH');
  });
});

describe('bad input leaves state unchanged', () => {
  const withData = (): MeanIoU => fed(new MeanIoU({ numClasses: 3, dtype: 'float32' }), [0, 1, 2], [0, 2, 2]);

  test('id counts must agree; scores need a class axis', () => {
    const metric = withData();
    expectRejected(metric, update(metric, [0, 1, 2], [0, 1]), 'SHAPE_MISMATCH', /3 class ids/);
    const oneHot = new OneHotMeanIoU({ numClasses: 3 });
    expectRejected(oneHot, update(oneHot, [[1, 0, 0]], [[0.1, 0.9, 0], [1, 0, 0]]), 'SHAPE_MISMATCH');
    expectRejected(oneHot, update(oneHot, 1, [[0.1, 0.9, 0]]), 'SHAPE_MISMATCH', /class axis/);
    expectRejected(oneHot, update(oneHot, { data: new Float32Array(0), shape: [2, 0] }, { data: new Float32Array(0), shape: [2, 0] }), 'SHAPE_MISMATCH');
  });

  test('weights: one per id or a single one', () => {
    const metric = withData();
    expectRejected(metric, update(metric, [0, 1, 2], [0, 1, 2], [1, 1]), 'WEIGHT_SHAPE');
    // Keras broadcasts the flattened weight over the flattened ids, so a per-row weight for (2, 2) ids does not fit.
    expectRejected(metric, update(metric, [[0, 1], [2, 0]], [[0, 1], [2, 0]], [1, 2]), 'WEIGHT_SHAPE');
    metric.updateState([0, 1, 2], [0, 1, 2], [2]);
    expect(metric.confusionMatrix()).toEqual([[3, 0, 0], [0, 2, 1], [0, 0, 3]]);
  });

  test('NaN and ±Infinity name the index in ids, scores and weights, also in a later chunk', () => {
    const metric = withData();
    for (const bad of [NaN, Infinity, -Infinity]) {
      expectRejected(metric, update(metric, [0, 1, 2], [0, bad, 2]), 'NON_FINITE', /y_pred\[1\]/);
      expectRejected(metric, update(metric, [0, bad, 2], [0, 1, 2]), 'NON_FINITE', /y_true\[1\]/);
      expectRejected(metric, update(metric, [0, 1, 2], [0, 1, 2], [1, 1, bad]), 'NON_FINITE', /sample_weight\[2\]/);
      expectRejected(metric, update(metric, [[0, 1], [2, 0]], [[0, 1], [2, 0]], [[1, 1], [bad, 1]]), 'NON_FINITE', /sample_weight\[1, 0\]/);
    }
    expectRejected(metric, update(metric, [0, 1, 2], [0, 1, 2], NaN), 'NON_FINITE', /sample_weight/);
    const oneHot = fed(new OneHotMeanIoU({ numClasses: 3 }), [[1, 0, 0]], [[0.9, 0.1, 0]]);
    expectRejected(oneHot, update(oneHot, [[1, 0, 0], [0, 1, 0]], [[0.9, 0.1, 0], [0.2, 0.3, NaN]]), 'NON_FINITE', /y_pred\[1, 2\]/);
    expectRejected(oneHot, update(oneHot, [[1, 0, 0], [0, Infinity, 0]], [[0.9, 0.1, 0], [0.2, 0.3, 0.5]]), 'NON_FINITE', /y_true\[1, 1\]/);
    const binary = new BinaryIoU();
    expectRejected(binary, update(binary, [0, 1], [0.2, NaN]), 'NON_FINITE', /y_pred\[1\]/);
    const n = 40_000;
    const ids = Array.from({ length: n }, (_, i) => i % 3);
    expectRejected(metric, update(metric, ids, ids.map((id, i) => (i === 39_000 ? NaN : id))), 'NON_FINITE', /y_pred\[39000\]/);
  });

  test("nonFinite: 'propagate' makes the result NaN", () => {
    const metric = fed(new MeanIoU({ numClasses: 2, nonFinite: 'propagate' }), [0, 1], [0, 1]);
    metric.updateState([0, 1], [NaN, 1]);
    expect(metric.result()).toBeNaN();
  });
});

// ---------------------------------------------------------------------------
// Properties against a plain-JS reference of Keras's update_state and result

function argmax(row: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
  return best;
}

type Dtype = 'int' | 'float32' | 'float64';

interface IoUCase {
  readonly numClasses: number;
  readonly dtype: Dtype;
  readonly ignoreClass: number | null;
  /** 'ids' or the width of one-hot / score rows. */
  readonly trueWidth: number | 'ids';
  readonly predWidth: number | 'ids';
  readonly samples: number;
  readonly yTrue: number[];
  readonly yPred: number[];
  readonly idType: 'f64' | 'f32' | 'i32';
  readonly weightMode: 'none' | 'dense' | 'scalar';
  readonly weights: number[];
}

/** A side's class id as Keras makes it, or undefined when the pair is dropped for this side. */
function referenceId(values: readonly number[], width: number | 'ids', sample: number, c: IoUCase, isTrue: boolean): number | undefined {
  let x: number;
  if (width === 'ids') {
    const raw = values[sample]!;
    x = c.dtype === 'int' ? Math.trunc(raw) : c.dtype === 'float32' ? f32(raw) : raw;
  } else {
    x = argmax(values.slice(sample * width, (sample + 1) * width).map(f32));
  }
  if (!(x >= 0 && x < c.numClasses)) return undefined;
  if (isTrue && c.ignoreClass !== null && x === c.ignoreClass) return undefined;
  return Math.trunc(x);
}

function referenceMatrix(c: IoUCase): number[] {
  const cm = new Array<number>(c.numClasses * c.numClasses).fill(0);
  const weightOf = (s: number): number => {
    const w = c.weightMode === 'none' ? 1 : c.weightMode === 'scalar' ? c.weights[0]! : c.weights[s]!;
    return c.dtype === 'int' ? Math.trunc(w) : w;
  };
  for (let s = 0; s < c.samples; s++) {
    const t = referenceId(c.yTrue, c.trueWidth, s, c, true), p = referenceId(c.yPred, c.predWidth, s, c, false);
    if (t !== undefined && p !== undefined) cm[t * c.numClasses + p]! += weightOf(s);
  }
  return cm;
}

function referenceResult(cm: readonly number[], numClasses: number): number {
  let total = 0, present = 0;
  for (let id = 0; id < numClasses; id++) {
    let predicted = 0, actual = 0;
    for (let k = 0; k < numClasses; k++) {
      predicted += cm[k * numClasses + id]!;
      actual += cm[id * numClasses + k]!;
    }
    const union = predicted + actual - cm[id * numClasses + id]!;
    if (union > 1e-9) {
      total += cm[id * numClasses + id]! / (union + 1e-7);
      present += 1;
    }
  }
  return total / (present + 1e-7);
}

const idValues = fc.constantFrom(0, 1, 2, 3, 0, 1, 2, -1, 4, 255, 0.5, 1.7, -0.5, 2.9999999, 1e10);
const integerIds = fc.constantFrom(0, 1, 2, 3, 0, 1, 2, -1, 4, 255);
const scoreValues = fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom(0, -0, 0.5, 0.5, 1));
// Dyadic weights (negative and fractional included): sums are exact, truncation is visible.
const weightValues = fc.constantFrom(0, 1, 1, 2, 3, 0.5, 1.5, -1, 2.75);

const iouCases: fc.Arbitrary<IoUCase> = fc.record({
  numClasses: fc.integer({ min: 1, max: 5 }),
  dtype: fc.constantFrom<Dtype>('int', 'float32', 'float64'),
  ignoreClass: fc.constantFrom<number | null>(null, null, 0, 1, 255, -1),
  trueWidth: fc.constantFrom<number | 'ids'>('ids', 'ids', 1, 3, 6),
  predWidth: fc.constantFrom<number | 'ids'>('ids', 'ids', 2, 4, 5, 9),
  samples: fc.integer({ min: 0, max: 40 }),
  idType: fc.constantFrom<'f64' | 'f32' | 'i32'>('f64', 'f32', 'i32'),
  weightMode: fc.constantFrom<'none' | 'dense' | 'scalar'>('none', 'dense', 'dense', 'scalar'),
}).chain((shape) => {
  const side = (width: number | 'ids'): fc.Arbitrary<number[]> => {
    const length = width === 'ids' ? shape.samples : shape.samples * width;
    const values = width !== 'ids' ? scoreValues : shape.idType === 'i32' ? integerIds : idValues;
    return fc.array(values, { minLength: length, maxLength: length });
  };
  const weightCount = shape.weightMode === 'dense' ? shape.samples : shape.weightMode === 'scalar' ? 1 : 0;
  return fc.record({
    yTrue: side(shape.trueWidth), yPred: side(shape.predWidth),
    weights: fc.array(weightValues, { minLength: weightCount, maxLength: weightCount }),
  }).map((values) => ({
    ...shape, ...values,
    // Float32Array ids hold float32 values; the reference reads the same values.
    ...(shape.idType === 'f32' ? { yTrue: shape.trueWidth === 'ids' ? values.yTrue.map(f32) : values.yTrue, yPred: shape.predWidth === 'ids' ? values.yPred.map(f32) : values.yPred } : {}),
  }));
});

function metricFor(c: IoUCase): IoU {
  return new IoU({
    numClasses: c.numClasses, targetClassIds: Array.from({ length: c.numClasses }, (_, id) => id), dtype: c.dtype,
    ignoreClass: c.ignoreClass, sparseYTrue: c.trueWidth === 'ids', sparseYPred: c.predWidth === 'ids',
  });
}

function sideInput(values: readonly number[], width: number | 'ids', from: number, to: number, idType: IoUCase['idType']): ArrayInput {
  if (width === 'ids') {
    const part = values.slice(from, to);
    return idType === 'i32' ? Int32Array.from(part) : idType === 'f32' ? Float32Array.from(part) : Float64Array.from(part);
  }
  return { data: Float64Array.from(values.slice(from * width, to * width)), shape: [to - from, width] };
}

function batchOf(c: IoUCase, from: number, to: number): Batch {
  const weight = c.weightMode === 'dense' ? Float64Array.from(c.weights.slice(from, to)) : c.weightMode === 'scalar' ? c.weights[0]! : undefined;
  return { yTrue: sideInput(c.yTrue, c.trueWidth, from, to, c.idType), yPred: sideInput(c.yPred, c.predWidth, from, to, c.idType), weight };
}

function batchesOf(c: IoUCase, cuts: readonly number[]): Batch[] {
  return cutRanges(c.samples, cuts).map(([from, to]) => batchOf(c, from, to));
}

const cutPositions = fc.array(fc.nat({ max: 100 }), { maxLength: 5 });

describe('properties', () => {
  test('the confusion matrix equals the plain-JS reference exactly, and the result its formula', () => {
    fc.assert(fc.property(iouCases, (c) => {
      const metric = feed(metricFor(c), [batchOf(c, 0, c.samples)]);
      const expected = referenceMatrix(c);
      expect(metric.confusionMatrix().flat()).toEqual(expected);
      expect(metric.result()).toBeCloseTo(referenceResult(expected, c.numClasses), 12);
    }), RUNS);
  });

  test('BinaryIoU equals the reference with predictions thresholded (>=, float32)', () => {
    const binary = fc.record({
      threshold: fc.constantFrom(0.5, 0.3, 0, 0.25),
      labels: fc.array(fc.constantFrom(0, 1, 1, 0.5, 2, -1), { maxLength: 30 }),
      dtype: fc.constantFrom<Dtype>('int', 'float32'),
    }).chain(({ threshold, labels, dtype }) => fc.record({
      threshold: fc.constant(threshold), labels: fc.constant(labels), dtype: fc.constant(dtype),
      scores: fc.array(fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constant(threshold)), { minLength: labels.length, maxLength: labels.length }),
    }));
    fc.assert(fc.property(binary, ({ threshold, labels, scores, dtype }) => {
      const c: IoUCase = {
        numClasses: 2, dtype, ignoreClass: null, trueWidth: 'ids', predWidth: 'ids', samples: labels.length,
        yTrue: labels, yPred: scores.map((s) => (f32(s) >= f32(threshold) ? 1 : 0)), idType: 'f64', weightMode: 'none', weights: [],
      };
      const metric = fed(new BinaryIoU({ threshold, dtype }), labels, scores);
      expect(metric.confusionMatrix().flat()).toEqual(referenceMatrix(c));
    }), RUNS);
  });

  test('any split into batches gives the one-batch matrix exactly', () => {
    fc.assert(fc.property(iouCases, cutPositions, (c, cuts) => {
      const whole = feed(metricFor(c), [batchOf(c, 0, c.samples)]);
      const split = feed(metricFor(c), batchesOf(c, cuts));
      expect(sameBytes(split.saveState(), whole.saveState())).toBe(true);
    }), RUNS);
  });

  test('merging shards equals one pass, also through saveState/loadState', () => {
    fc.assert(fc.property(iouCases, cutPositions, (c, cuts) => {
      const onePass = feed(metricFor(c), [batchOf(c, 0, c.samples)]);
      const shards = batchesOf(c, cuts).map((batch) => feed(metricFor(c), [batch]));
      const saved = shards.map((shard) => shard.saveState());
      const [first, ...rest] = shards;
      for (const shard of rest) first!.mergeState(shard);
      expect(first!.result()).toBe(onePass.result());
      const loaded = saved.map((bytes) => {
        const fresh = metricFor(c);
        fresh.loadState(bytes);
        return fresh;
      });
      const [target, ...others] = loaded;
      for (const other of others) target!.mergeState(other);
      expect(sameBytes(target!.saveState(), onePass.saveState())).toBe(true);
    }), RUNS);
  });

  test.skipIf(!bothKernelBuilds)('the SIMD and scalar kernel builds agree bit for bit', () => {
    fc.assert(fc.property(iouCases, (c) => {
      const batches = batchesOf(c, []);
      const scalar = withKernelBuild('scalar', () => feed(metricFor(c), batches));
      const simd = withKernelBuild('simd', () => feed(metricFor(c), batches));
      expect(sameBytes(scalar.saveState(), simd.saveState())).toBe(true);
    }), RUNS);
  });

  test('over several chunks (ids of every type, and 5-wide scores): SIMD = scalar = reference, splits change nothing', () => {
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 4294967296;
    };
    const samples = 40_003;
    const ids = (): number[] => Array.from({ length: samples }, () => Math.floor(random() * 12) - 1);
    const cases: IoUCase[] = (['i32', 'f64', 'f32'] as const).map((idType) => ({
      numClasses: 10, dtype: 'int', ignoreClass: 3, trueWidth: 'ids', predWidth: 'ids', samples,
      yTrue: ids(), yPred: ids(), idType, weightMode: idType === 'f64' ? 'dense' : 'none',
      weights: Array.from({ length: samples }, () => Math.floor(random() * 4)),
    }));
    cases.push({
      numClasses: 4, dtype: 'float32', ignoreClass: null, trueWidth: 'ids', predWidth: 5, samples,
      yTrue: ids(), yPred: Array.from({ length: samples * 5 }, () => random()), idType: 'f64', weightMode: 'none', weights: [],
    });
    for (const c of cases) {
      const simd = withKernelBuild('simd', () => feed(metricFor(c), batchesOf(c, [])));
      const split = feed(metricFor(c), batchesOf(c, [17_000, 5]));
      expect(sameBytes(split.saveState(), simd.saveState())).toBe(true);
      expect(simd.confusionMatrix().flat()).toEqual(referenceMatrix(c));
      if (!bothKernelBuilds) continue;
      const scalar = withKernelBuild('scalar', () => feed(metricFor(c), batchesOf(c, [])));
      expect(sameBytes(scalar.saveState(), simd.saveState())).toBe(true);
    }
  });
});
