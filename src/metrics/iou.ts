// Keras's IoU family: IoU, BinaryIoU, MeanIoU, OneHotIoU and OneHotMeanIoU.
// One weighted C×C confusion matrix (rows: true class, columns: predicted
// class) accumulates (true id, predicted id) pairs; the result is the mean IoU
// over the target classes that occur. Keras's default dtype "int" truncates
// class ids and weights toward zero; dtype "float32" keeps fractional weights.
import { ConfigError, InputError } from '../errors.js';
import { Metric, type BaseOptions, type Direction } from '../metric.js';
import { toSampleWeight, toTensor, formatShape, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import type { WeightLayout } from '../weights.js';
import { feedClassPairs, type ClassIdSide } from '../wasm/feed-pairs.js';
import { EPSILON } from './thresholds.js';
import { IOU, BINARY_IOU, MEAN_IOU, ONE_HOT_IOU, ONE_HOT_MEAN_IOU, type IoUSettings, type IoUVariant } from './iou-options.js';

interface IoUSharedOptions extends BaseOptions {
  numClasses: number;
  /** A class id whose pairs are dropped (e.g. a "void" label such as 255 or -1); null keeps every class. */
  ignoreClass?: number | null;
  /** Only -1 (the last axis holds the classes). */
  axis?: number;
}

export interface IoUOptions extends IoUSharedOptions {
  /** The classes whose IoU is averaged. */
  targetClassIds: number[];
  /** y_true holds class ids (default); false: one-hot or scores, argmax over the last axis. */
  sparseYTrue?: boolean;
  /** y_pred holds class ids (default); false: scores, argmax over the last axis. */
  sparseYPred?: boolean;
}

export interface MeanIoUOptions extends IoUSharedOptions {
  sparseYTrue?: boolean;
  sparseYPred?: boolean;
}

export interface OneHotIoUOptions extends IoUSharedOptions {
  targetClassIds: number[];
  /** y_pred holds scores (default false: argmax over the last axis), or class ids. */
  sparseYPred?: boolean;
}

export interface OneHotMeanIoUOptions extends IoUSharedOptions {
  sparseYPred?: boolean;
}

export interface BinaryIoUOptions extends BaseOptions {
  /** [0], [1] or [0, 1] (default). */
  targetClassIds?: number[];
  /** A prediction >= threshold (inclusive, in float32) is class 1. Default 0.5. */
  threshold?: number;
}

// Flags of assembly/multiclass.ts confusionMatrixCounts.
const INTEGER_IDS = 1, FLOAT32_IDS = 2, TRUNCATE_WEIGHTS = 4, IGNORE_CLASS = 8;
/** Keras dtypes and how each turns values into ids and weights. */
const DTYPE_FLAGS: Record<string, number> = {
  int: INTEGER_IDS | TRUNCATE_WEIGHTS, int32: INTEGER_IDS | TRUNCATE_WEIGHTS, int64: INTEGER_IDS | TRUNCATE_WEIGHTS,
  float32: FLOAT32_IDS, float64: 0,
};
/** Keras's threshold for counting a class as present. */
const PRESENT = 1e-9;

function withIntegerDefault(options: BaseOptions): BaseOptions {
  const isObject = typeof options === 'object' && options !== null && !Array.isArray(options);
  return isObject && options.dtype === undefined ? { ...options, dtype: 'int' } : options;
}

export class IoU extends Metric {
  protected static readonly variant: IoUVariant = IOU;

  readonly numClasses: number;
  readonly targetClassIds: readonly number[];
  readonly ignoreClass: number | null;
  readonly sparseYTrue: boolean;
  readonly sparseYPred: boolean;
  readonly axis: number;
  protected readonly settings: IoUSettings;
  private readonly variant: IoUVariant;
  private readonly flags: number;

  constructor(options: IoUOptions) {
    const variant = (new.target as typeof IoU).variant;
    const given: IoUOptions = options ?? {};
    super(variant.className, variant.defaultName, withIntegerDefault(given), variant.optionKeys);
    const flags = DTYPE_FLAGS[this.dtype];
    if (flags === undefined) {
      throw new ConfigError('INVALID_CONFIG',
        `${variant.className} dtype must be one of ${Object.keys(DTYPE_FLAGS).join(', ')}; received ${JSON.stringify(this.dtype)}.`);
    }
    const settings = variant.settings(given as unknown as Record<string, unknown>);
    this.variant = variant;
    this.settings = settings;
    this.numClasses = settings.numClasses;
    this.targetClassIds = settings.targetClassIds;
    this.ignoreClass = settings.ignoreClass;
    this.sparseYTrue = settings.sparseYTrue;
    this.sparseYPred = settings.sparseYPred;
    this.axis = settings.axis;
    // Only an ignored id inside [0, C) matters: any other is dropped as out of range anyway.
    const ignoring = settings.ignoreClass !== null && settings.ignoreClass >= 0 && settings.ignoreClass < settings.numClasses;
    this.flags = flags | (ignoring ? IGNORE_CLASS : 0);
    this.defineState({ total_cm: settings.numClasses * settings.numClasses });
  }

  get direction(): Direction {
    return 'up';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const { numClasses, sparseYTrue, sparseYPred, threshold } = this.settings;
    const trueSide = classIdSide(toTensor(yTrue, 'y_true'), sparseYTrue ? 'ids' : 'argmax', 'y_true');
    const predSide = classIdSide(toTensor(yPred, 'y_pred'), threshold !== null ? 'threshold' : sparseYPred ? 'ids' : 'argmax', 'y_pred');
    const samples = samplesOf(trueSide);
    if (samplesOf(predSide) !== samples) {
      throw new InputError('SHAPE_MISMATCH', `y_true of shape ${formatShape(trueSide.shape)} gives ${samples} class ids and y_pred of shape ` +
        `${formatShape(predSide.shape)} gives ${samplesOf(predSide)}; they must give the same number.`);
    }
    const weight = toSampleWeight(sampleWeight);
    const weights = pairWeights(weight, samples, (this.flags & TRUNCATE_WEIGHTS) !== 0);
    const ignoreClass = (this.flags & IGNORE_CLASS) !== 0 ? this.settings.ignoreClass! : 0;
    const { output, sawNonFinite } = feedClassPairs({
      yTrue: trueSide, yPred: predSide, samples, weights, weightShape: weight?.shape ?? [],
      nonFinite: this.nonFinite, outputSlots: numClasses * numClasses + 1,
    }, (a, chunk, out) => a.kernels.confusionMatrixCounts(
      chunk.trueValues, chunk.trueKind, chunk.trueWidth, chunk.predValues, chunk.predKind, chunk.predWidth,
      chunk.weights, chunk.count, numClasses, ignoreClass, this.flags, threshold ?? 0,
      a.address('columnLabels'), a.address('columnPredictions'), a.address('scratch'), out));
    const matrix = output.subarray(0, numClasses * numClasses);
    if (sawNonFinite) matrix.fill(NaN);
    this.addToState({ total_cm: matrix });
  }

  /** The accumulated confusion matrix as rows (true class) of columns (predicted class). */
  confusionMatrix(): number[][] {
    const C = this.numClasses, matrix = this.state('total_cm');
    return Array.from({ length: C }, (_, row) => Array.from(matrix.subarray(row * C, (row + 1) * C)));
  }

  result(): number {
    const C = this.numClasses, matrix = this.state('total_cm');
    // A NaN input let through under nonFinite: 'propagate' makes the result NaN.
    if (matrix.some(Number.isNaN)) return NaN;
    let total = 0, present = 0;
    for (const id of this.targetClassIds) {
      let predicted = 0, actual = 0;
      for (let k = 0; k < C; k++) {
        predicted += matrix[k * C + id]!;
        actual += matrix[id * C + k]!;
      }
      const truePositives = matrix[id * C + id]!;
      const union = predicted + actual - truePositives;
      // Keras's epsilons: a present class scores tp/(union + ε); absent classes leave the mean.
      if (union > PRESENT) {
        total += truePositives / (union + EPSILON);
        present += 1;
      }
    }
    return total / (present + EPSILON);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ...this.variant.config(this.settings) };
  }
}

