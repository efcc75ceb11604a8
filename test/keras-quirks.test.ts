// Keras behaviours that come from float32 arithmetic and from its rank rules,
// each derived by hand from the Keras source formulas.
import { describe, expect, test } from 'vitest';
import { AUC, BinaryAccuracy, MeanSquaredError, Precision, RootMeanSquaredError, TruePositives, R2Score } from '../src/index.js';

const evenThresholds = (count: number): number[] => Array.from({ length: count }, (_, i) => i / (count - 1));

describe('bucketed thresholds follow the float32 formula ceil(p·(T-1)) - 1', () => {
  test('a prediction on a grid point counts above it when float32 rounding says so', () => {
    // fround(0.3) * 100 rounds up to 30.000002 in float32, so 0.3 lands in bucket 30
    // and counts as "> 0.30" on the 101-point grid; the direct comparison would not.
    const bucketed = new TruePositives({ thresholds: evenThresholds(101) });
    bucketed.updateState([1], [0.3]);
    const counts = bucketed.result() as number[];
    expect(counts[30]).toBe(1);
    expect(counts[31]).toBe(0);

    const direct = new TruePositives({ thresholds: [0.25, 0.3, 0.35] });
    direct.updateState([1], [0.3]);
    expect(direct.result()).toEqual([1, 0, 0]);
  });

  test('out-of-range predictions are clipped to [0, 1] on the bucketed path only', () => {
    // AUC's endpoints are -1e-7 and 1+1e-7: a clipped 1.7 sits below 1+1e-7 and a clipped -3 above -1e-7.
    const auc = new AUC({ numThresholds: 3 });
    auc.updateState([1, 0], [1.7, -3]);
    // tp = [1, 1, 0], fp = [1, 0, 0]: ROC points (1,1), (0,1), (0,0) give an area of 1.
    expect(auc.result()).toBe(1);
    const explicit = new TruePositives({ thresholds: [0.5] });
    explicit.updateState([1], [1.7]);
    expect(explicit.result()).toBe(1);
  });

  test('a zero prediction is dropped by evenly spaced thresholds without epsilon endpoints', () => {
    // thresholds [0, 0.5, 1]: bucket(0) = -1 is dropped, so 0 is never "> 0".
    const tp = new TruePositives({ thresholds: [0, 0.5, 1] });
    tp.updateState([1, 1], [0, 0.25]);
    expect(tp.result()).toEqual([1, 0, 0]);
  });
});

describe('Mean reduction', () => {
  test('a rank-0 sample weight collapses the batch into one sample of that weight', () => {
    // Batch 1: 3 of 4 correct, scalar weight 2 -> one sample with value 0.75, weight 2.
    // Batch 2: 1 of 2 correct, unweighted -> two samples with weight 1 each.
    // Result: (2·0.75 + 1) / (2 + 2) = 0.625.
    const accuracy = new BinaryAccuracy();
    accuracy.updateState([1, 1, 0, 0], [0.9, 0.8, 0.1, 0.7], 2);
    accuracy.updateState([1, 0], [0.9, 0.6]);
    expect(accuracy.result()).toBeCloseTo(0.625, 15);
  });

  test('MSE of a rank-1 batch is one sample (Keras reduces the last axis), RMSE is per element', () => {
    // Batch 1: errors [1, 1, 4] -> per-sample MSE (1+1+16)/3 = 6. Batch 2: error [2] -> 4.
    // MSE over two samples: (6 + 4) / 2 = 5. RMSE over four elements: sqrt((1+1+16+4)/4).
    const mse = new MeanSquaredError();
    const rmse = new RootMeanSquaredError();
    for (const metric of [mse, rmse]) {
      metric.updateState([2, 4, 6], [1, 3, 2]);
      metric.updateState([5], [3]);
    }
    expect(mse.result()).toBeCloseTo(5, 14);
    expect(rmse.result()).toBeCloseTo(Math.sqrt(22 / 4), 14);
  });
});

describe('thresholds compare in float32, strictly', () => {
  test('a prediction equal to the threshold after float32 rounding is negative', () => {
    // 0.30000001 rounds to the same float32 as 0.3, so it is not "> 0.3".
    const precision = new Precision({ thresholds: [0.3] });
    precision.updateState([1, 0], [0.30000001, 0.9]);
    expect(precision.result()).toBe(0);
  });
});

describe('R2Score', () => {
  test('a constant target with a perfect fit is NaN and with an imperfect fit is 0', () => {
    const perfect = new R2Score();
    perfect.updateState([[2], [2]], [[2], [2]]);
    expect(perfect.result()).toBeNaN();
    const imperfect = new R2Score();
    imperfect.updateState([[2], [2]], [[1], [3]]);
    expect(imperfect.result()).toBe(0);
  });

  test('large target offsets lose no precision', () => {
    // y = 1e9 + [1, 2, 3, 4], p = y + [0.5, -0.5, 0.5, -0.5]: SSres = 1, SStot = 5, R2 = 0.8.
    const r2 = new R2Score();
    const y = [1, 2, 3, 4].map((v) => [1e9 + v]);
    const p = [1, 2, 3, 4].map((v, i) => [1e9 + v + (i % 2 === 0 ? 0.5 : -0.5)]);
    r2.updateState(y.slice(0, 2), p.slice(0, 2));
    r2.updateState(y.slice(2), p.slice(2));
    expect(r2.result()).toBeCloseTo(0.8, 12);
  });
});
