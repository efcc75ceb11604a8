// The streaming exact ranking metrics: each equals the scikit-learn-exact
// function over everything it was fed, keeps its samples compactly, saves,
// loads, merges and rejects bad input without changing state; and Keras's AUC
// with exact: true and its curve().
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAUROC, BinaryAveragePrecision, BinaryPrecisionRecallCurve, BinaryROC, InputError, Metric,
  MetricCollection, MulticlassAUROC, MultilabelAUROC, deserialize, get, serialize, toTensor, type ArrayInput,
  type Direction,
} from '../src/index.js';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from '../src/sklearn.js';
import { expectMetricError, expectRejected, update } from './support/errors.js';
import { mulberry32 } from './support/random.js';
import { sameBytes, savedArrays, savedLayout } from './support/state.js';

const random = mulberry32(20260611);
const y = Array.from({ length: 40 }, () => (random() < 0.4 ? 1 : 0));
const p = Array.from({ length: 40 }, () => Math.round(random() * 20) / 20);
const w = Array.from({ length: 40 }, () => (random() < 0.2 ? 0 : Math.round(random() * 8) / 4));

function fedInTwo<M extends Metric>(metric: M, yTrue: unknown[], yPred: unknown[], weights?: number[]): M {
  const cut = Math.floor(yTrue.length / 3);
  metric.updateState(yTrue.slice(0, cut) as never, yPred.slice(0, cut) as never, weights?.slice(0, cut));
  metric.updateState(yTrue.slice(cut) as never, yPred.slice(cut) as never, weights?.slice(cut));
  return metric;
}

describe('binary metrics equal the functions on the data they were fed', () => {
  test('BinaryAUROC (full and partial), BinaryAveragePrecision, BinaryROC, BinaryPrecisionRecallCurve', () => {
    expect(fedInTwo(new BinaryAUROC(), y, p, w).result()).toBe(rocAucScore(y, p, { sampleWeight: w }));
    expect(fedInTwo(new BinaryAUROC({ maxFpr: 0.3 }), y, p, w).result()).toBe(rocAucScore(y, p, { sampleWeight: w, maxFpr: 0.3 }));
    expect(fedInTwo(new BinaryAveragePrecision(), y, p, w).result()).toBe(averagePrecisionScore(y, p, { sampleWeight: w }));
    const roc = fedInTwo(new BinaryROC(), y, p, w);
    expect(roc.curve()).toEqual(rocCurve(y, p, { sampleWeight: w }));
    expect(roc.result()).toBe(rocAucScore(y, p, { sampleWeight: w }));
    expect(fedInTwo(new BinaryROC({ dropIntermediate: false }), y, p).curve()).toEqual(rocCurve(y, p, { dropIntermediate: false }));
    const pr = fedInTwo(new BinaryPrecisionRecallCurve(), y, p, w);
    expect(pr.curve()).toEqual(precisionRecallCurve(y, p, { sampleWeight: w }));
    expect(pr.result()).toBe(averagePrecisionScore(y, p, { sampleWeight: w }));
    expect(fedInTwo(new BinaryPrecisionRecallCurve({ dropIntermediate: true }), y, p).curve())
      .toEqual(precisionRecallCurve(y, p, { dropIntermediate: true }));
  });

  test('a fresh metric: ROC AUC NaN (no classes), average precision 0; reset returns there', () => {
    const auc = new BinaryAUROC(), ap = new BinaryAveragePrecision();
    expect(auc.result()).toBeNaN();
    expect(ap.result()).toBe(0);
    fedInTwo(auc, y, p);
    auc.resetState();
    expect(auc.result()).toBeNaN();
    expect(auc.sampleCount).toBe(0);
    expect(sameBytes(auc.saveState(), new BinaryAUROC().saveState())).toBe(true);
  });

  test('inputs: (n, 1) shapes, booleans, a scalar weight per batch', () => {
    const metric = new BinaryAUROC();
    metric.updateState({ data: [1, 0, 1], shape: [3, 1] }, [0.9, 0.3, 0.2], 2);
    metric.updateState([false, true], { data: Float32Array.of(0.5, 0.6), shape: [2, 1] });
    // Positives 0.9 (w 2), 0.2 (w 2), 0.6 (w 1); negatives 0.3 (w 2), 0.5 (w 1).
    // Pairs won: 0.9 beats both (2·3), 0.2 beats none, 0.6 beats both (1·3): 9 of 5·3.
    expect(metric.result()).toBe(9 / 15);
  });
});

