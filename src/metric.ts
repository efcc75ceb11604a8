// The Metric base: declared Float64Array state with a merge rule, the Keras
// update/result/reset cycle, merging, versioned save/load and config.
import { ConfigError, StateError } from './errors.js';
import type { ArrayInput } from './tensor.js';
import { didYouMean } from './suggest.js';
import { encodeState, decodeState, type SavedState, type StateArray } from './state-codec.js';

/** Which way is better, for early stopping and model selection. Undefined for plain counts and sums. */
export type Direction = 'up' | 'down' | undefined;

export type MetricResult = number | number[];

/** Options every metric accepts. */
export interface BaseOptions {
  /** Name used in logs; defaults to the Keras snake_case name. */
  name?: string;
  /** Keras dtype, kept for config round-trips. Accumulation is always float64. */
  dtype?: string;
  /** NaN/Infinity inputs: 'raise' (default) rejects the update; 'propagate' lets them reach the result. */
  nonFinite?: 'raise' | 'propagate';
}

export type StateArrays = Map<string, Float64Array>;

/**
 * State whose size grows with the data: exact metrics keep every sample. It
 * combines by concatenation and saves as typed arrays beside the fixed state.
 * The prepare steps check everything first and return the change to make, so
 * a refused merge or load leaves the metric as it was.
 */
export interface GrowableState {
  /** Names of its saved arrays (none is a fixed state array's name). */
  readonly arrayNames: readonly string[];
  arrays(): Array<readonly [string, StateArray]>;
  /** Checks saved arrays (throws StateError) and returns the step that adopts them. */
  prepareLoad(arrays: ReadonlyMap<string, StateArray>): () => void;
  /** Checks that `other` (same class and config) can follow this state and returns the step that appends it. */
  prepareAppend(other: GrowableState): () => void;
  clear(): void;
  /** Returns the step that undoes every change made after this call. */
  checkpoint(): () => void;
}

/** Checks that `options` holds only known keys (JavaScript callers get no compile-time check). */
export function checkOptionKeys(className: string, options: object, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError('INVALID_CONFIG', `${className} options must be an object; received ${JSON.stringify(options)}.`);
  }
  const allowed = [...known, 'name', 'dtype', 'nonFinite'];
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new ConfigError('UNKNOWN_CONFIG_KEY', `${className} has no option '${key}'.${didYouMean(key, allowed)}`, { key, known: allowed });
    }
  }
}

export abstract class Metric {
  /** The Keras class name, used by serialize/deserialize and saved state. */
  readonly className: string;
  readonly name: string;
  readonly dtype: string;
  protected readonly nonFinite: 'raise' | 'propagate';
  private stateArrays: StateArrays | undefined;
  private growable: GrowableState | undefined;

