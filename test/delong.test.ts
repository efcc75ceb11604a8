// DeLong confidence intervals and paired tests against the O(N²) reference of
// scripts/sklearn_fixtures/delong.py (committed as test/fixtures/delong_reference.json),
// hand-derived cases, and properties of the definition.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { rocAucConfidenceInterval, rocAucDifferenceTest } from '../src/sklearn.js';
import { expectMetricError } from './support/errors.js';
import { expectClose } from './support/close.js';
import { decodeNumbers } from './support/fixture-json.js';

type Encoded = number | string;
interface IntervalCase {
  name: string; labels: number[]; scores: number[]; float32: boolean; weights: number[] | null;
  confidenceLevel: number; expected: Record<string, Encoded>;
}
interface TestCase {
  name: string; labels: number[]; scoresA: number[]; scoresB: number[]; weights: number[] | null;
  confidenceLevel: number; expected: Record<string, Encoded>;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/delong_reference.json', import.meta.url), 'utf8')) as {
  intervals: IntervalCase[]; tests: TestCase[];
  bootstrap: { case: string; standardError: number };
};
const RUNS = { seed: 20261122, numRuns: 40 };

describe('rocAucConfidenceInterval against the definition (O(N²) reference)', () => {
  test.each(fixture.intervals.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const scores = c.float32 ? Float32Array.from(c.scores) : c.scores;
    const result = rocAucConfidenceInterval(c.labels, scores, { confidenceLevel: c.confidenceLevel, sampleWeight: c.weights });
    const expected = decodeNumbers(c.expected);
    for (const key of ['auc', 'variance', 'standardError', 'lower', 'upper'] as const) {
      expectClose(result[key], expected[key]!, 1e-12, `${c.name}: ${key}`);
    }
  });

  test('the standard error agrees with a stratified bootstrap (within 10%)', () => {
    const c = fixture.intervals.find((entry) => entry.name === fixture.bootstrap.case)!;
    const { standardError } = rocAucConfidenceInterval(c.labels, c.scores);
    expect(Math.abs(standardError / fixture.bootstrap.standardError - 1)).toBeLessThan(0.1);
  });
});

describe('rocAucDifferenceTest against the definition (O(N²) reference)', () => {
  test.each(fixture.tests.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = rocAucDifferenceTest(c.labels, c.scoresA, c.scoresB, { confidenceLevel: c.confidenceLevel, sampleWeight: c.weights });
    const expected = decodeNumbers(c.expected);
    for (const key of ['aucA', 'aucB', 'difference', 'variance', 'standardError', 'z', 'pValue', 'lower', 'upper'] as const) {
      expectClose(result[key], expected[key]!, 1e-12, `${c.name}: ${key}`);
    }
  });
});

