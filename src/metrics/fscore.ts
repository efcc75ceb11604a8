// Keras FBetaScore and F1Score: per-class precision and recall from weighted
// tp/fp/fn sums over (samples, classes) inputs, combined into F-beta and
// averaged. The state is shaped by the first batch's class count.
import { ConfigError, InputError, MetricError } from '../errors.js';
import { Metric, type BaseOptions, type Direction, type MetricResult } from '../metric.js';
import { toSampleWeight, toTensor, formatShape, type ArrayInput, type TypedArray } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import { feedBinary } from '../wasm/feed.js';
import { EPSILON } from './thresholds.js';

export type FBetaAverage = 'micro' | 'macro' | 'weighted' | null;

export interface F1ScoreOptions extends BaseOptions {
  /** null (default): one score per class; 'micro': from summed counts; 'macro': mean; 'weighted': mean weighted by support. */
  average?: FBetaAverage;
  /**
   * Entries above this (strict >, in float32) are predicted; must be in (0, 1]. null (default): the
   * entries equal to their row's maximum, when that is not 0 (|y_pred| > 1e-9).
   */
  threshold?: number | null;
}

export interface FBetaScoreOptions extends F1ScoreOptions {
  /** Weight of recall against precision, > 0. Default 1. Keras needs a Python float; any positive number works here. */
  beta?: number;
}

const AVERAGES: readonly FBetaAverage[] = [null, 'micro', 'macro', 'weighted'];
const STATE_NAMES = ['true_positives', 'false_positives', 'false_negatives', 'intermediate_weights'] as const;
/** Kernel output blocks of C slots: Σw·y·predicted, Σw·predicted, Σw·y. */
const OUTPUT_BLOCKS = 3;

interface FScoreIdentity {
  readonly className: string;
  readonly defaultName: string;
  readonly optionKeys: readonly string[];
}

/** Labels as the kernel reads them: unsigned bytes as bytes; Int8Array would read -1 as 255, so it goes as float32. */
function kernelLabels(data: TypedArray): TypedArray {
  return data instanceof Int8Array ? new Float32Array(data) : data;
}

export class FBetaScore extends Metric {
  protected static readonly identity: FScoreIdentity = {
    className: 'FBetaScore', defaultName: 'fbeta_score', optionKeys: ['average', 'beta', 'threshold'],
  };

  readonly average: FBetaAverage;
  readonly beta: number;
  readonly threshold: number | null;

