// Keras's hinge metrics. Hinge and SquaredHinge map {0, 1} labels to {-1, 1}
// when every label of the batch is 0 or 1, as Keras does (a per-batch choice).
import type { BaseOptions } from '../metric.js';
import { allZeroOrOne } from '../wasm/scan.js';
import { ElementLossMean, RowLossMean, ELEMENT_LOSS, ROW_LOSS } from './loss-mean.js';
import type { MeanLayout } from './regression.js';

/** Mean over samples of mean(max(1 - y·p, 0)) over the last axis. */
export class Hinge extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('Hinge', 'hinge', options, [], 'down');
  }

  protected operation(layout: MeanLayout): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.hinge, parameter: allZeroOrOne(layout.yTrue.data) ? 1 : 0 };
  }
}

/** Mean over samples of mean(max(1 - y·p, 0)²) over the last axis. */
export class SquaredHinge extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('SquaredHinge', 'squared_hinge', options, [], 'down');
  }

  protected operation(layout: MeanLayout): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.squaredHinge, parameter: allZeroOrOne(layout.yTrue.data) ? 1 : 0 };
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
