// The exact ranking functions against scikit-learn: every case of
// test/fixtures/sklearn_ranking.json (written by scripts/sklearn_fixtures/ranking.py,
// with current scikit-learn's behaviour where 1.2.1 differs), the real
// breast-cancer and digits predictions, and the decisions this library makes
// where scikit-learn raises, warns or accepts what it should not.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type MetricErrorCode } from '../src/index.js';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from '../src/sklearn.js';
import { expectMetricError } from './support/errors.js';
import { decode } from './support/fixture-json.js';
import {
  expectAllClose, expectClose, optionsOf, rankingFixture, scoreInput, storedArray, type RankingCase,
} from './support/ranking-fixture.js';

type Curve = Record<string, number[]>;

function run(c: RankingCase): number | number[] | Curve {
  const yTrue = storedArray(c.y_true) as never;
  const options = optionsOf(c);
  switch (c.function) {
    case 'roc_auc_score': return rocAucScore(yTrue, scoreInput(c), options);
    case 'average_precision_score': return averagePrecisionScore(yTrue, scoreInput(c), options);
    case 'roc_curve': return rocCurve(yTrue, scoreInput(c), options) as unknown as Curve;
    case 'precision_recall_curve': return precisionRecallCurve(yTrue, scoreInput(c), options) as unknown as Curve;
  }
}

/** Where scikit-learn computes a number and this library refuses the input instead (docs/exact-metrics.md). */
const REFUSED: Record<string, MetricErrorCode> = {
  // y_score with fewer columns than y_true has labels: scikit-learn silently scores only the first columns.
  auc_multilabel_wrong_columns: 'SHAPE_MISMATCH',
  ap_multilabel_wrong_columns: 'SHAPE_MISMATCH',
};

/** The code this library gives for each input scikit-learn raises on. */
const ERROR_CODES: Record<string, MetricErrorCode> = {
  auc_continuous_y_true: 'INVALID_INPUT',
  ap_continuous_y_true: 'INVALID_INPUT',
  auc_max_fpr_0: 'INVALID_CONFIG',
  auc_max_fpr_above_1: 'INVALID_CONFIG',
  auc_binary_two_score_columns: 'SHAPE_MISMATCH',
  roc_curve_labels_1_2_without_pos_label: 'INVALID_INPUT',
  roc_curve_labels_0_2: 'INVALID_INPUT',
  roc_curve_multiclass_without_pos_label: 'INVALID_INPUT',
  ap_multilabel_pos_label_0: 'INVALID_CONFIG',
  auc_multiclass_raise: 'INVALID_CONFIG',
  auc_multiclass_rows_not_summing_to_1: 'INVALID_INPUT',
  auc_multiclass_max_fpr: 'INVALID_CONFIG',
  auc_ovo_sample_weight: 'INVALID_CONFIG',
  auc_ovo_average_none: 'INVALID_CONFIG',
  auc_ovr_average_samples: 'INVALID_CONFIG',
  auc_multiclass_labels_unsorted: 'INVALID_CONFIG',
  auc_multiclass_labels_repeated: 'INVALID_CONFIG',
  auc_multiclass_labels_missing_y_class: 'INVALID_INPUT',
  auc_multiclass_labels_count: 'INVALID_CONFIG',
  auc_multiclass_columns_count: 'SHAPE_MISMATCH',
  auc_multiclass_one_score_per_sample: 'SHAPE_MISMATCH',
  ap_multiclass_pos_label_2: 'INVALID_CONFIG',
};

const cases = rankingFixture.cases;
const computed = cases.filter((c) => c.expected !== undefined && !(c.id in REFUSED));
const raised = cases.filter((c) => c.error !== undefined);

function expectCurve(actual: Curve, expected: Curve, id: string): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) {
    // Point counts must match exactly; thresholds are input values and compare exactly (-0 equal to +0).
    expect(actual[key]!.length, `${id}.${key} length`).toBe(expected[key]!.length);
    if (key === 'thresholds') expected[key]!.forEach((t, i) => expect(actual[key]![i] === t, `${id}.thresholds[${i}]`).toBe(true));
    else expectAllClose(actual[key]!, expected[key]!, `${id}.${key}`);
  }
}

