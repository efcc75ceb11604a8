// Property tests over generated data: batch-split invariance, merge = one pass,
// SIMD build = scalar build, and agreement with plain-JS references written from
// the Keras definitions. Seeds are fixed so every run checks the same cases.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  AUC, BinaryAccuracy, FalseNegatives, FalsePositives, MeanAbsoluteError, MeanSquaredError, Precision, R2Score,
  Recall, RootMeanSquaredError, TrueNegatives, TruePositives,
  type Metric, type MetricResult,
} from '../src/index.js';
import { cutRanges, feed, type Batch } from './support/batches.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';
import { mulberry32 } from './support/random.js';
import { sameBytes, savedArrays } from './support/state.js';

const RUNS = { seed: 20260611, numRuns: 25 };
const f32 = Math.fround;

// ---------------------------------------------------------------------------
// Datasets and batches

type WeightMode = 'none' | 'rows' | 'elements';
/** The typed array a dataset's labels or predictions are fed as (each reaches the kernels differently). */
type ArrayType = 'f64' | 'f32' | 'u8';

interface Dataset {
  readonly rows: number;
  /** Elements per row; 1 for rank-1 data. */
  readonly rowLength: number;
  /** 1: shape (rows,); 2: shape (rows, rowLength). */
  readonly rank: 1 | 2;
  readonly yTrue: readonly number[];
  readonly yPred: readonly number[];
  readonly weightMode: WeightMode;
  /** One weight per row ('rows') or per element ('elements'); empty for 'none'. */
  readonly weights: readonly number[];
  readonly labelType: ArrayType;
  readonly predictionType: ArrayType;
}

/** Rows [fromRow, toRow) of a dataset as { data, shape } inputs. */
function batchOf(data: Dataset, fromRow: number, toRow: number): Batch {
  const k = data.rowLength;
  const rows = toRow - fromRow;
  const shape = data.rank === 1 ? [rows] : [rows, k];
  const values = (list: readonly number[], type: ArrayType = 'f64'): Float64Array | Float32Array | Uint8Array => {
    const part = list.slice(fromRow * k, toRow * k);
    return type === 'u8' ? Uint8Array.from(part) : type === 'f32' ? Float32Array.from(part) : Float64Array.from(part);
  };
  const weight = data.weightMode === 'rows' ? { data: Float64Array.from(data.weights.slice(fromRow, toRow)), shape: [rows] }
    : data.weightMode === 'elements' ? { data: values(data.weights), shape }
    : undefined;
  return { yTrue: { data: values(data.yTrue, data.labelType), shape }, yPred: { data: values(data.yPred, data.predictionType), shape }, weight };
}

/** The values as the chosen array type holds them (float32 rounds; byte labels only for small integers). */
function representable(values: number[], type: ArrayType): { values: number[]; type: ArrayType } {
  if (type === 'f32') return { values: values.map(f32), type };
  if (type === 'u8' && !values.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return { values, type: 'f64' };
  return { values, type };
}

/** Cuts the rows at the given positions (repeated cuts give empty batches). */
function batchesOf(data: Dataset, cuts: readonly number[]): Batch[] {
  return cutRanges(data.rows, cuts).map(([from, to]) => batchOf(data, from, to));
}

/** Weight of every element (a row weight repeats along its row). */
function elementWeights(data: Dataset): number[] {
  const n = data.rows * data.rowLength;
  if (data.weightMode === 'none') return new Array<number>(n).fill(1);
  if (data.weightMode === 'elements') return [...data.weights];
  return Array.from({ length: n }, (_, i) => data.weights[Math.floor(i / data.rowLength)]!);
}

interface DataSpec {
  readonly rank: 1 | 2 | 'either';
  /** Row length range for rank-2 data. */
  readonly rowLength?: readonly [number, number];
  readonly labels: fc.Arbitrary<number>;
  readonly predictions: fc.Arbitrary<number>;
  readonly weightModes?: readonly WeightMode[];
  readonly maxRows?: number;
}

/** Non-negative dyadic weights (zeros included): every weighted count is an exact float64 sum. */
const weightValues = fc.constantFrom(0, 0.25, 0.5, 1, 1, 2, 3);

function datasets(spec: DataSpec): fc.Arbitrary<Dataset> {
  const [minLength, maxLength] = spec.rowLength ?? [1, 4];
  return fc.record({
    rank: spec.rank === 'either' ? fc.constantFrom<1 | 2>(1, 2) : fc.constant(spec.rank),
    rows: fc.integer({ min: 1, max: spec.maxRows ?? 40 }),
    rowLength: fc.integer({ min: minLength, max: maxLength }),
    weightMode: fc.constantFrom(...(spec.weightModes ?? ['none', 'rows', 'elements'] as const)),
    labelType: fc.constantFrom<ArrayType>('f64', 'f32', 'u8'),
    predictionType: fc.constantFrom<ArrayType>('f64', 'f32'),
  }).chain(({ rank, rows, rowLength, weightMode, labelType, predictionType }) => {
    const k = rank === 1 ? 1 : rowLength;
    const n = rows * k;
    const weightCount = weightMode === 'rows' ? rows : weightMode === 'elements' ? n : 0;
    return fc.record({
      yTrue: fc.array(spec.labels, { minLength: n, maxLength: n }),
      yPred: fc.array(spec.predictions, { minLength: n, maxLength: n }),
      weights: fc.array(weightValues, { minLength: weightCount, maxLength: weightCount }),
    }).map(({ yTrue, yPred, weights }): Dataset => {
      const labels = representable(yTrue, labelType), predictions = representable(yPred, predictionType);
      return {
        rows, rowLength: k, rank, weightMode, weights,
        yTrue: labels.values, labelType: labels.type, yPred: predictions.values, predictionType: predictions.type,
      };
    });
  });
}

/** Cut positions (taken modulo rows + 1); duplicates make empty batches. */
const cutPositions = fc.array(fc.nat({ max: 1000 }), { maxLength: 6 });
/** Sort keys that put the shards in a random merge order. */
const mergeOrderKeys = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });

