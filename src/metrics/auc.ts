// Keras AUC: the area under the ROC, PR or PR-gain curve, approximated with
// a Riemann sum over confusion counts at a fixed set of thresholds. Evenly
// spaced thresholds (the default 200) use the O(N + T) bucketed kernel.
// The `exact` option keeps every sample instead and gives scikit-learn's
// exact ROC AUC or average precision (see auc-exact.ts).
import { ConfigError, InputError, MetricError } from '../errors.js';
import { Metric, type BaseOptions, type Direction, type MetricResult } from '../metric.js';
import { toTensor, type ArrayInput } from '../tensor.js';
import { confusionPartials, type ConfusionSpec } from './confusion-update.js';
import { isEvenlySpaced, checkPositiveInteger, evenlySpacedThresholds, EPSILON } from './thresholds.js';
import { divideNoNan } from './confusion.js';
import { ExactAucSamples } from './auc-exact.js';
import { binnedPrecisionRecallCurve, binnedRocCurve, type ThresholdCounts } from './auc-curve.js';
import type { PrecisionRecallCurve, RocCurve } from '../exact/binary-ranking.js';

export type AucCurve = 'ROC' | 'PR' | 'PRGAIN';
export type AucSummation = 'interpolation' | 'minoring' | 'majoring';

export interface AUCOptions extends BaseOptions {
  /** Number of thresholds, endpoints included (> 1). Default 200. */
  numThresholds?: number;
  /** 'ROC' (default), 'PR' or 'PRGAIN'; lower case accepted. */
  curve?: AucCurve | Lowercase<AucCurve>;
  /** 'interpolation' (default), 'minoring' or 'majoring'. */
  summationMethod?: AucSummation | Capitalize<AucSummation>;
  /** Explicit thresholds; -epsilon and 1+epsilon are added around them. Overrides numThresholds. */
  thresholds?: number[] | null;
  /** Keep one curve per label (column) and average their AUCs. */
  multiLabel?: boolean;
  /** Number of labels for multiLabel; otherwise taken from the first batch. */
  numLabels?: number | null;
  /** Per-label weights: inside the counts when flat, for averaging when multiLabel. */
  labelWeights?: number[] | null;
  /** Apply a sigmoid to predictions first. */
  fromLogits?: boolean;
  /**
   * Keep every sample and compute scikit-learn's exact value instead of Keras's
   * bucketed approximation: ROC → roc_auc_score, PR → average_precision_score
   * (per label when multiLabel). Labels must be 0/1. Default false.
   */
  exact?: boolean;
}

const CURVES: Record<string, AucCurve> = { ROC: 'ROC', roc: 'ROC', PR: 'PR', pr: 'PR', PRGAIN: 'PRGAIN', prgain: 'PRGAIN' };
const SUMMATIONS: Record<string, AucSummation> = {
  interpolation: 'interpolation', Interpolation: 'interpolation',
  minoring: 'minoring', Minoring: 'minoring', majoring: 'majoring', Majoring: 'majoring',
};
const STATE_NAMES = ['true_positives', 'false_positives', 'true_negatives', 'false_negatives'] as const;

export class AUC extends Metric {
  readonly numThresholds: number;
  /** The curve whose area this is: 'ROC', 'PR' or 'PRGAIN' (Keras's `curve` argument; `curve()` gives its points). */
  readonly curveType: AucCurve;
  readonly summationMethod: AucSummation;
  readonly multiLabel: boolean;
  readonly fromLogits: boolean;
  private readonly labelWeights: Float64Array | undefined;
  private readonly initNumLabels: number | null;
  private readonly userThresholds: number[] | null;
  private readonly spec: ConfusionSpec;
  private readonly exactSamples: ExactAucSamples | undefined;