describe('scikit-learn fixture', () => {
  test('was computed by scikit-learn and covers the functions, errors and version differences', () => {
    expect(rankingFixture.sklearn_version).toMatch(/^\d+\.\d+/);
    const functions = new Set(cases.map((c) => c.function));
    expect([...functions].sort()).toEqual(['average_precision_score', 'precision_recall_curve', 'roc_auc_score', 'roc_curve']);
    expect(computed.length).toBeGreaterThan(150);
    expect(cases.filter((c) => c.sklearn_1_2_1 !== undefined).length).toBeGreaterThan(20);
    // Every case scikit-learn refused has a decided error code here, and nothing else does.
    expect(raised.map((c) => c.id).sort()).toEqual(Object.keys(ERROR_CODES).sort());
  });

  test.each(computed.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const expected = decode<number | number[] | Curve>(c.expected);
    const actual = run(c);
    if (typeof expected === 'number') {
      expect(typeof actual, c.id).toBe('number');
      expectClose(actual as number, expected, c.id);
    } else if (Array.isArray(expected)) {
      expect(Array.isArray(actual), c.id).toBe(true);
      expectAllClose(actual as number[], expected, c.id);
    } else {
      expectCurve(actual as Curve, expected, c.id);
    }
  });

  test.each(raised.map((c) => [c.id, c] as const))('%s is refused like scikit-learn refuses it', (_id, c) => {
    expectMetricError(() => run(c), ERROR_CODES[c.id]!);
  });

  test.each(Object.entries(REFUSED))('%s: refused where scikit-learn computes a value', (id, code) => {
    const c = cases.find((entry) => entry.id === id)!;
    expect(typeof decode(c.expected)).toBe('number');
    expectMetricError(() => run(c), code);
  });
});

function readCsv(path: string): number[][] {
  const [, ...lines] = readFileSync(new URL(path, import.meta.url), 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => line.split(',').map(Number));
}

describe('real data against scikit-learn', () => {
  const breast = decode<Record<string, unknown>>(rankingFixture.real_data.breast_cancer);
  const breastRows = readCsv('../examples/breast_cancer_predictions.csv');
  const labels = breastRows.map((row) => row[0]!), scores = breastRows.map((row) => row[1]!);

  test('breast cancer: ROC AUC, partial AUC, average precision and both curves', () => {
    expect(breastRows.length).toBe(breast.samples);
    expectClose(rocAucScore(labels, scores) as number, breast.roc_auc as number, 'roc_auc');
    expectClose(rocAucScore(labels, scores, { maxFpr: 0.1 }) as number, breast['roc_auc_max_fpr_0.1'] as number, 'roc_auc max_fpr 0.1');
    expectClose(averagePrecisionScore(labels, scores) as number, breast.average_precision as number, 'average_precision');
    expectCurve(rocCurve(labels, scores) as unknown as Curve, breast.roc_curve as Curve, 'roc_curve');
    expectCurve(precisionRecallCurve(labels, scores) as unknown as Curve, breast.precision_recall_curve as Curve, 'precision_recall_curve');
    expect((breast.precision_recall_curve as Curve).thresholds!.length).toBe(breast.distinct_scores);
  });

  test('digits (10 classes): one-vs-rest and one-vs-one ROC AUC, average precision', () => {
    const digits = decode<Record<string, number | number[]>>(rankingFixture.real_data.digits);
    const rows = readCsv('./fixtures/digits_predictions.csv');
    expect(rows.length).toBe(digits.samples);
    const y = rows.map((row) => row[0]!), p = rows.map((row) => row.slice(1));
    for (const average of ['macro', 'weighted', 'micro', null] as const) {
      const key = average ?? 'none';
      const ovr = rocAucScore(y, p, { multiClass: 'ovr', average });
      const ap = averagePrecisionScore(y, p, { average });
      if (average === null) {
        expectAllClose(ovr as number[], digits[`ovr_${key}`] as number[], `ovr ${key}`);
        expectAllClose(ap as number[], digits[`average_precision_${key}`] as number[], `AP ${key}`);
      } else {
        expectClose(ovr as number, digits[`ovr_${key}`] as number, `ovr ${key}`);
        expectClose(ap as number, digits[`average_precision_${key}`] as number, `AP ${key}`);
      }
    }
    for (const average of ['macro', 'weighted'] as const) {
      expectClose(rocAucScore(y, p, { multiClass: 'ovo', average }) as number, digits[`ovo_${average}`] as number, `ovo ${average}`);
    }
  });
});