function shuffledIndices(count: number, keys: readonly number[]): number[] {
  return Array.from({ length: count }, (_, i) => i).sort((a, b) => keys[a % keys.length]! - keys[b % keys.length]! || a - b);
}

// Labels: any non-zero label is positive for the confusion metrics and AUC.
const binaryLabels = fc.constantFrom(0, 1, 0, 1, 2, 0.5);
// BinaryAccuracy only matches labels that are exactly 0 or 1; 0.5 never matches.
const accuracyLabels = fc.constantFrom(0, 1, 0, 1, 0.5);
const probabilities = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  // Grid values and thresholds, where strict ">" and float32 bucket rounding decide.
  { weight: 2, arbitrary: fc.constantFrom(0, 0.25, 0.3, 0.35, 0.5, 0.8, 1) },
  // Out of [0, 1]: the bucketed path clips, the direct path does not.
  { weight: 1, arbitrary: fc.double({ min: -1, max: 2, noNaN: true }) },
);
const logits = fc.double({ min: -8, max: 8, noNaN: true });
/** Regression values on a 0.001 grid: not dyadic, so sums round, but never subnormal. */
const regressionValues = fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 1000);

// ---------------------------------------------------------------------------
// Result comparison

interface Tolerance {
  /** Every state value is an exact sum: results must agree bit for bit. */
  readonly exact: boolean;
  readonly absolute?: number;
}

const RELATIVE = 1e-12;

