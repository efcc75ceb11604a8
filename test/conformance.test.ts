// Keras 3 conformance vectors: each case is built with deserialize({ class_name,
// config }) and fed step by step through updateState.
import { describe, expect, test } from 'vitest';
import cases from './fixtures/keras_cases.json' with { type: 'json' };
import { deserialize, identifiers, registerMetricFunction, type Tensor } from '../src/index.js';

// The Keras tests register this per-element function for their MeanMetricWrapper cases.
registerMetricFunction('elementwise_squared_error', (yTrue: Tensor, yPred: Tensor) =>
  ({ data: Float64Array.from(yTrue.data, (y, i) => (y - yPred.data[i]!) ** 2), shape: yTrue.shape }));

interface KerasCase {
  id: string;
  metric: string;
  config: Record<string, unknown>;
  /** Mean and Sum steps carry `values` instead of y_true / y_pred. */
  steps: Array<{ y_true: unknown; y_pred: unknown; sample_weight: unknown; values?: unknown }>;
  expected: number | number[];
  rtol: number;
  atol: number;
}

const supported = new Set(identifiers());
const runnable = (cases as KerasCase[]).filter((c) => supported.has(c.metric));

function expectClose(actual: number, expected: number, rtol: number, atol: number, id: string): void {
  const ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected) || (Number.isNaN(actual) && Number.isNaN(expected));
  expect(ok, `${id}: got ${actual}, expected ${expected}`).toBe(true);
}

describe('Keras conformance vectors', () => {
  test('covers the implemented metrics', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(60);
  });

  test.each(runnable.map((c) => [c.id, c] as const))('%s', (_id, kerasCase) => {
    const metric = deserialize({ class_name: kerasCase.metric, config: kerasCase.config });
    for (const step of kerasCase.steps) {
      if (step.values !== undefined) (metric as unknown as { updateState(values: unknown, weight: unknown): void }).updateState(step.values, step.sample_weight);
      else metric.updateState(step.y_true as never, step.y_pred as never, step.sample_weight as never);
    }
    const result = metric.result();
    if (Array.isArray(kerasCase.expected)) {
      expect(Array.isArray(result), `${kerasCase.id}: expected a vector`).toBe(true);
      const values = result as number[];
      expect(values.length).toBe(kerasCase.expected.length);
      kerasCase.expected.forEach((value, i) => expectClose(values[i]!, value, kerasCase.rtol, kerasCase.atol, `${kerasCase.id}[${i}]`));
    } else {
      expect(typeof result).toBe('number');
      expectClose(result as number, kerasCase.expected, kerasCase.rtol, kerasCase.atol, kerasCase.id);
    }
  });
});