describe('multiclass and multilabel metrics equal the functions', () => {
  const rows = 30, classes = 4;
  const ids = Array.from({ length: rows }, (_, r) => r % classes);
  const probabilities = ids.map((id) => {
    const row = Array.from({ length: classes }, () => Math.round(random() * 10) / 10 + (random() < 0.5 ? 0 : 0.1));
    row[id]! += 0.5;
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((value) => value / total);
  });
  const weights = Array.from({ length: rows }, () => Math.round(random() * 4) / 2);

  test.each([
    ['macro', 'ovr'], ['weighted', 'ovr'], ['micro', 'ovr'], [null, 'ovr'], ['macro', 'ovo'], ['weighted', 'ovo'],
  ] as const)('MulticlassAUROC average %s, %s', (average, multiClass) => {
    const sampleWeight = multiClass === 'ovr' ? weights : undefined;
    const metric = fedInTwo(new MulticlassAUROC({ numClasses: classes, average, multiClass }), ids, probabilities, sampleWeight);
    expect(metric.result()).toEqual(rocAucScore(ids, probabilities, { multiClass, average, sampleWeight, labels: [0, 1, 2, 3] }));
  });

  test('MulticlassAUROC learns numClasses from the first batch; a class never seen makes one-vs-rest macro NaN', () => {
    const metric = new MulticlassAUROC();
    expectMetricError(() => metric.result(), 'NOT_BUILT');
    metric.updateState(ids.map((id) => id % 3), probabilities);
    expect(metric.numClasses).toBe(4);
    expect(metric.result()).toBeNaN();
    expectRejected(metric, update(metric, [0], [[0.5, 0.5]]), 'SHAPE_MISMATCH');
    metric.resetState();
    expect(metric.numClasses).toBe(4);
    expectRejected(metric, update(metric, [0], [[0.5, 0.5]]), 'SHAPE_MISMATCH');
  });

  test('MulticlassAUROC with two classes averages both one-vs-rest AUCs (roc_auc_score refuses two score columns)', () => {
    const twoIds = [0, 1, 1, 0, 1], twoRows = [[0.75, 0.25], [0.25, 0.75], [0.5, 0.5], [0.375, 0.625], [0.875, 0.125]];
    const metric = new MulticlassAUROC({ numClasses: 2, average: null });
    metric.updateState(twoIds, twoRows);
    const column = (c: number) => twoRows.map((row) => row[c]!);
    expect(metric.result()).toEqual([
      rocAucScore(twoIds.map((id) => (id === 0 ? 1 : 0)), column(0)),
      rocAucScore(twoIds, column(1)),
    ]);
  });

  const labels = probabilities.map((row) => row.map((value) => (value > 0.25 ? 1 : 0)));
  test.each(['macro', 'weighted', 'micro', 'samples', null] as const)('MultilabelAUROC average %s', (average) => {
    const metric = fedInTwo(new MultilabelAUROC({ average }), labels, probabilities, weights);
    expect(metric.result()).toEqual(rocAucScore(labels, probabilities, { average, sampleWeight: weights }));
    const partial = fedInTwo(new MultilabelAUROC({ average, maxFpr: 0.4 }), labels, probabilities);
    expect(partial.result()).toEqual(rocAucScore(labels, probabilities, { average, maxFpr: 0.4 }));
  });
});

