// MetricCollection: one update for several metrics, deterministic log names,
// 'val_' prefixes, lookups that name the closest key, and all-or-nothing updates.
import { describe, expect, test } from 'vitest';
import { AUC, MetricCollection, MetricError, Precision, R2Score } from '../src/index.js';

const labels = [1, 0, 1, 1, 0, 0];
const scores = [0.9, 0.6, 0.4, 0.8, 0.2, 0.7];

describe('MetricCollection', () => {
  test('names follow the identifiers, duplicates get _1, _2 in order', () => {
    const collection = new MetricCollection(['auc', 'auc', new Precision(), 'mse', 'auc']);
    expect(collection.names).toEqual(['auc', 'auc_1', 'precision', 'mse', 'auc_2']);
    // Given by identifier, a metric is named after it, as Keras's compile() does.
    expect(collection.get('mse').name).toBe('mse');
  });

  test('one update feeds every metric; results and val_ logs are keyed by name', () => {
    const collection = new MetricCollection(['precision', 'recall', new AUC({ numThresholds: 3 })]);
    collection.updateState(labels, scores);
    // Above 0.5: 0.9 (1), 0.6 (0), 0.8 (1), 0.7 (0) -> precision 2/4; positives 3, found 2 -> recall 2/3.
    // AUC over thresholds [-1e-7, 0.5, 1+1e-7]: tpr (1, 2/3, 0), fpr (1, 2/3, 0) -> area 0.5.
    const expected = { precision: 0.5, recall: 2 / 3, auc: 0.5 };
    const result = collection.result();
    for (const [key, value] of Object.entries(expected)) expect(result[key]).toBeCloseTo(value, 12);
    expect(Object.keys(collection.logs('val_'))).toEqual(['val_precision', 'val_recall', 'val_auc']);
    expect(collection.logs('val_').val_recall).toBeCloseTo(2 / 3, 12);
  });

  test('a missing key lists the available ones and suggests the closest', () => {
    const collection = new MetricCollection(['auc', 'precision']);
    let error: unknown;
    try { collection.get('acu'); } catch (caught) { error = caught; }
    expect(error).toBeInstanceOf(MetricError);
    expect((error as MetricError).code).toBe('UNKNOWN_IDENTIFIER');
    expect((error as MetricError).message).toMatch(/Available: 'auc', 'precision'/);
    expect((error as MetricError).message).toMatch(/Did you mean 'auc'/);
  });

  test("'accuracy' becomes BinaryAccuracy for one output column, named as given", () => {
    const collection = new MetricCollection(['accuracy', 'acc']);
    expect(collection.metrics).toEqual([]);
    collection.updateState(labels.map((y) => [y]), scores.map((p) => [p]));
    // Matches at 0.5: 0.9→1 ✓, 0.6→0 ✗, 0.4→1 ✗, 0.8→1 ✓, 0.2→0 ✓, 0.7→0 ✗ -> 3/6.
    expect(collection.result()).toEqual({ accuracy: 0.5, acc: 0.5 });
    expect(collection.get('accuracy').className).toBe('BinaryAccuracy');
  });

  test("'crossentropy' picks the binary, sparse or categorical variant from the shapes", () => {
    const binary = new MetricCollection(['crossentropy']);
    binary.updateState([[1], [0]], [[0.8], [0.3]]);
    expect(binary.get('crossentropy').className).toBe('BinaryCrossentropy');
    // -(log 0.8 + log 0.7) / 2
    expect(binary.result().crossentropy).toBeCloseTo((-Math.log(0.8) - Math.log(0.7)) / 2, 6);
    const sparse = new MetricCollection(['ce']);
    sparse.updateState([1, 0], [[0.4, 0.6], [0.9, 0.1]]);
    expect(sparse.get('ce').className).toBe('SparseCategoricalCrossentropy');
    const categorical = new MetricCollection(['crossentropy']);
    categorical.updateState([[0, 1], [1, 0]], [[0.4, 0.6], [0.9, 0.1]]);
    expect(categorical.get('crossentropy').className).toBe('CategoricalCrossentropy');
    // Both give -(log 0.6 + log 0.9) / 2.
    for (const [collection, key] of [[sparse, 'ce'], [categorical, 'crossentropy']] as const) {
      expect(collection.result()[key]).toBeCloseTo((-Math.log(0.6) - Math.log(0.9)) / 2, 6);
    }
  });

  test('a batch one metric rejects leaves every metric as it was', () => {
    const collection = new MetricCollection(['precision', new R2Score()]);
    collection.updateState([[1], [0], [1]], [[0.9], [0.8], [0.3]]);
    const before = collection.metrics.map((metric) => metric.saveState().join(','));
    // Precision accepts a rank-3 batch; R2Score needs (samples, outputs) and rejects it.
    expect(() => collection.updateState([[[1, 0]]], [[[0.9, 0.2]]])).toThrow(MetricError);
    expect(collection.metrics.map((metric) => metric.saveState().join(','))).toEqual(before);
    expect(collection.result().precision).toBeCloseTo(0.5, 12);
  });

  test('a generated name that collides with an explicit one is rejected', () => {
    expect(() => new MetricCollection([new AUC({ name: 'auc_1' }), 'auc', 'auc'])).toThrow(/named 'auc_1'/);
  });

  test('resetState empties every metric', () => {
    const collection = new MetricCollection(['precision', 'recall']);
    collection.updateState(labels, scores);
    collection.resetState();
    expect(collection.result()).toEqual({ precision: 0, recall: 0 });
  });
});
