// Every accepted input form gives the same numbers, and Keras's shape and
// sample_weight rules apply. Expected values are derived by hand in comments.
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAccuracy, MeanAbsoluteError, MeanSquaredError, Precision, R2Score, Recall, RootMeanSquaredError,
  TruePositives, FalsePositives, type ArrayInput, type Metric,
} from '../src/index.js';
import { arena } from '../src/wasm/runtime.js';

function tensorLike(shape: number[], dtype: string, data: ArrayLike<number>): ArrayInput {
  return { shape, dtype, dataSync: () => data };
}

// Six samples; every prediction is exact in float32, so Float32Array changes nothing.
const labels = [1, 0, 1, 1, 0, 0];
const predictions = [0.75, 0.25, 0.375, 0.875, 0.625, 0.125];

const LABEL_FORMS: ReadonlyArray<readonly [string, ArrayInput]> = [
  ['number[]', labels],
  ['boolean[]', labels.map((l) => l === 1)],
  ['Float32Array', Float32Array.from(labels)],
  ['Float64Array', Float64Array.from(labels)],
  ['Int32Array', Int32Array.from(labels)],
  ['Uint8Array', Uint8Array.from(labels)],
  ['Int8Array', Int8Array.from(labels)],
  ['Uint16Array', Uint16Array.from(labels)],
  ['{ data: number[], shape }', { data: labels, shape: [6] }],
  ['{ data: boolean[], shape }', { data: labels.map((l) => l === 1), shape: [6] }],
  ['{ data: Uint8Array, shape: [6, 1] }', { data: Uint8Array.from(labels), shape: [6, 1] }],
  ['nested (6, 1)', labels.map((l) => [l])],
  ['tensor bool', tensorLike([6], 'bool', Uint8Array.from(labels))],
  ['tensor int32 with a plain array', tensorLike([6], 'int32', [...labels])],
];

const PREDICTION_FORMS: ReadonlyArray<readonly [string, ArrayInput]> = [
  ['number[]', predictions],
  ['Float32Array', Float32Array.from(predictions)],
  ['Float64Array', Float64Array.from(predictions)],
  ['{ data: Float64Array, shape }', { data: Float64Array.from(predictions), shape: [6] }],
  ['{ data: number[], shape: [6, 1] }', { data: predictions, shape: [6, 1] }],
  ['nested (6, 1)', predictions.map((p) => [p])],
  ['tensor float32', tensorLike([6], 'float32', Float32Array.from(predictions))],
];

// Predicted positive at 0.5: [1, 0, 0, 1, 1, 0] against labels [1, 0, 1, 1, 0, 0].
// Matches: samples 0, 1, 3, 5 -> 4/6. TP = {0, 3}, FP = {4}, FN = {2}.
// AUC: positives score 0.75, 0.375, 0.875; negatives 0.25, 0.625, 0.125. Pairs ranked
// correctly: 3 + 2 + 3 = 8 of 9. Every score lies in its own 1/199 bucket, so the
// interpolated 200-threshold ROC equals the rank statistic 8/9.
const BINARY_EXPECTATIONS: ReadonlyArray<readonly [string, () => Metric, number]> = [
  ['BinaryAccuracy', () => new BinaryAccuracy(), 4 / 6],
  ['Precision', () => new Precision(), 2 / 3],
  ['Recall', () => new Recall(), 2 / 3],
  ['TruePositives', () => new TruePositives(), 2],
  ['FalsePositives', () => new FalsePositives(), 1],
  ['AUC', () => new AUC(), 8 / 9],
];

describe.each(BINARY_EXPECTATIONS)('%s gives the same number for every input form', (_name, make, expected) => {
  test.each(LABEL_FORMS)('labels as %s', (_labelForm, yTrue) => {
    for (const [predictionForm, yPred] of PREDICTION_FORMS) {
      const metric = make();
      metric.updateState(yTrue, yPred);
      expect(metric.result() as number, `predictions as ${predictionForm}`).toBeCloseTo(expected, 14);
    }
  });
});

