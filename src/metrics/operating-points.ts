// Keras's operating-point metrics: the best value of one rate among the
// thresholds where another rate meets a target (sensitivity at specificity,
// precision at recall, ...). Thresholds are [0, 1/(T-1), ..., 1] without
// AUC's epsilon endpoints, so a prediction of exactly 0 is never positive.
import { ConfigError } from '../errors.js';
import { Metric, type BaseOptions, type Direction } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { confusionPartials, type ConfusionSpec } from './confusion-update.js';
import { checkPositiveInteger, evenlySpacedThresholds } from './thresholds.js';
import { divideNoNan } from './confusion.js';

export interface OperatingPointOptions extends BaseOptions {
  /** Thresholds evaluated (default 200); 1 means the single threshold 0.5. */
  numThresholds?: number;
  /** Restrict to one class (column of the last axis). */
  classId?: number | null;
}

interface Rates {
  tp: Float64Array; fp: Float64Array; tn: Float64Array; fn: Float64Array;
}

const rate = (hits: Float64Array, misses: Float64Array): Float64Array => hits.map((value, t) => divideNoNan(value, value + misses[t]!));
const sensitivity = (r: Rates): Float64Array => rate(r.tp, r.fn);
const specificity = (r: Rates): Float64Array => rate(r.tn, r.fp);
const precision = (r: Rates): Float64Array => rate(r.tp, r.fp);

abstract class OperatingPoint extends Metric {
  readonly numThresholds: number;
  readonly classId: number | null;
  private readonly target: number;
  private readonly targetName: string;
  private readonly spec: ConfusionSpec;

  protected constructor(className: string, defaultName: string, targetName: string, target: number, options: OperatingPointOptions) {
    super(className, defaultName, options, [targetName, 'numThresholds', 'classId']);
    if (typeof target !== 'number' || !(target >= 0 && target <= 1)) {
      throw new ConfigError('INVALID_CONFIG', `Argument \`${targetName}\` must be in the range [0, 1]. Received: ${JSON.stringify(target)}.`);
    }
    const count = checkPositiveInteger('numThresholds', options.numThresholds ?? 200);
    const classId = options.classId ?? null;
    if (classId !== null) checkPositiveInteger('classId', classId, 0);
    this.target = target;
    this.targetName = targetName;
    this.numThresholds = count;
    this.classId = classId;
    const thresholds = count === 1 ? [0.5] : evenlySpacedThresholds(count, 0, 1);
    this.spec = { thresholds, evenlySpaced: count > 1, classId: classId ?? undefined, nonFinite: this.nonFinite };
    this.defineState({ true_positives: count, false_positives: count, true_negatives: count, false_negatives: count });
  }

  get direction(): Direction {
    return 'up';
  }

  /** The rate that must reach the target, and the rate maximised among thresholds where it does. */
  protected abstract rates(r: Rates): { constrained: Float64Array; dependent: Float64Array };

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const partials = confusionPartials(this.spec, yTrue, yPred, sampleWeight);
    this.addToState({
      true_positives: partials.truePositives, false_positives: partials.falsePositives,
      true_negatives: partials.trueNegatives, false_negatives: partials.falseNegatives,
    });
  }

  result(): number {
    const { constrained, dependent } = this.rates({
      tp: this.state('true_positives'), fp: this.state('false_positives'),
      tn: this.state('true_negatives'), fn: this.state('false_negatives'),
    });
    // Keras: max(dependent · [constrained >= target], initial=0).
    let best = 0;
    constrained.forEach((value, t) => { if (value >= this.target) best = Math.max(best, dependent[t]!); });
    return best;
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), numThresholds: this.numThresholds, [this.targetName]: this.target, classId: this.classId };
  }
}

/** Best sensitivity (recall) among thresholds whose specificity is at least `specificity`. */
export class SensitivityAtSpecificity extends OperatingPoint {
  constructor(options: OperatingPointOptions & { specificity: number }) {
    super('SensitivityAtSpecificity', 'sensitivity_at_specificity', 'specificity', options?.specificity, options);
  }

  protected rates(r: Rates) {
    return { constrained: specificity(r), dependent: sensitivity(r) };
  }
}

/** Best specificity among thresholds whose sensitivity is at least `sensitivity`. */
export class SpecificityAtSensitivity extends OperatingPoint {
  constructor(options: OperatingPointOptions & { sensitivity: number }) {
    super('SpecificityAtSensitivity', 'specificity_at_sensitivity', 'sensitivity', options?.sensitivity, options);
  }

  protected rates(r: Rates) {
    return { constrained: sensitivity(r), dependent: specificity(r) };
  }
}

/** Best precision among thresholds whose recall is at least `recall`. */
export class PrecisionAtRecall extends OperatingPoint {
  constructor(options: OperatingPointOptions & { recall: number }) {
    super('PrecisionAtRecall', 'precision_at_recall', 'recall', options?.recall, options);
  }

  protected rates(r: Rates) {
    return { constrained: sensitivity(r), dependent: precision(r) };
  }
}

/** Best recall among thresholds whose precision is at least `precision`; 0 when no threshold reaches it. */
export class RecallAtPrecision extends OperatingPoint {
  constructor(options: OperatingPointOptions & { precision: number }) {
    super('RecallAtPrecision', 'recall_at_precision', 'precision', options?.precision, options);
  }

  protected rates(r: Rates) {
    return { constrained: precision(r), dependent: sensitivity(r) };
  }
}