describe('hand-derived values', () => {
  test('ties count one half; -0 and +0 are one score', () => {
    // Positive 0.5 ties negative 0.5: half a pair out of one.
    expect(rocAucScore([0, 1], [0.5, 0.5])).toBe(0.5);
    expect(rocAucScore([0, 1], [-0, 0])).toBe(0.5);
    // Positives 0.9 and 0.5 against negatives 0.5 and 0.1: 1 + 1 + 0.5 + 1 = 3.5 of 4 pairs.
    expect(rocAucScore([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.1])).toBe(3.5 / 4);
    expect(rocCurve([0, 1, 1], [-0, 0, 0.1]).thresholds).toEqual([Infinity, 0.1, 0]);
  });

  test('a zero weight removes a sample; integer weights repeat it', () => {
    const y = [1, 0, 1, 0, 1], s = [0.8, 0.6, 0.4, 0.3, 0.1];
    expect(rocAucScore(y, s, { sampleWeight: [1, 0, 1, 1, 1] })).toBe(rocAucScore([1, 1, 0, 1], [0.8, 0.4, 0.3, 0.1]));
    expect(averagePrecisionScore(y, s, { sampleWeight: [2, 1, 1, 1, 1] }))
      .toBe(averagePrecisionScore([1, 1, 0, 1, 0, 1], [0.8, 0.8, 0.6, 0.4, 0.3, 0.1]));
  });

  test('partial AUC: McClish standardisation maps a perfect ranking to 1 and a reversed one to 0.5', () => {
    // Perfect: the partial area up to maxFpr is maxFpr, the maximum. Reversed: 0, below the chance area, so
    // (0 − ½m²)/(m − ½m²) = −m/(2 − m) and the result is ½(1 − m/(2 − m)) (0.3333… at m = 0.5).
    expect(rocAucScore([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], { maxFpr: 0.5 })).toBe(1);
    expectClose(rocAucScore([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9], { maxFpr: 0.5 }) as number, 0.5 * (1 - 0.5 / 1.5), 'reversed');
  });

  test('float32 scores are compared as float32', () => {
    // 0.1 and its float32 rounding differ in float64 but are one float32 score: a tie.
    const f32 = Math.fround(0.1);
    expect(rocAucScore([1, 0], Float64Array.of(0.1, f32))).toBe(0);
    expect(rocAucScore([1, 0], Float32Array.of(0.1, f32))).toBe(0.5);
  });
});