describe('regression metrics give the same number for every input form', () => {
  // Errors [[-0.5, 0], [1, -0.5]]: squares [[0.25, 0], [1, 0.25]], absolute [[0.5, 0], [1, 0.5]].
  // MSE = mean of row means (0.125, 0.625) = 0.375; MAE = mean of (0.25, 0.75) = 0.5;
  // RMSE = sqrt(1.5 / 4). R2 of the flattened targets [1, 2, 3, 4] against [1.5, 2, 2, 4.5]:
  // mean 2.5, SStot = 2.25 + 0.25 + 0.25 + 2.25 = 5, SSres = 1.5, R2 = 1 - 1.5/5 = 0.7.
  const targets = [[1, 2], [3, 4]];
  const estimates = [[1.5, 2], [2, 4.5]];
  const flatTargets = targets.flat(), flatEstimates = estimates.flat();
  const FORMS: ReadonlyArray<readonly [string, ArrayInput, ArrayInput]> = [
    ['nested arrays', targets, estimates],
    ['{ data: Float64Array, shape }', { data: Float64Array.from(flatTargets), shape: [2, 2] }, { data: Float64Array.from(flatEstimates), shape: [2, 2] }],
    ['{ data: Float32Array, shape }', { data: Float32Array.from(flatTargets), shape: [2, 2] }, { data: Float32Array.from(flatEstimates), shape: [2, 2] }],
    ['Int32Array targets with Float64Array predictions', { data: Int32Array.from(flatTargets), shape: [2, 2] }, { data: Float64Array.from(flatEstimates), shape: [2, 2] }],
    ['Float32Array targets with number[] predictions', { data: Float32Array.from(flatTargets), shape: [2, 2] }, { data: flatEstimates, shape: [2, 2] }],
    ['tensors', tensorLike([2, 2], 'int32', Int32Array.from(flatTargets)), tensorLike([2, 2], 'float32', Float32Array.from(flatEstimates))],
  ];

  test.each(FORMS)('%s', (_form, yTrue, yPred) => {
    const expectations: Array<[Metric, number]> = [
      [new MeanSquaredError(), 0.375],
      [new MeanAbsoluteError(), 0.5],
      [new RootMeanSquaredError(), Math.sqrt(0.375)],
    ];
    for (const [metric, expected] of expectations) {
      metric.updateState(yTrue, yPred);
      expect(metric.result() as number, metric.name).toBeCloseTo(expected, 14);
    }
  });

  test.each([
    ['number[]', flatTargets, flatEstimates],
    ['Float32Array', Float32Array.from(flatTargets), Float32Array.from(flatEstimates)],
    ['(4, 1) columns', flatTargets.map((y) => [y]), { data: flatEstimates, shape: [4, 1] }],
    ['(4,) targets with (4, 1) predictions', flatTargets, flatEstimates.map((p) => [p])],
  ] as const)('R2Score with %s', (_form, yTrue, yPred) => {
    const r2 = new R2Score();
    r2.updateState(yTrue as ArrayInput, yPred as ArrayInput);
    expect(r2.result() as number).toBeCloseTo(0.7, 14);
  });
});

describe('a real TF.js tensor', () => {
  test('is read through shape, dtype and dataSync', async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    const yTrue = tf.tensor1d(labels.map((l) => l === 1), 'bool');
    const yPred = tf.tensor2d(predictions, [6, 1], 'float32');
    const precision = new Precision();
    precision.updateState(yTrue as unknown as ArrayInput, yPred as unknown as ArrayInput);
    expect(precision.result()).toBeCloseTo(2 / 3, 14);
    const auc = new AUC();
    auc.updateState(yTrue as unknown as ArrayInput, yPred as unknown as ArrayInput);
    expect(auc.result()).toBeCloseTo(8 / 9, 14);
    tf.dispose([yTrue, yPred]);
  });
});

