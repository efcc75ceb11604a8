// The exact-ranking module against references written from the definitions
// (test/support/ranking.ts): every positive-negative pair for rocAucSums, a
// Map keyed by score for scoreGroups. Unweighted counts and dyadic weights keep
// every sum exact in any order, so those comparisons are exact; arbitrary
// float weights are compared to a relative 1e-12. Both kernel builds must agree bit for bit.
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import '../src/index.js';
import { scoreGroups, rocAucSums, type ScoreGroups, type RocAucSums } from '../src/exact/score-groups.js';
import { sortSamples } from '../src/wasm/feed-rank.js';
import { arena, kernelBuild, useKernelBuild } from '../src/wasm/runtime.js';
import { AUC } from '../src/index.js';
import { bruteForceRocAucSums, mapScoreGroups, rocAucSumsFromGroups, type ReferenceGroups, type ReferenceSums } from './support/ranking.js';
import { mulberry32 } from './support/random.js';
import { expectMetricError } from './support/errors.js';
import { withKernelBuild } from './support/kernel-builds.js';

const startBuild = kernelBuild();
afterEach(() => useKernelBuild(startBuild));

type Scores = Float32Array | Float64Array;

interface Sample {
  readonly scores: Scores;
  readonly labels: Uint8Array;
  readonly weights?: Float64Array;
}

const plain = (groups: ScoreGroups): ReferenceGroups => ({
  scores: [...groups.scores], positives: [...groups.positives], negatives: [...groups.negatives],
});

function expectBitIdentical(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  // One expect per mismatch only: element-wise expects on 10^5 values are slow.
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect([i, a[i]]).toEqual([i, b[i]]);
}

/** Same numbers, and +0 never reported as -0 (the reference's Map stores -0 as +0). */
function expectSameGroups(actual: ScoreGroups, expected: ReferenceGroups): void {
  expectBitIdentical(actual.scores, expected.scores);
  expectBitIdentical(actual.positives, expected.positives);
  expectBitIdentical(actual.negatives, expected.negatives);
}

/** Element-wise within `relative` of the expected values (sums in a different order). */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i]! - expected[i]!) <= relative * Math.abs(expected[i]!))) expect([i, actual[i]]).toEqual([i, expected[i]]);
  }
}

function expectCloseSums(actual: RocAucSums, expected: ReferenceSums, relative: number): void {
  for (const key of ['pairs', 'positiveWeight', 'negativeWeight'] as const) {
    expect(Math.abs(actual[key] - expected[key])).toBeLessThanOrEqual(relative * Math.abs(expected[key]));
  }
}

/** Runs both functions in the SIMD and the scalar build and checks they agree exactly; returns the SIMD results. */
function bothBuilds({ scores, labels, weights }: Sample): { groups: ScoreGroups; sums: RocAucSums } {
  const run = () => ({ groups: scoreGroups(scores, labels, weights), sums: rocAucSums(scores, labels, weights) });
  const simd = withKernelBuild('simd', run);
  const scalar = withKernelBuild('scalar', run);
  expectBitIdentical(simd.groups.scores, scalar.groups.scores);
  expectBitIdentical(simd.groups.positives, scalar.groups.positives);
  expectBitIdentical(simd.groups.negatives, scalar.groups.negatives);
  expectBitIdentical([simd.sums.pairs, simd.sums.positiveWeight, simd.sums.negativeWeight],
    [scalar.sums.pairs, scalar.sums.positiveWeight, scalar.sums.negativeWeight]);
  return simd;
}