  protected constructor(className: string, defaultName: string, options: BaseOptions, optionKeys: readonly string[]) {
    checkOptionKeys(className, options, optionKeys);
    this.className = className;
    if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) {
      throw new ConfigError('INVALID_CONFIG', `name must be a non-empty string; received ${JSON.stringify(options.name)}.`);
    }
    if (options.nonFinite !== undefined && options.nonFinite !== 'raise' && options.nonFinite !== 'propagate') {
      throw new ConfigError('INVALID_CONFIG', `nonFinite must be 'raise' or 'propagate'; received ${JSON.stringify(options.nonFinite)}.`);
    }
    this.name = options.name ?? defaultName;
    this.dtype = options.dtype ?? 'float32';
    this.nonFinite = options.nonFinite ?? 'raise';
  }

  /** 'up' when larger is better, 'down' when smaller is better. */
  abstract get direction(): Direction;

  /** Accumulates one batch. Throws MetricError on bad input and then leaves state unchanged. */
  abstract updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void;

  /** The metric over everything accumulated since construction or the last reset. */
  abstract result(): MetricResult;

  /** Constructor options (camelCase) that rebuild an equal metric. */
  getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { name: this.name, dtype: this.dtype };
    if (this.nonFinite !== 'raise') config.nonFinite = this.nonFinite;
    return config;
  }

  /** Zeroes every state array (a lazily shaped metric keeps its shape, as in Keras). */
  resetState(): void {
    this.stateArrays?.forEach((values) => values.fill(0));
    this.growable?.clear();
  }

  /** Declares the state arrays (name → length), all zero. */
  protected defineState(lengths: Record<string, number>): void {
    this.stateArrays = new Map(Object.entries(lengths).map(([name, length]) => [name, new Float64Array(length)]));
  }

  /** Declares state that grows with the data (exact metrics); merged by concatenation. */
  protected defineGrowableState(state: GrowableState): void {
    this.growable = state;
  }

  protected get isBuilt(): boolean {
    return this.stateArrays !== undefined;
  }

  protected state(name: string): Float64Array {
    return this.stateArrays!.get(name)!;
  }

  /** Adds per-batch partial sums into state, after the whole batch was validated. */
  protected addToState(partials: Record<string, ArrayLike<number>>): void {
    for (const [name, values] of Object.entries(partials)) {
      const target = this.state(name);
      for (let i = 0; i < target.length; i++) target[i]! += values[i]!;
    }
  }

  /**
   * How another metric's state combines into this one. Every state here is a
   * monoid; the default rule is element-wise addition.
   */
  protected combineState(into: StateArrays, from: StateArrays): void {
    into.forEach((values, name) => {
      const other = from.get(name)!;
      for (let i = 0; i < values.length; i++) values[i]! += other[i]!;
    });
  }

  /** True when this metric learns its state shape from the first batch (so it may have no state yet). */
  protected get buildsLazily(): boolean {
    return false;
  }

  /** Checks a state layout (from a merge or saved bytes) before this unbuilt metric adopts it. */
  protected acceptsStateLayout(_layout: ReadonlyArray<readonly [string, number]>): boolean {
    return false;
  }

  private layout(): Array<[string, number]> {
    return [...(this.stateArrays ?? new Map<string, Float64Array>())].map(([name, values]) => [name, values.length]);
  }

  /** The config that decides state compatibility: everything but the name. */
  private stateConfig(): Record<string, unknown> {
    const { name: _name, ...config } = this.getConfig();
    return config;
  }

  private checkCompatible(className: string, config: Record<string, unknown>, layout: ReadonlyArray<readonly [string, number]>, what: string): void {
    if (className !== this.className) {
      throw new StateError('STATE_MISMATCH', `Cannot ${what} state of ${className} into ${this.className}.`);
    }
    const own = this.stateConfig();
    const differing = [...new Set([...Object.keys(config), ...Object.keys(own)])]
      .filter((key) => canonicalJson(config[key]) !== canonicalJson(own[key]))
      .map((key) => `${key} ${canonicalJson(config[key])} vs ${canonicalJson(own[key])}`);
    if (differing.length) {
      throw new StateError('STATE_MISMATCH', `Cannot ${what} ${this.className} state with a different config: ${differing.join('; ')}.`);
    }
    const ownLayout = this.layout();
    const sameLayout = ownLayout.length === layout.length && ownLayout.every(([name, length], i) => layout[i]![0] === name && layout[i]![1] === length);
    if (layout.length === 0 && ownLayout.length > 0 && !this.buildsLazily) {
      throw new StateError('STATE_MISMATCH', `A ${this.className} state always holds arrays; the given state holds none.`);
    }
    if (this.isBuilt && layout.length > 0 && !sameLayout) {
      throw new StateError('STATE_MISMATCH', `Cannot ${what} ${this.className} states of different shapes: ${JSON.stringify(layout)} vs ${JSON.stringify(ownLayout)}.`);
    }
    if (!this.isBuilt && layout.length > 0 && !this.acceptsStateLayout(layout)) {
      throw new StateError('STATE_MISMATCH', `The state layout ${JSON.stringify(layout)} does not fit ${this.className}.`);
    }
  }

  /** Folds `other`'s state into this one: the same as having fed this metric all of other's data. */
  mergeState(other: Metric): void {
    if (!(other instanceof Metric)) throw new StateError('STATE_MISMATCH', 'mergeState expects a Metric.');
    this.checkCompatible(other.className, other.stateConfig(), other.layout(), 'merge');
    const appendGrowable = this.growable?.prepareAppend(other.growable!);
    if (other.stateArrays && !this.stateArrays) {
      this.stateArrays = new Map([...other.stateArrays].map(([name, values]) => [name, values.slice()]));
    } else if (other.stateArrays && this.stateArrays) {
      this.combineState(this.stateArrays, other.stateArrays);
    }
    appendGrowable?.();
  }

  /**
   * A restore point: the returned function puts the state back as it is now.
   * MetricCollection uses it to keep an update all-or-nothing across metrics.
   * Growable state rolls back by truncation, so this costs the fixed state's
   * size, not the number of samples an exact metric holds.
   */
  checkpoint(): () => void {
    const fixed = this.stateArrays && new Map([...this.stateArrays].map(([name, values]) => [name, values.slice()]));
    const restoreGrowable = this.growable?.checkpoint();
    return () => {
      this.stateArrays = fixed && new Map([...fixed].map(([name, values]) => [name, values.slice()]));
      restoreGrowable?.();
    };
  }

  /** Versioned, self-describing bytes holding class, config and state. */
  saveState(): Uint8Array {
    const saved: SavedState = {
      className: this.className,
      config: this.getConfig(),
      arrays: [...(this.stateArrays ?? new Map<string, Float64Array>()), ...(this.growable?.arrays() ?? [])],
    };
    return encodeState(saved);
  }

  /** Replaces this metric's state with saved bytes of the same class and config. */
  loadState(bytes: Uint8Array): void {
    const saved = decodeState(bytes);
    const { name: _name, ...config } = saved.config;
    const growableNames = new Set(this.growable?.arrayNames ?? []);
    const fixed = saved.arrays.filter(([name]) => !growableNames.has(name));
    this.checkCompatible(saved.className, config, fixed.map(([name, values]) => [name, values.length] as const), 'load');
    if (fixed.some(([, values]) => !(values instanceof Float64Array))) {
      throw new StateError('STATE_MISMATCH', `The saved ${this.className} state holds typed arrays where float64 state belongs.`);
    }
    const adoptGrowable = this.growable?.prepareLoad(new Map(saved.arrays.filter(([name]) => growableNames.has(name))));
    this.stateArrays = fixed.length ? new Map(fixed as Array<[string, Float64Array]>) : undefined;
    adoptGrowable?.();
  }
}

/** JSON with sorted keys, for comparing configs. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}