describe('decisions where scikit-learn warns, raises or accepts odd input', () => {
  test('one class only: ROC AUC is NaN (current scikit-learn), average precision 0 or 1', () => {
    expect(rocAucScore([1, 1, 1], [0.2, 0.4, 0.3])).toBeNaN();
    expect(rocAucScore([0, 0], [0.2, 0.4], { maxFpr: 0.5 })).toBeNaN();
    expect(averagePrecisionScore([0, 0, 0], [0.2, 0.4, 0.3])).toBe(0);
    expect(averagePrecisionScore([1, 1], [0.2, 0.4])).toBe(1);
  });

  test('every weight zero: NaN and 0 (scikit-learn raises on the empty remainder); empty curves', () => {
    expect(rocAucScore([0, 1], [0.2, 0.4], { sampleWeight: [0, 0] })).toBeNaN();
    expect(averagePrecisionScore([0, 1], [0.2, 0.4], { sampleWeight: [0, 0] })).toBe(0);
    expect(rocCurve([0, 1], [0.2, 0.4], { sampleWeight: [0, 0], posLabel: 1 })).toEqual({ fpr: [NaN], tpr: [NaN], thresholds: [Infinity] });
    expect(precisionRecallCurve([0, 1], [0.2, 0.4], { sampleWeight: [0, 0], posLabel: 1 })).toEqual({ precision: [1], recall: [0], thresholds: [] });
  });

  test('negative weights are refused (scikit-learn computes with them)', () => {
    expectMetricError(() => rocAucScore([0, 1, 1], [0.2, 0.4, 0.1], { sampleWeight: [1, -1, 2] }), 'INVALID_INPUT', /sample_weight\[1\] is -1/);
  });

  test('NaN and infinite scores, labels or weights are NON_FINITE naming the index', () => {
    expectMetricError(() => rocAucScore([0, 1, 1], [0.2, NaN, 0.1]), 'NON_FINITE', /y_score\[1\] is NaN/);
    expectMetricError(() => averagePrecisionScore([[0, 1], [1, 0]], [[0.2, 0.3], [Infinity, 0.1]]), 'NON_FINITE', /y_score\[1, 0\] is Infinity/);
    expectMetricError(() => rocCurve([0, NaN, 1], [0.2, 0.3, 0.1]), 'NON_FINITE', /y_true\[1\]/);
    expectMetricError(() => precisionRecallCurve([0, 1], [0.2, 0.3], { sampleWeight: [1, NaN] }), 'NON_FINITE', /sample_weight\[1\]/);
  });

  test('shapes, empty input and options', () => {
    expectMetricError(() => rocAucScore([], []), 'INVALID_INPUT', /no samples/);
    expectMetricError(() => rocAucScore([0, 1, 1], [0.2, 0.4]), 'SHAPE_MISMATCH');
    expectMetricError(() => rocAucScore([0, 1], [0.2, 0.4], { sampleWeight: [1, 2, 3] }), 'WEIGHT_SHAPE');
    expectMetricError(() => rocAucScore([0, 1], [0.2, 0.4], { maxFPR: 0.5 } as never), 'UNKNOWN_CONFIG_KEY', /maxFpr/);
    expectMetricError(() => rocAucScore([0, 1], [0.2, 0.4], { average: 'mean' as never }), 'INVALID_CONFIG');
    expectMetricError(() => rocCurve([[0, 1], [1, 0]], [0.2, 0.4]), 'INVALID_INPUT', /multilabel/);
    expectMetricError(() => rocAucScore([[0, 2], [1, 0]], [[0.2, 0.4], [0.3, 0.1]]), 'INVALID_INPUT', /y_true\[0, 1\] is 2/);
    expectMetricError(() => averagePrecisionScore([0, 1, 0], [0.2, 0.4, 0.1], { posLabel: 3 }), 'INVALID_CONFIG', /posLabel 3/);
  });

  test('inputs in every accepted form give the same result', () => {
    const expected = rocAucScore([0, 1, 1, 0], [0.1, 0.7, 0.4, 0.5]);
    expect(rocAucScore(Uint8Array.of(0, 1, 1, 0), Float64Array.of(0.1, 0.7, 0.4, 0.5))).toBe(expected);
    expect(rocAucScore([false, true, true, false], { data: [0.1, 0.7, 0.4, 0.5], shape: [4, 1] })).toBe(expected);
    const tensor = { shape: [4], dtype: 'float32', dataSync: () => Float64Array.of(0.1, 0.7, 0.4, 0.5) };
    expect(rocAucScore({ data: [0, 1, 1, 0], shape: [4, 1] }, tensor)).toBe(expected);
  });
});
