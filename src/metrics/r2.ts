// Keras R2Score: coefficient of determination from streaming sufficient
// statistics. Targets are accumulated shifted by the first target seen, so a
// large target mean costs no precision; merging re-centres the other state's
// sums on this one's shift, exactly.
import { ConfigError, InputError, MetricError } from '../errors.js';
import { Metric, type BaseOptions, type Direction, type MetricResult, type StateArrays } from '../metric.js';
import { toSampleWeight, toTensor, alignPair, formatShape, type ArrayInput } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import { feedRegression } from '../wasm/feed.js';

/** Slots of the r2Sums kernel output. */
const MOMENT = { weight: 0, shifted: 1, shiftedSquares: 2, squaredError: 3 } as const;
const MOMENT_SLOTS = 4;

export type R2Aggregation = 'uniform_average' | 'variance_weighted_average' | null;

export interface R2ScoreOptions extends BaseOptions {
  /** How per-output scores combine: 'uniform_average' (default), 'variance_weighted_average', or null for the vector. */
  classAggregation?: R2Aggregation;
  /** Regressors for the adjusted R2; 0 (default) gives plain R2. */
  numRegressors?: number;
}

const AGGREGATIONS = ['uniform_average', 'variance_weighted_average', null] as const;
const PER_OUTPUT = ['shift', 'sum_weights', 'sum_shifted', 'sum_shifted_squares', 'sum_squared_residuals'] as const;

export class R2Score extends Metric {
  readonly classAggregation: R2Aggregation;
  readonly numRegressors: number;

  constructor(options: R2ScoreOptions = {}) {
    super('R2Score', 'r2_score', options, ['classAggregation', 'numRegressors']);
    const aggregation = options.classAggregation === undefined ? 'uniform_average' : options.classAggregation;
    if (!AGGREGATIONS.includes(aggregation)) {
      throw new ConfigError('INVALID_CONFIG',
        `Invalid classAggregation: ${JSON.stringify(aggregation)}. Expected 'uniform_average', 'variance_weighted_average' or null.`);
    }
    const numRegressors = options.numRegressors ?? 0;
    if (typeof numRegressors !== 'number' || !Number.isInteger(numRegressors) || numRegressors < 0) {
      throw new ConfigError('INVALID_CONFIG', `numRegressors must be an integer >= 0; received ${JSON.stringify(numRegressors)}.`);
    }
    this.classAggregation = aggregation;
    this.numRegressors = numRegressors;
  }

  get direction(): Direction {
    return 'up';
  }

  /** Number of outputs (columns), known after the first update. */
  get numOutputs(): number | undefined {
    return this.isBuilt ? this.state('shift').length : undefined;
  }

  private build(outputs: number): void {
    this.defineState({ ...Object.fromEntries(PER_OUTPUT.map((name) => [name, outputs])), num_samples: 1, rows_seen: 1 });
  }

  protected get buildsLazily(): boolean {
    return true;
  }

  protected acceptsStateLayout(layout: ReadonlyArray<readonly [string, number]>): boolean {
    const names = [...PER_OUTPUT, 'num_samples', 'rows_seen'];
    const outputs = layout[0]?.[1] ?? 0;
    return layout.length === names.length && outputs > 0 &&
      layout.every(([name, length], i) => name === names[i] && length === (i < PER_OUTPUT.length ? outputs : 1));
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    // A rank-1 batch is one output per sample (Keras requires (samples, outputs) and raises instead).
    const shape = pair.yPred.shape.length === 1 ? [pair.yPred.shape[0]!, 1] : pair.yPred.shape;
    if (shape.length !== 2) {
      throw new InputError('SHAPE_MISMATCH', `R2Score expects inputs of shape (samples, outputs); received ${formatShape(pair.yPred.shape)}.`);
    }
    const [rows, outputs] = shape as [number, number];
    if (this.isBuilt && outputs !== this.numOutputs) {
      throw new InputError('SHAPE_MISMATCH', `This R2Score has ${this.numOutputs} outputs; the batch has ${outputs}.`);
    }
    const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
    const fresh = !this.isBuilt || this.state('rows_seen')[0] === 0;
    const shifts = fresh
      ? Float64Array.from({ length: outputs }, (_, k) => (rows > 0 ? pair.yTrue.data[k]! : 0))
      : this.state('shift').slice();
    const { output, sawNonFinite, nonZeroWeightRows } = feedRegression({
      targets: pair.yTrue.data, predictions: pair.yPred.data, weights, rows, rowLength: outputs, shape: pair.yPred.shape,
      nonFinite: this.nonFinite, perColumn: outputs > 1, outputSlots: MOMENT_SLOTS, countNonZeroWeightRows: true,
    }, (a, chunk, isF64, column, out) =>
      a.kernels.r2Sums(chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, shifts[column]!, out));

    if (!this.isBuilt) this.build(outputs);
    if (rows === 0) return;
    const at = (column: number, slot: number): number => (sawNonFinite ? NaN : output[column * MOMENT_SLOTS + slot]!);
    this.state('shift').set(shifts);
    for (let k = 0; k < outputs; k++) {
      this.state('sum_weights')[k]! += at(k, MOMENT.weight);
      this.state('sum_shifted')[k]! += at(k, MOMENT.shifted);
      this.state('sum_shifted_squares')[k]! += at(k, MOMENT.shiftedSquares);
      this.state('sum_squared_residuals')[k]! += at(k, MOMENT.squaredError);
    }
    this.state('num_samples')[0]! += nonZeroWeightRows;
    this.state('rows_seen')[0]! += rows;
  }

