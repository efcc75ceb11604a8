// Keras BinaryAccuracy: the weighted fraction of elements whose label equals
// (prediction > threshold). Labels must be exactly 0 or 1 to ever match.
import { ConfigError } from '../errors.js';
import type { Direction } from '../metric.js';
import type { BaseOptions } from '../metric.js';
import { toSampleWeight, toTensor, alignPair, rowsOf, sizeOf, type ArrayInput } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import { feedBinary } from '../wasm/feed.js';
import { MeanStateMetric, meanIncrement } from './mean.js';

export interface BinaryAccuracyOptions extends BaseOptions {
  /** Predictions strictly above it count as 1. Default 0.5. */
  threshold?: number;
}

export class BinaryAccuracy extends MeanStateMetric {
  readonly threshold: number;

  constructor(options: BinaryAccuracyOptions = {}) {
    super('BinaryAccuracy', 'binary_accuracy', options, ['threshold']);
    const threshold = options.threshold ?? 0.5;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      throw new ConfigError('INVALID_CONFIG', `threshold must be a finite number; received ${JSON.stringify(threshold)}.`);
    }
    this.threshold = threshold;
  }

  get direction(): Direction {
    return 'up';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    const shape = pair.yPred.shape;
    const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
    const { rows, rowLength } = rowsOf(shape);
    const threshold = Math.fround(this.threshold);
    const { output, sawNonFinite } = feedBinary({
      predictions: pair.yPred.data, labels: pair.yTrue.data, weights, rows, rowLength,
      lastAxis: rowLength, shape, nonFinite: this.nonFinite, outputSlots: 2,
    }, (a, chunk, labelsAreBytes, _parameters, out) =>
      a.kernels.binaryAccuracySums(chunk.predictions, chunk.labels, labelsAreBytes ? 1 : 0, chunk.weights, chunk.count, threshold, out));
    this.addMean(meanIncrement(output[0]!, output[1]!, weights, sizeOf(shape), rowLength), sawNonFinite);
  }

  result(): number {
    return this.meanResult();
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}
