// Option objects of the functional API: known keys only (JavaScript callers get
// no compile-time check, and a misspelt sampleWeight must not be ignored).
import { ConfigError } from '../errors.js';
import { didYouMean } from '../suggest.js';

export function checkFunctionOptions(functionName: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError('INVALID_CONFIG', `${functionName} options must be an object; received ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ConfigError('UNKNOWN_CONFIG_KEY', `${functionName} has no option '${key}'.${didYouMean(key, known)}`, { key, known });
    }
  }
}

/** A confidence level in (0, 1); 0.95 when undefined. */
export function confidenceLevelOf(value: unknown): number {
  if (value === undefined) return 0.95;
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new ConfigError('INVALID_CONFIG', `confidenceLevel must be a number strictly between 0 and 1; received ${JSON.stringify(value)}.`);
  }
  return value;
}
