// Keras's probabilistic metrics: binary, categorical and sparse categorical
// crossentropy, KL divergence and Poisson, as means of per-sample losses.
import { ConfigError } from '../errors.js';
import type { BaseOptions } from '../metric.js';
import { ElementLossMean, RowLossMean, ELEMENT_LOSS, ROW_LOSS, type RowLossOptions } from './loss-mean.js';

function checkSmoothing(value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ConfigError('INVALID_CONFIG', `labelSmoothing must be a number in [0, 1]; received ${JSON.stringify(value)}.`);
  }
  return value;
}

function checkFlag(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ConfigError('INVALID_CONFIG', `${name} must be true or false; received ${JSON.stringify(value)}.`);
  return value;
}

export interface BinaryCrossentropyOptions extends BaseOptions {
  /** Predictions are logits (a sigmoid is implied). */
  fromLogits?: boolean;
  /** Targets become y·(1 - s) + 0.5·s. */
  labelSmoothing?: number;
}

/** Mean over samples of the binary crossentropy averaged over the last axis (probabilities clipped to [1e-7, 1 - 1e-7] in float32). */
export class BinaryCrossentropy extends ElementLossMean {
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: BinaryCrossentropyOptions = {}) {
    super('BinaryCrossentropy', 'binary_crossentropy', options, ['fromLogits', 'labelSmoothing'], 'down');
    this.fromLogits = checkFlag('fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkSmoothing(options.labelSmoothing ?? 0);
  }

  protected operation(): { op: number; parameter: number } {
    return { op: this.fromLogits ? ELEMENT_LOSS.binaryCrossentropyLogits : ELEMENT_LOSS.binaryCrossentropy, parameter: this.labelSmoothing };
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing };
  }
}

export interface CategoricalCrossentropyOptions extends RowLossOptions {
  fromLogits?: boolean;
  /** Targets become y·(1 - s) + s/C. */
  labelSmoothing?: number;
}

/** Mean over samples of -Σ y·log p, with p renormalised to sum to 1 and clipped, or log-softmax for logits. */
export class CategoricalCrossentropy extends RowLossMean {
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: CategoricalCrossentropyOptions = {}) {
    super('CategoricalCrossentropy', 'categorical_crossentropy', options, ['fromLogits', 'labelSmoothing'], 'down');
    this.fromLogits = checkFlag('fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkSmoothing(options.labelSmoothing ?? 0);
  }

  protected operation(): { op: number; parameter: number } {
    return {
      op: this.fromLogits ? ROW_LOSS.categoricalCrossentropyLogits : ROW_LOSS.categoricalCrossentropy,
      parameter: this.labelSmoothing,
    };
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing };
  }
}

export interface SparseCategoricalCrossentropyOptions extends RowLossOptions {
  fromLogits?: boolean;
  /** Rows with this class id count as loss 0; with sample weights they are left out entirely (Keras's mask). */
  ignoreClass?: number | null;
}

/** Categorical crossentropy with integer class ids as targets. */
export class SparseCategoricalCrossentropy extends RowLossMean {
  readonly fromLogits: boolean;
  private readonly ignored: number | undefined;

  constructor(options: SparseCategoricalCrossentropyOptions = {}) {
    super('SparseCategoricalCrossentropy', 'sparse_categorical_crossentropy', options, ['fromLogits', 'ignoreClass'], 'down');
    this.fromLogits = checkFlag('fromLogits', options.fromLogits ?? false);
    const ignoreClass = options.ignoreClass ?? undefined;
    if (ignoreClass !== undefined && !Number.isInteger(ignoreClass)) {
      throw new ConfigError('INVALID_CONFIG', `ignoreClass must be an integer or null; received ${JSON.stringify(ignoreClass)}.`);
    }
    this.ignored = ignoreClass;
  }

  protected get sparseTargets(): boolean {
    return true;
  }

  protected get ignoreClass(): number | undefined {
    return this.ignored;
  }

  protected operation(): { op: number; parameter: number } {
    return { op: this.fromLogits ? ROW_LOSS.sparseCategoricalCrossentropyLogits : ROW_LOSS.sparseCategoricalCrossentropy, parameter: 0 };
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), fromLogits: this.fromLogits, ignoreClass: this.ignored ?? null };
  }
}

/** Mean over samples of Σ y·log(y/p) over the last axis, both clipped to [1e-7, 1]. */
export class KLDivergence extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('KLDivergence', 'kl_divergence', options, [], 'down');
  }

  protected get sumsLastAxis(): boolean {
    return true;
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.klDivergence, parameter: 0 };
  }
}

/** Mean over samples of mean(p - y·log(p + 1e-7)) over the last axis. */
export class Poisson extends ElementLossMean {
  constructor(options: BaseOptions = {}) {
    super('Poisson', 'poisson', options, [], 'down');
  }

  protected operation(): { op: number; parameter: number } {
    return { op: ELEMENT_LOSS.poisson, parameter: 0 };
  }
}
