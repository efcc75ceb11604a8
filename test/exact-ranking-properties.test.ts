// Properties of the exact ranking metrics over generated data (fixed seeds):
// streaming over any batch split, and merging shards, equals the one-shot
// function exactly; save/load round-trips; bad input leaves state
// byte-identical; and the functions agree with brute-force references written
// from the definitions.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  BinaryAUROC, BinaryAveragePrecision, BinaryPrecisionRecallCurve, BinaryROC, MulticlassAUROC, MultilabelAUROC,
  type ArrayInput, type Metric,
} from '../src/index.js';
import { averagePrecisionScore, precisionRecallCurve, rocAucScore, rocCurve } from '../src/sklearn.js';
import { scoreGroups } from '../src/exact/score-groups.js';
import { cutRanges } from './support/batches.js';
import { expectRejected, update } from './support/errors.js';
import { expectAllClose, expectClose } from './support/ranking-fixture.js';
import { bruteRocCurve, countsAtOrAbove, distinctScores, pairAuc, stepAveragePrecision, type Samples } from './support/ranking-reference.js';
import { sameBytes } from './support/state.js';

const RUNS = { seed: 20260612, numRuns: 60 };

// ---------------------------------------------------------------------------
// Binary datasets

/** 'dyadic' weights add up exactly in any order; 'float' weights do not. */
type WeightKind = 'none' | 'dyadic' | 'float';

interface BinaryData {
  readonly labels: number[];
  /** As the metric compares them (already rounded to float32 when `float32`). */
  readonly scores: number[];
  readonly float32: boolean;
  readonly weights: number[] | undefined;
  readonly weightKind: WeightKind;
}

const scoreValues = fc.oneof(
  // Few distinct values: ties, -0 beside +0.
  { weight: 3, arbitrary: fc.constantFrom(-0, 0, 0.25, 0.3, 0.5, 0.5, 1) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -50, max: 50, noNaN: true }) },
);
const dyadicWeights = fc.constantFrom(0, 0.25, 0.5, 1, 1, 2, 3);
// Weights from 2^-30 up: products of two far smaller weights fall into float64's subnormal range, where no
// summation order keeps 1e-12 relative precision.
const floatWeights = fc.oneof(fc.constant(0), fc.double({ min: 2 ** -30, max: 5, noNaN: true }));

const binaryData: fc.Arbitrary<BinaryData> = fc.record({
  n: fc.integer({ min: 1, max: 50 }),
  float32: fc.boolean(),
  weightKind: fc.constantFrom<WeightKind>('none', 'dyadic', 'float'),
}).chain(({ n, float32, weightKind }) => fc.record({
  labels: fc.array(fc.constantFrom(0, 1), { minLength: n, maxLength: n }),
  scores: fc.array(scoreValues, { minLength: n, maxLength: n }).map((values) => (float32 ? values.map(Math.fround) : values)),
  float32: fc.constant(float32),
  weights: weightKind === 'none' ? fc.constant(undefined)
    : fc.array(weightKind === 'dyadic' ? dyadicWeights : floatWeights, { minLength: n, maxLength: n }),
  weightKind: fc.constant(weightKind),
}));

const cutPositions = fc.array(fc.nat({ max: 1000 }), { maxLength: 6 });
const mergeOrderKeys = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });

function scoreArray(data: BinaryData, from = 0, to = data.scores.length): Float32Array | Float64Array {
  const part = data.scores.slice(from, to);
  return data.float32 ? Float32Array.from(part) : Float64Array.from(part);
}

interface BinaryKind {
  readonly make: () => Metric;
  /** The metric's output: result(), or its curve for the curve metrics. */
  readonly read: (metric: Metric) => unknown;
  readonly oneShot: (data: BinaryData) => unknown;
}

