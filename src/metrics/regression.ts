// Keras MeanSquaredError, MeanAbsoluteError and RootMeanSquaredError, from one
// float64 moments kernel. MSE and MAE reduce the last axis per sample (a rank-1
// batch is one sample, as in Keras); RMSE averages element-wise squared errors.
import type { Direction, BaseOptions } from '../metric.js';
import { toSampleWeight, toTensor, alignPair, rowsOf, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import { resolveWeights, type WeightLayout } from '../weights.js';
import { feedRegression } from '../wasm/feed.js';
import { MeanStateMetric, meanIncrement } from './mean.js';

/** Slots of the errorSums kernel output. */
const ERROR_SUMS = { weight: 0, squaredError: 1, absoluteError: 2 } as const;
const ERROR_SLOTS = 3;


/** Repeats every value `times` times: weights of per-sample values spread over the last axis. */
function repeatEach(data: ArrayLike<number>, times: number): Float64Array {
  const out = new Float64Array(data.length * times);
  for (let i = 0; i < data.length; i++) out.fill(data[i]!, i * times, (i + 1) * times);
  return out;
}

/** Weights given per sample value (shape without the last axis) lifted onto the elements. */
function liftToElements(weights: WeightLayout, valueRank: number, lastAxis: number): WeightLayout {
  if (weights.kind === 'none' || weights.kind === 'scalar' || weights.kind === 'rows') return weights;
  if (weights.kind === 'pattern') return { kind: 'pattern', data: repeatEach(weights.data, lastAxis) };
  return valueRank === 1 ? { kind: 'rows', data: weights.data } : { kind: 'dense', data: repeatEach(weights.data, lastAxis) };
}

/** A batch laid out for Keras's Mean reduction: elements in rows (samples) and the weights on them. */
export interface MeanLayout {
  readonly yTrue: Tensor;
  readonly yPred: Tensor;
  /** The aligned shape, for messages. */
  readonly shape: readonly number[];
  readonly rows: number;
  readonly rowLength: number;
  readonly lastAxis: number;
  readonly weights: WeightLayout;
}

/**
 * Layout for losses Keras reduces over the last axis per sample (MSE, MAE,
 * crossentropy, ...): weights broadcast to the per-sample values, and a rank-1
 * batch is one sample, as in Keras.
 */
export function lastAxisMeanLayout(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined): MeanLayout {
  const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
  const shape = pair.yPred.shape;
  const lastAxis = shape.length ? shape[shape.length - 1]! : 1;
  const valueShape = shape.slice(0, -1);
  const elementShape = shape.length >= 2 ? shape : [1, sizeOf(shape)];
  const weights = liftToElements(resolveWeights(toSampleWeight(sampleWeight), valueShape), valueShape.length, lastAxis);
  return { ...pair, shape, lastAxis, weights, ...rowsOf(elementShape) };
}

/** Layout for element-wise values (RMSE, accuracy): weights broadcast to the elements themselves. */
export function elementMeanLayout(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined): MeanLayout {
  const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
  const shape = pair.yPred.shape;
  const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
  return { ...pair, shape, lastAxis: shape.length ? shape[shape.length - 1]! : 1, weights, ...rowsOf(shape) };
}

type ErrorKind = 'squaredError' | 'absoluteError';

abstract class ErrorMean extends MeanStateMetric {
  protected abstract readonly error: ErrorKind;
  /** True for MSE/MAE (per-sample mean over the last axis), false for RMSE (element-wise values). */
  protected abstract readonly reducesLastAxis: boolean;

  get direction(): Direction {
    return 'down';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const layout = (this.reducesLastAxis ? lastAxisMeanLayout : elementMeanLayout)(yTrue, yPred, sampleWeight);
    const { rows, rowLength, weights } = layout;
    const { output, sawNonFinite } = feedRegression({
      targets: layout.yTrue.data, predictions: layout.yPred.data, weights, rows, rowLength, shape: layout.shape,
      nonFinite: this.nonFinite, perColumn: false, outputSlots: ERROR_SLOTS,
    }, (a, chunk, isF64, _column, out) =>
      a.kernels.errorSums(chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, out));
    this.addMean(meanIncrement(output[ERROR_SUMS[this.error]]!, output[ERROR_SUMS.weight]!, weights, rows * rowLength, rowLength), sawNonFinite);
  }
}

/** Mean over samples of mean((y_true - y_pred)², axis=-1). */
export class MeanSquaredError extends ErrorMean {
  protected readonly error = 'squaredError';
  protected readonly reducesLastAxis = true;
  constructor(options: BaseOptions = {}) { super('MeanSquaredError', 'mean_squared_error', options, []); }
  result(): number { return this.meanResult(); }
}

/** Mean over samples of mean(|y_true - y_pred|, axis=-1). */
export class MeanAbsoluteError extends ErrorMean {
  protected readonly error = 'absoluteError';
  protected readonly reducesLastAxis = true;
  constructor(options: BaseOptions = {}) { super('MeanAbsoluteError', 'mean_absolute_error', options, []); }
  result(): number { return this.meanResult(); }
}

/** sqrt of the weighted mean of element-wise squared errors. */
export class RootMeanSquaredError extends ErrorMean {
  protected readonly error = 'squaredError';
  protected readonly reducesLastAxis = false;
  constructor(options: BaseOptions = {}) { super('RootMeanSquaredError', 'root_mean_squared_error', options, []); }
  result(): number { return Math.sqrt(this.meanResult()); }
}
