// Exact multilabel ROC AUC, as scikit-learn's roc_auc_score on a 0/1
// indicator y_true: per-label AUCs averaged (macro, weighted, micro, samples)
// or returned per label, optionally partial (maxFpr).
import type { BaseOptions, MetricResult } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { ConfigError, MetricError } from '../errors.js';
import { RankingSamples } from '../exact/ranking-samples.js';
import { rocAuc } from '../exact/binary-ranking.js';
import { averageOverColumns, type ColumnAverage } from '../exact/averaging.js';
import { checkMaxFpr } from '../exact/validate.js';
import { multilabelBatch } from './exact-batches.js';
import { ExactRankingMetric, checkOptionalCount } from './exact-base.js';

export interface MultilabelAUROCOptions extends BaseOptions {
  /** Number of labels (columns); taken from the first batch when omitted. */
  numLabels?: number | null;
  /** 'macro' (default), 'weighted', 'micro', 'samples' or null (one AUC per label). */
  average?: ColumnAverage;
  /** Standardised partial AUC over false positive rates [0, maxFpr]. */
  maxFpr?: number | null;
}

const AVERAGES: readonly ColumnAverage[] = ['macro', 'weighted', 'micro', 'samples', null];

export class MultilabelAUROC extends ExactRankingMetric {
  private readonly configuredLabels: number | null;
  readonly average: ColumnAverage;
  readonly maxFpr: number | null;

  constructor(options: MultilabelAUROCOptions = {}) {
    const numLabels = checkOptionalCount('numLabels', options.numLabels, 1);
    super('MultilabelAUROC', 'multilabel_auroc', options, ['numLabels', 'average', 'maxFpr'],
      new RankingSamples('indicator', 'row', numLabels ?? undefined));
    this.configuredLabels = numLabels;
    const average = options.average === undefined ? 'macro' : options.average;
    if (!AVERAGES.includes(average)) {
      throw new ConfigError('INVALID_CONFIG', `average must be one of ${AVERAGES.map((a) => JSON.stringify(a)).join(', ')}; received ${JSON.stringify(options.average)}.`);
    }
    this.average = average;
    this.maxFpr = checkMaxFpr(options.maxFpr);
  }

  /** Number of labels; undefined before the first batch when not configured. */
  get numLabels(): number | undefined {
    return this.samples.rowWidth;
  }

  /** y_true: 0/1 indicators (samples, labels); y_pred: scores of the same shape; one weight per sample. */
  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    this.samples.append(multilabelBatch(yTrue, yPred, sampleWeight, this.numLabels));
  }

  result(): MetricResult {
    const columns = this.numLabels;
    if (columns === undefined) throw new MetricError('NOT_BUILT', 'MultilabelAUROC without numLabels has no result before its first update.');
    return averageOverColumns((problem) => rocAuc(problem, this.maxFpr), this.labelTable(columns), this.average);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), numLabels: this.configuredLabels, average: this.average, maxFpr: this.maxFpr };
  }
}
