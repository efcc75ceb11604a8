// The classification functional API on inputs larger than a chunk, through
// every label encoding path, against brute-force references; and seeded
// properties: the scalar build gives the SIMD build's results, input forms
// and label spellings do not change results, integer weights repeat samples.
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { type ArrayInput } from '../src/index.js';
import {
  accuracyScore, balancedAccuracyScore, precisionRecallFscoreSupport, f1Score, confusionMatrix, matthewsCorrcoef,
  cohenKappaScore, logLoss, brierScoreLoss, topKAccuracyScore, type ClassLabels,
} from '../src/sklearn.js';
import { useKernelBuild } from '../src/wasm/runtime.js';
import { mulberry32 } from './support/random.js';
import { expectClose } from './support/close-values.js';
import {
  referenceConfusion, referenceMacroF1, referenceLogLoss, referenceBrier, referenceTopK, referenceMultilabel, type RefLabel,
} from './support/classification-reference.js';

afterEach(() => useKernelBuild('simd'));

const RUNS = { seed: 20240611, numRuns: 40 };
/** More samples than two 16384-sample chunks, so chunk boundaries fall inside every input. */
const LARGE = 40_000;

function randomIds(random: () => number, n: number, classes: number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * classes));
}

/** y_pred: the true id with probability `keep`, else a random id. */
function noisy(random: () => number, ids: readonly number[], classes: number, keep: number): number[] {
  return ids.map((id) => (random() < keep ? id : Math.floor(random() * classes)));
}

function weightsOf(random: () => number, n: number): number[] {
  return Array.from({ length: n }, () => (random() < 0.1 ? 0 : Math.round(random() * 2000) / 1000));
}

/** Probability rows: random positives normalised to sum to 1. */
function probabilityRows(random: () => number, n: number, width: number): number[][] {
  return Array.from({ length: n }, () => {
    const row = Array.from({ length: width }, () => random() ** 2);
    const sum = row.reduce((total, value) => total + value, 0);
    return row.map((value) => value / sum);
  });
}

function flat(rows: readonly number[][]): { data: Float64Array; shape: number[] } {
  return { data: Float64Array.from(rows.flat()), shape: [rows.length, rows[0]!.length] };
}

