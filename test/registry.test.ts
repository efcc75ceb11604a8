// String identifiers, aliases and the Keras { class_name, config } JSON form.
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAccuracy, FalseNegatives, FalsePositives, MeanAbsoluteError, MeanSquaredError, Precision, R2Score, Recall,
  RootMeanSquaredError, TrueNegatives, TruePositives, deserialize, get, identifiers, serialize,
  type ArrayInput, type Metric,
} from '../src/index.js';

describe('get', () => {
  test.each([
    ['auc', AUC, 'auc'],
    ['AUC', AUC, 'auc'],
    ['mse', MeanSquaredError, 'mean_squared_error'],
    ['MSE', MeanSquaredError, 'mean_squared_error'],
    ['mean_squared_error', MeanSquaredError, 'mean_squared_error'],
    ['mae', MeanAbsoluteError, 'mean_absolute_error'],
    ['MAE', MeanAbsoluteError, 'mean_absolute_error'],
    ['root_mean_squared_error', RootMeanSquaredError, 'root_mean_squared_error'],
    ['r2_score', R2Score, 'r2_score'],
    ['R2Score', R2Score, 'r2_score'],
    ['binary_accuracy', BinaryAccuracy, 'binary_accuracy'],
    ['BinaryAccuracy', BinaryAccuracy, 'binary_accuracy'],
    ['true_positives', TruePositives, 'true_positives'],
    ['false_positives', FalsePositives, 'false_positives'],
    ['true_negatives', TrueNegatives, 'true_negatives'],
    ['false_negatives', FalseNegatives, 'false_negatives'],
    ['precision', Precision, 'precision'],
    ['recall', Recall, 'recall'],
  ] as const)("get('%s') is a default %s named %s", (identifier, MetricClass, name) => {
    const metric = get(identifier);
    expect(metric).toBeInstanceOf(MetricClass);
    expect(metric.name).toBe(name);
    expect(metric.getConfig()).toEqual(new MetricClass().getConfig());
  });

  test('every call builds a new metric', () => {
    const first = get('auc'), second = get('auc');
    expect(first).not.toBe(second);
    first.updateState([1, 0], [0.9, 0.1]);
    expect(second.result()).toBe(0);
  });

  test('a metric is returned as is, and a { class_name, config } object is deserialized', () => {
    const auc = new AUC();
    expect(get(auc)).toBe(auc);
    const precision = get({ class_name: 'Precision', config: { thresholds: 0.7 } });
    expect(precision).toBeInstanceOf(Precision);
    expect((precision as Precision).thresholds).toEqual([0.7]);
  });

  test('identifiers() lists the Keras names and aliases', () => {
    const known = identifiers();
    for (const name of ['auc', 'AUC', 'mse', 'MSE', 'mae', 'MAE', 'r2_score', 'binary_accuracy', 'true_positives', 'Precision', 'recall']) {
      expect(known).toContain(name);
    }
  });
});

// Non-default configs of every class, each with data it accepts.
const binaryBatch: readonly [ArrayInput, ArrayInput, ArrayInput] = [[1, 0, 1, 1, 0, 0], [0.9, 0.2, 0.45, 0.7, 0.6, 0.05], [1, 2, 1, 0, 1, 0.5]];
const rowBatch: readonly [ArrayInput, ArrayInput, ArrayInput] = [[[1, 0, 1], [0, 1, 0], [1, 1, 0]], [[0.8, 0.1, 0.6], [0.3, 0.7, 0.2], [0.55, 0.9, 0.4]], [1, 0.5, 2]];
const regressionBatch: readonly [ArrayInput, ArrayInput, ArrayInput] = [[[1.5, -2], [0.5, 3], [2, -1]], [[1.2, -1.5], [0.9, 2], [2.4, -0.5]], [1, 2, 0.5]];

const NON_DEFAULT: ReadonlyArray<readonly [string, () => Metric, readonly [ArrayInput, ArrayInput, ArrayInput]]> = [
  ['AUC', () => new AUC({ numThresholds: 50, curve: 'PR', summationMethod: 'minoring', name: 'val_auc', dtype: 'float64' }), binaryBatch],
  ['AUC with thresholds', () => new AUC({ thresholds: [0.6, 0.2, 0.4], curve: 'PRGAIN', fromLogits: true }), binaryBatch],
  ['AUC multi-label', () => new AUC({ multiLabel: true, numLabels: 3, labelWeights: [1, 0.5, 2], summationMethod: 'majoring' }), rowBatch],
  ['BinaryAccuracy', () => new BinaryAccuracy({ threshold: 0.3, name: 'acc' }), binaryBatch],
  ['TruePositives', () => new TruePositives({ thresholds: [0.25, 0.5, 0.75] }), binaryBatch],
  ['FalsePositives', () => new FalsePositives({ thresholds: 0.4 }), binaryBatch],
  ['TrueNegatives', () => new TrueNegatives({ thresholds: [0.1, 0.9] }), binaryBatch],
  ['FalseNegatives', () => new FalseNegatives({ thresholds: 0.65, nonFinite: 'propagate' }), binaryBatch],
  ['Precision', () => new Precision({ thresholds: [0.3, 0.6], topK: 2, classId: 1 }), rowBatch],
  ['Recall', () => new Recall({ topK: 1 }), rowBatch],
  ['MeanSquaredError', () => new MeanSquaredError({ name: 'val_mse' }), regressionBatch],
  ['MeanAbsoluteError', () => new MeanAbsoluteError({ dtype: 'float64' }), regressionBatch],
  ['RootMeanSquaredError', () => new RootMeanSquaredError({ name: 'rmse' }), regressionBatch],
  ['R2Score', () => new R2Score({ classAggregation: 'variance_weighted_average', numRegressors: 1 }), regressionBatch],
];

