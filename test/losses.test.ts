// Probabilistic, hinge, regression-loss and correlation metrics: values derived
// by hand from Keras's formulas, Keras's float32 clipping, batch invariance, and
// errors that leave state unchanged.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, KLDivergence, Poisson,
  Hinge, SquaredHinge, CategoricalHinge, MeanAbsolutePercentageError, MeanSquaredLogarithmicError,
  LogCoshError, CosineSimilarity, PearsonCorrelation, ConcordanceCorrelation, MetricError, type Metric,
} from '../src/index.js';
import { bothKernelBuilds, withKernelBuild } from './support/kernel-builds.js';

const close = (actual: number, expected: number, digits = 12): void => expect(actual).toBeCloseTo(expected, digits);

describe('hand-derived values', () => {
  test('binary crossentropy averages over the last axis and clips like float32 Keras', () => {
    // Row [y=1, p=0.8], [y=0, p=0.3]: (-log 0.8 - log 0.7) / 2.
    const bce = new BinaryCrossentropy();
    bce.updateState([[1, 0]], [[0.8, 0.3]]);
    close(bce.result() as number, (-Math.log(0.8) - Math.log(0.7)) / 2, 7);
    // p = 1 with y = 0 clips to float32(1 - 1e-7) = 0.99999988, so the loss is -log(1.1920929e-7) = 15.942.
    const saturated = new BinaryCrossentropy();
    saturated.updateState([[0]], [[1]]);
    close(saturated.result() as number, -Math.log(1 - Math.fround(1 - 1e-7)), 9);
  });

  test('binary crossentropy from logits and with label smoothing', () => {
    // y = 1, x = 2: log(1 + e^-2). Smoothing 0.2 turns y = 1 into 0.9: 0.9·log(1+e^-2) + 0.1·log(1+e^2).
    const logits = new BinaryCrossentropy({ fromLogits: true });
    logits.updateState([[1]], [[2]]);
    close(logits.result() as number, Math.log1p(Math.exp(-2)));
    const smoothed = new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.2 });
    smoothed.updateState([[1]], [[2]]);
    close(smoothed.result() as number, 0.9 * Math.log1p(Math.exp(-2)) + 0.1 * Math.log1p(Math.exp(2)), 7);
  });

  test('categorical crossentropy renormalises probabilities; logits use log-softmax', () => {
    // [1, 3, 1] renormalises to [0.2, 0.6, 0.2]; the target is class 1: -log 0.6.
    const cce = new CategoricalCrossentropy();
    cce.updateState([[0, 1, 0]], [[1, 3, 1]]);
    close(cce.result() as number, -Math.log(0.6), 7);
    // Logits [0, ln 3, 0]: softmax [0.2, 0.6, 0.2] again.
    const logits = new CategoricalCrossentropy({ fromLogits: true });
    logits.updateState([[0, 1, 0]], [[0, Math.log(3), 0]]);
    close(logits.result() as number, -Math.log(0.6), 6);
  });

  test('sparse categorical crossentropy takes class ids, (n,) or (n, 1)', () => {
    for (const ids of [[1, 0], [[1], [0]]]) {
      const scce = new SparseCategoricalCrossentropy();
      scce.updateState(ids, [[0.2, 0.6, 0.2], [0.5, 0.25, 0.25]]);
      close(scce.result() as number, (-Math.log(0.6) - Math.log(0.5)) / 2, 7);
    }
  });

  test('KL divergence sums over the last axis; Poisson averages', () => {
    // 0.5·ln(0.5/0.25) + 0.5·ln(0.5/0.75).
    const kl = new KLDivergence();
    kl.updateState([[0.5, 0.5]], [[0.25, 0.75]]);
    close(kl.result() as number, 0.5 * Math.log(2) + 0.5 * Math.log(2 / 3), 7);
    // p - y·log(p + 1e-7) for y = 2, p = 3.
    const poisson = new Poisson();
    poisson.updateState([[2]], [[3]]);
    close(poisson.result() as number, 3 - 2 * Math.log(3 + Math.fround(1e-7)), 7);
  });

  test('percentage, squared-log and log-cosh errors', () => {
    const mape = new MeanAbsolutePercentageError();
    mape.updateState([[2, 4]], [[1, 5]]);
    close(mape.result() as number, 100 * (0.5 + 0.25) / 2);
    const msle = new MeanSquaredLogarithmicError();
    msle.updateState([[1]], [[3]]);
    close(msle.result() as number, (Math.log(4) - Math.log(2)) ** 2);
    const logcosh = new LogCoshError();
    logcosh.updateState([[0]], [[1]]);
    close(logcosh.result() as number, Math.log(Math.cosh(1)));
    expect(logcosh.name).toBe('logcosh');
  });

  test('hinge maps {0, 1} labels to {-1, 1} only when the whole batch is 0/1', () => {
    // Labels [1, 0] become [1, -1]: max(1 - 0.3, 0) = 0.7 and max(1 - 0.4, 0) = 0.6 -> 0.65.
    const hinge = new Hinge();
    hinge.updateState([[1, 0]], [[0.3, -0.4]]);
    close(hinge.result() as number, 0.65);
    // With a 0.5 label nothing is converted: max(1 - 0.3, 0) = 0.7, max(1 - 0.5·(-0.4), 0) = 1.2 -> 0.95.
    const unconverted = new Hinge();
    unconverted.updateState([[1, 0.5]], [[0.3, -0.4]]);
    close(unconverted.result() as number, 0.95);
    const squared = new SquaredHinge();
    squared.updateState([[1, 0]], [[0.3, -0.4]]);
    close(squared.result() as number, (0.49 + 0.36) / 2);
  });

  test('categorical hinge and cosine similarity use whole rows', () => {
    // pos = 0.5, neg = max(0.3, 0, 0.2) = 0.3 -> max(0.3 - 0.5 + 1, 0) = 0.8.
    const hinge = new CategoricalHinge();
    hinge.updateState([[0, 1, 0]], [[0.3, 0.5, 0.2]]);
    close(hinge.result() as number, 0.8, 7);
    const cosine = new CosineSimilarity();
    cosine.updateState([[1, 0], [0, 0]], [[1, 1], [1, 1]]);
    // Row 1: 1/√2; row 2 is all-zero, which l2-normalises to 0.
    close(cosine.result() as number, Math.SQRT1_2 / 2);
  });

  test('correlations are per row, averaged over rows', () => {
    // y = [1, 2, 3], p = [2, 4, 6.5]: means 2 and 12.5/3; population moments.
    const y = [1, 2, 3], p = [2, 4, 6.5];
    const my = 2, mp = 12.5 / 3;
    const cov = y.reduce((s, v, i) => s + (v - my) * (p[i]! - mp), 0) / 3;
    const vy = y.reduce((s, v) => s + (v - my) ** 2, 0) / 3, vp = p.reduce((s, v) => s + (v - mp) ** 2, 0) / 3;
    const pearson = new PearsonCorrelation();
    pearson.updateState([y], [p]);
    close(pearson.result() as number, cov / Math.sqrt(vy * vp));
    const concordance = new ConcordanceCorrelation();
    concordance.updateState([y], [p]);
    close(concordance.result() as number, (2 * cov) / (vy + vp + (my - mp) ** 2 + Math.fround(1e-7)));
  });
});

