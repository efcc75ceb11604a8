// Saved state, reset and merge: round trips for every metric, the byte format,
// and R2's merge of shifted sums checked against a two-pass float64 reference.
import { describe, expect, test } from 'vitest';
import {
  AUC, BinaryAccuracy, FalseNegatives, FalsePositives, MeanAbsoluteError, MeanSquaredError, Precision, R2Score, Recall,
  RootMeanSquaredError, STATE_FORMAT_VERSION, TrueNegatives, TruePositives, type ArrayInput, type Metric, type MetricResult,
} from '../src/index.js';
import { mulberry32 } from './support/random.js';
import { sameBytes, savedArrays } from './support/state.js';

interface StateCase {
  readonly make: () => Metric;
  /** Two batches, so the state holds more than one update. */
  readonly batches: ReadonlyArray<readonly [ArrayInput, ArrayInput, ArrayInput?]>;
  /** Shaped on its first update (multi-label AUC without numLabels, R2Score). */
  readonly lazy?: boolean;
}

const flat: StateCase['batches'] = [
  [[1, 0, 1, 1, 0, 0, 1], [0.9, 0.2, 0.45, 0.7, 0.6, 0.05, 0.3], [1, 2, 1, 0, 1, 0.5, 3]],
  [[0, 1, 1], [0.55, 0.8, 0.1]],
];
const rows3: StateCase['batches'] = [
  [[[1, 0, 1], [0, 1, 0], [1, 1, 0]], [[0.8, 0.1, 0.6], [0.3, 0.7, 0.2], [0.55, 0.9, 0.4]], [1, 0.5, 2]],
  [[[0, 0, 1], [1, 0, 0]], [[0.2, 0.4, 0.9], [0.6, 0.5, 0.1]]],
];
const regression3: StateCase['batches'] = [
  [[[1.5, -2, 10], [0.5, 3, 12], [2, -1, 9]], [[1.2, -1.5, 11], [0.9, 2, 12.5], [2.4, -0.5, 8]], [1, 2, 0.5]],
  [[[3, 0, 10.5], [-1, 1, 11]], [[2.5, 0.5, 10], [-0.5, 1.5, 11.5]]],
];
const regressionColumn: StateCase['batches'] = [
  [{ data: [1.5, 0.5, 2, 4], shape: [4, 1] }, { data: [1.2, 0.9, 2.4, 3], shape: [4, 1] }, [1, 2, 0.5, 1]],
  [{ data: [3, -1], shape: [2, 1] }, { data: [2.5, -0.5], shape: [2, 1] }],
];

const CASES: ReadonlyArray<readonly [string, StateCase]> = [
  ['AUC', { make: () => new AUC(), batches: flat }],
  ['AUC PR with explicit thresholds', { make: () => new AUC({ curve: 'PR', thresholds: [0.1, 0.4, 0.75] }), batches: flat }],
  ['AUC multiLabel, built lazily', { make: () => new AUC({ multiLabel: true }), batches: rows3, lazy: true }],
  ['AUC multiLabel with numLabels', { make: () => new AUC({ multiLabel: true, numLabels: 3, labelWeights: [1, 2, 0] }), batches: rows3 }],
  ['BinaryAccuracy', { make: () => new BinaryAccuracy(), batches: flat }],
  ['TruePositives', { make: () => new TruePositives({ thresholds: [0.3, 0.5] }), batches: flat }],
  ['FalsePositives', { make: () => new FalsePositives(), batches: flat }],
  ['TrueNegatives', { make: () => new TrueNegatives(), batches: flat }],
  ['FalseNegatives', { make: () => new FalseNegatives({ thresholds: [0, 0.5, 1] }), batches: flat }],
  ['Precision with topK', { make: () => new Precision({ topK: 2 }), batches: rows3 }],
  ['Recall with classId', { make: () => new Recall({ classId: 1, thresholds: [0.2, 0.6] }), batches: rows3 }],
  ['MeanSquaredError', { make: () => new MeanSquaredError(), batches: regressionColumn }],
  ['MeanAbsoluteError', { make: () => new MeanAbsoluteError(), batches: regression3 }],
  ['RootMeanSquaredError', { make: () => new RootMeanSquaredError(), batches: regression3 }],
  ['R2Score 1 output', { make: () => new R2Score(), batches: regressionColumn, lazy: true }],
  ['R2Score 3 outputs', { make: () => new R2Score({ classAggregation: null }), batches: regression3, lazy: true }],
];