const options = (data: BinaryData) => ({ sampleWeight: data.weights });
const BINARY_KINDS: ReadonlyArray<readonly [string, BinaryKind]> = [
  ['BinaryAUROC', { make: () => new BinaryAUROC(), read: (m) => m.result(), oneShot: (d) => rocAucScore(d.labels, scoreArray(d), options(d)) }],
  ['BinaryAUROC maxFpr 0.3', {
    make: () => new BinaryAUROC({ maxFpr: 0.3 }), read: (m) => m.result(),
    oneShot: (d) => rocAucScore(d.labels, scoreArray(d), { ...options(d), maxFpr: 0.3 }),
  }],
  ['BinaryAveragePrecision', {
    make: () => new BinaryAveragePrecision(), read: (m) => m.result(), oneShot: (d) => averagePrecisionScore(d.labels, scoreArray(d), options(d)),
  }],
  ['BinaryROC curve', { make: () => new BinaryROC(), read: (m) => (m as BinaryROC).curve(), oneShot: (d) => rocCurve(d.labels, scoreArray(d), { ...options(d), posLabel: 1 }) }],
  ['BinaryPrecisionRecallCurve curve (dropping)', {
    make: () => new BinaryPrecisionRecallCurve({ dropIntermediate: true }), read: (m) => (m as BinaryPrecisionRecallCurve).curve(),
    oneShot: (d) => precisionRecallCurve(d.labels, scoreArray(d), { ...options(d), dropIntermediate: true, posLabel: 1 }),
  }],
];

function fedBatches(kind: BinaryKind, data: BinaryData, ranges: Array<[number, number]>): Metric[] {
  return ranges.map(([from, to]) => {
    const metric = kind.make();
    metric.updateState(data.labels.slice(from, to), scoreArray(data, from, to), data.weights?.slice(from, to));
    return metric;
  });
}

function shuffled(count: number, keys: readonly number[]): number[] {
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a % keys.length]! - keys[b % keys.length]! || a - b);
}

/** Bit-for-bit: numbers with Object.is semantics (NaN equals NaN), arrays and curves element by element. */
function expectIdentical(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
}

/** Results whose float sums may have added up in another order. */
function expectNear(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') return expectClose(actual as number, expected, 'result', 1e-12);
  for (const [key, values] of Object.entries(expected as Record<string, number[]>)) {
    expectAllClose((actual as Record<string, number[]>)[key]!, values, key, 1e-12);
  }
}

describe.each(BINARY_KINDS)('%s', (_name, kind) => {
  test('any batch split gives exactly the one-shot function', () => {
    fc.assert(fc.property(binaryData, cutPositions, (data, cuts) => {
      const metric = kind.make();
      for (const [from, to] of cutRanges(data.labels.length, cuts)) {
        metric.updateState(data.labels.slice(from, to), scoreArray(data, from, to), data.weights?.slice(from, to));
      }
      expectIdentical(kind.read(metric), kind.oneShot(data));
    }), RUNS);
  });

  test('shards merged in order (sequentially or as a tree) give exactly the one-shot function; in any order too when weights add exactly', () => {
    fc.assert(fc.property(binaryData, cutPositions, mergeOrderKeys, (data, cuts, keys) => {
      const oneShot = kind.oneShot(data);
      const ranges = cutRanges(data.labels.length, cuts);
      const [first, ...rest] = fedBatches(kind, data, ranges);
      for (const shard of rest) first!.mergeState(shard);
      expectIdentical(kind.read(first!), oneShot);

      let level = fedBatches(kind, data, ranges);
      while (level.length > 1) {
        level = Array.from({ length: Math.ceil(level.length / 2) }, (_, i) => {
          const [left, right] = [level[2 * i]!, level[2 * i + 1]];
          if (right) left.mergeState(right);
          return left;
        });
      }
      expectIdentical(kind.read(level[0]!), oneShot);

      const [target, ...others] = fedBatches(kind, data, ranges);
      for (const index of shuffled(others.length, keys)) target!.mergeState(others[index]!);
      // Float weights may add up in another order: areas agree to rounding, and curve points are not
      // compared (which points are collinear can change with the last bit).
      if (data.weightKind !== 'float') expectIdentical(kind.read(target!), oneShot);
      else if (typeof oneShot === 'number') expectNear(kind.read(target!), oneShot);
    }), RUNS);
  });

  test('saveState → loadState round-trips bytes and result, and both continue identically', () => {
    fc.assert(fc.property(binaryData, fc.nat(), (data, cut) => {
      const split = cut % (data.labels.length + 1);
      const [metric] = fedBatches(kind, data, [[0, split]]);
      const bytes = metric!.saveState();
      const restored = kind.make();
      restored.loadState(bytes);
      expect(sameBytes(restored.saveState(), bytes)).toBe(true);
      expectIdentical(kind.read(restored), kind.read(metric!));
      for (const target of [metric!, restored]) {
        target.updateState(data.labels.slice(split), scoreArray(data, split), data.weights?.slice(split));
      }
      expect(sameBytes(restored.saveState(), metric!.saveState())).toBe(true);
      expectIdentical(kind.read(restored), kind.oneShot(data));
    }), RUNS);
  });
});