describe('batches, merges and builds', () => {
  const metrics: Array<[string, () => Metric, boolean]> = [
    ['BinaryCrossentropy', () => new BinaryCrossentropy(), false],
    ['CategoricalCrossentropy', () => new CategoricalCrossentropy({ labelSmoothing: 0.1 }), true],
    ['KLDivergence', () => new KLDivergence(), true],
    ['LogCoshError', () => new LogCoshError(), false],
    ['CategoricalHinge', () => new CategoricalHinge(), false],
    ['PearsonCorrelation', () => new PearsonCorrelation(), false],
  ];
  const width = 3;
  const batch = fc.array(fc.tuple(
    fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: width, maxLength: width }),
    fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: width, maxLength: width }),
    fc.integer({ min: 0, max: 4 }),
  ), { minLength: 2, maxLength: 40 });

  test.each(metrics)('%s: any split into batches, and merged shards, equal one pass', (_name, make) => {
    fc.assert(fc.property(batch, fc.integer({ min: 1, max: 39 }), (rows, cut) => {
      const y = rows.map((row) => row[0]), p = rows.map((row) => row[1]), w = rows.map((row) => row[2]);
      const at = Math.min(cut, rows.length - 1);
      const whole = make();
      whole.updateState(y, p, w);
      const split = make();
      split.updateState(y.slice(0, at), p.slice(0, at), w.slice(0, at));
      split.updateState(y.slice(at), p.slice(at), w.slice(at));
      const shard = make();
      shard.updateState(y.slice(at), p.slice(at), w.slice(at));
      const merged = make();
      merged.updateState(y.slice(0, at), p.slice(0, at), w.slice(0, at));
      merged.mergeState(shard);
      // A constant row has no correlation (0/0): Keras's NaN must come out of every path alike.
      const expected = whole.result() as number;
      for (const other of [split, merged]) {
        const value = other.result() as number;
        if (Number.isNaN(expected)) expect(value).toBeNaN();
        else expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }
    }), { seed: 7, numRuns: 25 });
  });

  test.skipIf(!bothKernelBuilds)('the scalar build gives the same numbers', () => {
    const y = [[1, 0, 0], [0, 0.5, 0.5]], p = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]];
    const results = (['simd', 'scalar'] as const).map((build) => withKernelBuild(build, () =>
      metrics.map(([, make]) => { const m = make(); m.updateState(y, p); return m.result() as number; })));
    results[1]!.forEach((value, i) => close(value, results[0]![i]!, 14));
  });
});

describe('bad input', () => {
  test('a class id out of range or not an integer is rejected and state is unchanged', () => {
    const scce = new SparseCategoricalCrossentropy();
    scce.updateState([1], [[0.2, 0.6, 0.2]]);
    const before = scce.saveState().join();
    for (const ids of [[3], [1.5], [-1]]) {
      let error: unknown;
      try { scce.updateState(ids, [[0.2, 0.6, 0.2]]); } catch (caught) { error = caught; }
      expect(error).toBeInstanceOf(MetricError);
      expect((error as MetricError).code).toBe('INVALID_INPUT');
      expect((error as MetricError).message).toMatch(/class ids must be integers in \[0, 3\)/);
    }
    expect(scce.saveState().join()).toBe(before);
  });

  test('NaN predictions are named, or propagate when asked', () => {
    const bce = new BinaryCrossentropy();
    expect(() => bce.updateState([[1, 0], [0, 1]], [[0.5, 0.5], [0.5, NaN]])).toThrow(/y_pred\[1, 1\] is NaN/);
    expect(bce.result()).toBe(0);
    const propagating = new CategoricalCrossentropy({ nonFinite: 'propagate' });
    propagating.updateState([[0, 1]], [[NaN, 0.5]]);
    expect(propagating.result()).toBeNaN();
  });

  test('targets of the wrong shape are a shape mismatch', () => {
    expect(() => new CategoricalCrossentropy().updateState([[0, 1]], [[0.5, 0.3, 0.2]])).toThrow(/SHAPE|expects shape/);
    expect(() => new SparseCategoricalCrossentropy().updateState([1, 0, 1], [[0.5, 0.5], [0.5, 0.5]])).toThrow(/class ids of shape/);
  });
});