describe('large inputs against brute-force references', () => {
  const random = mulberry32(7);
  const ids = randomIds(random, LARGE, 6);
  const predicted = noisy(random, ids, 6, 0.7);
  const weights = weightsOf(random, LARGE);

  // Each spelling of the same six classes takes another encoding path.
  const spellings: Record<string, (id: number) => RefLabel> = {
    'ids 0..5 (no mapping)': (id) => id,
    '{-3..2} (table)': (id) => id - 3,
    '{100000..100005} (rescanned window)': (id) => 100000 + id,
    'spread over 10^6 (Map)': (id) => id * 200_000 - 500_000,
    'strings (Map)': (id) => `class-${id}`,
  };

  for (const [name, spell] of Object.entries(spellings)) {
    test(`confusion matrix, accuracy and macro F1: ${name}`, () => {
      const yTrue = ids.map(spell), yPred = predicted.map(spell);
      const trueInput = (typeof yTrue[0] === 'string' ? yTrue : Float64Array.from(yTrue as number[])) as ClassLabels;
      const predInput = (typeof yPred[0] === 'string' ? yPred : Int32Array.from(yPred as number[])) as ClassLabels;
      const unweighted = referenceConfusion(yTrue, yPred);
      expect(confusionMatrix(trueInput, predInput)).toEqual(unweighted.matrix);
      const weighted = referenceConfusion(yTrue, yPred, weights);
      expectClose(confusionMatrix(trueInput, predInput, { sampleWeight: weights }), weighted.matrix, 1e-12);
      const correct = unweighted.matrix.reduce((sum, row, c) => sum + row[c]!, 0);
      expect(accuracyScore(trueInput, predInput, { normalize: false })).toBe(correct);
      expectClose(f1Score(trueInput, predInput, { average: 'macro', sampleWeight: weights }), referenceMacroF1(weighted.matrix), 1e-12);
    });
  }

  test('log loss and Brier score over 40000 rows (float64 and float32)', () => {
    const rows = probabilityRows(random, LARGE, 4);
    const targets = randomIds(random, LARGE, 4);
    expectClose(logLoss(targets, flat(rows), { sampleWeight: weights }), referenceLogLoss(targets, rows, 2 ** -52, weights), 1e-12);
    expectClose(brierScoreLoss(targets, flat(rows), { sampleWeight: weights }), referenceBrier(targets, rows, weights), 1e-12);
    const rows32 = rows.map((row) => row.map(Math.fround));
    const input32 = { data: Float32Array.from(rows32.flat()), shape: [LARGE, 4] };
    expectClose(logLoss(targets, input32), referenceLogLoss(targets, rows32, 2 ** -23), 1e-12);
  });

  test('rows wider than a chunk', () => {
    const rows = probabilityRows(random, 3, 20_000);
    const targets = [0, 19_999, 7];
    expectClose(logLoss(targets, flat(rows), { labels: Array.from({ length: 20_000 }, (_, c) => c) }),
      referenceLogLoss(targets, rows, 2 ** -52), 1e-12);
  });

  test('top-k accuracy with many ties', () => {
    const rows = Array.from({ length: LARGE }, () => Array.from({ length: 6 }, () => Math.round(random() * 4) / 4));
    for (const k of [1, 2, 4]) {
      expectClose(topKAccuracyScore(ids, flat(rows), { k, sampleWeight: weights }), referenceTopK(ids, rows, k, weights), 1e-12);
    }
  });

  test('multilabel counts and subset accuracy over 20000 rows', () => {
    const rows = 20_000, width = 3;
    const yTrue = Array.from({ length: rows }, () => Array.from({ length: width }, () => (random() < 0.4 ? 1 : 0)));
    const yPred = yTrue.map((row) => row.map((y) => (random() < 0.8 ? y : 1 - y)));
    const w = weights.slice(0, rows);
    const expected = referenceMultilabel(yTrue, yPred, w);
    const result = precisionRecallFscoreSupport(yTrue, yPred, { sampleWeight: w, average: null });
    expectClose(result.precision, expected.columns.map(([tp, predictedCount]) => tp! / predictedCount!), 1e-12);
    expectClose(result.recall, expected.columns.map(([tp, , actual]) => tp! / actual!), 1e-12);
    expectClose(result.support, expected.columns.map(([, , actual]) => actual!), 1e-12);
    expectClose(accuracyScore(yTrue, yPred, { sampleWeight: w }), expected.subsetAccuracy, 1e-12);
  });
});

// ---------------------------------------------------------------------------
// Seeded properties over small random data

interface LabelData {
  readonly yTrue: number[];
  readonly yPred: number[];
  readonly weights: number[] | undefined;
}

const labelData: fc.Arbitrary<LabelData> = fc.record({
  classes: fc.integer({ min: 1, max: 6 }),
  n: fc.integer({ min: 1, max: 300 }),
  seed: fc.integer(),
  weighted: fc.boolean(),
}).map(({ classes, n, seed, weighted }) => {
  const random = mulberry32(seed);
  const yTrue = randomIds(random, n, classes);
  return { yTrue, yPred: noisy(random, yTrue, classes, 0.6), weights: weighted ? weightsOf(random, n) : undefined };
});

