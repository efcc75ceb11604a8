// Real data against scikit-learn: out-of-fold class probabilities of a real
// classifier on scikit-learn's digits dataset (1797 rows, 10 classes), fed in
// batches of 500 rows, compared with the values that
// scripts/sklearn_fixtures/digits.py computed with scikit-learn and committed
// as test/fixtures/sklearn_digits.json (no Python needed here).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import reference from './fixtures/sklearn_digits.json';
import {
  CategoricalAccuracy, SparseCategoricalAccuracy, SparseTopKCategoricalAccuracy, SparseCategoricalCrossentropy, F1Score,
  type ArrayInput, type FBetaAverage, type Metric,
} from '../src/index.js';

const CLASSES = 10;
const BATCH_ROWS = 500;
/** The epsilon Keras adds in its F-score denominators. */
const KERAS_EPSILON = 1e-7;

interface Digits {
  rows: number;
  /** Class ids. */
  labels: Int32Array;
  /** Row-major (rows, CLASSES). */
  oneHotLabels: Uint8Array;
  /** Row-major (rows, CLASSES). */
  probabilities: Float64Array;
}

/** The fixture is a known numeric CSV (header label,p0..p9, CRLF line ends): a plain split is enough. */
function readDigits(): Digits {
  const text = readFileSync(new URL('./fixtures/digits_predictions.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  expect(header).toBe(['label', ...Array.from({ length: CLASSES }, (_, c) => `p${c}`)].join(','));
  const rows = lines.length;
  const labels = new Int32Array(rows);
  const oneHotLabels = new Uint8Array(rows * CLASSES);
  const probabilities = new Float64Array(rows * CLASSES);
  lines.forEach((line, row) => {
    const [label, ...scores] = line.split(',').map(Number);
    labels[row] = label!;
    oneHotLabels[row * CLASSES + label!] = 1;
    probabilities.set(scores, row * CLASSES);
  });
  return { rows, labels, oneHotLabels, probabilities };
}

const digits = readDigits();

interface Batch {
  labels: Int32Array;
  oneHotLabels: ArrayInput;
  probabilities: ArrayInput;
}

const batches: Batch[] = [];
for (let first = 0; first < digits.rows; first += BATCH_ROWS) {
  const rows = Math.min(BATCH_ROWS, digits.rows - first);
  const values = (array: Uint8Array | Float64Array) => array.subarray(first * CLASSES, (first + rows) * CLASSES);
  batches.push({
    labels: digits.labels.subarray(first, first + rows),
    oneHotLabels: { data: values(digits.oneHotLabels), shape: [rows, CLASSES] },
    probabilities: { data: values(digits.probabilities), shape: [rows, CLASSES] },
  });
}

/** Feeds every batch as `[y_true, y_pred]` chosen by `inputs` and returns the dataset-level result. */
function resultOf(metric: Metric, inputs: (batch: Batch) => [ArrayInput, ArrayInput]): number {
  for (const batch of batches) metric.updateState(...inputs(batch));
  return metric.result() as number;
}

const sparse = (batch: Batch): [ArrayInput, ArrayInput] => [batch.labels, batch.probabilities];
const oneHot = (batch: Batch): [ArrayInput, ArrayInput] => [batch.oneHotLabels, batch.probabilities];

/**
 * How far below sklearn's F1 Keras's epsilons put one class's F1, relative to it. Keras computes
 * P' = tp / (predicted + ε), R' = tp / (support + ε) and F' = 2P'R' / (P' + R' + ε). Since 1/P' = 1/P + ε/tp and
 * 1/R' = 1/R + ε/tp, 1/F' = (1/P' + 1/R') / 2 + ε / (2P'R') = 1/F + ε/tp + ε/(2P'R'): F' is always below F, by
 * the relative amount x / (1 + x) ≤ x with x = F·(ε/tp + ε/(2P'R')).
 */
function epsilonDeficit(truePositives: number, predicted: number, support: number): number {
  const precision = truePositives / (predicted + KERAS_EPSILON);
  const recall = truePositives / (support + KERAS_EPSILON);
  const f1 = (2 * truePositives) / (predicted + support);
  return f1 * (KERAS_EPSILON / truePositives + KERAS_EPSILON / (2 * precision * recall));
}

/** Each average's bound: a positively weighted mean of per-class F1 is low by at most its worst class's relative deficit. */
function epsilonBound(average: Exclude<FBetaAverage, null>): number {
  const { true_positives: truePositives, predicted, support } = reference.per_class;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  if (average === 'micro') return epsilonDeficit(sum(truePositives), sum(predicted), sum(support));
  const worstClass = Math.max(...truePositives.map((tp, c) => epsilonDeficit(tp, predicted[c]!, support[c]!)));
  // 'weighted' also divides the support weights by (total support + ε).
  return average === 'weighted' ? worstClass + KERAS_EPSILON / sum(support) : worstClass;
}

describe('digits predictions against scikit-learn', () => {
  test('the fixture is the data the reference was computed from', () => {
    expect(reference.sklearn_version).toBe('1.2.1');
    expect(digits.rows).toBe(reference.samples);
    expect(batches.map((batch) => batch.labels.length)).toEqual([500, 500, 500, 297]);
    // The library hands predictions to its kernels as float32. Every probability in the file is a float32
    // value written out in full, so that rounding is exact and float32 and float64 inputs are the same data.
    expect(reference.probabilities_exact_in_float32).toBe(true);
    expect(Float64Array.from(Float32Array.from(digits.probabilities))).toEqual(digits.probabilities);
  });

  // Accuracies are (integer count) / 1797, computed in float64 on both sides: they must be identical.
  // Keras takes the argmax (and ranks classes for top-k) where sklearn sorts; the rules differ only on ties,
  // and the data has none: no row has two classes at its maximum, or another class at the true class's score.
  test('accuracies equal accuracy_score and top_k_accuracy_score exactly', () => {
    expect(reference.rows_with_tied_maximum).toBe(0);
    expect(reference.rows_with_ties_at_true_class_score).toBe(0);
    expect(resultOf(new SparseCategoricalAccuracy(), sparse)).toBe(reference.accuracy);
    expect(resultOf(new CategoricalAccuracy(), oneHot)).toBe(reference.accuracy);
    expect(resultOf(new SparseTopKCategoricalAccuracy({ k: 3 }), sparse)).toBe(reference.top_3_accuracy);
  });

  // Keras's F1 needs one-hot y_true. With threshold null it predicts the entries equal to their row's maximum,
  // which is sklearn's argmax since no row has a tied maximum. The only difference left is Keras's epsilons
  // (epsilonDeficit), about 5.3e-8 relative here; float64 rounding adds a few ulps, hence the 1e-14 slack.
  test.each(['macro', 'weighted', 'micro'] as const)('F1Score %s equals f1_score within the epsilon bound', (average) => {
    expect(reference.rows_with_tied_maximum).toBe(0);
    const f1 = resultOf(new F1Score({ average }), oneHot);
    const expected = reference.f1[average];
    const relativeDeficit = (expected - f1) / expected;
    expect(relativeDeficit).toBeGreaterThanOrEqual(-1e-14);
    expect(relativeDeficit).toBeLessThanOrEqual(epsilonBound(average) + 1e-14);
  });

  // Keras divides each row by its sum and clips to [1e-7, 1 - 1e-7] (float32 constants); sklearn clips to
  // [2.2e-16, 1 - 2.2e-16] and then divides by the row sum. On this data neither clip touches anything (the
  // smallest probability is 1.8e-6, the largest renormalised one 0.99987), so both compute the mean of
  // -log(p_true / Σp) in float64 from the same float32-exact inputs. What remains is rounding: a few ulps per
  // row (the sums of 10 terms in a different order, log) and at most 1796 ulps (2.0e-13 relative) for each
  // side's sum of 1797 positive row losses, so 1e-12 relative bounds the disagreement.
  test('sparse categorical crossentropy equals log_loss', () => {
    const [clipLow, clipHigh] = reference.keras_clip_range as [number, number];
    expect(reference.min_true_class_probability).toBeGreaterThan(clipLow);
    expect(reference.min_probability).toBeGreaterThan(clipLow);
    expect(reference.max_probability_renormalised).toBeLessThan(clipHigh);
    const loss = resultOf(new SparseCategoricalCrossentropy(), sparse);
    expect(Math.abs(loss - reference.log_loss)).toBeLessThanOrEqual(1e-12 * reference.log_loss);
  });
});
