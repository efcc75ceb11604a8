// Numeric comparison for reference values: numbers, arrays and objects of
// them, each number within `rtol` relative (plus a 1e-15 absolute floor for
// values that cancel to about zero); NaN matches NaN, infinities match exactly.
import { expect } from 'vitest';

function mismatch(actual: unknown, expected: unknown, rtol: number, path: string): string | undefined {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return `${path}: expected ${expected}, received ${JSON.stringify(actual)}`;
    if (Number.isNaN(expected)) return Number.isNaN(actual) ? undefined : `${path}: expected NaN, received ${actual}`;
    if (!Number.isFinite(expected)) return actual === expected ? undefined : `${path}: expected ${expected}, received ${actual}`;
    return Math.abs(actual - expected) <= rtol * Math.abs(expected) + 1e-15 ? undefined
      : `${path}: expected ${expected}, received ${actual} (relative error ${Math.abs(actual - expected) / Math.abs(expected)})`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${path}: expected an array of ${expected.length}, received ${JSON.stringify(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const found = mismatch(actual[i], expected[i], rtol, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: expected an object, received ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const found = mismatch((actual as Record<string, unknown>)[key], value, rtol, `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: expected ${JSON.stringify(expected)}, received ${JSON.stringify(actual)}`;
}

export function expectClose(actual: unknown, expected: unknown, rtol: number): void {
  const found = mismatch(actual, expected, rtol, 'value');
  expect(found, found).toBeUndefined();
}
