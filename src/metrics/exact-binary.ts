// Exact binary ranking metrics, named as torchmetrics names them: ROC AUC
// (optionally partial), average precision, and the ROC and precision-recall
// curves (curve() gives the points; result() the area under them).
import type { BaseOptions } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { ConfigError } from '../errors.js';
import { RankingSamples } from '../exact/ranking-samples.js';
import {
  averagePrecision, precisionRecallCurve, rocAuc, rocCurve, type PrecisionRecallCurve, type RocCurve,
} from '../exact/binary-ranking.js';
import { binaryBatch } from './exact-batches.js';
import { checkMaxFpr } from '../exact/validate.js';
import { ExactRankingMetric } from './exact-base.js';

export interface BinaryAUROCOptions extends BaseOptions {
  /** Standardised partial AUC over false positive rates [0, maxFpr] (McClish), as roc_auc_score's max_fpr. */
  maxFpr?: number | null;
}

export interface CurveMetricOptions extends BaseOptions {
  /** Drop points that do not change the curve (default true for BinaryROC, false for BinaryPrecisionRecallCurve). */
  dropIntermediate?: boolean;
}

abstract class BinaryRankingMetric extends ExactRankingMetric {
  protected constructor(className: string, defaultName: string, options: BaseOptions, optionKeys: readonly string[]) {
    super(className, defaultName, options, optionKeys, new RankingSamples('indicator', 'row', 1));
  }

  /** Labels 0/1 (or booleans) and one finite score per sample; sample_weight one non-negative weight per sample. */
  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    this.samples.append(binaryBatch(yTrue, yPred, sampleWeight));
  }
}

/** Exact ROC AUC of binary data, as scikit-learn's roc_auc_score; NaN until both classes have weight. */
export class BinaryAUROC extends BinaryRankingMetric {
  readonly maxFpr: number | null;

  constructor(options: BinaryAUROCOptions = {}) {
    super('BinaryAUROC', 'binary_auroc', options, ['maxFpr']);
    this.maxFpr = checkMaxFpr(options.maxFpr);
  }

  result(): number {
    return rocAuc(this.binaryProblem(), this.maxFpr);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), maxFpr: this.maxFpr };
  }
}

/** Exact average precision of binary data, as scikit-learn's average_precision_score; 0 without positives. */
export class BinaryAveragePrecision extends BinaryRankingMetric {
  constructor(options: BaseOptions = {}) {
    super('BinaryAveragePrecision', 'binary_average_precision', options, []);
  }

  result(): number {
    return averagePrecision(this.binaryProblem());
  }
}

function checkDrop(value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError('INVALID_CONFIG', `dropIntermediate must be a boolean; received ${JSON.stringify(value)}.`);
  return value;
}

/** The exact ROC curve (curve(), as roc_curve); result() is the area under it (ROC AUC). */
export class BinaryROC extends BinaryRankingMetric {
  readonly dropIntermediate: boolean;

  constructor(options: CurveMetricOptions = {}) {
    super('BinaryROC', 'binary_roc', options, ['dropIntermediate']);
    this.dropIntermediate = checkDrop(options.dropIntermediate, true);
  }

  curve(): RocCurve {
    return rocCurve(this.binaryProblem(), this.dropIntermediate);
  }

  result(): number {
    return rocAuc(this.binaryProblem());
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dropIntermediate: this.dropIntermediate };
  }
}

/** The exact precision-recall curve (curve(), as precision_recall_curve); result() is its average precision. */
export class BinaryPrecisionRecallCurve extends BinaryRankingMetric {
  readonly dropIntermediate: boolean;

  constructor(options: CurveMetricOptions = {}) {
    super('BinaryPrecisionRecallCurve', 'binary_precision_recall_curve', options, ['dropIntermediate']);
    this.dropIntermediate = checkDrop(options.dropIntermediate, false);
  }

  curve(): PrecisionRecallCurve {
    return precisionRecallCurve(this.binaryProblem(), this.dropIntermediate);
  }

  result(): number {
    return averagePrecision(this.binaryProblem());
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dropIntermediate: this.dropIntermediate };
  }
}
