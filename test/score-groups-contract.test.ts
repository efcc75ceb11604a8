// The exact-ordering contract (src/exact/score-groups.ts) on hand-made cases and
// against brute-force grouping and pair counting.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import '../src/index.js';
import { scoreGroups, rocAucSums } from '../src/exact/score-groups.js';
import { bruteForceAucSums } from './support/brute-force-auc.js';

const RUNS = { seed: 20261122, numRuns: 60 };

describe('scoreGroups', () => {
  test('groups distinct scores in decreasing order with the weight of each class', () => {
    const groups = scoreGroups(Float64Array.of(0.2, 0.9, 0.2, 0.5, 0.9, 0.1), Uint8Array.of(1, 0, 0, 1, 1, 0),
      Float64Array.of(2, 1, 0.5, 3, 1, 4));
    expect(Array.from(groups.scores)).toEqual([0.9, 0.5, 0.2, 0.1]);
    expect(Array.from(groups.positives)).toEqual([1, 3, 2, 0]);
    expect(Array.from(groups.negatives)).toEqual([1, 0, 0.5, 4]);
  });

  test('-0 and +0 are one score, reported as +0', () => {
    const groups = scoreGroups(Float64Array.of(-0, 0, -1, -0), Uint8Array.of(1, 0, 0, 1));
    expect(groups.scores.length).toBe(2);
    expect(Object.is(groups.scores[0], 0)).toBe(true);
    expect(Array.from(groups.positives)).toEqual([2, 0]);
    expect(Array.from(groups.negatives)).toEqual([1, 1]);
  });

  test('samples of weight exactly 0 are dropped (their score forms no group)', () => {
    const groups = scoreGroups(Float64Array.of(0.3, 0.7, 0.5), Uint8Array.of(1, 0, 1), Float64Array.of(1, 0, 2));
    expect(Array.from(groups.scores)).toEqual([0.5, 0.3]);
  });

  test('float32 scores are compared as float32: values that round to one float32 tie', () => {
    // 0.1 and 0.1 + 1e-12 are distinct doubles but the same float32.
    const doubles = Float64Array.of(0.1, 0.1 + 1e-12);
    expect(scoreGroups(doubles, Uint8Array.of(1, 0)).scores.length).toBe(2);
    const floats = Float32Array.from(doubles);
    const groups = scoreGroups(floats, Uint8Array.of(1, 0));
    expect(Array.from(groups.scores)).toEqual([Math.fround(0.1)]);
    expect(rocAucSums(floats, Uint8Array.of(1, 0)).pairs).toBe(0.5);
  });

  test('totals and pair sums match brute force on random tied scores and weights', () => {
    const samples = fc.array(fc.tuple(fc.integer({ min: -4, max: 4 }), fc.boolean(), fc.integer({ min: 0, max: 3 })), { maxLength: 80 });
    fc.assert(fc.property(samples, (rows) => {
      const scores = Float64Array.from(rows, ([score]) => score / 4);
      const labels = Uint8Array.from(rows, ([, label]) => (label ? 1 : 0));
      const weights = Float64Array.from(rows, ([, , weight]) => weight);
      const groups = scoreGroups(scores, labels, weights);
      for (let g = 1; g < groups.scores.length; g++) expect(groups.scores[g]!).toBeLessThan(groups.scores[g - 1]!);
      for (let g = 0; g < groups.scores.length; g++) {
        const at = rows.map((_, i) => i).filter((i) => scores[i] === groups.scores[g] && weights[i] !== 0);
        expect(groups.positives[g]).toBe(at.filter((i) => labels[i] === 1).reduce((sum, i) => sum + weights[i]!, 0));
        expect(groups.negatives[g]).toBe(at.filter((i) => labels[i] === 0).reduce((sum, i) => sum + weights[i]!, 0));
      }
      // The unweighted path (a sort per class) groups as the weighted one does with unit weights.
      expect(scoreGroups(scores, labels)).toEqual(scoreGroups(scores, labels, new Float64Array(rows.length).fill(1)));
      // Integer weights and quarter scores: every sum is exact.
      expect(rocAucSums(scores, labels, weights)).toEqual(bruteForceAucSums(scores, labels, weights));
      expect(rocAucSums(scores, labels)).toEqual(bruteForceAucSums(scores, labels));
    }), RUNS);
  });
});