describe('Keras shape rules', () => {
  test('y_true (n,) with y_pred (n, 1) is expanded: MSE then has one sample per row', () => {
    // Batch A: targets [1, 2, 3], predictions 1 -> squared errors [0, 1, 4], three samples.
    // Batch B: targets [0, 0], predictions 2 -> [4, 4], two samples.
    // Per-row samples: (0 + 1 + 4 + 4 + 4) / 5 = 2.6.
    const expanded = new MeanSquaredError();
    expanded.updateState([1, 2, 3], [[1], [1], [1]]);
    expanded.updateState([0, 0], [[2], [2]]);
    expect(expanded.result()).toBeCloseTo(2.6, 14);
    // (n, 1) labels with (n,) predictions align the same way.
    const reversed = new MeanSquaredError();
    reversed.updateState([[1], [2], [3]], [1, 1, 1]);
    reversed.updateState([[0], [0]], [2, 2]);
    expect(reversed.result()).toBeCloseTo(2.6, 14);
    // Both rank 1: each batch is one sample, (5/3 + 4) / 2.
    const rank1 = new MeanSquaredError();
    rank1.updateState([1, 2, 3], [1, 1, 1]);
    rank1.updateState([0, 0], [2, 2]);
    expect(rank1.result()).toBeCloseTo((5 / 3 + 4) / 2, 14);
  });

  // Two rows of three: predicted positive at 0.5 is [[1, 0, 0], [1, 1, 1]].
  // Matches against the labels: row 0 [1, 1, 0] (2/3), row 1 [0, 0, 1] (1/3).
  // Positive predictions on positive labels: (0, 0) and (1, 2); on negative labels: (1, 0) and (1, 1).
  const rowLabels = [[1, 0, 1], [0, 0, 1]];
  const rowPredictions = [[0.75, 0.25, 0.25], [0.75, 0.625, 0.875]];

  test('y_true (n, k, 1) with y_pred (n, k) is squeezed', () => {
    const squeezed = new BinaryAccuracy();
    squeezed.updateState(rowLabels.map((row) => row.map((l) => [l])), rowPredictions);
    expect(squeezed.result()).toBeCloseTo(0.5, 14);
    const tp = new TruePositives();
    tp.updateState(rowLabels.map((row) => row.map((l) => [l])), rowPredictions);
    expect(tp.result()).toBe(2);
  });

  test('sample_weight (n,) on (n, k) weighs rows', () => {
    // Row weights [2, 3]: TP = 2 + 3 = 5, FP = 3 + 3 = 6; accuracy (2·2/3 + 3·1/3) / 5 = 7/15.
    const tp = new TruePositives(), fp = new FalsePositives(), accuracy = new BinaryAccuracy();
    for (const metric of [tp, fp, accuracy]) metric.updateState(rowLabels, rowPredictions, [2, 3]);
    expect(tp.result()).toBe(5);
    expect(fp.result()).toBe(6);
    expect(accuracy.result()).toBeCloseTo(7 / 15, 14);
    // (n, 1) weights are the same rows.
    const column = new TruePositives();
    column.updateState(rowLabels, rowPredictions, [[2], [3]]);
    expect(column.result()).toBe(5);
  });

  test('sample_weight (1, k) weighs columns', () => {
    // Column weights [1, 2, 10]: TP = 1 + 10 = 11, FP = 1 + 2 = 3.
    // Accuracy: matched weight 1 + 2 + 10 = 13 of 2·13 = 26 -> 0.5.
    const tp = new TruePositives(), fp = new FalsePositives(), accuracy = new BinaryAccuracy();
    for (const metric of [tp, fp, accuracy]) metric.updateState(rowLabels, rowPredictions, [[1, 2, 10]]);
    expect(tp.result()).toBe(11);
    expect(fp.result()).toBe(3);
    expect(accuracy.result()).toBeCloseTo(0.5, 14);
  });

  test('a scalar sample_weight weighs every element of a confusion count', () => {
    // Unweighted TP = 2 and FP = 2; a weight of 2.5 gives 5 and 5.
    for (const weight of [2.5, { data: [2.5], shape: [] }, tensorLike([], 'float32', [2.5])] as ArrayInput[]) {
      const tp = new TruePositives(), fp = new FalsePositives();
      tp.updateState(rowLabels, rowPredictions, weight);
      fp.updateState(rowLabels, rowPredictions, weight);
      expect(tp.result()).toBe(5);
      expect(fp.result()).toBe(5);
    }
  });

  test('MSE with (n,) weights on (n, k) weighs per-row means', () => {
    // Row MSEs 0.125 and 0.625 with weights [3, 1]: (0.375 + 0.625) / 4 = 0.25.
    const mse = new MeanSquaredError();
    mse.updateState([[1, 2], [3, 4]], [[1.5, 2], [2, 4.5]], [3, 1]);
    expect(mse.result()).toBeCloseTo(0.25, 14);
  });
});

