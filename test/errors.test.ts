// Bad input, config and state: every rejection is a MetricError with a stable
// code, and a rejected update, load or merge leaves the saved state byte-identical.
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAccuracy, FalseNegatives, MeanAbsoluteError, MeanSquaredError, Precision, R2Score, Recall,
  RootMeanSquaredError, TruePositives, deserialize, get, STATE_FORMAT_VERSION,
  type ArrayInput, type Metric,
} from '../src/index.js';
import { expectMetricError, expectRejected, update } from './support/errors.js';

// Metrics fed flat batches, each already holding one batch of data. MSE and MAE
// reduce the last axis, so a rank-1 batch would be one sample: they get (n, 1) columns.
interface FlatCase {
  readonly make: () => Metric;
  readonly column?: boolean;
}

const FLAT_METRICS: ReadonlyArray<readonly [string, FlatCase]> = [
  ['BinaryAccuracy', { make: () => new BinaryAccuracy() }],
  ['AUC', { make: () => new AUC() }],
  ['AUC with explicit thresholds', { make: () => new AUC({ thresholds: [0.2, 0.45, 0.7] }) }],
  ['Precision', { make: () => new Precision({ thresholds: [0.3, 0.6] }) }],
  ['Recall', { make: () => new Recall() }],
  ['TruePositives', { make: () => new TruePositives() }],
  ['FalseNegatives', { make: () => new FalseNegatives({ thresholds: [0, 0.5, 1] }) }],
  ['MeanSquaredError', { make: () => new MeanSquaredError(), column: true }],
  ['MeanAbsoluteError', { make: () => new MeanAbsoluteError(), column: true }],
  ['RootMeanSquaredError', { make: () => new RootMeanSquaredError() }],
  ['R2Score', { make: () => new R2Score() }],
];

/** Flat values as this case's input: rank 1, or an (n, 1) column. */
function flatInput(flatCase: FlatCase, values: ArrayLike<number>): ArrayInput {
  return flatCase.column ? { data: Float64Array.from(values), shape: [values.length, 1] } : Float64Array.from(values);
}

/** A metric fed one rank-1 batch. */
function fed<M extends Metric>(metric: M): M {
  metric.updateState([1, 0, 1, 1, 0], [0.9, 0.2, 0.4, 0.7, 0.6], [1, 2, 1, 0, 1]);
  return metric;
}

function withData(flatCase: FlatCase): Metric {
  const metric = flatCase.make();
  metric.updateState(flatInput(flatCase, [1, 0, 1, 1, 0]), flatInput(flatCase, [0.9, 0.2, 0.4, 0.7, 0.6]), [1, 2, 1, 0, 1]);
  return metric;
}

// Metrics fed (rows, 3) batches, each already holding one batch.
const RANK_2_METRICS: ReadonlyArray<readonly [string, () => Metric]> = [
  ['BinaryAccuracy', () => new BinaryAccuracy()],
  ['AUC', () => new AUC()],
  ['AUC multiLabel', () => new AUC({ multiLabel: true })],
  ['Precision classId 2', () => new Precision({ classId: 2 })],
  ['Recall topK 1', () => new Recall({ topK: 1 })],
  ['MeanSquaredError', () => new MeanSquaredError()],
  ['R2Score 3 outputs', () => new R2Score()],
];

function withRowData(make: () => Metric): Metric {
  const metric = make();
  metric.updateState([[1, 0, 1], [0, 1, 0]], [[0.8, 0.1, 0.6], [0.3, 0.7, 0.2]]);
  return metric;
}

const grid3 = (rows: number, value: (r: number, c: number) => number): number[][] =>
  Array.from({ length: rows }, (_, r) => Array.from({ length: 3 }, (_, c) => value(r, c)));

