// Option checks for the training-loop helpers (JavaScript callers get no compile-time check).
import { ConfigError } from '../errors.js';
import { didYouMean } from '../suggest.js';

/** Throws UNKNOWN_CONFIG_KEY for a key outside `known`, naming the closest. */
export function checkKnownKeys(caller: string, options: object, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError('INVALID_CONFIG', `${caller} options must be an object; received ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ConfigError('UNKNOWN_CONFIG_KEY', `${caller} has no option '${key}'.${didYouMean(key, known)}`, { key, known });
    }
  }
}

export function checkNonNegativeInteger(caller: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: ${name} must be a non-negative integer; received ${JSON.stringify(value)}.`);
  }
}

export function checkFinite(caller: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: ${name} must be a finite number; received ${JSON.stringify(value)}.`);
  }
}