describe('hand-derived cases', () => {
  test('four samples: V10 = (½, 1), V01 = (1, ½), S10 = S01 = 1/8, variance 1/8', () => {
    const result = rocAucConfidenceInterval([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(result.auc).toBe(0.75);
    expect(result.variance).toBe(0.125);
    expect(result.standardError).toBe(Math.sqrt(0.125));
    expect(result.upper).toBe(1);   // 0.75 + 1.96·0.354 clipped
  });

  test('a perfect ranker against a constant score: difference ½ with zero variance gives z = +Infinity, p = 0', () => {
    const result = rocAucDifferenceTest([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9], [0.5, 0.5, 0.5, 0.5]);
    expect(result).toMatchObject({ aucA: 1, aucB: 0.5, difference: 0.5, variance: 0, z: Infinity, pValue: 0, lower: 0.5, upper: 0.5 });
  });

  test('one class only: every field is NaN (scikit-learn returns NaN for the AUC)', () => {
    for (const value of Object.values(rocAucConfidenceInterval([1, 1, 1], [0.2, 0.5, 0.9]))) expect(value).toBeNaN();
    for (const value of Object.values(rocAucDifferenceTest([0, 0], [0.2, 0.5], [0.1, 0.3]))) expect(value).toBeNaN();
  });

  test('zero-weight samples are absent: a class left with no weight makes every field NaN', () => {
    const result = rocAucConfidenceInterval([0, 1, 1], [0.2, 0.5, 0.9], { sampleWeight: [0, 1, 1] });
    expect(result.auc).toBeNaN();
  });

  test('booleans and Uint8Array labels, (n, 1) score columns and int32 scores are accepted', () => {
    const expected = rocAucConfidenceInterval([0, 0, 1, 1, 0, 1], [1, 4, 3, 8, 3, 2]);
    expect(rocAucConfidenceInterval([false, false, true, true, false, true], [[1], [4], [3], [8], [3], [2]])).toEqual(expected);
    expect(rocAucConfidenceInterval(Uint8Array.of(0, 0, 1, 1, 0, 1), Int32Array.of(1, 4, 3, 8, 3, 2))).toEqual(expected);
  });
});

describe('properties', () => {
  const samples = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 3 })),
    { minLength: 4, maxLength: 60 }).filter((rows) => rows.filter(([label]) => label).length >= 2 && rows.filter(([label]) => !label).length >= 2);

  test('an integer weight k equals k copies of the sample', () => {
    fc.assert(fc.property(samples, (rows) => {
      const labels = rows.map(([label]) => Number(label)), scores = rows.map(([, score]) => score), weights = rows.map(([, , , w]) => w);
      const copies = rows.flatMap((row) => Array.from({ length: row[3] }, () => row));
      const weighted = rocAucConfidenceInterval(labels, scores, { sampleWeight: weights });
      const replicated = rocAucConfidenceInterval(copies.map(([label]) => Number(label)), copies.map(([, score]) => score));
      for (const key of Object.keys(weighted) as Array<keyof typeof weighted>) expectClose(weighted[key], replicated[key], 1e-12, key);
    }), RUNS);
  });

  test('A against a constant score has the variance of A alone; swapping A and B negates the difference only', () => {
    fc.assert(fc.property(samples, (rows) => {
      const labels = rows.map(([label]) => Number(label)), a = rows.map(([, score]) => score), b = rows.map(([, , score]) => score);
      const single = rocAucConfidenceInterval(labels, a);
      const againstConstant = rocAucDifferenceTest(labels, a, a.map(() => 7));
      expectClose(againstConstant.difference, single.auc - 0.5, 1e-12, 'difference');
      expectClose(againstConstant.variance, single.variance, 1e-12, 'variance');
      const forward = rocAucDifferenceTest(labels, a, b), backward = rocAucDifferenceTest(labels, b, a);
      expect(backward.difference).toBe(-forward.difference);
      expectClose(backward.variance, forward.variance, 1e-12, 'variance');
      expectClose(backward.pValue, forward.pValue, 1e-12, 'pValue');
    }), RUNS);
  });

  test('-0 and +0 are one score in both columns of the paired test', () => {
    const labels = [0, 1, 0, 1, 1, 0];
    const signed = rocAucDifferenceTest(labels, [-0, 0, 0.5, -0, 0.2, 0], [0.1, -0, 0, 0.3, -0, 0.2]);
    const plain = rocAucDifferenceTest(labels, [0, 0, 0.5, 0, 0.2, 0], [0.1, 0, 0, 0.3, 0, 0.2]);
    expect(signed).toEqual(plain);
    expect(signed.variance).toBeGreaterThan(0);
  });

  test('a column against itself: difference 0, variance 0, z 0, p-value 1', () => {
    const result = rocAucDifferenceTest([0, 1, 0, 1, 1], [0.3, 0.3, 0.1, 0.8, 0.2], [0.3, 0.3, 0.1, 0.8, 0.2]);
    expect(result).toMatchObject({ difference: 0, variance: 0, z: 0, pValue: 1 });
  });
});

describe('validation', () => {
  test('NaN or infinite scores are NON_FINITE, naming the index', () => {
    expectMetricError(() => rocAucConfidenceInterval([0, 1, 1], [0.2, NaN, 0.4]), 'NON_FINITE', /y_score\[1\] is NaN/);
    expectMetricError(() => rocAucDifferenceTest([0, 1], [0.2, 0.3], [0.2, Infinity]), 'NON_FINITE', /score_b\[1\]/);
    expectMetricError(() => rocAucConfidenceInterval([0, NaN], [0.2, 0.3]), 'NON_FINITE', /y_true\[1\]/);
  });

  test('labels other than 0/1, mismatched lengths and bad weights are rejected', () => {
    expectMetricError(() => rocAucConfidenceInterval([0, 2], [0.2, 0.3]), 'INVALID_INPUT', /0 or 1/);
    expectMetricError(() => rocAucConfidenceInterval([0, 1, 1], [0.2, 0.3]), 'SHAPE_MISMATCH');
    expectMetricError(() => rocAucConfidenceInterval([[0, 1], [1, 0]], [[0.2, 0.3], [0.1, 0.4]]), 'SHAPE_MISMATCH');
    expectMetricError(() => rocAucConfidenceInterval([0, 1], [0.2, 0.3], { sampleWeight: [1] }), 'WEIGHT_SHAPE');
    expectMetricError(() => rocAucConfidenceInterval([0, 1], [0.2, 0.3], { sampleWeight: [1, -1] }), 'INVALID_INPUT', /frequency/);
    expectMetricError(() => rocAucConfidenceInterval([0, 1], [0.2, 0.3], { sampleWeight: [1, NaN] }), 'NON_FINITE');
  });

  test('confidence levels outside (0, 1) and unknown options are configuration errors', () => {
    for (const confidenceLevel of [0, 1, 95, NaN, '0.9']) {
      expectMetricError(() => rocAucConfidenceInterval([0, 1], [0.2, 0.3], { confidenceLevel } as never), 'INVALID_CONFIG');
    }
    expectMetricError(() => rocAucConfidenceInterval([0, 1], [0.2, 0.3], { sample_weight: [1, 1] } as never),
      'UNKNOWN_CONFIG_KEY', /Did you mean 'sampleWeight'/);
  });
});
