// Keras's reduction metrics: Mean and Sum of values, and MeanMetricWrapper,
// which turns any per-sample function of (y_true, y_pred) into a weighted mean.
import { ConfigError } from '../errors.js';
import type { BaseOptions, Direction } from '../metric.js';
import { Metric } from '../metric.js';
import { toSampleWeight, toTensor, rowsOf, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import { resolveWeights, type WeightLayout } from '../weights.js';
import { feedValues } from '../wasm/feed-values.js';
import { MeanStateMetric, meanIncrement } from './mean.js';

/** Σ w·v and Σ w of values weighted as Keras's reduce_to_samplewise_values does. */
function weightedSums(values: ArrayInput, sampleWeight: ArrayInput | null | undefined, nonFinite: 'raise' | 'propagate') {
  const tensor = toTensor(values, 'values');
  const weight = toSampleWeight(sampleWeight);
  const weights: WeightLayout = resolveWeights(weight, tensor.shape);
  const { rows, rowLength } = rowsOf(tensor.shape);
  const result = feedValues({ values: tensor.data, weights, rows, rowLength, shape: tensor.shape, nonFinite });
  return { ...result, weights, elements: sizeOf(tensor.shape), rowLength };
}

/** The weighted mean of every value seen: each sample (leading axis) contributes the mean of its values. */
export class Mean extends MeanStateMetric {
  constructor(options: BaseOptions = {}) {
    super('Mean', 'mean', options, []);
  }

  get direction(): Direction {
    return undefined;
  }

  /** Keras signature: update_state(values, sample_weight). */
  updateState(values: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const sums = weightedSums(values, sampleWeight, this.nonFinite);
    this.addMean(meanIncrement(sums.output[0]!, sums.output[1]!, sums.weights, sums.elements, sums.rowLength), sums.sawNonFinite);
  }

  result(): number {
    return this.meanResult();
  }
}

/** The weighted sum of every value seen. */
export class Sum extends Metric {
  constructor(options: BaseOptions = {}) {
    super('Sum', 'sum', options, []);
    this.defineState({ total: 1 });
  }

  get direction(): Direction {
    return undefined;
  }

  updateState(values: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const sums = weightedSums(values, sampleWeight, this.nonFinite);
    this.addToState({ total: [sums.sawNonFinite ? NaN : sums.output[0]!] });
  }

  result(): number {
    return this.state('total')[0]!;
  }
}

/** A per-sample metric function: normalised inputs in, one value per sample (or per element) out. */
export type MetricFunction = (yTrue: Tensor, yPred: Tensor) => ArrayInput;

const FUNCTIONS = new Map<string, MetricFunction>();

/** Makes a function available by name to MeanMetricWrapper configs, deserialize and get(). */
export function registerMetricFunction(name: string, fn: MetricFunction): void {
  if (typeof name !== 'string' || name === '' || typeof fn !== 'function') {
    throw new ConfigError('INVALID_CONFIG', 'registerMetricFunction expects a non-empty name and a function.');
  }
  FUNCTIONS.set(name, fn);
}

/** The registered function names. */
export function metricFunctionNames(): string[] {
  return [...FUNCTIONS.keys()];
}

export function metricFunction(name: string): MetricFunction | undefined {
  return FUNCTIONS.get(name);
}

export interface MeanMetricWrapperOptions extends BaseOptions {
  /** The per-sample function, or the name it was registered under (needed for serialize/deserialize). */
  fn: MetricFunction | string;
  /** 'up' or 'down' if larger or smaller values are better. */
  direction?: Direction;
}

/** Keras's MeanMetricWrapper: Mean over the values `fn(yTrue, yPred)` returns, weighted per sample. */
export class MeanMetricWrapper extends MeanStateMetric {
  readonly fn: MetricFunction;
  private readonly fnName: string | undefined;
  private readonly fnDirection: Direction;

  constructor(options: MeanMetricWrapperOptions) {
    super('MeanMetricWrapper', 'mean_metric_wrapper', options, ['fn', 'direction']);
    const fn = typeof options.fn === 'string' ? FUNCTIONS.get(options.fn) : options.fn;
    if (typeof fn !== 'function') {
      throw new ConfigError('INVALID_CONFIG',
        `MeanMetricWrapper needs fn: a function or a name given to registerMetricFunction; received ${JSON.stringify(options.fn)}.`);
    }
    if (options.direction !== undefined && options.direction !== 'up' && options.direction !== 'down') {
      throw new ConfigError('INVALID_CONFIG', `direction must be 'up', 'down' or undefined; received ${JSON.stringify(options.direction)}.`);
    }
    this.fn = fn;
    this.fnName = typeof options.fn === 'string' ? options.fn : [...FUNCTIONS].find(([, registered]) => registered === fn)?.[0];
    this.fnDirection = options.direction;
  }

  get direction(): Direction {
    return this.fnDirection;
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const values = this.fn(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    const sums = weightedSums(values, sampleWeight, this.nonFinite);
    this.addMean(meanIncrement(sums.output[0]!, sums.output[1]!, sums.weights, sums.elements, sums.rowLength), sums.sawNonFinite);
  }

  result(): number {
    return this.meanResult();
  }

  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { ...super.getConfig(), fn: this.fnName ?? null };
    if (this.fnDirection) config.direction = this.fnDirection;
    return config;
  }
}