/** Every label-based result for one input pair. */
function allScores(yTrue: ClassLabels, yPred: ClassLabels, weights: number[] | undefined): unknown[] {
  const sampleWeight = weights;
  const nan = { zeroDivision: NaN };
  const attempt = (compute: () => unknown): unknown => {
    try {
      return compute();
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  return [
    attempt(() => accuracyScore(yTrue, yPred, { sampleWeight })),
    attempt(() => balancedAccuracyScore(yTrue, yPred, { sampleWeight, adjusted: true })),
    attempt(() => precisionRecallFscoreSupport(yTrue, yPred, { sampleWeight, ...nan })),
    attempt(() => f1Score(yTrue, yPred, { sampleWeight, average: 'weighted', ...nan })),
    attempt(() => f1Score(yTrue, yPred, { sampleWeight, average: 'micro' })),
    attempt(() => confusionMatrix(yTrue, yPred, { sampleWeight, normalize: 'true' })),
    attempt(() => matthewsCorrcoef(yTrue, yPred, { sampleWeight })),
    attempt(() => cohenKappaScore(yTrue, yPred, { sampleWeight, weights: 'quadratic' })),
  ];
}

describe('properties', () => {
  test('the scalar build gives the SIMD build\'s results', () => {
    fc.assert(fc.property(labelData, ({ yTrue, yPred, weights }) => {
      const simd = allScores(yTrue, yPred, weights);
      useKernelBuild('scalar');
      const scalar = allScores(yTrue, yPred, weights);
      useKernelBuild('simd');
      expect(scalar).toEqual(simd);
    }), RUNS);
  });

  test('the scalar build gives the SIMD build\'s probability, top-k and multilabel results', () => {
    const rowsData = fc.record({ n: fc.integer({ min: 1, max: 200 }), width: fc.integer({ min: 3, max: 9 }), seed: fc.integer() });
    fc.assert(fc.property(rowsData, ({ n, width, seed }) => {
      const random = mulberry32(seed);
      const rows = probabilityRows(random, n, width);
      const targets = randomIds(random, n, width);
      const weights = weightsOf(random, n).map((w) => w + 0.5);
      const labels = Array.from({ length: width }, (_, c) => c);
      const multilabel = rows.map((row) => row.map((p) => (p > 1 / width ? 1 : 0)));
      const truth = rows.map((row) => row.map((p) => (p > 0.8 / width ? 1 : 0)));
      const compute = (): unknown[] => [
        logLoss(targets, flat(rows), { labels, sampleWeight: weights }),
        logLoss(targets, { data: Float32Array.from(rows.flat()), shape: [n, width] }, { labels }),
        brierScoreLoss(targets, flat(rows), { labels, sampleWeight: weights }),
        topKAccuracyScore(targets, flat(rows), { k: 2, labels, sampleWeight: weights }),
        precisionRecallFscoreSupport(truth, multilabel, { average: 'samples', zeroDivision: 1 }),
        accuracyScore(truth, multilabel, { sampleWeight: weights }),
      ];
      const simd = compute();
      useKernelBuild('scalar');
      const scalar = compute();
      useKernelBuild('simd');
      // Row sums are added pairwise in SIMD lanes, so the builds may differ in the last bits.
      expectClose(scalar, simd, 1e-14);
    }), RUNS);
  });

  test('number[], Int32Array, Float32Array and (n, 1) columns give the same results', () => {
    fc.assert(fc.property(labelData, ({ yTrue, yPred, weights }) => {
      const expected = allScores(yTrue, yPred, weights);
      expect(allScores(Int32Array.from(yTrue), Int32Array.from(yPred), weights)).toEqual(expected);
      expect(allScores(Float32Array.from(yTrue), Uint8Array.from(yPred), weights)).toEqual(expected);
      const column = (ids: number[]): ArrayInput => ({ data: Float64Array.from(ids), shape: [ids.length, 1] });
      expect(allScores(column(yTrue), column(yPred), weights)).toEqual(expected);
    }), RUNS);
  });

  test('relabelling classes in the same order changes nothing', () => {
    fc.assert(fc.property(labelData, ({ yTrue, yPred, weights }) => {
      const expected = allScores(yTrue, yPred, weights);
      const letter = (id: number): string => String.fromCharCode(97 + id);
      expect(allScores(yTrue.map(letter), yPred.map(letter), weights)).toEqual(expected);
      const shifted = (id: number): number => id * 1000 - 7;
      expect(allScores(yTrue.map(shifted), yPred.map(shifted), weights)).toEqual(expected);
    }), RUNS);
  });

  test('an integer weight counts as that many copies of the sample', () => {
    fc.assert(fc.property(labelData, fc.integer(), ({ yTrue, yPred }, seed) => {
      const random = mulberry32(seed);
      const copies = yTrue.map(() => 1 + Math.floor(random() * 3));
      const repeat = (values: number[]): number[] => values.flatMap((value, i) => Array<number>(copies[i]!).fill(value));
      const weighted = allScores(yTrue, yPred, copies);
      const repeated = allScores(repeat(yTrue), repeat(yPred), undefined);
      expectClose(weighted, repeated, 1e-12);
    }), RUNS);
  });
});
