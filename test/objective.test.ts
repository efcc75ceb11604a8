// objective(): a search objective checked against the metrics the loop logs,
// with the direction taken from the metric; KerasTuner's KeyError for a
// misspelt objective becomes an error at setup that names the closest key.
import { describe, expect, test } from 'vitest';
import { F1Score, MetricCollection, MetricError, objective, type ObjectiveOptions } from '../src/index.js';

function thrown(action: () => unknown): MetricError {
  try {
    action();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error('expected a MetricError');
}

const metrics = new MetricCollection(['auc', new F1Score({ average: 'macro' }), 'mse']);

describe('objective', () => {
  test('the direction comes from the metric behind the key', () => {
    expect(objective('val_auc', { metrics }).direction).toBe('max');
    expect(objective('val_f1_score', { metrics }).direction).toBe('max');
    expect(objective('val_mse', { metrics }).direction).toBe('min');
    expect(objective('mse', { metrics }).direction).toBe('min');
    expect(objective('val_loss', { metrics }).direction).toBe('min');
    expect(objective('val_loss').direction).toBe('min');
    expect(objective('val_score', { directions: { score: 'up' } }).direction).toBe('max');
  });

  test('score reads the key; better compares in the objective direction, strictly', () => {
    const auc = objective('val_auc', { metrics });
    expect(auc.key).toBe('val_auc');
    expect(auc.score({ loss: 0.4, val_auc: 0.875 })).toBe(0.875);
    expect(auc.better(0.9, 0.8)).toBe(true);
    expect(auc.better(0.8, 0.9)).toBe(false);
    expect(auc.better(0.8, 0.8)).toBe(false);
    const mse = objective('val_mse', { metrics });
    expect(mse.better(0.1, 0.2)).toBe(true);
    expect(mse.better(0.2, 0.1)).toBe(false);
  });

  test('NaN is never better, and any score beats NaN', () => {
    const auc = objective('val_auc', { metrics });
    expect(auc.better(Number.NaN, 0.5)).toBe(false);
    expect(auc.better(0.5, Number.NaN)).toBe(true);
    expect(auc.better(Number.NaN, Number.NaN)).toBe(false);
  });

  test('picking the best of several trials', () => {
    const trials = [{ val_auc: 0.81 }, { val_auc: Number.NaN }, { val_auc: 0.86 }, { val_auc: 0.84 }];
    const auc = objective('val_auc', { metrics });
    let best = Number.NaN;
    for (const logs of trials) if (auc.better(auc.score(logs), best)) best = auc.score(logs);
    expect(best).toBe(0.86);
  });

  test("a misspelt key lists the configured keys and suggests the closest ('val_f1' -> 'val_f1_score')", () => {
    const error = thrown(() => objective('val_f1', { metrics }));
    expect(error.code).toBe('UNKNOWN_IDENTIFIER');
    expect(error.message).toBe(
      "objective: no configured metric logs 'val_f1'. Available: 'loss', 'val_loss', 'auc', 'val_auc', " +
      "'f1_score', 'val_f1_score', 'mse', 'val_mse'. Did you mean 'val_f1_score'?");
    expect(thrown(() => objective('val_acu', { metrics })).message).toContain("Did you mean 'val_auc'");
  });

  test('a key missing from the logs of a trial lists the logged keys', () => {
    const error = thrown(() => objective('val_auc', { metrics }).score({ loss: 0.2, auc: 0.9 }));
    expect(error.code).toBe('UNKNOWN_IDENTIFIER');
    expect(error.message).toBe("objective: the logs have no 'val_auc'. Logged keys: 'loss', 'auc'. Did you mean 'auc', 'loss'?");
  });

  test('a metric without a direction, or no metrics at all, names the fix', () => {
    const counts = new MetricCollection(['true_positives']);
    const noDirection = thrown(() => objective('val_true_positives', { metrics: counts }));
    expect(noDirection.code).toBe('INVALID_CONFIG');
    expect(noDirection.message).toContain("Pass direction: 'max' or direction: 'min'");
    expect(objective('val_true_positives', { metrics: counts, direction: 'max' }).direction).toBe('max');

    const noMetrics = thrown(() => objective('val_auc'));
    expect(noMetrics.code).toBe('INVALID_CONFIG');
    expect(noMetrics.message).toContain("direction: 'max' or 'min'");
    expect(objective('val_auc', { direction: 'max' }).direction).toBe('max');
  });

  test('an explicit direction still checks the key against the metrics', () => {
    expect(thrown(() => objective('val_f1', { metrics, direction: 'max' })).code).toBe('UNKNOWN_IDENTIFIER');
  });

  test('bad options', () => {
    expect(thrown(() => objective('', { metrics })).code).toBe('INVALID_CONFIG');
    expect(thrown(() => objective('val_auc', { direction: 'up' as 'max' })).code).toBe('INVALID_CONFIG');
    const unknown = thrown(() => objective('val_auc', { metric: metrics } as ObjectiveOptions));
    expect(unknown.code).toBe('UNKNOWN_CONFIG_KEY');
    expect(unknown.message).toContain("Did you mean 'metrics'");
  });
});
