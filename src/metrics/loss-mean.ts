// Keras MeanMetricWrapper metrics over per-sample losses, on two shared kernels:
// element-wise losses (mean over the last axis per sample) and losses of whole
// last-axis rows (one value per row). Both end in Keras's Mean reduction.
import { ConfigError, InputError } from '../errors.js';
import type { BaseOptions, Direction } from '../metric.js';
import { toSampleWeight, toTensor, formatShape, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import { resolveWeights, type WeightLayout } from '../weights.js';
import { feedRegression } from '../wasm/feed.js';
import { feedRows } from '../wasm/feed-rows.js';
import { MeanStateMetric, meanIncrement } from './mean.js';
import { lastAxisMeanLayout, type MeanLayout } from './regression.js';

/** Operation codes of the elementLossSums kernel (assembly/losses.ts). */
export const ELEMENT_LOSS = {
  binaryCrossentropy: 0, binaryCrossentropyLogits: 1, percentageError: 2, squaredLogError: 3,
  logCosh: 4, poisson: 5, klDivergence: 6,
} as const;

/** Operation codes of the rowLosses kernel. */
export const ROW_LOSS = {
  categoricalCrossentropy: 0, categoricalCrossentropyLogits: 1, sparseCategoricalCrossentropy: 2,
  sparseCategoricalCrossentropyLogits: 3, categoricalHinge: 4, cosineSimilarity: 5,
  pearsonCorrelation: 6, concordanceCorrelation: 7,
} as const;


/** A mean over samples of an element-wise loss averaged (or, for KL, summed) over the last axis. */
export abstract class ElementLossMean extends MeanStateMetric {
  private readonly lossDirection: Direction;

  protected constructor(className: string, defaultName: string, options: BaseOptions, optionKeys: readonly string[], direction: Direction) {
    super(className, defaultName, options, optionKeys);
    this.lossDirection = direction;
  }

  get direction(): Direction {
    return this.lossDirection;
  }

  result(): number {
    return this.meanResult();
  }

  /** The kernel operation and its parameter for this batch. */
  protected abstract operation(layout: MeanLayout): { op: number; parameter: number };

  /** Keras sums KL divergence over the last axis instead of averaging. */
  protected get sumsLastAxis(): boolean {
    return false;
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const layout = lastAxisMeanLayout(yTrue, yPred, sampleWeight);
    const { op, parameter } = this.operation(layout);
    const { rows, rowLength, weights } = layout;
    const { output, sawNonFinite } = feedRegression({
      targets: layout.yTrue.data, predictions: layout.yPred.data, weights, rows, rowLength, shape: layout.shape,
      nonFinite: this.nonFinite, perColumn: false, outputSlots: 2,
    }, (a, chunk, isF64, _column, out) =>
      a.kernels.elementLossSums(op, chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, parameter, out));
    const increment = meanIncrement(output[0]!, output[1]!, weights, rows * rowLength, rowLength);
    const scale = this.sumsLastAxis ? layout.lastAxis : 1;
    this.addMean({ total: increment.total * scale, count: increment.count }, sawNonFinite);
  }
}

export interface RowLossOptions extends BaseOptions {
  /** The class / feature axis; only the last axis (-1) is supported. */
  axis?: number;
}

/** A mean over samples of a loss computed from whole rows of the last axis. */
export abstract class RowLossMean extends MeanStateMetric {
  readonly axis: number;
  private readonly lossDirection: Direction;

  protected constructor(className: string, defaultName: string, options: RowLossOptions, optionKeys: readonly string[], direction: Direction) {
    super(className, defaultName, options, [...optionKeys, 'axis']);
    const axis = options.axis ?? -1;
    if (!Number.isInteger(axis)) throw new ConfigError('INVALID_CONFIG', `axis must be an integer; received ${JSON.stringify(axis)}.`);
    this.axis = axis;
    this.lossDirection = direction;
  }

  get direction(): Direction {
    return this.lossDirection;
  }

  result(): number {
    return this.meanResult();
  }

  protected abstract operation(): { op: number; parameter: number };

  /** Sparse metrics take one class id per row instead of a row of targets. */
  protected get sparseTargets(): boolean {
    return false;
  }

  protected get ignoreClass(): number | undefined {
    return undefined;
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const targets = toTensor(yTrue, 'y_true');
    const predictions = toTensor(yPred, 'y_pred');
    const shape = predictions.shape.length ? predictions.shape : [1];
    if (this.axis !== -1 && this.axis !== shape.length - 1) {
      throw new InputError('SHAPE_MISMATCH', `${this.className} supports only the last axis; axis ${this.axis} of a rank-${shape.length} y_pred is not it.`);
    }
    const width = shape[shape.length - 1]!;
    const valueShape = shape.slice(0, -1);
    const rows = sizeOf(valueShape);
    this.checkTargets(targets, shape, valueShape);
    let weights: WeightLayout = resolveWeights(toSampleWeight(sampleWeight), valueShape);
    // Keras turns a scalar weight into per-row weights when ignore_class masks rows.
    if (weights.kind === 'scalar' && this.ignoreClass !== undefined && rows > 0) {
      weights = { kind: 'rows', data: new Float64Array(rows).fill(weights.value) };
    }
    const samples = valueShape.length ? valueShape[0]! : 1;
    const rowsPerSample = samples === 0 ? 1 : rows / samples;
    const { op, parameter } = this.operation();
    const ignore = this.ignoreClass;
    const { output, sawNonFinite } = feedRows({
      targets: targets.data, predictions: predictions.data, width, targetsPerRow: this.sparseTargets ? 1 : width,
      rows: samples, rowLength: rowsPerSample, shape, weights, nonFinite: this.nonFinite, ignoreClass: ignore,
    }, (a, y, p, count, out) => a.kernels.rowLosses(op, y, p, count, width, parameter, ignore ?? NaN, out));
    this.addMean(meanIncrement(output[0]!, output[1]!, weights, rows, rowsPerSample), sawNonFinite);
  }

  private checkTargets(targets: Tensor, shape: readonly number[], valueShape: readonly number[]): void {
    const expected = this.sparseTargets ? sizeOf(valueShape) : sizeOf(shape);
    // Keras squeezes class ids of shape (..., 1) when they have y_pred's rank.
    const trailingOne = this.sparseTargets && targets.shape.length === shape.length && targets.shape[targets.shape.length - 1] === 1;
    const targetShape = trailingOne ? targets.shape.slice(0, -1) : targets.shape;
    const matches = this.sparseTargets
      ? targetShape.length === valueShape.length && targetShape.every((dim, axis) => dim === valueShape[axis])
      : targets.shape.length === shape.length && targets.shape.every((dim, axis) => dim === shape[axis]);
    if (!matches || targets.data.length !== expected) {
      const want = this.sparseTargets ? `class ids of shape ${formatShape(valueShape)}` : `shape ${formatShape(shape)}`;
      throw new InputError('SHAPE_MISMATCH', `y_true has shape ${formatShape(targets.shape)}; ${this.className} expects ${want} for y_pred ${formatShape(shape)}.`);
    }
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
