// Exact multiclass ROC AUC, as scikit-learn's roc_auc_score with
// labels = [0, numClasses): one-vs-rest (macro, weighted, micro or per class)
// or Hand & Till's one-vs-one (macro or weighted).
import type { BaseOptions, MetricResult } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { ConfigError, MetricError } from '../errors.js';
import { RankingSamples } from '../exact/ranking-samples.js';
import { rocAuc } from '../exact/binary-ranking.js';
import { averageOverColumns, oneHotTable, oneVsOneRocAuc } from '../exact/averaging.js';
import { multiclassBatch } from './exact-batches.js';
import { ExactRankingMetric, checkOptionalCount } from './exact-base.js';

export type MulticlassAverage = 'macro' | 'weighted' | 'micro' | null;

export interface MulticlassAUROCOptions extends BaseOptions {
  /** Number of classes (columns of y_pred); taken from the first batch when omitted. */
  numClasses?: number | null;
  /** 'macro' (default), 'weighted', 'micro' (ovr only) or null (ovr only: one AUC per class). */
  average?: MulticlassAverage;
  /** 'ovr' (default) or 'ovo'. */
  multiClass?: 'ovr' | 'ovo';
}

export class MulticlassAUROC extends ExactRankingMetric {
  private readonly configuredClasses: number | null;
  readonly average: MulticlassAverage;
  readonly multiClass: 'ovr' | 'ovo';

  constructor(options: MulticlassAUROCOptions = {}) {
    const numClasses = checkOptionalCount('numClasses', options.numClasses, 2);
    super('MulticlassAUROC', 'multiclass_auroc', options, ['numClasses', 'average', 'multiClass'],
      new RankingSamples('class', 'row', numClasses ?? undefined));
    this.configuredClasses = numClasses;
    const multiClass = options.multiClass ?? 'ovr';
    if (multiClass !== 'ovr' && multiClass !== 'ovo') {
      throw new ConfigError('INVALID_CONFIG', `multiClass must be 'ovr' or 'ovo'; received ${JSON.stringify(options.multiClass)}.`);
    }
    const average = options.average === undefined ? 'macro' : options.average;
    const allowed: MulticlassAverage[] = multiClass === 'ovo' ? ['macro', 'weighted'] : ['macro', 'weighted', 'micro', null];
    if (!allowed.includes(average)) {
      throw new ConfigError('INVALID_CONFIG', `average must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} for multiClass '${multiClass}'; received ${JSON.stringify(options.average)}.`);
    }
    this.multiClass = multiClass;
    this.average = average;
  }

  /** Number of classes; undefined before the first batch when not configured. */
  get numClasses(): number | undefined {
    return this.samples.rowWidth;
  }

  /** y_true: class ids (samples,); y_pred: class probabilities (samples, classes), rows summing to 1. */
  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    if (this.multiClass === 'ovo' && sampleWeight !== undefined && sampleWeight !== null) {
      throw new ConfigError('INVALID_CONFIG', "sample_weight is not supported with multiClass 'ovo' (as in scikit-learn).");
    }
    this.samples.append(multiclassBatch(yTrue, yPred, sampleWeight, this.numClasses));
  }

  result(): MetricResult {
    const columns = this.numClasses;
    if (columns === undefined) throw new MetricError('NOT_BUILT', 'MulticlassAUROC without numClasses has no result before its first update.');
    const ids = this.samples.labels() as Int32Array;
    if (this.multiClass === 'ovo') return oneVsOneRocAuc(ids, this.samples.scores(), columns, this.average as 'macro' | 'weighted');
    return averageOverColumns((problem) => rocAuc(problem), oneHotTable(ids, this.samples.scores(), columns, this.samples.weights()), this.average);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), numClasses: this.configuredClasses, average: this.average, multiClass: this.multiClass };
  }
}
