// Keras's correlation metrics. Both are computed per sample, across the last
// axis, and averaged over samples: not a dataset-level correlation (see the
// Keras compatibility notes).
import { ROW_LOSS, RowLossMean, type RowLossOptions } from './loss-mean.js';

/** Mean over samples of the Pearson correlation of y and p along the last axis (population moments). */
export class PearsonCorrelation extends RowLossMean {
  constructor(options: RowLossOptions = {}) {
    super('PearsonCorrelation', 'pearson_correlation', options, [], 'up');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ROW_LOSS.pearsonCorrelation, parameter: 0 };
  }
}

/** Mean over samples of Lin's concordance correlation 2·cov / (var_y + var_p + (m_y - m_p)² + 1e-7) along the last axis. */
export class ConcordanceCorrelation extends RowLossMean {
  constructor(options: RowLossOptions = {}) {
    super('ConcordanceCorrelation', 'concordance_correlation', options, [], 'up');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ROW_LOSS.concordanceCorrelation, parameter: 0 };
  }
}
