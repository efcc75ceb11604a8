// Keras's remaining regression metrics: percentage, squared-log and log-cosh
// errors (element-wise), and cosine similarity (over whole rows).
import type { BaseOptions } from '../metric.js';
import { ElementLossMean, RowLossMean, ELEMENT_LOSS, ROW_LOSS, type RowLossOptions } from './loss-mean.js';

/** Mean over samples of 100·mean(|y - p| / max(|y|, 1e-7)) over the last axis. */
export class MeanAbsolutePercentageError extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('MeanAbsolutePercentageError', 'mean_absolute_percentage_error', options, [], 'down');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.percentageError, parameter: 0 };
  }
}

/** Mean over samples of mean((log(max(p, ε) + 1) - log(max(y, ε) + 1))²) over the last axis. */
export class MeanSquaredLogarithmicError extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('MeanSquaredLogarithmicError', 'mean_squared_logarithmic_error', options, [], 'down');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.squaredLogError, parameter: 0 };
  }
}

/** Mean over samples of mean(log(cosh(p - y))) over the last axis, computed without overflow. Named 'logcosh' as in Keras. */
export class LogCoshError extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('LogCoshError', 'logcosh', options, [], 'down');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.logCosh, parameter: 0 };
  }
}

/**
 * Mean over samples of the cosine similarity of y and p along the last axis
 * (an all-zero row gives 0). Keras's get_config drops `axis`; ours keeps it.
 */
export class CosineSimilarity extends RowLossMean {
  constructor(options: RowLossOptions = {}) {
    super('CosineSimilarity', 'cosine_similarity', options, [], 'up');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ROW_LOSS.cosineSimilarity, parameter: 0 };
  }
}
