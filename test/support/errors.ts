// Rejections in tests: a call must throw a MetricError with a given code, and a
// rejected call must leave the metric's saved state byte-identical.
import { expect } from 'vitest';
import { MetricError, type ArrayInput, type Metric, type MetricErrorCode } from '../../src/index.js';
import { sameBytes } from './state.js';

/** Runs `action` and returns what it threw. */
function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

export function expectMetricError(action: () => unknown, code: MetricErrorCode, message?: RegExp): MetricError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(MetricError);
  expect((error as MetricError).code).toBe(code);
  if (message) expect((error as MetricError).message).toMatch(message);
  return error as MetricError;
}

/** The action must throw `code` and leave `metric`'s saved state byte-identical. */
export function expectRejected(metric: Metric, action: () => unknown, code: MetricErrorCode, message?: RegExp): void {
  const before = metric.saveState();
  expectMetricError(action, code, message);
  expect(sameBytes(metric.saveState(), before), 'state changed after a rejected call').toBe(true);
}

/** An `updateState` call to run later, with inputs of any type (bad ones included). */
export const update = (metric: Metric, yTrue: unknown, yPred: unknown, sampleWeight?: unknown) => (): void =>
  metric.updateState(yTrue as ArrayInput, yPred as ArrayInput, sampleWeight as ArrayInput | undefined);
