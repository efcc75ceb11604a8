// AUC({ exact: true }): Keras's AUC interface with scikit-learn's exact values.
// Every element (or, multi-label, every row of label scores) is kept as a
// sample; ROC gives roc_auc_score, PR gives average_precision_score per label.
import type { ArrayInput } from '../tensor.js';
import { RankingSamples } from '../exact/ranking-samples.js';
import { tableColumn, type LabelTable } from '../exact/averaging.js';
import {
  averagePrecision, precisionRecallCurve, rocAuc, rocCurve, type BinaryProblem, type PrecisionRecallCurve, type RocCurve,
} from '../exact/binary-ranking.js';
import { elementBatch } from './exact-batches.js';

export class ExactAucSamples {
  readonly samples: RankingSamples;

  constructor(private readonly multiLabel: boolean, numLabels: number | null) {
    // Keras broadcasts sample_weight to every element, so weights are kept per element.
    this.samples = new RankingSamples('indicator', 'element', multiLabel ? numLabels ?? undefined : 1);
  }

  /** Labels tracked: 1 when flat; for multi-label, undefined until known. */
  get numLabels(): number | undefined {
    return this.samples.rowWidth;
  }

  update(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined, labelWeights: Float64Array | undefined): void {
    this.samples.append(elementBatch(yTrue, yPred, sampleWeight, this.multiLabel, this.multiLabel ? this.numLabels : undefined, labelWeights));
  }

  private label(label: number): BinaryProblem {
    const table: LabelTable = {
      rows: this.samples.rows, columns: this.numLabels ?? 1, scores: this.samples.scores(),
      labels: this.samples.labels() as Uint8Array, elementWeights: this.samples.weights(),
    };
    return table.columns === 1 ? { scores: table.scores, labels: table.labels, weights: table.elementWeights } : tableColumn(table, label);
  }

  /** Exact ROC AUC (NaN for a label lacking a class) or average precision, per label. */
  labelResults(curve: 'ROC' | 'PR'): number[] {
    return Array.from({ length: this.numLabels ?? 0 }, (_, label) =>
      (curve === 'ROC' ? rocAuc(this.label(label)) : averagePrecision(this.label(label))));
  }

  curve(curve: 'ROC' | 'PR', label: number): RocCurve | PrecisionRecallCurve {
    return curve === 'ROC' ? rocCurve(this.label(label), true) : precisionRecallCurve(this.label(label), false);
  }
}