describe('bad input leaves the state byte-identical', () => {
  const badBatch = fc.record({
    n: fc.integer({ min: 1, max: 12 }),
    at: fc.nat(),
    defect: fc.constantFrom('nan score', 'infinite score', 'label 2', 'label 0.5', 'negative weight', 'nan weight', 'short weights'),
  });
  test('BinaryAUROC and BinaryPrecisionRecallCurve', () => {
    fc.assert(fc.property(binaryData, badBatch, (data, bad) => {
      for (const make of [() => new BinaryAUROC(), () => new BinaryPrecisionRecallCurve()]) {
        const metric = make();
        metric.updateState(data.labels, scoreArray(data), data.weights);
        const labels = Array.from({ length: bad.n }, (_, i) => i % 2);
        const scores = Array.from({ length: bad.n }, (_, i) => i / bad.n);
        let weights: number[] | undefined = Array.from({ length: bad.n }, () => 1);
        const i = bad.at % bad.n;
        if (bad.defect === 'nan score') scores[i] = NaN;
        if (bad.defect === 'infinite score') scores[i] = -Infinity;
        if (bad.defect === 'label 2') labels[i] = 2;
        if (bad.defect === 'label 0.5') labels[i] = 0.5;
        if (bad.defect === 'negative weight') weights[i] = -0.5;
        if (bad.defect === 'nan weight') weights[i] = NaN;
        if (bad.defect === 'short weights') weights = weights.slice(1).concat(bad.n === 1 ? [1, 1] : []);
        const code = bad.defect.includes('nan') || bad.defect.includes('infinite') ? 'NON_FINITE'
          : bad.defect === 'short weights' ? 'WEIGHT_SHAPE' : 'INVALID_INPUT';
        expectRejected(metric, update(metric, labels, scores, weights), code);
      }
    }), RUNS);
  });
});

// ---------------------------------------------------------------------------
// Multiclass and multilabel

const rowsData = fc.record({
  rows: fc.integer({ min: 1, max: 30 }),
  columns: fc.integer({ min: 2, max: 5 }),
}).chain(({ rows, columns }) => fc.record({
  rows: fc.constant(rows),
  columns: fc.constant(columns),
  // Small integers per cell: scores with ties; rows normalised to probabilities for multiclass.
  cells: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: rows * columns, maxLength: rows * columns }),
  indicators: fc.array(fc.constantFrom(0, 1), { minLength: rows * columns, maxLength: rows * columns }),
  classes: fc.array(fc.integer({ min: 0, max: columns - 1 }), { minLength: rows, maxLength: rows }),
  weights: fc.array(dyadicWeights, { minLength: rows, maxLength: rows }),
}));

type RowsData = typeof rowsData extends fc.Arbitrary<infer T> ? T : never;

function probabilityRows(data: RowsData): number[][] {
  return Array.from({ length: data.rows }, (_, r) => {
    const row = data.cells.slice(r * data.columns, (r + 1) * data.columns);
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((value) => value / total);
  });
}

const indicatorRows = (data: RowsData): number[][] =>
  Array.from({ length: data.rows }, (_, r) => data.indicators.slice(r * data.columns, (r + 1) * data.columns));