describe('state: compact samples, save, load, merge', () => {
  test('bytes per sample: 4-byte scores while every score fits float32, labels 1 byte, weights 8 bytes once given', () => {
    const metric = new BinaryAUROC();
    metric.updateState([0, 1], Float32Array.of(0.1, 0.7));
    metric.updateState([0, 1], [0.5, 0.25]);
    expect(metric.bytesPerSample).toBe(5);
    metric.updateState([1], [0.1]);
    expect(metric.bytesPerSample).toBe(9);
    metric.updateState([1], [0.3], [2]);
    expect(metric.bytesPerSample).toBe(17);
    // Widening keeps every value: the result equals the function on all samples (float64 throughout).
    expect(metric.result()).toBe(rocAucScore([0, 1, 0, 1, 1, 1], [Math.fround(0.1), Math.fround(0.7), 0.5, 0.25, 0.1, 0.3],
      { sampleWeight: [1, 1, 1, 1, 1, 2] }));
    const multiclass = new MulticlassAUROC({ numClasses: 4 });
    multiclass.updateState([2], { data: Float32Array.of(0.25, 0.25, 0.25, 0.25), shape: [1, 4] });
    expect(multiclass.bytesPerSample).toBe(4 * 4 + 4);
  });

  test('saved state holds the samples typed: float32 scores, byte labels, no weights until given', () => {
    const metric = new BinaryAUROC();
    metric.updateState([0, 1, 1], Float32Array.of(0.25, 0.5, 0.75));
    const arrays = savedArrays(metric.saveState());
    expect([...arrays.keys()]).toEqual(['sample_shape', 'scores', 'labels', 'weights']);
    expect(arrays.get('sample_shape')).toEqual([3, 1]);
    expect(arrays.get('weights')).toEqual([]);
  });

  const binaryData = { yTrue: [1, 0, 0, 1], yPred: [0.9, 0.1, 0.4, 0.35] };
  const rowData = { yTrue: [[1, 0, 1], [0, 1, 1], [1, 1, 0], [0, 0, 1]], yPred: [[0.5, 0.25, 0.25], [0.125, 0.375, 0.5], [0.25, 0.5, 0.25], [0.2, 0.3, 0.5]] };
  const classData = { yTrue: [0, 2, 1, 2], yPred: rowData.yPred };
  test.each([
    ['BinaryAUROC', () => new BinaryAUROC({ maxFpr: 0.5 }), binaryData],
    ['BinaryROC', () => new BinaryROC(), binaryData],
    ['MultilabelAUROC', () => new MultilabelAUROC(), rowData],
    ['MulticlassAUROC', () => new MulticlassAUROC({ multiClass: 'ovo' }), classData],
    ['AUC exact multiLabel', () => new AUC({ exact: true, multiLabel: true, curve: 'PR' }), rowData],
  ] as const)('%s: save → load round trip, merge = concatenation', (_name, make, data) => {
    const first = make(), second = make(), all = make();
    first.updateState(data.yTrue.slice(0, 2) as never, data.yPred.slice(0, 2) as never);
    second.updateState(data.yTrue.slice(2) as never, data.yPred.slice(2) as never);
    all.updateState(data.yTrue as never, data.yPred as never);
    const restored = make();
    restored.loadState(first.saveState());
    expect(sameBytes(restored.saveState(), first.saveState())).toBe(true);
    restored.mergeState(second);
    expect(sameBytes(restored.saveState(), all.saveState())).toBe(true);
    expect(restored.result()).toEqual(all.result());
  });

  test('merging or loading across classes, configs or widths is STATE_MISMATCH; tampered samples are CORRUPT_STATE', () => {
    const auc = new BinaryAUROC();
    auc.updateState([0, 1], [0.2, 0.6]);
    expectRejected(auc, () => auc.mergeState(new BinaryAveragePrecision()), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.mergeState(new BinaryAUROC({ maxFpr: 0.5 })), 'STATE_MISMATCH');
    expectRejected(auc, () => auc.loadState(new AUC().saveState()), 'STATE_MISMATCH');
    const three = new MultilabelAUROC(), two = new MultilabelAUROC();
    three.updateState([[1, 0, 1]], [[0.5, 0.2, 0.1]]);
    two.updateState([[1, 0]], [[0.5, 0.2]]);
    expectRejected(three, () => three.mergeState(two), 'STATE_MISMATCH');
    // Loading replaces the state: a metric without numLabels takes the saved width.
    three.loadState(two.saveState());
    expect(three.numLabels).toBe(2);
    // A label byte of 2 where only 0/1 may be.
    const bytes = auc.saveState();
    const tampered = bytes.slice();
    tampered[savedLayout(bytes).get('labels')!.offset] = 2;
    expectRejected(auc, () => auc.loadState(tampered), 'CORRUPT_STATE');
    const nanScore = bytes.slice();
    new DataView(nanScore.buffer).setFloat64(savedLayout(bytes).get('scores')!.offset, NaN, true);
    expectRejected(auc, () => auc.loadState(nanScore), 'CORRUPT_STATE');
  });
});

