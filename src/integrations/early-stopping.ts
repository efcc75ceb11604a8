// Keras's EarlyStopping for custom training loops: call update(epoch, logs)
// after each epoch and stop when it returns true. Unlike TF.js's callback, a
// missing monitor key throws instead of warning, and mode 'auto' takes the
// direction from the metric that logs the key, not from its spelling.
import { ConfigError } from '../errors.js';
import { directionOfKey, hasMetrics, knownLogKeys, SOURCE_OPTION_KEYS, type MetricSource } from './log-keys.js';
import { readLogValue, type Logs } from './log-value.js';
import { isImprovement, modeOf, type Mode } from './improvement.js';
import { checkFinite, checkKnownKeys, checkNonNegativeInteger } from './options.js';

export interface EarlyStoppingOptions extends MetricSource {
  /** The log key to watch, e.g. 'val_auc'. Default 'val_loss', as in Keras. */
  monitor?: string;
  /** 'auto' (default) takes the direction of the metric logging `monitor`. */
  mode?: 'auto' | Mode;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** An improvement must beat the best by more than this. Default 0; the sign is ignored, as in Keras. */
  minDelta?: number;
  /** Training stops unless the monitored value beats this within `patience` epochs. */
  baseline?: number;
  /** Epochs before this one are neither compared nor counted (a warm-up). Default 0. */
  startFromEpoch?: number;
  /** Called on each new best: save the weights here to restore them later. */
  onBest?: (epoch: number, value: number) => void;
  /** Called once with the best epoch when training stops, or from finish() if it never did. */
  restore?: (bestEpoch: number, bestValue: number) => void;
}

const OPTION_KEYS = [
  'monitor', 'mode', 'patience', 'minDelta', 'baseline', 'startFromEpoch', 'onBest', 'restore', ...SOURCE_OPTION_KEYS,
];

function resolveMode(monitor: string, mode: 'auto' | Mode, source: MetricSource): Mode {
  if (mode !== 'auto') {
    // Given metrics, a monitor that none of them logs is a typo whatever the mode.
    if (hasMetrics(source)) directionOfKey('EarlyStopping', monitor, source);
    return mode;
  }
  // Without metrics only the loss keys are known (minimised, as Keras assumes).
  if (!hasMetrics(source) && !knownLogKeys(source).has(monitor)) {
    throw new ConfigError('INVALID_CONFIG',
      `EarlyStopping: mode 'auto' cannot tell whether '${monitor}' should be maximised or minimised without the metrics that log it. ` +
      `Pass mode: 'max' or mode: 'min', or metrics: the MetricCollection that logs '${monitor}'.`);
  }
  const resolved = modeOf(directionOfKey('EarlyStopping', monitor, source));
  if (resolved === undefined) {
    throw new ConfigError('INVALID_CONFIG',
      `EarlyStopping: the metric logging '${monitor}' has no direction (counts and sums are neither better high nor low). ` +
      `Pass mode: 'max' or mode: 'min'.`);
  }
  return resolved;
}

export class EarlyStopping {
  readonly monitor: string;
  /** 'min' or 'max', after resolving 'auto'. */
  readonly mode: Mode;
  readonly patience: number;
  readonly minDelta: number;
  readonly baseline: number | undefined;
  readonly startFromEpoch: number;
  private readonly onBest: ((epoch: number, value: number) => void) | undefined;
  private readonly restoreBest: ((bestEpoch: number, bestValue: number) => void) | undefined;

  /** Best monitored value so far; undefined before the first counted, non-NaN value. */
  best: number | undefined;
  bestEpoch: number | undefined;
  /** The epoch at which update() returned true; undefined while training continues. */
  stoppedEpoch: number | undefined;
  /** Counted epochs since the last improvement that also beat the baseline. */
  wait = 0;
  private restored = false;

  constructor(options: EarlyStoppingOptions = {}) {
    checkKnownKeys('EarlyStopping', options, OPTION_KEYS);
    const { monitor = 'val_loss', mode = 'auto', patience = 0, minDelta = 0, baseline, startFromEpoch = 0 } = options;
    if (typeof monitor !== 'string' || monitor === '') {
      throw new ConfigError('INVALID_CONFIG', `EarlyStopping: monitor must be a non-empty log key such as 'val_auc'; received ${JSON.stringify(monitor)}.`);
    }
    if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
      throw new ConfigError('INVALID_CONFIG', `EarlyStopping: mode must be 'auto', 'min' or 'max'; received ${JSON.stringify(mode)}.`);
    }
    checkNonNegativeInteger('EarlyStopping', 'patience', patience);
    checkFinite('EarlyStopping', 'minDelta', minDelta);
    if (baseline !== undefined) checkFinite('EarlyStopping', 'baseline', baseline);
    checkNonNegativeInteger('EarlyStopping', 'startFromEpoch', startFromEpoch);
    for (const hook of ['onBest', 'restore'] as const) {
      if (options[hook] !== undefined && typeof options[hook] !== 'function') {
        throw new ConfigError('INVALID_CONFIG', `EarlyStopping: ${hook} must be a function.`);
      }
    }
    this.monitor = monitor;
    this.mode = resolveMode(monitor, mode, options);
    this.patience = patience;
    this.minDelta = Math.abs(minDelta);
    this.baseline = baseline;
    this.startFromEpoch = startFromEpoch;
    this.onBest = options.onBest;
    this.restoreBest = options.restore;
  }

  /**
   * Records one epoch (0-based) and returns true when training should stop.
   * Follows Keras 3's on_epoch_end: an improving epoch never stops training,
   * and epoch 0 never does.
   */
  update(epoch: number, logs: Logs): boolean {
    checkNonNegativeInteger('EarlyStopping', 'epoch', epoch);
    const value = readLogValue('EarlyStopping', logs, this.monitor);
    if (epoch < this.startFromEpoch) return false;
    this.wait += 1;
    if (isImprovement(value, this.best, this.mode, this.minDelta)) {
      this.best = value;
      this.bestEpoch = epoch;
      this.onBest?.(epoch, value);
      // The patience count restarts only when the baseline is beaten too.
      if (this.baseline === undefined || isImprovement(value, this.baseline, this.mode, this.minDelta)) this.wait = 0;
      return false;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.finish();
      return true;
    }
    return false;
  }

  /**
   * Call after the loop: restores the best epoch if training ran out of epochs
   * without stopping (Keras restores at the end of training either way).
   * Calls `restore` at most once, and only if some epoch set a best.
   */
  finish(): void {
    if (this.restored || this.bestEpoch === undefined || this.best === undefined) return;
    this.restored = true;
    this.restoreBest?.(this.bestEpoch, this.best);
  }

  /** Forgets every epoch, to reuse the same settings for another run. */
  reset(): void {
    this.best = undefined;
    this.bestEpoch = undefined;
    this.stoppedEpoch = undefined;
    this.wait = 0;
    this.restored = false;
  }
}
