// Operating-point metrics, derived by hand on the thresholds [0, 0.5, 1]
// (numThresholds: 3). With labels [0, 0, 1, 1] and scores [0.1, 0.6, 0.4, 0.9]:
//   threshold 0:   all four positive -> tp 2, fp 2, tn 0, fn 0
//   threshold 0.5: 0.6 and 0.9       -> tp 1, fp 1, tn 1, fn 1
//   threshold 1:   none              -> tp 0, fp 0, tn 2, fn 2
// sensitivity [1, 0.5, 0], specificity [0, 0.5, 1], precision [0.5, 0.5, 0].
import { describe, expect, test } from 'vitest';
import {
  SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall, RecallAtPrecision, MetricError, deserialize, serialize,
} from '../src/index.js';

const labels = [0, 0, 1, 1];
const scores = [0.1, 0.6, 0.4, 0.9];

function fed<M extends { updateState(y: number[], p: number[]): void }>(metric: M): M {
  metric.updateState(labels, scores);
  return metric;
}

describe('operating points', () => {
  test('sensitivity at specificity', () => {
    expect(fed(new SensitivityAtSpecificity({ specificity: 0.5, numThresholds: 3 })).result()).toBe(0.5);
    expect(fed(new SensitivityAtSpecificity({ specificity: 0, numThresholds: 3 })).result()).toBe(1);
  });

  test('specificity at sensitivity', () => {
    expect(fed(new SpecificityAtSensitivity({ sensitivity: 0.5, numThresholds: 3 })).result()).toBe(0.5);
    expect(fed(new SpecificityAtSensitivity({ sensitivity: 1, numThresholds: 3 })).result()).toBe(0);
  });

  test('precision at recall and recall at precision', () => {
    expect(fed(new PrecisionAtRecall({ recall: 0.5, numThresholds: 3 })).result()).toBe(0.5);
    expect(fed(new RecallAtPrecision({ precision: 0.5, numThresholds: 3 })).result()).toBe(1);
    // No threshold reaches precision 0.9: Keras returns 0.
    expect(fed(new RecallAtPrecision({ precision: 0.9, numThresholds: 3 })).result()).toBe(0);
  });

  test('a prediction of exactly 0 is never positive, even at threshold 0', () => {
    // Without AUC's -epsilon endpoint: label 1 with score 0 is a false negative everywhere.
    const metric = new SensitivityAtSpecificity({ specificity: 0, numThresholds: 3 });
    metric.updateState([1], [0]);
    expect(metric.result()).toBe(0);
  });

  test('classId restricts to one column', () => {
    // Column 1 holds labels [0, 1] and scores [0.2, 0.8]: at threshold 0.5 sensitivity 1, specificity 1.
    const metric = new SensitivityAtSpecificity({ specificity: 1, numThresholds: 3, classId: 1 });
    metric.updateState([[1, 0], [0, 1]], [[0.9, 0.2], [0.1, 0.8]]);
    expect(metric.result()).toBe(1);
  });

  test('config round-trips in Keras form and the target is validated', () => {
    const metric = new PrecisionAtRecall({ recall: 0.8, numThresholds: 50 });
    expect(serialize(metric).config).toMatchObject({ recall: 0.8, num_thresholds: 50, class_id: null });
    expect(deserialize(serialize(metric)).getConfig()).toEqual(metric.getConfig());
    for (const make of [() => new PrecisionAtRecall({ recall: 1.5 }), () => new SensitivityAtSpecificity({ specificity: 0.5, numThresholds: 0 })]) {
      expect(make).toThrow(MetricError);
    }
  });
});
