// Keras confusion-count metrics: TruePositives, FalsePositives, TrueNegatives,
// FalseNegatives, Precision and Recall. Counts are compared at float32
// thresholds with strict ">", exactly as Keras does.
import { Metric, type BaseOptions, type Direction, type MetricResult } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { confusionPartials, type ConfusionPartials, type ConfusionSpec } from './confusion-update.js';
import { parseThresholds, isEvenlySpaced, checkPositiveInteger, NEG_INF } from './thresholds.js';

export interface ThresholdOptions extends BaseOptions {
  /** A threshold or list of thresholds in [0, 1]; default 0.5. A list gives a vector result. */
  thresholds?: number | number[] | null;
}

export interface PrecisionRecallOptions extends ThresholdOptions {
  /** Only the k highest predictions of each row (last axis) count as predicted positive. */
  topK?: number | null;
  /** Restrict to one class (column of the last axis). */
  classId?: number | null;
}

/** Divides, giving 0 where the denominator is 0 (Keras divide_no_nan). */
export function divideNoNan(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function scalarOrVector(values: ArrayLike<number>): MetricResult {
  return values.length === 1 ? values[0]! : Array.from(values);
}

abstract class ThresholdMetric extends Metric {
  protected readonly spec: ConfusionSpec;
  protected readonly initThresholds: number | number[] | null;

  protected constructor(className: string, defaultName: string, options: PrecisionRecallOptions, optionKeys: readonly string[]) {
    super(className, defaultName, options, optionKeys);
    const topK = options.topK ?? undefined;
    const classId = options.classId ?? undefined;
    if (topK !== undefined) checkPositiveInteger('topK', topK);
    if (classId !== undefined) checkPositiveInteger('classId', classId, 0);
    const thresholds = parseThresholds(options.thresholds, topK === undefined ? 0.5 : NEG_INF);
    this.initThresholds = options.thresholds ?? null;
    this.spec = { thresholds, evenlySpaced: isEvenlySpaced(thresholds), topK, classId, nonFinite: this.nonFinite };
    this.defineState(this.stateLengths(thresholds.length));
  }

  protected abstract stateLengths(numThresholds: number): Record<string, number>;
  protected abstract pick(partials: ConfusionPartials): Record<string, Float64Array>;

  /** The parsed threshold list. */
  get thresholds(): number[] {
    return [...this.spec.thresholds];
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    this.addToState(this.pick(confusionPartials(this.spec, yTrue, yPred, sampleWeight)));
  }
}

/** One confusion count (TP, FP, TN or FN) per threshold. */
abstract class ConfusionCount extends ThresholdMetric {
  protected abstract readonly field: keyof Omit<ConfusionPartials, 'numLabels'>;

  constructor(className: string, defaultName: string, options: ThresholdOptions = {}) {
    super(className, defaultName, options, ['thresholds']);
  }

  get direction(): Direction {
    return undefined;
  }

  protected stateLengths(numThresholds: number): Record<string, number> {
    return { accumulator: numThresholds };
  }

  protected pick(partials: ConfusionPartials): Record<string, Float64Array> {
    return { accumulator: partials[this.field] };
  }

  result(): MetricResult {
    return scalarOrVector(this.state('accumulator'));
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), thresholds: this.initThresholds };
  }
}

/** Weighted count of positive labels predicted positive (prediction > threshold). */
export class TruePositives extends ConfusionCount {
  protected readonly field = 'truePositives';
  constructor(options: ThresholdOptions = {}) { super('TruePositives', 'true_positives', options); }
}

/** Weighted count of negative labels predicted positive. */
export class FalsePositives extends ConfusionCount {
  protected readonly field = 'falsePositives';
  constructor(options: ThresholdOptions = {}) { super('FalsePositives', 'false_positives', options); }
}

/** Weighted count of negative labels predicted negative. */
export class TrueNegatives extends ConfusionCount {
  protected readonly field = 'trueNegatives';
  constructor(options: ThresholdOptions = {}) { super('TrueNegatives', 'true_negatives', options); }
}

/** Weighted count of positive labels predicted negative. */
export class FalseNegatives extends ConfusionCount {
  protected readonly field = 'falseNegatives';
  constructor(options: ThresholdOptions = {}) { super('FalseNegatives', 'false_negatives', options); }
}

abstract class PrecisionOrRecall extends ThresholdMetric {
  constructor(className: string, defaultName: string, options: PrecisionRecallOptions) {
    super(className, defaultName, options, ['thresholds', 'topK', 'classId']);
  }

  get direction(): Direction {
    return 'up';
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), thresholds: this.initThresholds, topK: this.spec.topK ?? null, classId: this.spec.classId ?? null };
  }
}

/** tp / (tp + fp) per threshold; 0 when nothing was predicted positive. */
export class Precision extends PrecisionOrRecall {
  constructor(options: PrecisionRecallOptions = {}) { super('Precision', 'precision', options); }

  protected stateLengths(numThresholds: number): Record<string, number> {
    return { true_positives: numThresholds, false_positives: numThresholds };
  }

  protected pick(partials: ConfusionPartials): Record<string, Float64Array> {
    return { true_positives: partials.truePositives, false_positives: partials.falsePositives };
  }

  result(): MetricResult {
    const tp = this.state('true_positives'), fp = this.state('false_positives');
    return scalarOrVector(tp.map((value, t) => divideNoNan(value, value + fp[t]!)));
  }
}

/** tp / (tp + fn) per threshold; 0 when there were no positive labels. */
export class Recall extends PrecisionOrRecall {
  constructor(options: PrecisionRecallOptions = {}) { super('Recall', 'recall', options); }

  protected stateLengths(numThresholds: number): Record<string, number> {
    return { true_positives: numThresholds, false_negatives: numThresholds };
  }

  protected pick(partials: ConfusionPartials): Record<string, Float64Array> {
    return { true_positives: partials.truePositives, false_negatives: partials.falseNegatives };
  }

  result(): MetricResult {
    const tp = this.state('true_positives'), fn = this.state('false_negatives');
    return scalarOrVector(tp.map((value, t) => divideNoNan(value, value + fn[t]!)));
  }
}

