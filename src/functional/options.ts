// Option checks shared by the classification functions. JavaScript callers
// get no compile-time check, so keys and values are validated at run time
// and a misspelt key (say `sample_weight`) names the closest known one.
import { ConfigError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { ArrayInput } from '../tensor.js';
import type { WarningOptions } from './warnings.js';

/** A class label: a number or a string (booleans are read as 1 and 0). */
export type Label = number | string;

/** Labels as callers pass them. */
export type LabelLike = Label | boolean;

export interface SampleWeightOptions {
  /** One weight per sample; null or absent weighs every sample 1. */
  sampleWeight?: ArrayInput | null;
}

/** scikit-learn's zero_division: 'warn' acts as 0 and warns; NaN leaves undefined classes out of averages. */
export type ZeroDivision = 'warn' | 0 | 1 | number;

export type Options = SampleWeightOptions & WarningOptions & Record<string, unknown>;

/** Returns `options` (or {}) after checking that every key is known. */
export function checkOptions<T extends object>(caller: string, options: T | undefined, known: readonly string[]): T {
  if (options === undefined || options === null) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: options must be an object; received ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ConfigError('UNKNOWN_CONFIG_KEY', `${caller} has no option '${key}'.${didYouMean(key, known)}`, { key, known });
    }
  }
  return options;
}

export function booleanOption(caller: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ConfigError('INVALID_CONFIG', `${caller}: ${name} must be true or false; received ${JSON.stringify(value)}.`);
  }
  return value;
}

/** An option that must be one of a few values; `fallback` when undefined. `context` extends the message. */
export function oneOf<T>(caller: string, name: string, value: unknown, allowed: readonly T[], fallback: T, context = ''): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) {
    throw new ConfigError('INVALID_CONFIG',
      `${caller}: ${name} must be one of ${allowed.map((option) => JSON.stringify(option)).join(', ')}${context}; received ${JSON.stringify(value)}.`);
  }
  return value as T;
}

/** The zero_division value: 0 for 'warn' (which also warns), 0, 1 or NaN. */
export function zeroDivisionOption(caller: string, value: unknown): { value: number; warns: boolean } {
  if (value === undefined || value === 'warn') return { value: 0, warns: true };
  if (value === 0 || value === 1 || Number.isNaN(value)) return { value: value as number, warns: false };
  throw new ConfigError('INVALID_CONFIG', `${caller}: zeroDivision must be 'warn', 0, 1 or NaN; received ${JSON.stringify(value)}.`);
}

export function normaliseLabel(label: unknown, caller: string, name: string): Label {
  if (typeof label === 'boolean') return label ? 1 : 0;
  if (typeof label === 'string' || (typeof label === 'number' && Number.isFinite(label))) return label;
  throw new ConfigError('INVALID_CONFIG', `${caller}: ${name} must hold numbers or strings; received ${JSON.stringify(label)}.`);
}

/** A `labels` option: a non-empty list of distinct numbers, or of distinct strings. */
export function labelListOption(caller: string, value: unknown): Label[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: labels must be a non-empty array of labels; received ${JSON.stringify(value)}.`);
  }
  const labels = list.map((label) => normaliseLabel(label, caller, 'labels'));
  if (new Set(labels.map((label) => typeof label)).size > 1) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: labels mixes numbers and strings.`);
  }
  const seen = new Set<Label>();
  for (const label of labels) {
    if (seen.has(label)) throw new ConfigError('INVALID_CONFIG', `${caller}: labels holds ${JSON.stringify(label)} twice.`);
    seen.add(label);
  }
  return labels;
}

/** A confidence level in (0, 1); 0.95 when undefined. */
export function confidenceLevelOf(value: unknown): number {
  if (value === undefined) return 0.95;
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new ConfigError('INVALID_CONFIG', `confidenceLevel must be a number strictly between 0 and 1; received ${JSON.stringify(value)}.`);
  }
  return value;
}
