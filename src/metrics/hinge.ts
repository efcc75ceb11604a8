// Keras's hinge metrics. Hinge and SquaredHinge map {0, 1} labels to {-1, 1}
// when every label of the batch is 0 or 1, as Keras does (a per-batch choice).
import type { BaseOptions, Direction } from '../metric.js';
import type { ArrayInput } from '../tensor.js';
import { feedRegression } from '../wasm/feed.js';
import { RowLossMean, ROW_LOSS } from './loss-mean.js';
import { MeanStateMetric, meanIncrement } from './mean.js';
import { lastAxisMeanLayout } from './regression.js';

/** Slots of the hingeSums kernel output. */
const HINGE = { mapped: 0, weight: 1, raw: 2, otherLabels: 3 } as const;

/**
 * One pass gives the loss for both label readings; the batch's labels decide
 * which one Keras would have used, so no separate scan of the labels is needed.
 */
abstract class HingeMean extends MeanStateMetric {
  protected abstract readonly squared: boolean;

  get direction(): Direction {
    return 'down';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const layout = lastAxisMeanLayout(yTrue, yPred, sampleWeight);
    const { rows, rowLength, weights } = layout;
    const squared = this.squared ? 1 : 0;
    const { output, sawNonFinite } = feedRegression({
      targets: layout.yTrue.data, predictions: layout.yPred.data, weights, rows, rowLength, shape: layout.shape,
      nonFinite: this.nonFinite, perColumn: false, outputSlots: 4,
    }, (a, chunk, isF64, _column, out) =>
      a.kernels.hingeSums(squared, chunk.labels, chunk.predictions, isF64 ? 1 : 0, chunk.weights, chunk.count, out));
    const loss = output[HINGE.otherLabels] === 0 ? output[HINGE.mapped]! : output[HINGE.raw]!;
    this.addMean(meanIncrement(loss, output[HINGE.weight]!, weights, rows * rowLength, rowLength), sawNonFinite);
  }

  result(): number {
    return this.meanResult();
  }
}

/** Mean over samples of mean(max(1 - y·p, 0)) over the last axis. */
export class Hinge extends HingeMean {
  protected readonly squared = false;
  constructor(options: BaseOptions = {}) {
    super('Hinge', 'hinge', options, []);
  }
}

/** Mean over samples of mean(max(1 - y·p, 0)²) over the last axis. */
export class SquaredHinge extends HingeMean {
  protected readonly squared = true;
  constructor(options: BaseOptions = {}) {
    super('SquaredHinge', 'squared_hinge', options, []);
  }
}

/** Mean over samples of max(max((1 - y)·p) - Σ y·p + 1, 0) over the last axis. */
export class CategoricalHinge extends RowLossMean {
  constructor(options: BaseOptions = {}) {
    super('CategoricalHinge', 'categorical_hinge', options, [], 'down');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ROW_LOSS.categoricalHinge, parameter: 0 };
  }

  getConfig(): Record<string, unknown> {
    const { axis: _axis, ...config } = super.getConfig();
    return config;
  }
}