describe('hand-derived cases', () => {
  test('distinct scores: 3 of 4 pairs ordered (scikit-learn roc_auc_score 0.75)', () => {
    const { groups, sums } = bothBuilds({ scores: Float32Array.of(0.1, 0.4, 0.35, 0.8), labels: Uint8Array.of(0, 0, 1, 1) });
    expect(sums).toEqual({ pairs: 3, positiveWeight: 2, negativeWeight: 2 });
    expect(plain(groups)).toEqual({
      scores: [0.8, 0.4, 0.35, 0.1].map(Math.fround), positives: [1, 0, 1, 0], negatives: [0, 1, 0, 1],
    });
  });

  test('ties count half a pair', () => {
    // Positives at 0.5 tie with the negative at 0.5 (½ each) and beat the one at 0.2 (1 each): 3.
    const { groups, sums } = bothBuilds({ scores: Float64Array.of(0.5, 0.5, 0.5, 0.2), labels: Uint8Array.of(1, 0, 1, 0) });
    expect(sums).toEqual({ pairs: 3, positiveWeight: 2, negativeWeight: 2 });
    expect(plain(groups)).toEqual({ scores: [0.5, 0.2], positives: [2, 0], negatives: [1, 1] });
  });

  test('-0 and +0 are one score, reported as +0', () => {
    for (const scores of [Float32Array.of(-0, 0, -1), Float64Array.of(-0, 0, -1)]) {
      const { groups, sums } = bothBuilds({ scores, labels: Uint8Array.of(1, 0, 0) });
      expectSameGroups(groups, { scores: [0, -1], positives: [1, 0], negatives: [1, 1] });
      expect(sums).toEqual({ pairs: 1.5, positiveWeight: 1, negativeWeight: 2 });
    }
  });

  test('samples of weight 0 are dropped, including their score', () => {
    const { groups, sums } = bothBuilds({
      scores: Float32Array.of(0.9, 0.1, 0.5, 0.5), labels: Uint8Array.of(1, 0, 1, 0), weights: Float64Array.of(0, 2, 3, -0),
    });
    expect(plain(groups)).toEqual({ scores: [0.5, 0.1].map(Math.fround), positives: [3, 0], negatives: [0, 2] });
    expect(sums).toEqual({ pairs: 6, positiveWeight: 3, negativeWeight: 2 });
  });

  test('every weight 0: no groups, zero sums', () => {
    const { groups, sums } = bothBuilds({ scores: Float64Array.of(1, 2), labels: Uint8Array.of(1, 0), weights: Float64Array.of(0, 0) });
    expect(groups.scores.length).toBe(0);
    expect(sums).toEqual({ pairs: 0, positiveWeight: 0, negativeWeight: 0 });
  });

  test('length 0 and length 1', () => {
    for (const scores of [new Float32Array(0), new Float64Array(0)]) {
      const { groups, sums } = bothBuilds({ scores, labels: new Uint8Array(0) });
      expect(plain(groups)).toEqual({ scores: [], positives: [], negatives: [] });
      expect(sums).toEqual({ pairs: 0, positiveWeight: 0, negativeWeight: 0 });
    }
    const { groups, sums } = bothBuilds({ scores: Float32Array.of(-2.5), labels: Uint8Array.of(1), weights: Float64Array.of(0.25) });
    expect(plain(groups)).toEqual({ scores: [-2.5], positives: [0.25], negatives: [0] });
    expect(sums).toEqual({ pairs: 0, positiveWeight: 0.25, negativeWeight: 0 });
  });

  test('one class only: no pairs', () => {
    const scores = Float64Array.of(3, 1, 2, 1);
    expect(bothBuilds({ scores, labels: Uint8Array.of(1, 1, 1, 1) }).sums).toEqual({ pairs: 0, positiveWeight: 4, negativeWeight: 0 });
    expect(bothBuilds({ scores, labels: Uint8Array.of(0, 0, 0, 0) }).sums).toEqual({ pairs: 0, positiveWeight: 0, negativeWeight: 4 });
  });

  test('extreme float32 values: largest, smallest subnormal, both signs', () => {
    const largest = 3.4028234663852886e38, subnormal = 1.401298464324817e-45;
    const scores = Float32Array.of(-largest, largest, subnormal, -subnormal, 0, largest);
    const { groups, sums } = bothBuilds({ scores, labels: Uint8Array.of(1, 0, 1, 0, 1, 1) });
    expect(plain(groups)).toEqual({
      scores: [largest, subnormal, 0, -subnormal, -largest], positives: [1, 1, 1, 0, 1], negatives: [1, 0, 0, 1, 0],
    });
    // Positives: largest ties the negative largest (½) and beats -subnormal (1); subnormal and 0 beat -subnormal
    // (1 each); -largest beats neither.
    expect(sums).toEqual({ pairs: 3.5, positiveWeight: 4, negativeWeight: 2 });
  });

  test('lengths must agree', () => {
    expectMetricError(() => scoreGroups(new Float32Array(3), new Uint8Array(2)), 'SHAPE_MISMATCH');
    expectMetricError(() => rocAucSums(new Float64Array(2), new Uint8Array(2), new Float64Array(3)), 'SHAPE_MISMATCH');
  });
});

// ---------------------------------------------------------------------------
// Generated data

const RUNS = { seed: 20260714, numRuns: 150 };
const largestF32 = 3.4028234663852886e38;

/** Score families: each data set draws from one, so both narrow (4-byte key) and wide (8-byte key) sorts occur. */
const f32Families = [
  fc.float({ min: 0, max: 1, noNaN: true }),
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -6, max: 6 }).map(Math.fround),
  fc.float({ min: -20, max: 20, noNaN: true }),
  fc.constantFrom(0, -0, 1.401298464324817e-45, -1.401298464324817e-45, 1.1754943508222875e-38, largestF32, -largestF32, 1, -1),
];
const f64Families = [
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.float({ min: 0, max: 1, noNaN: true }),
  fc.float({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300, -1e300),
];
/** Dyadic weights (multiples of 1/8 up to 16) and zeros: every sum and product stays exact. */
const dyadicWeight = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.integer({ min: 1, max: 128 }).map((k) => k / 8) });
const anyWeight = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 4, arbitrary: fc.double({ min: 1e-3, max: 1e3, noNaN: true }) });
const labelModes = fc.constantFrom('mixed', 'mixed', 'mixed', 'positive', 'negative');