  protected combineState(into: StateArrays, from: StateArrays): void {
    if (from.get('rows_seen')![0] === 0) return;
    if (into.get('rows_seen')![0] === 0) {
      from.forEach((values, name) => into.get(name)!.set(values));
      return;
    }
    const shift = into.get('shift')!, otherShift = from.get('shift')!;
    const weight = from.get('sum_weights')!, shifted = from.get('sum_shifted')!, squares = from.get('sum_shifted_squares')!;
    for (let k = 0; k < shift.length; k++) {
      // Σw(y - a) = Σw(y - b) + δΣw and Σw(y - a)² = Σw(y - b)² + 2δΣw(y - b) + δ²Σw, with δ = b - a.
      const delta = otherShift[k]! - shift[k]!;
      into.get('sum_shifted_squares')![k]! += squares[k]! + 2 * delta * shifted[k]! + delta * delta * weight[k]!;
      into.get('sum_shifted')![k]! += shifted[k]! + delta * weight[k]!;
      into.get('sum_weights')![k]! += weight[k]!;
      into.get('sum_squared_residuals')![k]! += from.get('sum_squared_residuals')![k]!;
    }
    into.get('num_samples')![0]! += from.get('num_samples')![0]!;
    into.get('rows_seen')![0]! += from.get('rows_seen')![0]!;
  }

  result(): MetricResult {
    if (!this.isBuilt) throw new MetricError('NOT_BUILT', 'R2Score has no result before its first update (its number of outputs is not known).');
    const weight = this.state('sum_weights'), shifted = this.state('sum_shifted');
    const squares = this.state('sum_shifted_squares'), residuals = this.state('sum_squared_residuals');
    const outputs = weight.length;
    const totals = new Float64Array(outputs), raw = new Float64Array(outputs);
    for (let k = 0; k < outputs; k++) {
      totals[k] = squares[k]! - shifted[k]! * (shifted[k]! / weight[k]!);
      const score = 1 - residuals[k]! / totals[k]!;
      // Keras replaces ±inf (imperfect fit of a constant target) by 0 and keeps 0/0 as NaN.
      raw[k] = score === Infinity || score === -Infinity ? 0 : score;
    }
    let r2: number | Float64Array;
    if (this.classAggregation === 'uniform_average') {
      r2 = raw.reduce((sum, value) => sum + value, 0) / outputs;
    } else if (this.classAggregation === 'variance_weighted_average') {
      r2 = raw.reduce((sum, value, k) => sum + totals[k]! * value, 0) / totals.reduce((sum, value) => sum + value, 0);
    } else {
      r2 = raw;
    }
    const n = this.state('num_samples')[0]!, p = this.numRegressors;
    // Adjusted R2 only when it is defined (Keras warns and keeps plain R2 otherwise).
    const adjust = (value: number): number => (p !== 0 && p < n - 1 ? 1 - ((1 - value) * (n - 1)) / (n - p - 1) : value);
    return typeof r2 === 'number' ? adjust(r2) : Array.from(r2, adjust);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), classAggregation: this.classAggregation, numRegressors: this.numRegressors };
  }
}
