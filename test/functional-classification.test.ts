// The classification functional API against scikit-learn: every case of
// test/fixtures/sklearn_classification.json (written by
// scripts/sklearn_fixtures/classification.py with scikit-learn 1.2.1, or with
// current scikit-learn's rule where 1.2.1 differs; see each case's source),
// the error cases by code, and the real-data values.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import reference from './fixtures/sklearn_classification.json';
import { type ArrayInput, type MetricErrorCode } from '../src/index.js';
import {
  accuracyScore, balancedAccuracyScore, precisionRecallFscoreSupport, precisionScore, recallScore, f1Score,
  fbetaScore, confusionMatrix, matthewsCorrcoef, cohenKappaScore, logLoss, brierScoreLoss, topKAccuracyScore,
  type ClassLabels,
} from '../src/sklearn.js';
import { expectMetricError } from './support/errors.js';
import { expectClose } from './support/close-values.js';
import { decode } from './support/fixture-json.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface FixtureCase {
  id: string;
  function: string;
  y_true: number;
  y_pred: number;
  options: Record<string, Json>;
  expected: Json;
  source: string;
  yPredDtype?: string;
  sklearnFloat32?: number;
}

interface ErrorCase {
  id: string;
  function: string;
  y_true: Json;
  y_pred: Json;
  options: Record<string, Json>;
  code: MetricErrorCode;
  sklearn_error: string | null;
}

const arrays = decode<Json[]>(reference.arrays);
const cases = reference.cases as unknown as FixtureCase[];
const errors = reference.errors as unknown as ErrorCase[];

/** Options with their non-finite strings decoded (zeroDivision 'NaN') and sampleWeight's array looked up. */
function options(given: Record<string, Json>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    if (key === 'sampleWeight' && value !== null && typeof value === 'object' && !Array.isArray(value)) result[key] = arrays[value.array as number];
    else result[key] = decode(value);
  }
  return result;
}

/** A nested numeric array as float32 {data, shape}. */
function asFloat32(value: Json): ArrayInput {
  const rows = value as number[] | number[][];
  if (!Array.isArray(rows[0])) return Float32Array.from(rows as number[]);
  const width = (rows[0] as number[]).length;
  return { data: Float32Array.from((rows as number[][]).flat()), shape: [rows.length, width] };
}

type Call = (yTrue: ClassLabels, yPred: ArrayInput, options: Record<string, unknown>) => unknown;

const FUNCTIONS: Record<string, Call> = {
  accuracy_score: (t, p, o) => accuracyScore(t, p, o),
  balanced_accuracy_score: (t, p, o) => balancedAccuracyScore(t, p, o),
  precision_recall_fscore_support: (t, p, o) => precisionRecallFscoreSupport(t, p, o),
  precision_score: (t, p, o) => precisionScore(t, p, o),
  recall_score: (t, p, o) => recallScore(t, p, o),
  f1_score: (t, p, o) => f1Score(t, p, o),
  fbeta_score: (t, p, o) => fbetaScore(t, p, o as { beta: number }),
  confusion_matrix: (t, p, o) => confusionMatrix(t, p, o),
  matthews_corrcoef: (t, p, o) => matthewsCorrcoef(t, p, o),
  cohen_kappa_score: (t, p, o) => cohenKappaScore(t, p, o),
  log_loss: (t, p, o) => logLoss(t, p, o),
  brier_score_loss: (t, p, o) => brierScoreLoss(t, p, o),
  top_k_accuracy_score: (t, p, o) => topKAccuracyScore(t, p, o),
};

function run(testCase: FixtureCase): unknown {
  const yPred = arrays[testCase.y_pred]!;
  const predictions = testCase.yPredDtype === 'float32' ? asFloat32(yPred) : (yPred as ArrayInput);
  return FUNCTIONS[testCase.function]!(arrays[testCase.y_true] as ClassLabels, predictions, options(testCase.options));
}

/** Unweighted confusion matrices are counts: exact. */
function isCountMatrix(testCase: FixtureCase): boolean {
  return testCase.function === 'confusion_matrix' && !('sampleWeight' in testCase.options) &&
    (testCase.options.normalize ?? null) === null;
}