/**
 * Samples whose scores come from a small pool (many ties) or fresh from the family,
 * with labels mixed or all of one class, and optional weights.
 */
function samples(family: fc.Arbitrary<number>, scoreType: 'f32' | 'f64', weight: fc.Arbitrary<number> | undefined, maxLength = 200): fc.Arbitrary<Sample> {
  const row = fc.record({ pick: fc.nat(), fresh: family, fromPool: fc.boolean(), label: fc.integer({ min: 0, max: 1 }), weight: weight ?? fc.constant(1) });
  return fc.tuple(fc.array(family, { minLength: 1, maxLength: 6 }), fc.array(row, { maxLength }), labelModes).map(([pool, rows, mode]) => {
    const values = rows.map((r) => (r.fromPool ? pool[r.pick % pool.length]! : r.fresh));
    const labels = rows.map((r) => (mode === 'mixed' ? r.label : mode === 'positive' ? 1 : 0));
    return {
      scores: scoreType === 'f32' ? Float32Array.from(values) : Float64Array.from(values),
      labels: Uint8Array.from(labels),
      weights: weight ? Float64Array.from(rows.map((r) => r.weight)) : undefined,
    };
  });
}

const anyFamily = (families: fc.Arbitrary<number>[]) => fc.oneof(...families.map((family, index) => fc.constant(index)));

describe.each([
  ['float32', 'f32', f32Families],
  ['float64', 'f64', f64Families],
] as const)('%s scores', (_name, scoreType, families) => {
  test.each([
    ['unweighted', undefined],
    ['dyadic weights', dyadicWeight],
  ] as const)('%s: exact against every pair and a Map of groups; SIMD = scalar', (_label, weight) => {
    fc.assert(fc.property(anyFamily(families).chain((index) => samples(families[index]!, scoreType, weight)), (sample) => {
      const { groups, sums } = bothBuilds(sample);
      expectSameGroups(groups, mapScoreGroups(sample.scores, sample.labels, sample.weights));
      expect(sums).toEqual(bruteForceRocAucSums(sample.scores, sample.labels, sample.weights));
    }), RUNS);
  });

  test('arbitrary float weights: within 1e-12 of the references; SIMD = scalar', () => {
    fc.assert(fc.property(anyFamily(families).chain((index) => samples(families[index]!, scoreType, anyWeight)), (sample) => {
      const { groups, sums } = bothBuilds(sample);
      const reference = mapScoreGroups(sample.scores, sample.labels, sample.weights);
      expectBitIdentical(groups.scores, reference.scores);
      expectClose(groups.positives, reference.positives, 1e-12);
      expectClose(groups.negatives, reference.negatives, 1e-12);
      expectCloseSums(sums, bruteForceRocAucSums(sample.scores, sample.labels, sample.weights), 1e-12);
    }), RUNS);
  });
});

// ---------------------------------------------------------------------------
// Sizes that cross the SIMD blocks, the group output chunk and the sort's buffers

/** n samples from mulberry32: scores score(u), labels with P(1) = 0.3, weights (if any) dyadic with about 10% zeros. */
function seeded(n: number, seed: number, score: (u: number) => number, scoreType: 'f32' | 'f64', weighted: boolean): Sample {
  const random = mulberry32(seed);
  const values = Array.from({ length: n }, () => score(random()));
  return {
    scores: scoreType === 'f32' ? Float32Array.from(values) : Float64Array.from(values),
    labels: Uint8Array.from(values, () => (random() < 0.3 ? 1 : 0)),
    weights: weighted ? Float64Array.from(values, () => (random() < 0.1 ? 0 : Math.ceil(random() * 64) / 8)) : undefined,
  };
}

const largeCases = [
  ['probabilities', (u: number) => u],
  ['logits over a wide range', (u: number) => (u - 0.5) * 1e6],
  ['100 distinct values', (u: number) => Math.floor(u * 100) / 7],
  ['all equal', () => 0.25],
  // e^±80: finite as float32 too, over about 230 binades.
  ['values spanning many binades', (u: number) => Math.exp((u - 0.5) * 160)],
] as const;