describe('a rank-0 sample_weight collapses a Mean-style batch into one sample', () => {
  test('BinaryAccuracy: (2·accA + nB·accB) / (2 + nB)', () => {
    // Batch A (the two rows above) has per-sample accuracies 2/3 and 1/3, mean 1/2;
    // with scalar weight 2 it is one sample: total 2·(1/2) = 1, count 2.
    // Batch B: predictions [0.75, 0.25, 0.75, 0.25, 0.25] -> [1, 0, 1, 0, 0]; labels [1, 0, 0, 0, 1]:
    // matches [1, 1, 0, 1, 0] = 3 of 5 samples: total 3, count 5.
    // Result (1 + 3) / (2 + 5) = 4/7.
    for (const scalar of [2, { data: [2], shape: [] }, tensorLike([], 'float32', Float32Array.of(2))] as ArrayInput[]) {
      const accuracy = new BinaryAccuracy();
      accuracy.updateState([[1, 0, 1], [0, 0, 1]], [[0.75, 0.25, 0.25], [0.75, 0.625, 0.875]], scalar);
      accuracy.updateState([1, 0, 0, 0, 1], [0.75, 0.25, 0.75, 0.25, 0.25]);
      expect(accuracy.result()).toBeCloseTo(4 / 7, 14);
    }
  });

  test('RootMeanSquaredError: the batch mean square counts once with weight 2', () => {
    // Batch A: squared errors [1, 0, 4, 0], mean 5/4, scalar weight 2 -> total 2.5, count 2.
    // Batch B: squared errors [1, 9], unweighted -> total 10, count 2.
    // RMSE = sqrt((2.5 + 10) / (2 + 2)) = sqrt(3.125).
    const rmse = new RootMeanSquaredError();
    rmse.updateState([1, 2, 3, 4], [2, 2, 5, 4], 2);
    rmse.updateState([0, 0], [1, 3]);
    expect(rmse.result()).toBeCloseTo(Math.sqrt(3.125), 14);
  });

  test('a weight of shape (1,) is not a scalar: it broadcasts to every sample', () => {
    // Batch A: four samples of weight 2 -> total 2·5 = 10, count 8; batch B as above.
    // RMSE = sqrt((10 + 10) / (8 + 2)) = sqrt(2).
    const rmse = new RootMeanSquaredError();
    rmse.updateState([1, 2, 3, 4], [2, 2, 5, 4], [2]);
    rmse.updateState([0, 0], [1, 3]);
    expect(rmse.result()).toBeCloseTo(Math.SQRT2, 14);
  });
});

describe('long rank-1 batches stream through the fixed-size arena', () => {
  const n = 100_000;

  test('RMSE keeps the arena at its size', () => {
    const before = arena().capacity;
    const rmse = new RootMeanSquaredError();
    rmse.updateState(new Float64Array(n), new Float64Array(n).fill(2));
    expect(rmse.result()).toBe(2);
    expect(arena().capacity).toBe(before);
  });

  test('MSE of a rank-1 batch does not grow the arena to the batch length', () => {
    // A rank-1 MSE batch is one sample, yet its sum of squared errors needs no row-sized
    // buffer (its weight can only be a scalar). The arena grows with row length, never with
    // the number of samples; here the whole batch is taken as one row.
    const before = arena().capacity;
    const mse = new MeanSquaredError();
    mse.updateState(new Float64Array(n), new Float64Array(n).fill(2));
    expect(mse.result()).toBe(4);
    expect(arena().capacity).toBe(before);
  });
});