describe('scikit-learn fixture', () => {
  test('covers every function and source', () => {
    expect(new Set(cases.map((testCase) => testCase.function))).toEqual(new Set(Object.keys(FUNCTIONS)));
    expect(reference.sklearn_version).toBe('1.2.1');
  });

  test.each(cases.map((testCase) => [testCase.id, testCase] as const))('%s', (_id, testCase) => {
    const actual = run(testCase);
    const expected = decode(testCase.expected);
    if (isCountMatrix(testCase)) expect(actual).toEqual(expected);
    else expectClose(actual, expected, 1e-12);
    if (testCase.sklearnFloat32 !== undefined) {
      // scikit-learn computes float32 input in float32; the library clips in float32 and sums in float64.
      expectClose(actual, testCase.sklearnFloat32, 1e-6);
    }
  });
});

describe('errors', () => {
  test.each(errors.map((errorCase) => [errorCase.id, errorCase] as const))('%s', (_id, errorCase) => {
    const call = FUNCTIONS[errorCase.function]!;
    const yTrue = decode<ClassLabels>(errorCase.y_true), yPred = decode<ArrayInput>(errorCase.y_pred);
    expectMetricError(() => call(yTrue, yPred, options(errorCase.options)), errorCase.code);
  });
});

function readCsv(path: URL): { header: string[]; rows: number[][] } {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  return { header: header!.split(','), rows: lines.map((line) => line.split(',').map(Number)) };
}

describe('real data', () => {
  test('breast cancer (binary probabilities)', () => {
    const expected = reference.real_data.breast_cancer;
    const { header, rows } = readCsv(new URL('../examples/breast_cancer_predictions.csv', import.meta.url));
    expect(header).toEqual(['label', 'score']);
    const labels = Int32Array.from(rows, (row) => row[0]!);
    const scores = Float64Array.from(rows, (row) => row[1]!);
    const predicted = Int32Array.from(scores, (score) => (score >= 0.5 ? 1 : 0));
    expect(labels.length).toBe(expected.samples);
    expectClose(logLoss(labels, scores), expected.log_loss, 1e-12);
    expectClose(brierScoreLoss(labels, scores), expected.brier_score_loss, 1e-12);
    expectClose(matthewsCorrcoef(labels, predicted), expected.matthews_corrcoef, 1e-12);
    expectClose(f1Score(labels, predicted), expected.f1_score, 1e-12);
    expect(confusionMatrix(labels, predicted)).toEqual(expected.confusion_matrix);
  });

  test('digits (10-class probabilities)', () => {
    const expected = reference.real_data.digits;
    const { rows } = readCsv(new URL('./fixtures/digits_predictions.csv', import.meta.url));
    const labels = Int32Array.from(rows, (row) => row[0]!);
    const probabilities = { data: Float64Array.from(rows.flatMap((row) => row.slice(1))), shape: [rows.length, 10] };
    const predicted = Int32Array.from(rows, (row) => {
      const scores = row.slice(1);
      return scores.indexOf(Math.max(...scores));
    });
    expect(labels.length).toBe(expected.samples);
    expectClose(accuracyScore(labels, predicted), expected.accuracy_score, 1e-12);
    expectClose(matthewsCorrcoef(labels, predicted), expected.matthews_corrcoef, 1e-12);
    expectClose(cohenKappaScore(labels, predicted), expected.cohen_kappa_score, 1e-12);
    expectClose(cohenKappaScore(labels, predicted, { weights: 'quadratic' }), expected.cohen_kappa_score_quadratic, 1e-12);
    expectClose(f1Score(labels, predicted, { average: 'macro' }), expected.f1_macro, 1e-12);
    expectClose(balancedAccuracyScore(labels, predicted), expected.balanced_accuracy_score, 1e-12);
    const warnings: string[] = [];
    expectClose(logLoss(labels, probabilities, { onWarning: (warning) => warnings.push(warning.message) }), expected.log_loss, 1e-12);
    // Rows are off by up to 3.6e-8, beyond float64's sqrt(eps) tolerance: current scikit-learn warns, as does the library.
    expect(warnings).toEqual(['The y_prob values do not sum to one. Make sure to pass probabilities.']);
    for (const [k, value] of Object.entries(expected.top_k_accuracy_score)) {
      expectClose(topKAccuracyScore(labels, probabilities, { k: Number(k) }), value, 1e-12);
    }
    expectClose(brierScoreLoss(labels, probabilities), expected.brier_score_loss, 1e-12);
  });
});