function fed(stateCase: StateCase, batches = stateCase.batches): Metric {
  const metric = stateCase.make();
  for (const [yTrue, yPred, weight] of batches) metric.updateState(yTrue, yPred, weight);
  return metric;
}

describe.each(CASES)('%s', (_name, stateCase) => {
  test('saveState → loadState into a fresh metric gives the same result and the same bytes', () => {
    const original = fed(stateCase);
    const bytes = original.saveState();
    const restored = stateCase.make();
    restored.loadState(bytes);
    expect(restored.result()).toEqual(original.result());
    expect(sameBytes(restored.saveState(), bytes)).toBe(true);
    // Both continue identically.
    const [yTrue, yPred] = stateCase.batches[1]!;
    original.updateState(yTrue, yPred);
    restored.updateState(yTrue, yPred);
    expect(restored.result()).toEqual(original.result());
  });

  test('loadState replaces the state instead of adding to it', () => {
    const target = fed(stateCase);
    const onlySecond = fed(stateCase, stateCase.batches.slice(1));
    target.loadState(onlySecond.saveState());
    expect(target.result()).toEqual(onlySecond.result());
  });

  test('resetState zeroes every state value and keeps the shape', () => {
    const metric = fed(stateCase);
    const shapeBefore = [...savedArrays(metric.saveState())].map(([name, values]) => [name, values.length]);
    metric.resetState();
    const arrays = savedArrays(metric.saveState());
    expect([...arrays].map(([name, values]) => [name, values.length])).toEqual(shapeBefore);
    for (const values of arrays.values()) expect(values.every((v) => v === 0)).toBe(true);
    if (!stateCase.lazy) expect(sameBytes(metric.saveState(), stateCase.make().saveState())).toBe(true);
    // After a reset the metric behaves as new.
    for (const [yTrue, yPred, weight] of stateCase.batches) metric.updateState(yTrue, yPred, weight);
    expect(metric.result()).toEqual(fed(stateCase).result());
  });

  test('merging an empty metric changes nothing', () => {
    const metric = fed(stateCase);
    const before = metric.saveState();
    metric.mergeState(stateCase.make());
    expect(sameBytes(metric.saveState(), before)).toBe(true);
    const emptied = fed(stateCase);
    emptied.resetState();
    metric.mergeState(emptied);
    expect(sameBytes(metric.saveState(), before)).toBe(true);
  });

  test('merging into an empty metric copies the state, not a reference to it', () => {
    const source = fed(stateCase);
    const copy = stateCase.make();
    copy.mergeState(source);
    expect(sameBytes(copy.saveState(), source.saveState())).toBe(true);
    const copiedResult = copy.result();
    source.updateState(...stateCase.batches[0]!);
    expect(copy.result()).toEqual(copiedResult);
  });
});

describe('the byte format', () => {
  test('starts with ASCII "WMST" followed by the little-endian format version', () => {
    expect(Number.isInteger(STATE_FORMAT_VERSION) && STATE_FORMAT_VERSION >= 1).toBe(true);
    for (const [, stateCase] of CASES) {
      const bytes = fed(stateCase).saveState();
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('WMST');
      expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(STATE_FORMAT_VERSION);
    }
  });

  test('describes its class and config, and holds the counts in float64', () => {
    const tp = new TruePositives({ thresholds: [0.3, 0.5] });
    tp.updateState([1, 1, 0, 1], [0.9, 0.4, 0.8, 0.2], [2, 1, 1, 1]);
    const bytes = tp.saveState();
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { className: string; config: Record<string, unknown> };
    expect(header.className).toBe('TruePositives');
    expect(header.config).toMatchObject({ thresholds: [0.3, 0.5] });
    // Positives at 0.9 (weight 2), 0.4, 0.2: above 0.3 weigh 2 + 1, above 0.5 weigh 2.
    expect(savedArrays(bytes).get('accumulator')).toEqual([3, 2]);
  });

  test('a state saved under another name loads (the name is not part of the config that must match)', () => {
    const named = new Precision({ name: 'val_precision' });
    named.updateState([1, 0, 1], [0.9, 0.8, 0.2]);
    const plain = new Precision();
    plain.loadState(named.saveState());
    expect(plain.name).toBe('precision');
    expect(plain.result()).toBe(0.5);
  });

  test('loading into an unbuilt metric builds it with the saved shape', () => {
    const auc = fed(CASES.find(([name]) => name === 'AUC multiLabel, built lazily')![1]);
    const lazyAuc = new AUC({ multiLabel: true });
    expect(lazyAuc.numLabels).toBeUndefined();
    lazyAuc.loadState(auc.saveState());
    expect(lazyAuc.numLabels).toBe(3);
    expect(lazyAuc.result()).toBe(auc.result());

    const r2 = new R2Score({ classAggregation: null });
    r2.updateState([[1, 2, 3], [2, 4, 1]], [[1.5, 2, 2], [2, 3, 1.5]]);
    const lazyR2 = new R2Score({ classAggregation: null });
    expect(lazyR2.numOutputs).toBeUndefined();
    lazyR2.loadState(r2.saveState());
    expect(lazyR2.numOutputs).toBe(3);
    expect(lazyR2.result()).toEqual(r2.result());
  });
});

