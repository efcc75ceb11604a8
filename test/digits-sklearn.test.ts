// Real data against scikit-learn: out-of-fold class probabilities of a real
// classifier on scikit-learn's digits dataset (1797 rows, 10 classes), fed in
// batches of 500 rows, compared with the values that
// scripts/sklearn_fixtures/digits.py computed with scikit-learn and committed
// as test/fixtures/sklearn_digits.json (no Python needed here).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import reference from './fixtures/sklearn_digits.json';
import {
  CategoricalAccuracy, SparseCategoricalAccuracy, SparseTopKCategoricalAccuracy, SparseCategoricalCrossentropy,
  type ArrayInput, type Metric,
} from '../src/index.js';

const CLASSES = 10;
const BATCH_ROWS = 500;

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

  // Keras divides each row by its sum and clips to [1e-7, 1 - 1e-7] (float32 constants); sklearn clips to
  // [2.2e-16, 1 - 2.2e-16] and then divides by the row sum. On this data neither clip touches anything (the
  // smallest probability is 1.8e-6, the largest renormalised one 0.99987), so both compute the mean of
  // -log(p_true / Σp) in float64 from the same float32-exact inputs. What remains is rounding: a few ulps per
  // row (the sums of 10 terms in a different order, log) and at most 1796 ulps (2.0e-13 relative) for each
  // side's sum of 1797 positive row losses, so 1e-12 relative bounds the disagreement.
  test('sparse categorical crossentropy equals log_loss', () => {
    const [keras_epsilon, keras_one_minus_epsilon] = reference.keras_clip_range as [number, number];
    expect(reference.min_true_class_probability).toBeGreaterThan(keras_epsilon);
    expect(reference.min_probability).toBeGreaterThan(keras_epsilon);
    expect(reference.max_probability_renormalised).toBeLessThan(keras_one_minus_epsilon);
    const loss = resultOf(new SparseCategoricalCrossentropy(), sparse);
    expect(Math.abs(loss - reference.log_loss)).toBeLessThanOrEqual(1e-12 * reference.log_loss);
  });
});