describe('bad input is refused and leaves the state byte-identical', () => {
  test('binary', () => {
    const metric = fedInTwo(new BinaryAUROC(), y, p, w);
    expectRejected(metric, update(metric, [0, 2], [0.1, 0.2]), 'INVALID_INPUT', /y_true\[1\] is 2; labels must be 0 or 1/);
    expectRejected(metric, update(metric, [0, 0.5], [0.1, 0.2]), 'INVALID_INPUT');
    expectRejected(metric, update(metric, [0, 1, 1], [0.1, NaN, 0.3]), 'NON_FINITE', /y_pred\[1\] is NaN/);
    expectRejected(metric, update(metric, [0, 1], [0.1, -Infinity]), 'NON_FINITE');
    expectRejected(metric, update(metric, [0, 1], [0.1, 0.2], [1, -1]), 'INVALID_INPUT', /sample_weight\[1\] is -1/);
    expectRejected(metric, update(metric, [0, 1], [0.1, 0.2], [1, NaN]), 'NON_FINITE');
    expectRejected(metric, update(metric, [0, 1], [0.1, 0.2], [1, 1, 1]), 'WEIGHT_SHAPE');
    expectRejected(metric, update(metric, [[0, 1]], [[0.1, 0.2]]), 'SHAPE_MISMATCH');
    expectRejected(metric, update(metric, [0, 1, 1], [0.1, 0.2]), 'SHAPE_MISMATCH');
  });

  test('multiclass and multilabel', () => {
    const multiclass = new MulticlassAUROC({ numClasses: 3 });
    multiclass.updateState([0, 1], [[0.5, 0.25, 0.25], [0.2, 0.7, 0.1]]);
    expectRejected(multiclass, update(multiclass, [3], [[0.5, 0.25, 0.25]]), 'INVALID_INPUT', /class ids must be integers in \[0, 3\)/);
    expectRejected(multiclass, update(multiclass, [1.5], [[0.5, 0.25, 0.25]]), 'INVALID_INPUT');
    expectRejected(multiclass, update(multiclass, [0, 1], [[0.5, 0.25, 0.25], [0.5, 0.5, 0.5]]), 'INVALID_INPUT', /row 1 sums to 1.5/);
    expectRejected(multiclass, update(multiclass, [0], [[0.5, 0.5]]), 'SHAPE_MISMATCH');
    const ovo = new MulticlassAUROC({ multiClass: 'ovo' });
    expectRejected(ovo, update(ovo, [0, 1], [[0.5, 0.5], [0.2, 0.8]], [1, 2]), 'INVALID_CONFIG', /ovo/);
    const multilabel = new MultilabelAUROC({ numLabels: 2 });
    multilabel.updateState([[1, 0]], [[0.5, 0.2]]);
    expectRejected(multilabel, update(multilabel, [[1, 0, 1]], [[0.5, 0.2, 0.4]]), 'SHAPE_MISMATCH');
    expectRejected(multilabel, update(multilabel, [[1, 3]], [[0.5, 0.2]]), 'INVALID_INPUT');
    expectRejected(multilabel, update(multilabel, [1, 0], [0.5, 0.2]), 'SHAPE_MISMATCH');
  });
});

/** Refuses any batch holding the score 0.99, after the metrics before it in a collection took the batch. */
class RefusesNinetyNine extends Metric {
  constructor() {
    super('RefusesNinetyNine', 'refuses', {}, []);
    this.defineState({ batches: 1 });
  }

  get direction(): Direction { return undefined; }

  updateState(_yTrue: ArrayInput, yPred: ArrayInput): void {
    if (Array.from(toTensor(yPred, 'y_pred').data).includes(0.99)) throw new InputError('INVALID_INPUT', 'no 0.99');
    this.addToState({ batches: [1] });
  }

  result(): number { return this.state('batches')[0]!; }
}