interface RowsKind {
  readonly make: (columns: number) => Metric;
  readonly inputs: (data: RowsData) => { yTrue: unknown[]; yPred: number[][]; weights: number[] | undefined };
  readonly oneShot: (data: RowsData) => unknown;
}

const ROW_KINDS: ReadonlyArray<readonly [string, RowsKind]> = [
  ...(['macro', 'weighted', 'micro', null] as const).map((average): [string, RowsKind] => [`MulticlassAUROC ovr ${average}`, {
    make: (columns) => new MulticlassAUROC({ numClasses: columns, average }),
    inputs: (d) => ({ yTrue: d.classes, yPred: probabilityRows(d), weights: d.weights }),
    oneShot: (d) => rocAucScore(d.classes, probabilityRows(d), {
      multiClass: 'ovr', average, sampleWeight: d.weights, labels: Array.from({ length: d.columns }, (_, c) => c),
    }),
  }]),
  ...(['macro', 'weighted'] as const).map((average): [string, RowsKind] => [`MulticlassAUROC ovo ${average}`, {
    make: (columns) => new MulticlassAUROC({ numClasses: columns, average, multiClass: 'ovo' }),
    inputs: (d) => ({ yTrue: d.classes, yPred: probabilityRows(d), weights: undefined }),
    oneShot: (d) => rocAucScore(d.classes, probabilityRows(d), {
      multiClass: 'ovo', average, labels: Array.from({ length: d.columns }, (_, c) => c),
    }),
  }]),
  ...(['macro', 'weighted', 'micro', 'samples', null] as const).map((average): [string, RowsKind] => [`MultilabelAUROC ${average}`, {
    make: (columns) => new MultilabelAUROC({ numLabels: columns, average }),
    inputs: (d) => ({ yTrue: indicatorRows(d), yPred: probabilityRows(d), weights: d.weights }),
    oneShot: (d) => rocAucScore(indicatorRows(d), probabilityRows(d), { average, sampleWeight: d.weights }),
  }]),
];

describe.each(ROW_KINDS)('%s', (_name, kind) => {
  test('batch splits and shard merges in any order give exactly the one-shot function; save/load round-trips', () => {
    fc.assert(fc.property(rowsData, cutPositions, mergeOrderKeys, (data, cuts, keys) => {
      // Two-class multiclass data is binary to scikit-learn's roc_auc_score unless it has more than two columns.
      fc.pre(!(kind.make(data.columns) instanceof MulticlassAUROC) || data.columns > 2);
      const { yTrue, yPred, weights } = kind.inputs(data);
      const oneShot = kind.oneShot(data);
      const ranges = cutRanges(data.rows, cuts);
      // Rows [from, to) with explicit shapes, so that empty batches keep their row width.
      const batch = (from: number, to: number): [ArrayInput, ArrayInput, number[] | undefined] => {
        const labels = yTrue.slice(from, to);
        const labelInput = kind.make(data.columns) instanceof MultilabelAUROC
          ? { data: (labels as number[][]).flat(), shape: [to - from, data.columns] } : labels as number[];
        return [labelInput, { data: yPred.slice(from, to).flat(), shape: [to - from, data.columns] }, weights?.slice(from, to)];
      };
      const shards = ranges.map(([from, to]) => {
        const metric = kind.make(data.columns);
        metric.updateState(...batch(from, to));
        return metric;
      });
      const whole = kind.make(data.columns);
      for (const [from, to] of ranges) {
        whole.updateState(...batch(from, to));
      }
      expectIdentical(whole.result(), oneShot);
      const restored = kind.make(data.columns);
      restored.loadState(whole.saveState());
      expect(sameBytes(restored.saveState(), whole.saveState())).toBe(true);
      const [target, ...others] = shards;
      for (const index of shuffled(others.length, keys)) target!.mergeState(others[index]!);
      expectIdentical(target!.result(), oneShot);
    }), { ...RUNS, numRuns: 30 });
  });
});

// ---------------------------------------------------------------------------
// The functions against brute force