describe('serialize and deserialize', () => {
  test.each(NON_DEFAULT)('%s: a JSON round trip keeps the config and the results', (_name, make, [yTrue, yPred, weight]) => {
    const original = make();
    const revived = deserialize(JSON.parse(JSON.stringify(serialize(original))) as ReturnType<typeof serialize>);
    expect(revived.constructor).toBe(original.constructor);
    expect(revived.getConfig()).toEqual(original.getConfig());
    expect(revived.name).toBe(original.name);
    original.updateState(yTrue, yPred, weight);
    revived.updateState(yTrue, yPred, weight);
    expect(revived.result()).toEqual(original.result());
    // States of the two are interchangeable.
    revived.loadState(original.saveState());
    revived.mergeState(original);
  });

  test.each(NON_DEFAULT)('%s: keys are Keras snake_case and include name and dtype', (_name, make) => {
    const { class_name: className, config } = serialize(make());
    expect(className).toBe(make().className);
    for (const key of Object.keys(config)) expect(key).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    expect(config).toHaveProperty('name');
    expect(config).toHaveProperty('dtype');
  });

  test('AUC uses the Keras keys and values', () => {
    const { class_name: className, config } = serialize(new AUC({ numThresholds: 50, curve: 'PR', summationMethod: 'minoring', name: 'val_auc' }));
    expect(className).toBe('AUC');
    expect(config).toMatchObject({
      name: 'val_auc', dtype: 'float32', num_thresholds: 50, curve: 'PR', summation_method: 'minoring',
      multi_label: false, num_labels: null, label_weights: null, from_logits: false,
    });
    expect(config).not.toHaveProperty('thresholds');
  });

  test('AUC with explicit thresholds stores them sorted, without the epsilon endpoints', () => {
    // Keras: num_thresholds = len(thresholds) + 2, and get_config holds thresholds[1:-1].
    const { config } = serialize(new AUC({ thresholds: [0.6, 0.2, 0.4] }));
    expect(config).toMatchObject({ num_thresholds: 5, thresholds: [0.2, 0.4, 0.6] });
  });

  test('multi-label AUC keeps num_labels and label_weights', () => {
    const { config } = serialize(new AUC({ multiLabel: true, numLabels: 3, labelWeights: [1, 0.5, 2], fromLogits: true }));
    expect(config).toMatchObject({ multi_label: true, num_labels: 3, label_weights: [1, 0.5, 2], from_logits: true });
  });

  test('Precision and Recall use thresholds, top_k and class_id', () => {
    expect(serialize(new Precision({ thresholds: [0.3, 0.6], topK: 2, classId: 1 })).config)
      .toMatchObject({ name: 'precision', dtype: 'float32', thresholds: [0.3, 0.6], top_k: 2, class_id: 1 });
    expect(serialize(new Recall()).config).toMatchObject({ name: 'recall', thresholds: null, top_k: null, class_id: null });
  });

  test('the other classes use their Keras keys', () => {
    expect(serialize(new BinaryAccuracy({ threshold: 0.3 })).config).toEqual({ name: 'binary_accuracy', dtype: 'float32', threshold: 0.3 });
    expect(serialize(new TruePositives({ thresholds: [0.2, 0.8] })).config).toEqual({ name: 'true_positives', dtype: 'float32', thresholds: [0.2, 0.8] });
    expect(serialize(new R2Score({ classAggregation: null, numRegressors: 2 })).config)
      .toEqual({ name: 'r2_score', dtype: 'float32', class_aggregation: null, num_regressors: 2 });
    expect(serialize(new MeanSquaredError())).toEqual({ class_name: 'MeanSquaredError', config: { name: 'mean_squared_error', dtype: 'float32' } });
  });

  test('a config written by Keras 3 deserializes', () => {
    const kerasJson = {
      module: 'keras.metrics', class_name: 'AUC', registered_name: null,
      config: {
        name: 'auc', dtype: 'float32', num_thresholds: 200, curve: 'ROC', summation_method: 'interpolation',
        multi_label: false, num_labels: null, label_weights: null, from_logits: false,
      },
    };
    const auc = deserialize(kerasJson) as AUC;
    expect(auc).toBeInstanceOf(AUC);
    expect(auc.getConfig()).toEqual(new AUC().getConfig());
    const precision = deserialize({ class_name: 'Precision', config: { name: 'precision', dtype: 'float32', thresholds: null, top_k: null, class_id: null } });
    expect(precision.getConfig()).toEqual(new Precision().getConfig());
  });
});