describe('in a MetricCollection', () => {
  test('a batch a later metric refuses leaves the exact samples byte-identical, even after widening scores and starting weights', () => {
    const auroc = new BinaryAUROC();
    const collection = new MetricCollection([auroc, new RefusesNinetyNine()]);
    collection.updateState([0, 1], Float32Array.of(0.25, 0.75));
    const before = auroc.saveState();
    expect(auroc.bytesPerSample).toBe(5);
    expectMetricError(() => collection.updateState([1, 0, 1], [0.1, 0.99, 0.3], [1, 2, 3]), 'INVALID_INPUT');
    expect(sameBytes(auroc.saveState(), before)).toBe(true);
    expect(auroc.bytesPerSample).toBe(5);
    collection.updateState([1, 0], [0.5, 0.125]);
    expect(auroc.result()).toBe(rocAucScore([0, 1, 1, 0], [0.25, 0.75, 0.5, 0.125]));
  });
});

describe('config and registry', () => {
  test.each([
    ['binary_auroc', BinaryAUROC], ['binary_average_precision', BinaryAveragePrecision], ['binary_roc', BinaryROC],
    ['binary_precision_recall_curve', BinaryPrecisionRecallCurve], ['multiclass_auroc', MulticlassAUROC], ['multilabel_auroc', MultilabelAUROC],
  ] as const)('%s: get, serialize → deserialize', (identifier, MetricClass) => {
    const metric = get(identifier);
    expect(metric).toBeInstanceOf(MetricClass);
    expect(metric.name).toBe(identifier);
    expect(metric.direction).toBe('up');
    const copy = deserialize(serialize(metric));
    expect(copy.getConfig()).toEqual(metric.getConfig());
  });

  test('options are validated', () => {
    expectMetricError(() => new BinaryAUROC({ maxFpr: 0 }), 'INVALID_CONFIG');
    expectMetricError(() => new BinaryAUROC({ maxFPR: 0.5 } as never), 'UNKNOWN_CONFIG_KEY', /maxFpr/);
    expectMetricError(() => new BinaryAUROC({ nonFinite: 'propagate' }), 'INVALID_CONFIG');
    expectMetricError(() => new MulticlassAUROC({ numClasses: 1 }), 'INVALID_CONFIG');
    expectMetricError(() => new MulticlassAUROC({ multiClass: 'ovo', average: 'micro' }), 'INVALID_CONFIG');
    expectMetricError(() => new MultilabelAUROC({ average: 'binary' as never }), 'INVALID_CONFIG');
    expectMetricError(() => new BinaryROC({ dropIntermediate: 1 as never }), 'INVALID_CONFIG');
    expect(deserialize({ class_name: 'MulticlassAUROC', config: { num_classes: 5, multi_class: 'ovo', average: 'weighted' } }).getConfig())
      .toMatchObject({ numClasses: 5, multiClass: 'ovo', average: 'weighted' });
  });
});