describe('sizes beyond one group chunk (16384 groups)', () => {
  test.each(largeCases.flatMap(([name, score]) => (['f32', 'f64'] as const).flatMap((type) =>
    [false, true].map((weighted) => [`${name}, ${type}, ${weighted ? 'weighted' : 'unweighted'}`, score, type, weighted] as const))))(
    '%s', (_name, score, scoreType, weighted) => {
      for (const n of [16384 * 2 + 7, 100_003]) {
        const sample = seeded(n, n + scoreType.length, score, scoreType, weighted);
        const { groups, sums } = bothBuilds(sample);
        const reference = mapScoreGroups(sample.scores, sample.labels, sample.weights);
        expectSameGroups(groups, reference);
        expect(sums).toEqual(rocAucSumsFromGroups(reference));
      }
    });

  test('every length from 0 to 70 against every pair (SIMD tails and blocks)', () => {
    for (let n = 0; n <= 70; n++) {
      for (const scoreType of ['f32', 'f64'] as const) {
        const sample = seeded(n, 7 * n + 1, (u) => Math.round(u * 20) / 4 - 2, scoreType, n % 2 === 1);
        const { groups, sums } = bothBuilds(sample);
        expectSameGroups(groups, mapScoreGroups(sample.scores, sample.labels, sample.weights));
        expect(sums).toEqual(bruteForceRocAucSums(sample.scores, sample.labels, sample.weights));
      }
    }
  });
});

describe('inputs and memory', () => {
  test('views into larger buffers give the results of copies', () => {
    const whole = seeded(5000, 11, (u) => Math.round(u * 300) / 300, 'f32', true);
    const range = [13, 4013] as const;
    const view = {
      scores: whole.scores.subarray(...range), labels: whole.labels.subarray(...range), weights: whole.weights!.subarray(...range),
    };
    const copy = { scores: view.scores.slice(), labels: view.labels.slice(), weights: view.weights.slice() };
    expect(plain(scoreGroups(view.scores, view.labels, view.weights))).toEqual(plain(scoreGroups(copy.scores, copy.labels, copy.weights)));
    expect(rocAucSums(view.scores, view.labels, view.weights)).toEqual(rocAucSums(copy.scores, copy.labels, copy.weights));
  });

  test.each([
    ['float32 probabilities, unweighted', 'f32', false, (u: number) => u, 9],
    ['float32 logits over a wide range, unweighted (8-byte keys)', 'f32', false, (u: number) => (u - 0.5) * 1e6, 21],
    ['float32 values held as float64, unweighted', 'f64', false, (u: number) => Math.fround(u), 9],
    ['float64 probabilities, unweighted', 'f64', false, (u: number) => u, 17],
    ['float64 of both signs up to 5e299, unweighted (a 64-bit key range, sorted with weights of 1)', 'f64', false, (u: number) => (u - 0.5) * 1e300, 33],
    ['float32 probabilities, weighted', 'f32', true, (u: number) => u, 25],
    // Float32 keys span at most 32 bits, so weighted float32 sorts (no label bit) always take 4-byte keys.
    ['float32 logits over a wide range, weighted', 'f32', true, (u: number) => (u - 0.5) * 1e6, 25],
    ['float32 values held as float64, weighted', 'f64', true, (u: number) => Math.fround(u), 25],
    ['float64 probabilities, weighted', 'f64', true, (u: number) => u, 33],
  ] as const)('sort memory: %s takes %i bytes per sample', (_name, scoreType, weighted, score, perSample) => {
    const n = 100_000;
    const { scores, labels, weights } = seeded(n, 5, score, scoreType, weighted);
    const sorted = sortSamples(scores, labels, weights);
    const workspace = arena().kernels.rankWorkspaceBytes();
    // Each buffer is rounded up to 16 bytes.
    expect(sorted.bytes - workspace).toBeGreaterThanOrEqual(perSample * n);
    expect(sorted.bytes - workspace).toBeLessThan(perSample * n + 16 * 8);
  });

  test('memory grows only for a larger input, and the other kernels keep working after it grew', () => {
    const memory = () => arena().kernels.memory.buffer;
    const before = memory();
    const big = seeded(300_000, 3, (u) => u, 'f64', true);
    rocAucSums(big.scores, big.labels, big.weights);
    const grown = memory();
    expect(grown).not.toBe(before);
    // The AUC metric reads the arena's views, which must follow the grown memory.
    const metric = new AUC({ numThresholds: 3 });
    metric.updateState([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.7]);
    // Thresholds 0 and 1 (±epsilon) and 0.5: TPR [1, 1, 0], FPR [1, 0.5, 0]: interpolated area 0.75.
    expect(metric.result()).toBeCloseTo(0.75, 12);
    const small = seeded(1000, 4, (u) => u, 'f32', false);
    rocAucSums(small.scores, small.labels);
    rocAucSums(big.scores, big.labels, big.weights);
    expect(memory()).toBe(grown);
  });
});