// ---------------------------------------------------------------------------
// R2 merge precision with a large target mean

function normalSampler(seed: number): () => number {
  const uniform = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** R2 of one output in float64, two passes: the weighted mean first, then squared deviations from it. */
function twoPassR2(targets: readonly number[], predictions: readonly number[], weights: readonly number[]): number {
  let weightSum = 0, weightedSum = 0;
  targets.forEach((y, i) => { weightSum += weights[i]!; weightedSum += weights[i]! * y; });
  const mean = weightedSum / weightSum;
  let total = 0, residual = 0;
  targets.forEach((y, i) => {
    total += weights[i]! * (y - mean) ** 2;
    residual += weights[i]! * (y - predictions[i]!) ** 2;
  });
  return 1 - residual / total;
}

function expectRelativelyClose(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs ${expected}`).toBe(true);
}

describe('R2Score merge precision', () => {
  const normal = normalSampler(7);
  const n = 6000;
  const targets = Array.from({ length: n }, () => 1e6 + normal());
  const predictions = targets.map((y) => y + 0.6 * normal());
  const weights = Array.from({ length: n }, (_, i) => [0, 0.5, 1, 2][i % 4]!);
  const column = (values: readonly number[], from: number, to: number): ArrayInput => ({ data: values.slice(from, to), shape: [to - from, 1] });

  test('two shards of y = 1e6 + N(0, 1), merged, match a two-pass float64 reference to 1e-12', () => {
    for (const weighted of [false, true]) {
      const cut = 2500;
      const shards = [[0, cut], [cut, n]].map(([from, to]) => {
        const shard = new R2Score();
        shard.updateState(column(targets, from!, to!), column(predictions, from!, to!), weighted ? weights.slice(from, to) : undefined);
        return shard;
      });
      shards[1]!.mergeState(shards[0]!);
      const expected = twoPassR2(targets, predictions, weighted ? weights : targets.map(() => 1));
      expect(expected).toBeGreaterThan(0.3);
      expect(expected).toBeLessThan(0.9);
      expectRelativelyClose(shards[1]!.result() as number, expected, 1e-12);
    }
  });

  test('three outputs with very different offsets, merged in either order', () => {
    const offsets = [1e6, -3e7, 42];
    const rows = 3000;
    const y = Array.from({ length: rows * 3 }, (_, i) => offsets[i % 3]! + normal());
    const p = y.map((value) => value + 0.5 * normal());
    const cut = 1234;
    const shard = (from: number, to: number): R2Score => {
      const metric = new R2Score({ classAggregation: null });
      metric.updateState({ data: y.slice(from * 3, to * 3), shape: [to - from, 3] }, { data: p.slice(from * 3, to * 3), shape: [to - from, 3] });
      return metric;
    };
    const expected = [0, 1, 2].map((k) => {
      const pick = (values: number[]): number[] => values.filter((_, i) => i % 3 === k);
      return twoPassR2(pick(y), pick(p), new Array<number>(rows).fill(1));
    });
    for (const [into, from] of [[shard(0, cut), shard(cut, rows)], [shard(cut, rows), shard(0, cut)]] as const) {
      into.mergeState(from);
      const result = into.result() as MetricResult as number[];
      expected.forEach((value, k) => expectRelativelyClose(result[k]!, value, 1e-12));
    }
  });
});