function expectClose(actual: number, expected: number, absolute: number, what: string): void {
  if (Number.isNaN(expected)) {
    expect(actual, what).toBeNaN();
    return;
  }
  const tolerance = RELATIVE * Math.max(Math.abs(actual), Math.abs(expected)) + absolute;
  expect(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`).toBe(true);
}

function expectSameResult(actual: MetricResult, expected: MetricResult, tolerance: Tolerance): void {
  const actualValues = typeof actual === 'number' ? [actual] : actual;
  const expectedValues = typeof expected === 'number' ? [expected] : expected;
  expect(typeof actual).toBe(typeof expected);
  expect(actualValues.length).toBe(expectedValues.length);
  expectedValues.forEach((value, i) => {
    if (tolerance.exact) expect(actualValues[i], `element ${i}`).toBe(value);
    else expectClose(actualValues[i]!, value, tolerance.absolute ?? 1e-15, `element ${i}`);
  });
}

/** Byte-identical saved states (a direct comparison; deep equality over bytes is slow). */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  expect(sameBytes(actual, expected), 'saved states differ').toBe(true);
}

// ---------------------------------------------------------------------------
// Metric configurations under test

interface MetricCase extends Tolerance {
  readonly title: string;
  readonly make: () => Metric;
  readonly data: fc.Arbitrary<Dataset>;
}

const binaryData = (rank: DataSpec['rank'], rowLength?: readonly [number, number]): fc.Arbitrary<Dataset> =>
  datasets({ rank, rowLength, labels: binaryLabels, predictions: probabilities });
const regressionData = (rank: DataSpec['rank'], rowLength?: readonly [number, number], weightModes?: readonly WeightMode[]): fc.Arbitrary<Dataset> =>
  datasets({ rank, rowLength, labels: regressionValues, predictions: regressionValues, weightModes });
// MSE and MAE weigh samples (rows): Keras cannot broadcast an (n, k) weight onto their (n,) per-sample values.
const perSampleWeights: readonly WeightMode[] = ['none', 'rows'];

const CASES: readonly MetricCase[] = [
  { title: 'AUC default (200 buckets)', make: () => new AUC(), data: binaryData('either'), exact: true },
  { title: 'AUC explicit non-even thresholds', make: () => new AUC({ thresholds: [0.1, 0.3, 0.35, 0.8] }), data: binaryData('either'), exact: true },
  { title: 'AUC PR', make: () => new AUC({ curve: 'PR' }), data: binaryData('either'), exact: true },
  { title: 'AUC PRGAIN majoring', make: () => new AUC({ curve: 'PRGAIN', summationMethod: 'majoring', numThresholds: 17 }), data: binaryData('either'), exact: true },
  { title: 'AUC multiLabel (3 labels, built lazily)', make: () => new AUC({ multiLabel: true }), data: binaryData(2, [3, 3]), exact: true },
  {
    title: 'AUC multiLabel with numLabels and labelWeights',
    make: () => new AUC({ multiLabel: true, numLabels: 3, labelWeights: [1, 0, 2], curve: 'PR' }),
    data: binaryData(2, [3, 3]), exact: true,
  },
  { title: 'AUC flat with labelWeights', make: () => new AUC({ labelWeights: [1, 2, 0.5] }), data: binaryData(2, [3, 3]), exact: true },
  {
    title: 'AUC fromLogits',
    make: () => new AUC({ fromLogits: true, numThresholds: 50 }),
    data: datasets({ rank: 'either', labels: binaryLabels, predictions: logits }), exact: true,
  },
  { title: 'Precision with 3 thresholds', make: () => new Precision({ thresholds: [0.25, 0.5, 0.8] }), data: binaryData('either'), exact: true },
  { title: 'Precision with evenly spaced thresholds (bucketed)', make: () => new Precision({ thresholds: [0, 0.5, 1] }), data: binaryData('either'), exact: true },
  { title: 'Recall with topK 2', make: () => new Recall({ topK: 2 }), data: binaryData(2, [1, 5]), exact: true },
  { title: 'Precision with classId 1', make: () => new Precision({ classId: 1 }), data: binaryData(2, [2, 4]), exact: true },
  { title: 'Recall with topK and classId', make: () => new Recall({ topK: 1, classId: 0, thresholds: 0.3 }), data: binaryData(2, [2, 4]), exact: true },
  { title: 'TruePositives', make: () => new TruePositives(), data: binaryData('either'), exact: true },
  { title: 'FalsePositives at 2 thresholds', make: () => new FalsePositives({ thresholds: [0.3, 0.6] }), data: binaryData('either'), exact: true },
  { title: 'TrueNegatives at 0.3', make: () => new TrueNegatives({ thresholds: 0.3 }), data: binaryData('either'), exact: true },
  { title: 'FalseNegatives at 3 thresholds', make: () => new FalseNegatives({ thresholds: [0.2, 0.5, 0.9] }), data: binaryData('either'), exact: true },
  {
    title: 'BinaryAccuracy',
    make: () => new BinaryAccuracy(),
    data: datasets({ rank: 'either', labels: accuracyLabels, predictions: probabilities }), exact: false,
  },
  {
    title: 'BinaryAccuracy threshold 0.3',
    make: () => new BinaryAccuracy({ threshold: 0.3 }),
    data: datasets({ rank: 'either', labels: accuracyLabels, predictions: probabilities }), exact: false,
  },
  { title: 'R2Score 1 output', make: () => new R2Score(), data: regressionData('either', [1, 1]), exact: false, absolute: 1e-12 },
  { title: 'R2Score 3 outputs', make: () => new R2Score(), data: regressionData(2, [3, 3]), exact: false, absolute: 1e-12 },
  { title: 'R2Score 3 outputs, per-output vector', make: () => new R2Score({ classAggregation: null }), data: regressionData(2, [3, 3]), exact: false, absolute: 1e-12 },
  {
    title: 'R2Score variance weighted, adjusted',
    make: () => new R2Score({ classAggregation: 'variance_weighted_average', numRegressors: 2 }),
    data: regressionData(2, [2, 2]), exact: false, absolute: 1e-12,
  },
  { title: 'MeanSquaredError (n, k)', make: () => new MeanSquaredError(), data: regressionData(2, [1, 4], perSampleWeights), exact: false },
  { title: 'MeanAbsoluteError (n, k)', make: () => new MeanAbsoluteError(), data: regressionData(2, [1, 4], perSampleWeights), exact: false },
  { title: 'RootMeanSquaredError', make: () => new RootMeanSquaredError(), data: regressionData('either'), exact: false },
];

describe.each(CASES)('$title', (metricCase) => {
  test('any split into batches gives the one-batch result', () => {
    fc.assert(fc.property(metricCase.data, cutPositions, (data, cuts) => {
      const whole = feed(metricCase.make(), [batchOf(data, 0, data.rows)]);
      const split = feed(metricCase.make(), batchesOf(data, cuts));
      expectSameResult(split.result(), whole.result(), metricCase);
    }), RUNS);
  });

  test('merging shard states equals one pass, also through saveState/loadState', () => {
    fc.assert(fc.property(metricCase.data, cutPositions, mergeOrderKeys, (data, cuts, keys) => {
      const onePass = feed(metricCase.make(), [batchOf(data, 0, data.rows)]).result();
      const shards = batchesOf(data, cuts).map((batch) => feed(metricCase.make(), [batch]));
      const savedShards = shards.map((shard) => shard.saveState());

      const [first, ...rest] = shards;
      for (const index of shuffledIndices(rest.length, keys)) first!.mergeState(rest[index]!);
      expectSameResult(first!.result(), onePass, metricCase);

      const loaded = savedShards.map((bytes) => {
        const fresh = metricCase.make();
        fresh.loadState(bytes);
        return fresh;
      });
      const [target, ...others] = loaded;
      for (const index of shuffledIndices(others.length, keys)) target!.mergeState(others[index]!);
      expectSameResult(target!.result(), onePass, metricCase);
    }), RUNS);
  });

  test.skipIf(!bothKernelBuilds)('the SIMD and scalar kernel builds agree', () => {
    fc.assert(fc.property(metricCase.data, cutPositions, (data, cuts) => {
      const batches = batchesOf(data, cuts);
      const scalar = withKernelBuild('scalar', () => feed(metricCase.make(), batches));
      const simd = withKernelBuild('simd', () => feed(metricCase.make(), batches));
      expectSameResult(scalar.result(), simd.result(), metricCase);
      if (metricCase.exact) expectSameBytes(scalar.saveState(), simd.saveState());
    }), RUNS);
  });
});

// ---------------------------------------------------------------------------
// Inputs longer than one chunk (16384 elements), generated from a seeded PRNG

function largeDataset(
  seed: number, rows: number, rowLength: number, rank: 1 | 2, kind: 'binary' | 'regression', weightMode: WeightMode, arrayType: ArrayType,
): Dataset {
  const random = mulberry32(seed);
  const n = rows * rowLength;
  const grid = [0, 0.25, 0.3, 0.5, 1];
  const label = (): number => (kind === 'binary' ? (random() < 0.4 ? 1 : 0) : Math.round((random() - 0.5) * 2e5) / 1000);
  const prediction = (): number => kind === 'regression' ? Math.round((random() - 0.5) * 2e5) / 1000
    : random() < 0.1 ? grid[Math.floor(random() * grid.length)]! : random();
  const dyadic = [0, 0.5, 1, 2, 3];
  const weightCount = weightMode === 'rows' ? rows : weightMode === 'elements' ? n : 0;
  const labels = representable(Array.from({ length: n }, label), arrayType);
  const predictions = representable(Array.from({ length: n }, prediction), arrayType === 'u8' ? 'f64' : arrayType);
  return {
    rows, rowLength, rank, weightMode,
    yTrue: labels.values, labelType: labels.type, yPred: predictions.values, predictionType: predictions.type,
    weights: Array.from({ length: weightCount }, () => dyadic[Math.floor(random() * dyadic.length)]!),
  };
}

interface LargeCase extends Tolerance {
  readonly title: string;
  readonly make: () => Metric;
  readonly rowLength: number;
  readonly rank: 1 | 2;
  readonly kind: 'binary' | 'regression';
  readonly weightModes?: readonly WeightMode[];
}

const LARGE_CASES: readonly LargeCase[] = [
  { title: 'AUC default', make: () => new AUC(), rowLength: 1, rank: 1, kind: 'binary', exact: true },
  { title: 'AUC explicit thresholds', make: () => new AUC({ thresholds: [0.1, 0.3, 0.35, 0.8] }), rowLength: 1, rank: 1, kind: 'binary', exact: true },
  { title: 'AUC multiLabel', make: () => new AUC({ multiLabel: true }), rowLength: 3, rank: 2, kind: 'binary', exact: true },
  { title: 'Precision with 3 thresholds', make: () => new Precision({ thresholds: [0.25, 0.5, 0.8] }), rowLength: 1, rank: 1, kind: 'binary', exact: true },
  { title: 'Recall with topK 2', make: () => new Recall({ topK: 2 }), rowLength: 5, rank: 2, kind: 'binary', exact: true },
  { title: 'Precision with classId 2', make: () => new Precision({ classId: 2 }), rowLength: 3, rank: 2, kind: 'binary', exact: true },
  { title: 'BinaryAccuracy', make: () => new BinaryAccuracy(), rowLength: 1, rank: 1, kind: 'binary', exact: false },
  { title: 'R2Score 3 outputs', make: () => new R2Score(), rowLength: 3, rank: 2, kind: 'regression', exact: false, absolute: 1e-12 },
  { title: 'MeanSquaredError (n, 3)', make: () => new MeanSquaredError(), rowLength: 3, rank: 2, kind: 'regression', exact: false, weightModes: perSampleWeights },
  { title: 'RootMeanSquaredError rank 1', make: () => new RootMeanSquaredError(), rowLength: 1, rank: 1, kind: 'regression', exact: false },
];

describe.each(LARGE_CASES)('$title over several chunks', (largeCase) => {
  test('SIMD = scalar, and batch splits across chunk boundaries change nothing', () => {
    const large = fc.record({
      seed: fc.nat(),
      // Element counts from just over one chunk to about three, rarely multiples of 4.
      rows: fc.integer({ min: Math.ceil(16385 / largeCase.rowLength), max: Math.ceil(50000 / largeCase.rowLength) }),
      weightMode: fc.constantFrom(...(largeCase.weightModes ?? ['none', 'rows', 'elements'] as const)),
      cuts: fc.array(fc.nat({ max: 60000 }), { maxLength: 3 }),
      arrayType: fc.constantFrom<ArrayType>('f64', 'f32', 'u8'),
    });
    fc.assert(fc.property(large, ({ seed, rows, weightMode, cuts, arrayType }) => {
      const data = largeDataset(seed, rows, largeCase.rowLength, largeCase.rank, largeCase.kind, weightMode, arrayType);
      const whole = [batchOf(data, 0, data.rows)];
      const simd = withKernelBuild('simd', () => feed(largeCase.make(), whole));
      const split = feed(largeCase.make(), batchesOf(data, cuts));
      expectSameResult(split.result(), simd.result(), largeCase);
      if (!bothKernelBuilds) return;
      const scalar = withKernelBuild('scalar', () => feed(largeCase.make(), whole));
      expectSameResult(scalar.result(), simd.result(), largeCase);
      if (largeCase.exact) expectSameBytes(scalar.saveState(), simd.saveState());
    }), { seed: RUNS.seed, numRuns: 3 });
  });
});

// ---------------------------------------------------------------------------
// Independent references, written from the Keras definitions

interface Counts {
  readonly tp: number[];
  readonly fp: number[];
  readonly tn: number[];
  readonly fn: number[];
}

const isPositive = (label: number): boolean => f32(label) !== 0;
const divideNoNan = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Keras's standard path: an element is predicted positive when float32(p) > float32(t). */
function countsAtThresholds(labels: readonly number[], predictions: readonly number[], weights: readonly number[], thresholds: readonly number[]): Counts {
  const counts: Counts = { tp: [], fp: [], tn: [], fn: [] };
  for (const threshold of thresholds) {
    let tp = 0, fp = 0, tn = 0, fn = 0;
    predictions.forEach((p, i) => {
      const w = weights[i]!;
      const predictedPositive = f32(p) > f32(threshold);
      if (isPositive(labels[i]!)) { if (predictedPositive) tp += w; else fn += w; }
      else if (predictedPositive) fp += w;
      else tn += w;
    });
    counts.tp.push(tp); counts.fp.push(fp); counts.tn.push(tn); counts.fn.push(fn);
  }
  return counts;
}

/** Keras's bucketed path for AUC's evenly spaced thresholds: bucket = max(ceil(p·(T-1)) - 1, 0) in float32. */
function bucketedCounts(labels: readonly number[], predictions: readonly number[], weights: readonly number[], T: number): Counts {
  const positives = new Array<number>(T).fill(0), negatives = new Array<number>(T).fill(0);
  predictions.forEach((p, i) => {
    const clipped = Math.min(Math.max(f32(p), 0), 1);
    const bucket = Math.max(Math.ceil(f32(clipped * f32(T - 1))) - 1, 0);
    if (isPositive(labels[i]!)) positives[bucket]! += weights[i]!;
    else negatives[bucket]! += weights[i]!;
  });
  const totalPositive = positives.reduce((a, b) => a + b, 0), totalNegative = negatives.reduce((a, b) => a + b, 0);
  const counts: Counts = { tp: new Array(T), fp: new Array(T), tn: new Array(T), fn: new Array(T) };
  // Reverse cumulative sums: threshold t counts every bucket >= t.
  let tp = 0, fp = 0;
  for (let t = T - 1; t >= 0; t--) {
    tp += positives[t]!;
    fp += negatives[t]!;
    counts.tp[t] = tp; counts.fp[t] = fp;
    counts.fn[t] = totalPositive - tp; counts.tn[t] = totalNegative - fp;
  }
  return counts;
}

/** Keras AUC, ROC curve, interpolation: Σ (x_i - x_{i+1}) · (y_i + y_{i+1}) / 2. */
function interpolatedRocAuc(counts: Counts): number {
  const x = counts.fp.map((fp, t) => divideNoNan(fp, fp + counts.tn[t]!));
  const y = counts.tp.map((tp, t) => divideNoNan(tp, tp + counts.fn[t]!));
  let area = 0;
  for (let i = 0; i < x.length - 1; i++) area += (x[i]! - x[i + 1]!) * (y[i]! + y[i + 1]!) / 2;
  return area;
}

/** Keras is_evenly_distributed_thresholds: such lists take the bucketed path, which clips predictions. */
function isKerasEvenGrid(thresholds: readonly number[]): boolean {
  const n = thresholds.length;
  return n >= 3 && thresholds.every((t, i) => Math.abs(t - i / (n - 1)) <= 1e-7 + 1e-5 * (i / (n - 1)));
}

/** Keras _filter_top_k on float32 values: keep the k largest per row (ties to the lowest index), the rest become -1e10. */
function filterTopK(predictions: readonly number[], rowLength: number, k: number): number[] {
  const out: number[] = [];
  for (let start = 0; start < predictions.length; start += rowLength) {
    const row = predictions.slice(start, start + rowLength).map(f32);
    const kept = new Set(row.map((value, j) => ({ value, j })).sort((a, b) => b.value - a.value || a.j - b.j).slice(0, k).map((e) => e.j));
    row.forEach((value, j) => out.push(kept.has(j) ? value : -1e10));
  }
  return out;
}

/** Column `column` of row-major data. */
function columnOf(values: readonly number[], rowLength: number, column: number): number[] {
  return values.filter((_, i) => i % rowLength === column);
}

describe('agreement with plain-JS references', () => {
  const thresholdLists = fc.uniqueArray(
    fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.25, 0.3, 0.5, 1)),
    { minLength: 1, maxLength: 4 },
  ).filter((list) => !isKerasEvenGrid(list));

  // Predictions drawn partly from the thresholds themselves, so ties test the strict ">".
  const dataWithThresholds = thresholdLists.chain((thresholds) => fc.record({
    thresholds: fc.constant(thresholds),
    data: datasets({
      rank: 'either', labels: fc.constantFrom(0, 1, 2, 0.5, -1),
      predictions: fc.oneof(fc.double({ min: -0.5, max: 1.5, noNaN: true }), fc.constantFrom(...thresholds)),
    }),
  }));

  const asResult = (values: number[]): MetricResult => (values.length === 1 ? values[0]! : values);

  test('TP/FP/TN/FN, Precision and Recall at arbitrary thresholds', () => {
    fc.assert(fc.property(dataWithThresholds, ({ thresholds, data }) => {
      const batch = [batchOf(data, 0, data.rows)];
      const expected = countsAtThresholds(data.yTrue, data.yPred, elementWeights(data), thresholds);
      expect(feed(new TruePositives({ thresholds }), batch).result()).toEqual(asResult(expected.tp));
      expect(feed(new FalsePositives({ thresholds }), batch).result()).toEqual(asResult(expected.fp));
      expect(feed(new TrueNegatives({ thresholds }), batch).result()).toEqual(asResult(expected.tn));
      expect(feed(new FalseNegatives({ thresholds }), batch).result()).toEqual(asResult(expected.fn));
      expect(feed(new Precision({ thresholds }), batch).result())
        .toEqual(asResult(expected.tp.map((tp, t) => divideNoNan(tp, tp + expected.fp[t]!))));
      expect(feed(new Recall({ thresholds }), batch).result())
        .toEqual(asResult(expected.tp.map((tp, t) => divideNoNan(tp, tp + expected.fn[t]!))));
    }), RUNS);
  });

  test('Precision and Recall with topK and classId', () => {
    const options = fc.record({
      data: datasets({ rank: 2, rowLength: [2, 5], labels: binaryLabels, predictions: probabilities }),
      topK: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      classIdSeed: fc.option(fc.nat(), { nil: undefined }),
      threshold: fc.option(fc.constantFrom(0, 0.3, 0.5), { nil: undefined }),
    });
    fc.assert(fc.property(options, ({ data, topK, classIdSeed, threshold }) => {
      const classId = classIdSeed === undefined ? undefined : classIdSeed % data.rowLength;
      let predictions = [...data.yPred];
      let labels = [...data.yTrue];
      let weights = elementWeights(data);
      if (topK !== undefined) predictions = filterTopK(predictions, data.rowLength, topK);
      if (classId !== undefined) {
        predictions = columnOf(predictions, data.rowLength, classId);
        labels = columnOf(labels, data.rowLength, classId);
        weights = columnOf(weights, data.rowLength, classId);
      }
      // Keras's default threshold with top_k is NEG_INF, so every kept entry is predicted positive.
      const thresholds = [threshold ?? (topK === undefined ? 0.5 : -1e10)];
      const expected = countsAtThresholds(labels, predictions, weights, thresholds);
      const config = { topK, classId, thresholds: threshold };
      const batch = [batchOf(data, 0, data.rows)];
      const precision = feed(new Precision(config), batch);
      const recall = feed(new Recall(config), batch);
      expect(savedArrays(precision.saveState()).get('true_positives')).toEqual(expected.tp);
      expect(savedArrays(precision.saveState()).get('false_positives')).toEqual(expected.fp);
      expect(savedArrays(recall.saveState()).get('false_negatives')).toEqual(expected.fn);
      expect(precision.result()).toBe(divideNoNan(expected.tp[0]!, expected.tp[0]! + expected.fp[0]!));
      expect(recall.result()).toBe(divideNoNan(expected.tp[0]!, expected.tp[0]! + expected.fn[0]!));
    }), RUNS);
  });

  test('BinaryAccuracy: weighted mean over samples of per-row match rates', () => {
    const options = fc.record({
      data: datasets({ rank: 'either', labels: accuracyLabels, predictions: probabilities }),
      threshold: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.3, 0.5)),
    });
    fc.assert(fc.property(options, ({ data, threshold }) => {
      const k = data.rowLength;
      let total = 0, count = 0;
      for (let r = 0; r < data.rows; r++) {
        const matches = Array.from({ length: k }, (_, j) => {
          const predicted = f32(data.yPred[r * k + j]!) > f32(threshold) ? 1 : 0;
          return f32(data.yTrue[r * k + j]!) === predicted ? 1 : 0;
        });
        const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / k;
        if (data.weightMode === 'none') { total += mean(matches); count += 1; }
        else if (data.weightMode === 'rows') { total += data.weights[r]! * mean(matches); count += data.weights[r]!; }
        else {
          const rowWeights = data.weights.slice(r * k, (r + 1) * k);
          total += mean(matches.map((m, j) => m * rowWeights[j]!));
          count += mean(rowWeights);
        }
      }
      const metric = feed(new BinaryAccuracy({ threshold }), batchesOf(data, []));
      expectClose(metric.result() as number, divideNoNan(total, count), 1e-15, 'binary accuracy');
    }), RUNS);
  });

  test('MeanSquaredError: weighted mean over rows of the per-row mean squared error', () => {
    const data = datasets({ rank: 2, labels: regressionValues, predictions: regressionValues, weightModes: ['none', 'rows'] });
    fc.assert(fc.property(data, cutPositions, (dataset, cuts) => {
      const k = dataset.rowLength;
      let total = 0, count = 0;
      for (let r = 0; r < dataset.rows; r++) {
        let squares = 0;
        for (let j = 0; j < k; j++) squares += (dataset.yTrue[r * k + j]! - dataset.yPred[r * k + j]!) ** 2;
        const weight = dataset.weightMode === 'rows' ? dataset.weights[r]! : 1;
        total += weight * (squares / k);
        count += weight;
      }
      const metric = feed(new MeanSquaredError(), batchesOf(dataset, cuts));
      expectClose(metric.result() as number, divideNoNan(total, count), 1e-15, 'mse');
    }), RUNS);
  });

  test('R2Score: 1 - SSres/SStot per output (two-pass reference), aggregated and adjusted', () => {
    const options = fc.record({
      data: datasets({ rank: 'either', rowLength: [1, 3], labels: regressionValues, predictions: regressionValues, maxRows: 60 })
        // A constant target column has no variance: R2 is 0/0 or ±inf there, not a precision question.
        .filter((d) => Array.from({ length: d.rowLength }, (_, c) => c).every((c) =>
          new Set(columnOf(d.yTrue, d.rowLength, c).filter((_, r) => columnOf(elementWeights(d), d.rowLength, c)[r]! > 0)).size >= 2)),
      classAggregation: fc.constantFrom<'uniform_average' | 'variance_weighted_average' | null>('uniform_average', 'variance_weighted_average', null),
      numRegressors: fc.constantFrom(0, 0, 1, 2, 5),
    });
    fc.assert(fc.property(options, cutPositions, ({ data, classAggregation, numRegressors }, cuts) => {
      const k = data.rowLength;
      const weights = elementWeights(data);
      const totals: number[] = [], raw: number[] = [];
      for (let c = 0; c < k; c++) {
        const y = columnOf(data.yTrue, k, c), p = columnOf(data.yPred, k, c), w = columnOf(weights, k, c);
        const mean = y.reduce((sum, value, i) => sum + w[i]! * value, 0) / w.reduce((a, b) => a + b, 0);
        const total = y.reduce((sum, value, i) => sum + w[i]! * (value - mean) ** 2, 0);
        const residual = y.reduce((sum, value, i) => sum + w[i]! * (value - p[i]!) ** 2, 0);
        totals.push(total);
        raw.push(1 - residual / total);
      }
      const r2 = classAggregation === 'uniform_average' ? raw.reduce((a, b) => a + b, 0) / k
        : classAggregation === 'variance_weighted_average' ? raw.reduce((sum, value, c) => sum + totals[c]! * value, 0) / totals.reduce((a, b) => a + b, 0)
        : raw;
      // Adjusted R2 counts the rows holding any non-zero weight, and applies only when p < n - 1.
      const n = Array.from({ length: data.rows }, (_, r) => weights.slice(r * k, (r + 1) * k).some((w) => w !== 0)).filter(Boolean).length;
      const adjust = (value: number): number =>
        numRegressors !== 0 && numRegressors < n - 1 ? 1 - ((1 - value) * (n - 1)) / (n - numRegressors - 1) : value;
      const expected = typeof r2 === 'number' ? adjust(r2) : r2.map(adjust);
      const metric = feed(new R2Score({ classAggregation, numRegressors }), batchesOf(data, cuts));
      expectSameResult(metric.result(), expected, { exact: false, absolute: 1e-12 });
    }), RUNS);
  });

  test('AUC with the default 200 thresholds: Keras bucket formula and ROC interpolation', () => {
    fc.assert(fc.property(binaryData('either'), cutPositions, (data, cuts) => {
      const expected = bucketedCounts(data.yTrue, data.yPred, elementWeights(data), 200);
      const metric = feed(new AUC(), batchesOf(data, cuts));
      const state = savedArrays(metric.saveState());
      expect(state.get('true_positives')).toEqual(expected.tp);
      expect(state.get('false_positives')).toEqual(expected.fp);
      expect(state.get('true_negatives')).toEqual(expected.tn);
      expect(state.get('false_negatives')).toEqual(expected.fn);
      expectClose(metric.result() as number, interpolatedRocAuc(expected), 1e-15, 'auc');
    }), RUNS);
  });

  test('AUC with explicit thresholds: strict ">" at [-1e-7, ...sorted, 1 + 1e-7]', () => {
    const explicit = thresholdLists.filter((list) => !isKerasEvenGrid([0, ...[...list].sort((a, b) => a - b), 1]));
    fc.assert(fc.property(explicit, binaryData('either'), (thresholds, data) => {
      const all = [-1e-7, ...[...thresholds].sort((a, b) => a - b), 1 + 1e-7];
      const expected = countsAtThresholds(data.yTrue, data.yPred, elementWeights(data), all);
      const metric = feed(new AUC({ thresholds }), [batchOf(data, 0, data.rows)]);
      expect(savedArrays(metric.saveState()).get('true_positives')).toEqual(expected.tp);
      expect(savedArrays(metric.saveState()).get('false_positives')).toEqual(expected.fp);
      expectClose(metric.result() as number, interpolatedRocAuc(expected), 1e-15, 'auc');
    }), RUNS);
  });
});