/** One side of the batch as the feed takes it; scores need a class axis. */
function classIdSide(tensor: Tensor, encoding: ClassIdSide['encoding'], argument: string): ClassIdSide {
  if (encoding !== 'argmax') return { data: tensor.data, shape: tensor.shape, encoding, width: 1 };
  const width = tensor.shape[tensor.shape.length - 1] ?? 0;
  if (width === 0) {
    throw new InputError('SHAPE_MISMATCH', `${argument} of shape ${formatShape(tensor.shape)} has no class axis to take the argmax over.`);
  }
  return { data: tensor.data, shape: tensor.shape, encoding, width };
}

function samplesOf(side: ClassIdSide): number {
  return sizeOf(side.shape) / side.width;
}

/** Keras flattens the weight and broadcasts it over the flattened ids: one per id, or one for all. */
function pairWeights(weight: Tensor | undefined, samples: number, truncate: boolean): WeightLayout {
  if (weight === undefined) return { kind: 'none' };
  if (weight.data.length === samples) return { kind: 'dense', data: weight.data };
  if (weight.data.length === 1) {
    const value = weight.data[0]!;
    return { kind: 'scalar', value: truncate ? Math.trunc(value) : value };
  }
  throw new InputError('WEIGHT_SHAPE', `sample_weight of shape ${formatShape(weight.shape)} has ${weight.data.length} values; ` +
    `the IoU metrics take one weight per class id (${samples}) or a single weight.`);
}

/** IoU for a binary task: predictions >= threshold are class 1. */
export class BinaryIoU extends IoU {
  protected static readonly variant: IoUVariant = BINARY_IOU;

  constructor(options: BinaryIoUOptions = {}) {
    super(options as unknown as IoUOptions);
  }

  get threshold(): number {
    return this.settings.threshold!;
  }
}

/** IoU averaged over every class. */
export class MeanIoU extends IoU {
  protected static readonly variant: IoUVariant = MEAN_IOU;

  constructor(options: MeanIoUOptions) {
    super(options as unknown as IoUOptions);
  }
}

/** IoU of one-hot labels against scores (argmax of each), for the target classes. */
export class OneHotIoU extends IoU {
  protected static readonly variant: IoUVariant = ONE_HOT_IOU;

  constructor(options: OneHotIoUOptions) {
    super(options as unknown as IoUOptions);
  }
}

/** Mean IoU of one-hot labels against scores, over every class. */
export class OneHotMeanIoU extends MeanIoU {
  protected static readonly variant: IoUVariant = ONE_HOT_MEAN_IOU;

  constructor(options: OneHotMeanIoUOptions) {
    super(options);
  }
}