  constructor(options: AUCOptions = {}) {
    super('AUC', 'auc', options,
      ['numThresholds', 'curve', 'summationMethod', 'thresholds', 'multiLabel', 'numLabels', 'labelWeights', 'fromLogits', 'exact']);
    const curve = CURVES[options.curve ?? 'ROC'];
    if (!curve) throw new ConfigError('INVALID_CONFIG', `Invalid AUC curve value: ${JSON.stringify(options.curve)}. Expected 'ROC', 'PR' or 'PRGAIN'.`);
    const summation = SUMMATIONS[options.summationMethod ?? 'interpolation'];
    if (!summation) {
      throw new ConfigError('INVALID_CONFIG',
        `Invalid AUC summation method: ${JSON.stringify(options.summationMethod)}. Expected 'interpolation', 'majoring' or 'minoring'.`);
    }
    this.curveType = curve;
    this.summationMethod = summation;
    this.multiLabel = options.multiLabel ?? false;
    this.fromLogits = options.fromLogits ?? false;

    let thresholds: number[];
    let evenlySpaced: boolean;
    if (options.thresholds !== undefined && options.thresholds !== null) {
      if (!Array.isArray(options.thresholds) || !options.thresholds.every((t) => typeof t === 'number' && Number.isFinite(t))) {
        throw new ConfigError('INVALID_CONFIG', `thresholds must be an array of finite numbers; received ${JSON.stringify(options.thresholds)}.`);
      }
      this.userThresholds = [...options.thresholds].sort((a, b) => a - b);
      thresholds = [-EPSILON, ...this.userThresholds, 1 + EPSILON];
      evenlySpaced = isEvenlySpaced([0, ...this.userThresholds, 1]);
    } else {
      const count = checkPositiveInteger('numThresholds', options.numThresholds ?? 200, 2);
      this.userThresholds = null;
      thresholds = evenlySpacedThresholds(count, -EPSILON, 1 + EPSILON);
      evenlySpaced = true;
    }
    this.numThresholds = thresholds.length;

    if (options.labelWeights !== undefined && options.labelWeights !== null) {
      if (!Array.isArray(options.labelWeights) || !options.labelWeights.every((w) => typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
        throw new ConfigError('INVALID_CONFIG', `All values of labelWeights must be non-negative numbers; received ${JSON.stringify(options.labelWeights)}.`);
      }
      this.labelWeights = Float64Array.from(options.labelWeights);
    }
    const numLabels = options.numLabels ?? null;
    if (numLabels !== null) {
      if (!this.multiLabel) throw new ConfigError('INVALID_CONFIG', '`numLabels` is needed only when `multiLabel` is true.');
      checkPositiveInteger('numLabels', numLabels);
      if (this.labelWeights && this.labelWeights.length !== numLabels) {
        throw new ConfigError('INVALID_CONFIG', `labelWeights has ${this.labelWeights.length} values for ${numLabels} labels.`);
      }
    }
    this.initNumLabels = numLabels;
    this.spec = {
      thresholds, evenlySpaced, multiLabel: this.multiLabel, fromLogits: this.fromLogits, nonFinite: this.nonFinite,
      labelWeights: this.multiLabel ? undefined : this.labelWeights,
    };
    if (options.exact !== undefined && typeof options.exact !== 'boolean') {
      throw new ConfigError('INVALID_CONFIG', `exact must be a boolean; received ${JSON.stringify(options.exact)}.`);
    }
    if (options.exact) {
      if (curve === 'PRGAIN') throw new ConfigError('INVALID_CONFIG', "exact AUC supports curve 'ROC' (roc_auc_score) and 'PR' (average precision), not 'PRGAIN'.");
      if (this.nonFinite !== 'raise') throw new ConfigError('INVALID_CONFIG', "exact AUC ranks scores, which must be finite: nonFinite must be 'raise'.");
      this.exactSamples = new ExactAucSamples(this.multiLabel, numLabels);
      this.defineGrowableState(this.exactSamples.samples);
      return;
    }
    if (!this.multiLabel) this.build(1);
    else if (numLabels !== null) this.build(numLabels);
  }

  /** True when this AUC keeps every sample for scikit-learn's exact value. */
  get exact(): boolean {
    return this.exactSamples !== undefined;
  }

  private build(numLabels: number): void {
    const length = this.numThresholds * numLabels;
    this.defineState(Object.fromEntries(STATE_NAMES.map((name) => [name, length])));
  }

  protected get buildsLazily(): boolean {
    return this.multiLabel && this.initNumLabels === null;
  }

  protected acceptsStateLayout(layout: ReadonlyArray<readonly [string, number]>): boolean {
    return !this.exact && this.multiLabel && layout.length === 4 && layout.every(([name, length], i) =>
      name === STATE_NAMES[i] && length > 0 && length % this.numThresholds === 0);
  }

  /** The full threshold list, endpoints included. */
  get thresholds(): number[] {
    return [...this.spec.thresholds];
  }

  /** Labels tracked separately (1 unless multiLabel). Undefined before a multi-label AUC sees data. */
  get numLabels(): number | undefined {
    if (this.exactSamples) return this.exactSamples.numLabels;
    return this.isBuilt ? this.state('true_positives').length / this.numThresholds : undefined;
  }

  get direction(): Direction {
    return 'up';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    if (this.exactSamples) {
      this.updateExact(yTrue, yPred, sampleWeight, this.exactSamples);
      return;
    }
    const partials = confusionPartials(this.spec, yTrue, yPred, sampleWeight);
    if (this.multiLabel) {
      if (this.isBuilt && partials.numLabels !== this.numLabels) {
        throw new InputError('SHAPE_MISMATCH', `This multi-label AUC tracks ${this.numLabels} labels; the batch has ${partials.numLabels}.`);
      }
      if (this.labelWeights && this.labelWeights.length !== partials.numLabels) {
        throw new InputError('SHAPE_MISMATCH', `labelWeights has ${this.labelWeights.length} values; the batch has ${partials.numLabels} labels.`);
      }
      if (!this.isBuilt) this.build(partials.numLabels);
    }
    this.addToState({
      true_positives: partials.truePositives, false_positives: partials.falsePositives,
      true_negatives: partials.trueNegatives, false_negatives: partials.falseNegatives,
    });
  }

  private updateExact(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined, exact: ExactAucSamples): void {
    if (this.multiLabel && this.labelWeights) {
      const columns = toTensor(yPred, 'y_pred').shape.at(-1);
      if (columns !== undefined && this.labelWeights.length !== columns) {
        throw new InputError('SHAPE_MISMATCH', `labelWeights has ${this.labelWeights.length} values; the batch has ${columns} labels.`);
      }
    }
    exact.update(yTrue, yPred, sampleWeight, this.multiLabel ? undefined : this.labelWeights);
  }

  result(): number {
    if (this.numLabels === undefined) {
      throw new MetricError('NOT_BUILT', 'A multi-label AUC without numLabels has no result before its first update.');
    }
    const L = this.numLabels;
    const perLabel = this.exactSamples ? this.exactSamples.labelResults(this.curveType as 'ROC' | 'PR')
      : Array.from({ length: L }, (_, label) => this.labelAuc(label, L));
    if (!this.multiLabel) return perLabel[0]!;
    if (!this.labelWeights) return perLabel.reduce((sum, value) => sum + value, 0) / L;
    const totalWeight = this.labelWeights.reduce((sum, w) => sum + w, 0);
    return divideNoNan(perLabel.reduce((sum, value, l) => sum + value * this.labelWeights![l]!, 0), totalWeight);
  }

  /**
   * The curve as plain arrays: with `exact`, scikit-learn's roc_curve or
   * precision_recall_curve; otherwise the binned curve from the threshold
   * counts (one point per threshold, Keras's divide-no-nan rates). A
   * multi-label AUC needs the label's index.
   */
  curve(label?: number): RocCurve | PrecisionRecallCurve {
    if (this.curveType === 'PRGAIN') throw new ConfigError('INVALID_CONFIG', "curve() gives 'ROC' and 'PR' curves, not 'PRGAIN'.");
    const L = this.numLabels;
    if (L === undefined) throw new MetricError('NOT_BUILT', 'A multi-label AUC without numLabels has no curve before its first update.');
    const index = label ?? (this.multiLabel ? undefined : 0);
    if (index === undefined || !Number.isInteger(index) || index < 0 || index >= L) {
      throw new ConfigError('INVALID_CONFIG', `curve() needs a label index in [0, ${L})${this.multiLabel ? ' for a multi-label AUC' : ''}; received ${JSON.stringify(label)}.`);
    }
    if (this.exactSamples) return this.exactSamples.curve(this.curveType, index);
    const counts = this.labelCounts(index, L);
    return this.curveType === 'ROC' ? binnedRocCurve(this.spec.thresholds, counts) : binnedPrecisionRecallCurve(this.spec.thresholds, counts);
  }

  /**
   * Confusion counts at each threshold for one label column of the (thresholds, labels) state,
   * for reading only: with one label the columns are the state arrays themselves.
   */
  private labelCounts(label: number, numLabels: number): ThresholdCounts {
    const T = this.numThresholds;
    const column = (name: string): Float64Array => {
      const values = this.state(name);
      if (numLabels === 1) return values;
      const counts = new Float64Array(T);
      for (let t = 0; t < T; t++) counts[t] = values[t * numLabels + label]!;
      return counts;
    };
    return { tp: column('true_positives'), fp: column('false_positives'), tn: column('true_negatives'), fn: column('false_negatives') };
  }

  /** Area for one label column of the (thresholds, labels) state. */
  private labelAuc(label: number, numLabels: number): number {
    const T = this.numThresholds;
    const { tp, fp, tn, fn } = this.labelCounts(label, numLabels);
    if (this.curveType === 'PR' && this.summationMethod === 'interpolation') return interpolatedPrAuc(tp, fp, fn);
    const { x, y } = curvePoints(this.curveType, tp, fp, tn, fn);
    let area = 0;
    for (let i = 0; i < T - 1; i++) {
      const height = this.summationMethod === 'interpolation' ? (y[i]! + y[i + 1]!) / 2
        : this.summationMethod === 'minoring' ? Math.min(y[i]!, y[i + 1]!) : Math.max(y[i]!, y[i + 1]!);
      area += (x[i]! - x[i + 1]!) * height;
    }
    return area;
  }

  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      ...super.getConfig(),
      numThresholds: this.numThresholds,
      curve: this.curveType,
      summationMethod: this.summationMethod,
      multiLabel: this.multiLabel,
      numLabels: this.initNumLabels,
      labelWeights: this.labelWeights ? Array.from(this.labelWeights) : null,
      fromLogits: this.fromLogits,
    };
    if (this.userThresholds) config.thresholds = [...this.userThresholds];
    if (this.exact) config.exact = true;
    return config;
  }
}