  constructor(options: FBetaScoreOptions = {}) {
    const { className, defaultName, optionKeys } = (new.target as typeof FBetaScore).identity;
    super(className, defaultName, options, optionKeys);
    const average = options.average === undefined ? null : options.average;
    if (!AVERAGES.includes(average)) {
      throw new ConfigError('INVALID_CONFIG',
        `Invalid average: ${JSON.stringify(average)}. Expected one of null, 'micro', 'macro', 'weighted'.`);
    }
    const beta = options.beta ?? 1;
    if (typeof beta !== 'number' || !Number.isFinite(beta) || beta <= 0) {
      throw new ConfigError('INVALID_CONFIG', `beta must be a finite number > 0; received ${JSON.stringify(beta)}.`);
    }
    const threshold = options.threshold ?? null;
    if (threshold !== null && (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))) {
      throw new ConfigError('INVALID_CONFIG', `threshold must be null or a number with 0 < threshold <= 1; received ${JSON.stringify(threshold)}.`);
    }
    this.average = average;
    this.beta = beta;
    this.threshold = threshold;
  }

  get direction(): Direction {
    return 'up';
  }

  /** Classes tracked per state array (1 for 'micro'); undefined before the first update. */
  get numClasses(): number | undefined {
    return this.isBuilt ? this.state('true_positives').length : undefined;
  }

  protected get buildsLazily(): boolean {
    return true;
  }

  protected acceptsStateLayout(layout: ReadonlyArray<readonly [string, number]>): boolean {
    const length = layout[0]?.[1] ?? 0;
    return layout.length === STATE_NAMES.length && length > 0 && (this.average !== 'micro' || length === 1) &&
      layout.every(([name, size], i) => name === STATE_NAMES[i] && size === length);
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const labels = toTensor(yTrue, 'y_true');
    const predictions = toTensor(yPred, 'y_pred');
    if (labels.shape.length !== 2 || predictions.shape.length !== 2) {
      throw new InputError('SHAPE_MISMATCH', `${this.className} expects 2D inputs (samples, classes); received y_true ` +
        `${formatShape(labels.shape)} and y_pred ${formatShape(predictions.shape)}.`);
    }
    const [rows, classes] = predictions.shape as [number, number];
    if (labels.shape[0] !== rows || labels.shape[1] !== classes) {
      throw new InputError('SHAPE_MISMATCH',
        `y_true has shape ${formatShape(labels.shape)} and y_pred ${formatShape(predictions.shape)}; they must match.`);
    }
    if (classes === 0) throw new InputError('SHAPE_MISMATCH', `${this.className} needs at least one class; received y_pred ${formatShape(predictions.shape)}.`);
    // 'micro' keeps scalar sums, so (as in Keras) later batches may have another width.
    if (this.isBuilt && this.average !== 'micro' && classes !== this.numClasses) {
      throw new InputError('SHAPE_MISMATCH', `This ${this.className} tracks ${this.numClasses} classes; the batch has ${classes}.`);
    }
    const shape = predictions.shape;
    const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
    const useRowMax = this.threshold === null ? 1 : 0;
    const threshold = this.threshold ?? 0;
    const { output, sawNonFinite } = feedBinary({
      predictions: predictions.data, labels: kernelLabels(labels.data), weights, rows, rowLength: classes, shape,
      nonFinite: this.nonFinite, lastAxis: classes, outputSlots: OUTPUT_BLOCKS * classes, wholeRows: true,
    }, (a, chunk, labelsAreBytes, _parameters, out) =>
      a.kernels.fbetaClassCounts(chunk.predictions, chunk.labels, labelsAreBytes ? 1 : 0, chunk.weights,
        chunk.count / classes, classes, useRowMax, threshold, out));
    this.addPartials(output, classes, sawNonFinite);
  }

  /** Folds the kernel's per-class sums into state (fp = predicted − tp, fn = support − tp), building it first if needed. */
  private addPartials(output: Float64Array, classes: number, sawNonFinite: boolean): void {
    const length = this.average === 'micro' ? 1 : classes;
    const partials = STATE_NAMES.map(() => new Float64Array(length));
    const [tp, fp, fn, support] = partials as [Float64Array, Float64Array, Float64Array, Float64Array];
    for (let c = 0; c < classes; c++) {
      const at = length === 1 ? 0 : c;
      const truePositives = output[c]!, predicted = output[classes + c]!, positives = output[2 * classes + c]!;
      tp[at]! += truePositives;
      fp[at]! += predicted - truePositives;
      fn[at]! += positives - truePositives;
      support[at]! += positives;
    }
    if (sawNonFinite) partials.forEach((values) => values.fill(NaN));
    if (!this.isBuilt) this.defineState(Object.fromEntries(STATE_NAMES.map((name) => [name, length])));
    this.addToState(Object.fromEntries(STATE_NAMES.map((name, i) => [name, partials[i]!])));
  }

  result(): MetricResult {
    if (!this.isBuilt) {
      throw new MetricError('NOT_BUILT', `${this.className} has no result before its first update (its number of classes is not known).`);
    }
    const tp = this.state('true_positives'), fp = this.state('false_positives'), fn = this.state('false_negatives');
    const betaSquared = this.beta * this.beta;
    // Keras's formula, epsilons included: classes with no support and no predictions score 0.
    const scores = Array.from(tp, (truePositives, c) => {
      const precision = truePositives / (truePositives + fp[c]! + EPSILON);
      const recall = truePositives / (truePositives + fn[c]! + EPSILON);
      return (precision * recall) / (betaSquared * precision + recall + EPSILON) * (1 + betaSquared);
    });
    if (this.average === null) return scores;
    if (this.average === 'weighted') {
      const support = this.state('intermediate_weights');
      const totalSupport = support.reduce((sum, value) => sum + value, 0);
      return scores.reduce((sum, score, c) => sum + score * (support[c]! / (totalSupport + EPSILON)), 0);
    }
    return scores.reduce((sum, score) => sum + score, 0) / scores.length;
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), average: this.average, beta: this.beta, threshold: this.threshold };
  }
}

/** FBetaScore with beta = 1. */
export class F1Score extends FBetaScore {
  protected static readonly identity: FScoreIdentity = {
    className: 'F1Score', defaultName: 'f1_score', optionKeys: ['average', 'threshold'],
  };

  constructor(options: F1ScoreOptions = {}) {
    super(options);
  }

  getConfig(): Record<string, unknown> {
    const { beta: _beta, ...config } = super.getConfig();
    return config;
  }
}
