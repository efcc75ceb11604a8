// The two documented ways to write a custom metric (docs/custom-metrics.md),
// run as written there, with values derived by hand.
import { describe, expect, test } from 'vitest';
import {
  Metric, MeanMetricWrapper, registerMetricFunction, deserialize, serialize, toTensor,
  type ArrayInput, type Direction, type Tensor,
} from '../src/index.js';

function withinTenth(yTrue: Tensor, yPred: Tensor): ArrayInput {
  const data = Float64Array.from(yTrue.data, (y, i) => (Math.abs(y - yPred.data[i]!) <= 0.1 ? 1 : 0));
  return { data, shape: yTrue.shape };
}

class PositiveRate extends Metric {
  readonly threshold: number;

  constructor(options: { threshold?: number; name?: string } = {}) {
    const { threshold = 0.5, ...base } = options;
    super('PositiveRate', 'positive_rate', base, []);
    this.threshold = threshold;
    this.defineState({ positives: 1, total: 1 });
  }

  get direction(): Direction { return undefined; }

  updateState(_yTrue: ArrayInput, yPred: ArrayInput): void {
    const { data } = toTensor(yPred, 'y_pred');
    let positives = 0;
    for (const score of data) positives += score > this.threshold ? 1 : 0;
    this.addToState({ positives: [positives], total: [data.length] });
  }

  result(): number {
    const total = this.state('total')[0]!;
    return total === 0 ? 0 : this.state('positives')[0]! / total;
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

describe('MeanMetricWrapper around a per-sample function', () => {
  test('per-element values are averaged per sample, then over samples', () => {
    const metric = new MeanMetricWrapper({ fn: withinTenth, name: 'within_tenth', direction: 'up' });
    // Sample 1: |1 - 1.05| <= 0.1 yes, |2 - 2.5| no -> 1/2; sample 2: yes, no -> 1/2.
    metric.updateState([[1.0, 2.0], [3.0, 4.0]], [[1.05, 2.5], [3.0, 4.2]]);
    expect(metric.result()).toBe(0.5);
    expect(metric.name).toBe('within_tenth');
    expect(metric.direction).toBe('up');
  });

  test('sample weights apply per sample', () => {
    const metric = new MeanMetricWrapper({ fn: withinTenth });
    // Sample scores 1 and 0 with weights 3 and 1: 3/4.
    metric.updateState([[1], [2]], [[1], [5]], [3, 1]);
    expect(metric.result()).toBe(0.75);
  });

  test('a registered function round-trips through serialize / deserialize', () => {
    registerMetricFunction('within_tenth', withinTenth);
    const copy = deserialize(serialize(new MeanMetricWrapper({ fn: 'within_tenth' })));
    copy.updateState([[1, 2]], [[1, 2.2]]);
    expect(copy.result()).toBe(0.5);
    expect(serialize(copy)).toEqual({ class_name: 'MeanMetricWrapper', config: { name: 'mean_metric_wrapper', dtype: 'float32', fn: 'within_tenth' } });
  });
});

describe('a Metric subclass with declared state', () => {
  test('update, merge, save and load work without code of its own', () => {
    const a = new PositiveRate();
    a.updateState([0, 1, 1], [0.9, 0.2, 0.7]);          // 2 of 3 above 0.5
    const b = new PositiveRate();
    b.updateState([1], [0.1]);                          // 0 of 1
    a.mergeState(b);
    expect(a.result()).toBe(0.5);                       // 2 of 4
    const restored = new PositiveRate();
    restored.loadState(a.saveState());
    expect(restored.result()).toBe(0.5);
    restored.resetState();
    expect(restored.result()).toBe(0);
  });

  test('its config decides which states merge; the name does not', () => {
    expect(() => new PositiveRate().mergeState(new PositiveRate({ name: 'other' }))).not.toThrow();
    expect(() => new PositiveRate().mergeState(new PositiveRate({ threshold: 0.9 }))).toThrow(/threshold 0.9 vs 0.5/);
  });
});