/** (x, y) of the ROC, PR or PR-gain curve at each threshold. */
function curvePoints(curve: AucCurve, tp: Float64Array, fp: Float64Array, tn: Float64Array, fn: Float64Array): { x: Float64Array; y: Float64Array } {
  const T = tp.length;
  const x = new Float64Array(T), y = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const recall = divideNoNan(tp[t]!, tp[t]! + fn[t]!);
    if (curve === 'ROC') {
      x[t] = divideNoNan(fp[t]!, fp[t]! + tn[t]!);
      y[t] = recall;
    } else if (curve === 'PR') {
      x[t] = recall;
      y[t] = divideNoNan(tp[t]!, tp[t]! + fp[t]!);
    } else {
      // PR-gain: a scaling of P/N; with no true positives recall gain is 0 and precision gain 1.
      const scale = divideNoNan(tp[t]! + fn[t]!, tn[t]! + fp[t]!);
      const recallGain = tp[t] === 0 ? 0 : 1 - scale * divideNoNan(fn[t]!, tp[t]!);
      x[t] = Math.max(recallGain, 0);
      y[t] = tp[t] === 0 ? 1 : 1 - scale * divideNoNan(fp[t]!, tp[t]!);
    }
  }
  return { x, y };
}

/** Davis & Goadrich (2006) interpolation of the PR curve, as Keras's interpolate_pr_auc. */
function interpolatedPrAuc(tp: Float64Array, fp: Float64Array, fn: Float64Array): number {
  let area = 0;
  for (let i = 0; i < tp.length - 1; i++) {
    const predicted = tp[i]! + fp[i]!, nextPredicted = tp[i + 1]! + fp[i + 1]!;
    const dtp = tp[i]! - tp[i + 1]!;
    const slope = divideNoNan(dtp, Math.max(predicted - nextPredicted, 0));
    const intercept = tp[i + 1]! - slope * nextPredicted;
    const ratio = predicted > 0 && nextPredicted > 0 ? divideNoNan(predicted, Math.max(nextPredicted, 0)) : 1;
    area += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1]! + fn[i + 1]!, 0));
  }
  return area;
}
