// Comparisons with scikit-learn/numpy references stored as JSON (NaN and
// infinities written as strings, since JSON has no literal for them).
import { expect } from 'vitest';

/** A JSON value with "NaN", "Infinity" and "-Infinity" strings turned back into numbers. */
export function decodeNumber(value: unknown): number {
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  if (typeof value !== 'number') throw new Error(`not an encoded number: ${JSON.stringify(value)}`);
  return value;
}

export function decodeNumbers(record: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, decodeNumber(value)]));
}

/** |actual - expected| ≤ relative·|expected|; NaN and infinities must match exactly. */
export function expectClose(actual: number, expected: number, relative: number, label: string): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected));
}