const samplesOf = (data: BinaryData): Samples => ({ scores: data.scores, labels: data.labels, weights: data.weights });

describe('against brute-force references', () => {
  test('scoreGroups: distinct scores decreasing, with the weight of each class at each', () => {
    fc.assert(fc.property(binaryData, (data) => {
      const groups = scoreGroups(scoreArray(data), Uint8Array.from(data.labels), data.weights && Float64Array.from(data.weights));
      const distinct = distinctScores(samplesOf(data));
      expect([...groups.scores]).toEqual(distinct);
      distinct.forEach((score, g) => {
        const at = (label: number) => data.scores.reduce((sum, s, i) =>
          sum + (s === score && data.labels[i] === label ? (data.weights ? data.weights[i]! : 1) : 0), 0);
        expectClose(groups.positives[g]!, at(1), `positives at ${score}`);
        expectClose(groups.negatives[g]!, at(0), `negatives at ${score}`);
      });
      expect([...groups.scores].every((s) => !Object.is(s, -0))).toBe(true);
    }), RUNS);
  });

  test('rocAucScore is the pair count; exact when weights add exactly', () => {
    fc.assert(fc.property(binaryData, (data) => {
      const auc = rocAucScore(data.labels, scoreArray(data), options(data)) as number;
      const reference = pairAuc(samplesOf(data));
      if (data.weightKind === 'float') expectClose(auc, reference, 'auc', 1e-12);
      else expect(auc).toBe(reference);
    }), RUNS);
  });

  test('averagePrecisionScore is the step sum over distinct thresholds', () => {
    fc.assert(fc.property(binaryData, (data) => {
      expectClose(averagePrecisionScore(data.labels, scoreArray(data), options(data)) as number, stepAveragePrecision(samplesOf(data)), 'ap', 1e-12);
    }), RUNS);
  });

  test('rocCurve without dropping has a point per distinct score; dropping keeps the ends and never changes the area', () => {
    fc.assert(fc.property(binaryData, (data) => {
      const full = rocCurve(data.labels, scoreArray(data), { ...options(data), dropIntermediate: false, posLabel: 1 });
      const reference = bruteRocCurve(samplesOf(data));
      expect(full.thresholds).toEqual(reference.thresholds);
      expectAllClose(full.fpr, reference.fpr, 'fpr');
      expectAllClose(full.tpr, reference.tpr, 'tpr');
      const dropped = rocCurve(data.labels, scoreArray(data), { ...options(data), posLabel: 1 });
      expect(dropped.thresholds.every((t) => full.thresholds.includes(t))).toBe(true);
      expect(dropped.thresholds.at(-1)).toBe(full.thresholds.at(-1));
      const area = (c: { fpr: number[]; tpr: number[] }) => c.fpr.slice(1).reduce((sum, x, i) => sum + (x - c.fpr[i]!) * (c.tpr[i + 1]! + c.tpr[i]!) / 2, 0);
      if (!Number.isNaN(area(full))) expectClose(area(dropped), area(full), 'area', 1e-9);
    }), RUNS);
  });

  test('precisionRecallCurve: precision and recall at each distinct threshold, increasing', () => {
    fc.assert(fc.property(binaryData, (data) => {
      const curve = precisionRecallCurve(data.labels, scoreArray(data), { ...options(data), posLabel: 1 });
      const samples = samplesOf(data);
      const thresholds = distinctScores(samples).reverse();
      expect(curve.thresholds).toEqual(thresholds);
      const positives = countsAtOrAbove(samples, -Infinity).tp;
      thresholds.forEach((t, i) => {
        const { tp, fp } = countsAtOrAbove(samples, t);
        expectClose(curve.precision[i]!, tp + fp > 0 ? tp / (tp + fp) : 0, `precision at ${t}`);
        expectClose(curve.recall[i]!, positives > 0 ? tp / positives : 1, `recall at ${t}`);
      });
      expect([curve.precision.at(-1), curve.recall.at(-1)]).toEqual([1, 0]);
    }), RUNS);
  });
});