describe("Keras's AUC: exact option and curve()", () => {
  const yTrue = [0, 0, 1, 1], yPred = [0.1, 0.4, 0.35, 0.8];

  test('the default stays the bucketed approximation; exact: true gives roc_auc_score, PR gives average precision', () => {
    const bucketed = new AUC({ numThresholds: 5 });
    bucketed.updateState(yTrue, yPred);
    // Strict > thresholds at 0, 0.25, 0.5, 0.75, 1: the points below, trapezoids over them.
    expect(bucketed.result()).toBe(0.875);
    const exact = new AUC({ numThresholds: 5, exact: true });
    exact.updateState(yTrue, yPred);
    expect(exact.result()).toBe(0.75);
    const pr = new AUC({ curve: 'PR', exact: true });
    fedInTwo(pr, y, p, w);
    expect(pr.result()).toBe(averagePrecisionScore(y, p, { sampleWeight: w }));
  });

  test('flat inputs are all one curve (micro); multiLabel averages per-label values, labelWeights weigh them', () => {
    const labels = [[1, 0], [0, 1], [1, 1], [0, 0], [1, 0]];
    const scores = [[0.9, 0.2], [0.3, 0.6], [0.5, 0.7], [0.4, 0.1], [0.2, 0.3]];
    const flat = new AUC({ exact: true });
    flat.updateState(labels, scores);
    expect(flat.result()).toBe(rocAucScore(labels, scores, { average: 'micro' }));
    const perLabel = rocAucScore(labels, scores, { average: null }) as number[];
    const multi = new AUC({ exact: true, multiLabel: true });
    multi.updateState(labels, scores);
    expect(multi.result()).toBe((perLabel[0]! + perLabel[1]!) / 2);
    const weighted = new AUC({ exact: true, multiLabel: true, labelWeights: [3, 1] });
    weighted.updateState(labels, scores);
    expect(weighted.result()).toBe((3 * perLabel[0]! + perLabel[1]!) / 4);
    // Flat label weights multiply each column's samples, as Keras does inside its counts.
    const flatWeighted = new AUC({ exact: true, labelWeights: [2, 0] });
    flatWeighted.updateState(labels, scores);
    expect(flatWeighted.result()).toBe(rocAucScore(labels.map((row) => row[0]!), scores.map((row) => row[0]!)));
  });

  test('exact config round-trips; PRGAIN and soft labels are refused', () => {
    const exact = new AUC({ exact: true, curve: 'PR', multiLabel: true, numLabels: 3 });
    expect(exact.getConfig()).toMatchObject({ exact: true, curve: 'PR' });
    expect(deserialize(serialize(exact)).getConfig()).toEqual(exact.getConfig());
    expect(serialize(exact).config.exact).toBe(true);
    expect(new AUC().getConfig()).not.toHaveProperty('exact');
    expectMetricError(() => new AUC({ exact: true, curve: 'PRGAIN' }), 'INVALID_CONFIG');
    expectMetricError(() => new AUC({ exact: 'yes' as never }), 'INVALID_CONFIG');
    const auc = new AUC({ exact: true });
    expectRejected(auc, update(auc, [0, 0.5], [0.1, 0.2]), 'INVALID_INPUT', /labels must be 0 or 1/);
    expectRejected(auc, () => auc.mergeState(new AUC()), 'STATE_MISMATCH');
  });

  test('curve(): exact points as roc_curve / precision_recall_curve', () => {
    const roc = new AUC({ exact: true });
    roc.updateState(yTrue, yPred);
    expect(roc.curve()).toEqual(rocCurve(yTrue, yPred));
    const pr = new AUC({ exact: true, curve: 'PR' });
    pr.updateState(yTrue, yPred);
    expect(pr.curve()).toEqual(precisionRecallCurve(yTrue, yPred));
  });

  test('curve(): binned points from the threshold counts, one per threshold', () => {
    // Thresholds -1e-7, 0.25, 0.5, 0.75, 1 + 1e-7 with strict >: predicted positive are all four, then
    // {0.4, 0.35, 0.8}, {0.8}, {0.8}, none. Positives 0.35 and 0.8; negatives 0.1 and 0.4.
    const roc = new AUC({ numThresholds: 5 });
    roc.updateState(yTrue, yPred);
    expect(roc.curve()).toEqual({ fpr: [0, 0, 0, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [1 + 1e-7, 0.75, 0.5, 0.25, -1e-7] });
    const pr = new AUC({ numThresholds: 5, curve: 'PR' });
    pr.updateState(yTrue, yPred);
    expect(pr.curve()).toEqual({ precision: [0.5, 2 / 3, 1, 1, 0], recall: [1, 1, 0.5, 0.5, 0], thresholds: [-1e-7, 0.25, 0.5, 0.75, 1 + 1e-7] });
  });

  test('curve() of a multi-label AUC needs a label index', () => {
    const multi = new AUC({ multiLabel: true, numThresholds: 3 });
    expectMetricError(() => multi.curve(0), 'NOT_BUILT');
    multi.updateState([[1, 0], [0, 1]], [[0.8, 0.3], [0.2, 0.9]]);
    expectMetricError(() => multi.curve(), 'INVALID_CONFIG');
    expectMetricError(() => multi.curve(2), 'INVALID_CONFIG');
    expect(multi.curve(1)).toEqual({ fpr: [0, 0, 1], tpr: [0, 1, 1], thresholds: [1 + 1e-7, 0.5, -1e-7] });
    expectMetricError(() => new AUC({ curve: 'PRGAIN' }).curve(), 'INVALID_CONFIG');
  });
});
