// Comparisons with scikit-learn/numpy references (decoded with ./fixture-json.ts).
import { expect } from 'vitest';

/** |actual - expected| ≤ relative·|expected|; NaN and infinities must match exactly. */
export function expectClose(actual: number, expected: number, relative: number, label: string): void {
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.abs(expected));
}