describe.each(FLAT_METRICS)('%s rejects bad flat batches without changing state', (_name, flatCase) => {
  const input = (values: ArrayLike<number>): ArrayInput => flatInput(flatCase, values);
  const labels = [1, 0, 1, 0, 1];
  const predictions = [0.1, 0.2, 0.3, 0.4, 0.5];
  const withBad = (values: readonly number[], bad: number): number[] => values.map((v, i) => (i === 3 ? bad : v));

  test('length mismatch', () => {
    const metric = withData(flatCase);
    expectRejected(metric, update(metric, input([1, 0, 1]), input([0.1, 0.2])), 'SHAPE_MISMATCH');
  });

  test('NaN and ±Infinity in y_pred, y_true and sample_weight name the index', () => {
    const metric = withData(flatCase);
    for (const bad of [NaN, Infinity, -Infinity]) {
      // (n, 1) columns, and R2Score's reading of rank 1 as (n, 1), add a trailing ", 0" to the index.
      expectRejected(metric, update(metric, input(labels), input(withBad(predictions, bad))), 'NON_FINITE', /y_pred\[3(, 0)?\]/);
      expectRejected(metric, update(metric, input(withBad(labels, bad)), input(predictions)), 'NON_FINITE', /y_true\[3(, 0)?\]/);
      expectRejected(metric, update(metric, input(labels), input(predictions), withBad([1, 1, 1, 1, 1], bad)), 'NON_FINITE', /sample_weight(\[3(, 0)?\]| of row 3)/);
    }
    expectRejected(metric, update(metric, input(labels), input(predictions), NaN), 'NON_FINITE', /sample_weight/);
  });

  test('a NaN in a later chunk (index 20000) still leaves state unchanged', () => {
    const metric = withData(flatCase);
    const n = 20_003;
    const longLabels = Array.from({ length: n }, (_, i) => i % 2);
    const longPredictions = Array.from({ length: n }, (_, i) => (i % 7) / 7);
    const ones = new Array<number>(n).fill(1);
    const withNaN = (values: readonly number[]): number[] => values.map((v, i) => (i === 20_000 ? NaN : v));
    expectRejected(metric, update(metric, input(longLabels), input(withNaN(longPredictions))), 'NON_FINITE', /y_pred\[20000/);
    expectRejected(metric, update(metric, input(withNaN(longLabels)), input(longPredictions)), 'NON_FINITE', /y_true\[20000/);
    expectRejected(metric, update(metric, input(longLabels), input(longPredictions), withNaN(ones)), 'NON_FINITE', /sample_weight(\[20000| of row 20000)/);
  });

  test('wrong sample_weight length', () => {
    const metric = withData(flatCase);
    expectRejected(metric, update(metric, input(labels), input(predictions), [1, 1, 1]), 'WEIGHT_SHAPE');
    expectRejected(metric, update(metric, input(labels), input(predictions), [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]]), 'WEIGHT_SHAPE');
  });

  test('values that are not numeric arrays', () => {
    const metric = withData(flatCase);
    const invalid: unknown[] = [
      'abc', ['a', 'b', 'c', 'd', 'e'], null, undefined, {}, { foo: 1 }, [1, null, 1, 0, 1], [[1, 2], [3]],
      new BigInt64Array(5), new BigUint64Array(5), Symbol('x'), () => 1,
    ];
    for (const value of invalid) {
      expectRejected(metric, update(metric, value, input(predictions)), 'INVALID_INPUT');
      expectRejected(metric, update(metric, input(labels), value), 'INVALID_INPUT');
    }
    expectRejected(metric, update(metric, input(labels), input(predictions), 'heavy'), 'INVALID_INPUT');
    expectRejected(metric, update(metric, input(labels), input(predictions), [1, 'x', 1, 1, 1]), 'INVALID_INPUT');
    expectRejected(metric, update(metric, input(labels), { shape: [5], dtype: 'string', dataSync: () => ['a'] }), 'INVALID_INPUT');
  });

  test('a fresh metric stays fresh after a rejected first batch', () => {
    const metric = flatCase.make();
    expectRejected(metric, update(metric, input(labels), input([0.1, NaN, 0.3, 0.4, 0.5])), 'NON_FINITE', /y_pred\[1(, 0)?\]/);
    expectRejected(metric, update(metric, input(labels), input([0.1, 0.2])), 'SHAPE_MISMATCH');
  });
});

describe.each(RANK_2_METRICS)('%s rejects bad (rows, 3) batches without changing state', (_name, make) => {
  const labels = grid3(3, (r, c) => (r + c) % 2);
  const predictions = grid3(3, (r, c) => (r * 3 + c) / 10);

  test('shape mismatch', () => {
    const metric = withRowData(make);
    expectRejected(metric, update(metric, labels, predictions.map((row) => row.slice(0, 2))), 'SHAPE_MISMATCH');
    expectRejected(metric, update(metric, labels.slice(0, 2), predictions), 'SHAPE_MISMATCH');
  });

  test('non-finite values name the two-dimensional index', () => {
    const metric = withRowData(make);
    const withBad = (values: number[][], bad: number): number[][] => values.map((row, r) => row.map((v, c) => (r === 1 && c === 2 ? bad : v)));
    expectRejected(metric, update(metric, labels, withBad(predictions, NaN)), 'NON_FINITE', /y_pred\[1, 2\]/);
    expectRejected(metric, update(metric, withBad(labels, Infinity), predictions), 'NON_FINITE', /y_true\[1, 2\]/);
  });

  test('non-finite weights: per element names [row, column], per row names the row', () => {
    const metric = withRowData(make);
    const weights = grid3(3, (r, c) => (r === 1 && c === 2 ? -Infinity : 1));
    // MSE weighs samples, so only per-row weights apply to it.
    if (!(metric instanceof MeanSquaredError)) {
      expectRejected(metric, update(metric, labels, predictions, weights), 'NON_FINITE', /sample_weight\[1, 2\]/);
    }
    expectRejected(metric, update(metric, labels, predictions, [1, NaN, 1]), 'NON_FINITE', /sample_weight.*\b1\b/);
  });

  test('a sample_weight that cannot broadcast', () => {
    const metric = withRowData(make);
    expectRejected(metric, update(metric, labels, predictions, [1, 1]), 'WEIGHT_SHAPE');
    expectRejected(metric, update(metric, labels, predictions, [[1, 1], [1, 1], [1, 1]]), 'WEIGHT_SHAPE');
  });

  test('ragged nested arrays', () => {
    const metric = withRowData(make);
    expectRejected(metric, update(metric, labels, [[0.1, 0.2, 0.3], [0.4, 0.5], [0.6, 0.7, 0.8]]), 'INVALID_INPUT');
    expectRejected(metric, update(metric, [[1, 0, 1], 1, [0, 0, 1]], predictions), 'INVALID_INPUT');
  });
});

describe('label counts, class ids and lazily built metrics', () => {
  test('a multi-label AUC rejects a batch with a different label count', () => {
    const metric = withRowData(() => new AUC({ multiLabel: true }));
    expectRejected(metric, update(metric, [[1, 0], [0, 1]], [[0.9, 0.1], [0.2, 0.8]]), 'SHAPE_MISMATCH');
    const declared = new AUC({ multiLabel: true, numLabels: 4 });
    expectRejected(declared, update(declared, [[1, 0, 1]], [[0.9, 0.1, 0.3]]), 'SHAPE_MISMATCH');
  });

  test('a multi-label AUC rejects numLabels that disagree with labelWeights', () => {
    // Two weights for three labels: Keras cannot multiply (3,) AUCs by (2,) weights; here result() is NaN.
    expectMetricError(() => new AUC({ multiLabel: true, numLabels: 3, labelWeights: [1, 2] }), 'INVALID_CONFIG');
  });

  test('a lazily built multi-label AUC rejects a batch whose label count differs from labelWeights', () => {
    // Four weights, three labels. Each label's AUC is 1 on this batch, so any weighted mean is 1,
    // but the result is (1·1 + 1·2 + 1·3) / (1 + 2 + 3 + 4) = 0.6: the unused weight enters the denominator.
    const metric = new AUC({ multiLabel: true, labelWeights: [1, 2, 3, 4] });
    expectRejected(metric, update(metric, [[1, 0, 1], [0, 1, 0]], [[0.8, 0.1, 0.6], [0.3, 0.7, 0.2]]), 'SHAPE_MISMATCH');
  });

  test('an R2Score rejects a batch with a different number of outputs', () => {
    const metric = withRowData(() => new R2Score());
    expectRejected(metric, update(metric, [[1, 2], [3, 4]], [[1, 2], [3, 4]]), 'SHAPE_MISMATCH');
  });

  test('classId out of range for the number of classes', () => {
    const metric = new Precision({ classId: 3 });
    metric.updateState([[1, 0, 1, 1]], [[0.9, 0.1, 0.3, 0.7]]);
    expectRejected(metric, update(metric, [[1, 0, 1]], [[0.9, 0.1, 0.3]]), 'SHAPE_MISMATCH', /class_id 3/);
    const rank1 = new Recall({ classId: 0 });
    expectRejected(rank1, update(rank1, [1, 0], [0.9, 0.1]), 'SHAPE_MISMATCH');
  });

  test('R2Score and a multi-label AUC without numLabels have no result before their first update', () => {
    expectMetricError(() => new R2Score().result(), 'NOT_BUILT');
    expectMetricError(() => new AUC({ multiLabel: true }).result(), 'NOT_BUILT');
  });
});

describe('saved state bytes', () => {
  const saved = fed(new AUC({ numThresholds: 7 })).saveState();

  test('garbage, truncated and wrongly marked bytes are CORRUPT_STATE', () => {
    const metric = fed(new AUC({ numThresholds: 7 }));
    const garbage = Uint8Array.from({ length: 96 }, (_, i) => (i * 37 + 11) & 0xff);
    const wrongMagic = saved.slice();
    wrongMagic[0] = 0x58;
    const extraByte = new Uint8Array(saved.length + 1);
    extraByte.set(saved);
    const brokenHeader = saved.slice();
    brokenHeader[12] = 0x7d; // '}' where the JSON header starts with '{'
    for (const bytes of [garbage, saved.slice(0, saved.length - 8), saved.slice(0, 20), saved.slice(0, 5), new Uint8Array(0), wrongMagic, extraByte, brokenHeader]) {
      expectRejected(metric, () => metric.loadState(bytes), 'CORRUPT_STATE');
    }
    expectRejected(metric, () => metric.loadState([...saved] as unknown as Uint8Array), 'CORRUPT_STATE');
  });

  test('another format version is refused', () => {
    const metric = fed(new AUC({ numThresholds: 7 }));
    const otherVersion = saved.slice();
    new DataView(otherVersion.buffer).setUint32(4, STATE_FORMAT_VERSION + 1, true);
    expectRejected(metric, () => metric.loadState(otherVersion), 'STATE_MISMATCH', /version/);
  });

  test('bytes of another class or config are STATE_MISMATCH', () => {
    const auc = fed(new AUC());
    const precision = fed(new Precision());
    const pr = fed(new AUC({ curve: 'PR' }));
    expectRejected(precision, () => precision.loadState(auc.saveState()), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.loadState(fed(new AUC({ numThresholds: 50 })).saveState()), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.loadState(pr.saveState()), 'STATE_MISMATCH');
    const r2 = fed(new R2Score());
    expectRejected(r2, () => r2.loadState(withRowData(() => new R2Score()).saveState()), 'STATE_MISMATCH');
    expectRejected(r2, () => r2.loadState(fed(new R2Score({ numRegressors: 1 })).saveState()), 'STATE_MISMATCH');
  });

  test('bytes with the right class and config but no state arrays do not fit a fixed-layout metric', () => {
    // Saved by hand in the documented format: "WMST", version, header length, JSON header, no payload.
    const accuracy = fed(new BinaryAccuracy());
    const header = new TextEncoder().encode(JSON.stringify({ className: 'BinaryAccuracy', config: accuracy.getConfig(), arrays: [] }));
    const bytes = new Uint8Array(Math.ceil((12 + header.length) / 8) * 8);
    bytes.set([0x57, 0x4d, 0x53, 0x54]);
    new DataView(bytes.buffer).setUint32(4, STATE_FORMAT_VERSION, true);
    new DataView(bytes.buffer).setUint32(8, header.length, true);
    bytes.set(header, 12);
    expectRejected(accuracy, () => accuracy.loadState(bytes), 'STATE_MISMATCH');
    // fed(): matches at weights 1, 2 and 0 (0.9→1, 0.2→0, 0.7→1) out of a total weight of 5.
    expect(accuracy.result()).toBeCloseTo(3 / 5, 12);
  });

  test('merging metrics of different classes, configs or shapes is STATE_MISMATCH', () => {
    const auc = fed(new AUC());
    expectRejected(auc, () => auc.mergeState(fed(new AUC({ curve: 'PR' }))), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.mergeState(fed(new AUC({ numThresholds: 10 }))), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.mergeState(fed(new AUC({ nonFinite: 'propagate' }))), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.mergeState(fed(new Precision())), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.mergeState({} as Metric), 'STATE_MISMATCH');
    const precision = fed(new Precision());
    expectRejected(precision, () => precision.mergeState(fed(new Recall())), 'STATE_MISMATCH');
    expectRejected(precision, () => precision.mergeState(fed(new Precision({ thresholds: 0.4 }))), 'STATE_MISMATCH');
    const threeLabels = withRowData(() => new AUC({ multiLabel: true }));
    const twoLabels = new AUC({ multiLabel: true });
    twoLabels.updateState([[1, 0]], [[0.4, 0.6]]);
    expectRejected(threeLabels, () => threeLabels.mergeState(twoLabels), 'STATE_MISMATCH');
    const threeOutputs = withRowData(() => new R2Score());
    expectRejected(threeOutputs, () => threeOutputs.mergeState(fed(new R2Score())), 'STATE_MISMATCH');
  });
});

describe('identifiers and config keys', () => {
  test('unknown identifiers suggest the closest known name', () => {
    expectMetricError(() => get('acu'), 'UNKNOWN_IDENTIFIER', /'auc'/i);
    expectMetricError(() => get('Precison'), 'UNKNOWN_IDENTIFIER', /'Precision'/);
    expectMetricError(() => get('mean_squared_eror'), 'UNKNOWN_IDENTIFIER', /'mean_squared_error'/);
    expectMetricError(() => deserialize({ class_name: 'Recal', config: {} }), 'UNKNOWN_IDENTIFIER', /'Recall'/);
    expectMetricError(() => get(42 as unknown as string), 'UNKNOWN_IDENTIFIER');
  });

  test('unknown config keys in deserialize suggest the snake_case key', () => {
    const error = expectMetricError(() => deserialize({ class_name: 'AUC', config: { num_threshold: 5 } }), 'UNKNOWN_CONFIG_KEY', /'num_thresholds'/);
    expect(error.message).toMatch(/'num_threshold'/);
    expectMetricError(() => deserialize({ class_name: 'Precision', config: { topk: 1 } }), 'UNKNOWN_CONFIG_KEY', /'top_k'/);
    expectMetricError(() => deserialize({ class_name: 'R2Score', config: { class_agregation: null } }), 'UNKNOWN_CONFIG_KEY', /'class_aggregation'/);
  });

  test('unknown constructor options suggest the camelCase option', () => {
    expectMetricError(() => new AUC({ numThreshold: 5 } as never), 'UNKNOWN_CONFIG_KEY', /'numThresholds'/);
    expectMetricError(() => new Precision({ top_k: 2 } as never), 'UNKNOWN_CONFIG_KEY', /'topK'/);
    expectMetricError(() => new BinaryAccuracy({ treshold: 0.3 } as never), 'UNKNOWN_CONFIG_KEY', /'threshold'/);
    expectMetricError(() => new MeanSquaredError({ reduction: 'sum' } as never), 'UNKNOWN_CONFIG_KEY');
  });

  test('invalid config values are INVALID_CONFIG', () => {
    const invalid: Array<() => unknown> = [
      () => new AUC({ numThresholds: 1 }),
      () => new AUC({ numThresholds: 2.5 }),
      () => new AUC({ curve: 'XYZ' as never }),
      () => new AUC({ summationMethod: 'trapezoid' as never }),
      () => new AUC({ labelWeights: [1, -0.5, 1] }),
      () => new AUC({ numLabels: 3 }),
      () => new AUC({ thresholds: [0.2, NaN] }),
      () => new Precision({ thresholds: 1.5 }),
      () => new Precision({ thresholds: [0.2, -0.1] }),
      () => new Precision({ topK: 0 }),
      () => new Recall({ classId: -1 }),
      () => new TruePositives({ thresholds: [] }),
      () => new R2Score({ classAggregation: 'bogus' as never }),
      () => new R2Score({ numRegressors: -1 }),
      () => new BinaryAccuracy({ threshold: NaN }),
      () => new BinaryAccuracy({ nonFinite: 'ignore' as never }),
      () => new MeanSquaredError({ name: '' }),
      () => deserialize({ class_name: 'AUC', config: { num_thresholds: 1 } }),
      () => deserialize({ class_name: 'R2Score', config: { class_aggregation: 'bogus' } }),
    ];
    invalid.forEach((construct) => expectMetricError(construct, 'INVALID_CONFIG'));
  });
});

describe("nonFinite: 'propagate'", () => {
  const PROPAGATING: ReadonlyArray<readonly [string, FlatCase]> = [
    ['AUC', { make: () => new AUC({ nonFinite: 'propagate' }) }],
    ['AUC with explicit thresholds', { make: () => new AUC({ thresholds: [0.2, 0.45, 0.7], nonFinite: 'propagate' }) }],
    ['Precision', { make: () => new Precision({ nonFinite: 'propagate' }) }],
    ['Recall', { make: () => new Recall({ nonFinite: 'propagate' }) }],
    ['TruePositives', { make: () => new TruePositives({ nonFinite: 'propagate' }) }],
    ['BinaryAccuracy', { make: () => new BinaryAccuracy({ nonFinite: 'propagate' }) }],
    ['MeanSquaredError', { make: () => new MeanSquaredError({ nonFinite: 'propagate' }), column: true }],
    ['MeanAbsoluteError', { make: () => new MeanAbsoluteError({ nonFinite: 'propagate' }), column: true }],
    ['RootMeanSquaredError', { make: () => new RootMeanSquaredError({ nonFinite: 'propagate' }) }],
    ['R2Score', { make: () => new R2Score({ nonFinite: 'propagate' }) }],
  ];

  test.each(PROPAGATING)('%s: a NaN prediction makes the result NaN and later batches keep it NaN', (_name, flatCase) => {
    const metric = withData(flatCase);
    metric.updateState(flatInput(flatCase, [1, 0, 1]), flatInput(flatCase, [0.8, NaN, 0.3]));
    expect(metric.result()).toBeNaN();
    metric.updateState(flatInput(flatCase, [1, 0]), flatInput(flatCase, [0.9, 0.1]));
    expect(metric.result()).toBeNaN();
  });

  test('the default still raises on the same batch', () => {
    const metric = fed(new AUC());
    expectRejected(metric, update(metric, [1, 0, 1], [0.8, NaN, 0.3]), 'NON_FINITE', /y_pred\[1\]/);
  });
});
