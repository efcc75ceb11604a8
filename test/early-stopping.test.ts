// EarlyStopping for custom loops. Each sequence is traced by hand through
// Keras 3's EarlyStopping.on_epoch_end (callbacks/early_stopping.py):
//   skip epochs < start_from_epoch; wait += 1;
//   if improvement over best (best None counts as one): best = value,
//     wait = 0 only if the baseline is also beaten, return (never stops);
//   elif wait >= patience and epoch > 0: stop.
import { describe, expect, test } from 'vitest';
import { EarlyStopping, MetricCollection, MetricError, type EarlyStoppingOptions } from '../src/index.js';

/** Feeds `values` under `monitor` until update() returns true; the stopping epoch or undefined. */
function run(options: EarlyStoppingOptions, values: number[]): { stopper: EarlyStopping; stoppedAt: number | undefined } {
  const stopper = new EarlyStopping(options);
  const monitor = options.monitor ?? 'val_loss';
  for (const [epoch, value] of values.entries()) {
    if (stopper.update(epoch, { [monitor]: value })) return { stopper, stoppedAt: epoch };
  }
  return { stopper, stoppedAt: undefined };
}

function thrown(action: () => unknown): MetricError {
  try {
    action();
  } catch (error) {
    if (error instanceof MetricError) return error;
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('EarlyStopping: patience and minDelta', () => {
  test('patience 2 on val_loss (min): stops after two epochs without improvement', () => {
    // Keras: e0 best 1.0 wait 0; e1 best 0.8 wait 0; e2 0.9 wait 1 (1 < 2);
    // e3 0.85 wait 2 >= 2 -> stop at epoch 3. 0.7 at e4 is never seen.
    const { stopper, stoppedAt } = run({ patience: 2 }, [1.0, 0.8, 0.9, 0.85, 0.7]);
    expect(stopper.mode).toBe('min');
    expect(stoppedAt).toBe(3);
    expect(stopper.stoppedEpoch).toBe(3);
    expect(stopper.best).toBe(0.8);
    expect(stopper.bestEpoch).toBe(1);
    expect(stopper.wait).toBe(2);
  });

  test('an improvement resets the count', () => {
    // Keras: e0 best; e1 wait 1; e2 0.7 < 0.8 best, wait 0; e3 wait 1; e4 wait 2 -> stop at 4.
    const { stopper, stoppedAt } = run({ patience: 2 }, [0.8, 0.9, 0.7, 0.75, 0.76, 0.5]);
    expect(stoppedAt).toBe(4);
    expect(stopper.bestEpoch).toBe(2);
  });

  test('patience 0 stops at the first non-improving epoch; an equal value is no improvement', () => {
    // Keras: e0 best 0.5; e1 0.5 < 0.5 is false, wait 1 >= 0 -> stop at 1.
    expect(run({ patience: 0 }, [0.5, 0.5]).stoppedAt).toBe(1);
  });

  test('epoch 0 never stops, as in Keras', () => {
    // With startFromEpoch 0 the first value is always the best, so only a NaN can fail to improve at e0.
    const stopper = new EarlyStopping({ monitor: 'val_auc', mode: 'max', patience: 0 });
    expect(stopper.update(0, { val_auc: Number.NaN })).toBe(false);
    expect(stopper.wait).toBe(1);
  });

  test('minDelta (max): an improvement must beat best by more than minDelta', () => {
    // Keras: 0.75 - 0.25 > 0.5 is false -> wait 1 >= 1 -> stop at 1.
    expect(run({ monitor: 'val_auc', mode: 'max', patience: 1, minDelta: 0.25 }, [0.5, 0.75]).stoppedAt).toBe(1);
    // 0.875 - 0.25 = 0.625 > 0.5 -> improvement; e2 0.875 - 0.25 > 0.875 false -> stop at 2.
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 1, minDelta: 0.25 }, [0.5, 0.875, 0.875]);
    expect(stoppedAt).toBe(2);
    expect(stopper.best).toBe(0.875);
  });

  test('minDelta (min): the sign of minDelta is ignored, as in Keras', () => {
    // Keras negates min_delta for 'min': 0.75 + 0.25 < 1.0 is false -> stop at 1; 0.5 + 0.25 < 1.0 improves.
    for (const minDelta of [0.25, -0.25]) {
      expect(run({ patience: 1, minDelta }, [1.0, 0.75]).stoppedAt).toBe(1);
      expect(run({ patience: 1, minDelta }, [1.0, 0.5]).stoppedAt).toBeUndefined();
    }
  });
});

describe('EarlyStopping: baseline and startFromEpoch', () => {
  test('improvements below the baseline do not reset the count; a later flat epoch stops', () => {
    // baseline 0.75 (max), patience 2. Keras: e0 wait 1, best 0.5 (beats None, not the baseline) -> wait stays 1;
    // e1 wait 2, best 0.625, still below the baseline, returns without a stop check;
    // e2 0.6 no improvement, wait 3 >= 2 -> stop at 2.
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 2, baseline: 0.75 }, [0.5, 0.625, 0.6, 0.9]);
    expect(stoppedAt).toBe(2);
    expect(stopper.best).toBe(0.625);
    expect(stopper.bestEpoch).toBe(1);
  });

  test('beating the baseline restarts patience', () => {
    // Keras: e0 wait 1 (best 0.5 below 0.75); e1 0.8 beats best and baseline -> wait 0;
    // e2 wait 1; e3 wait 2 -> stop at 3.
    expect(run({ monitor: 'val_auc', mode: 'max', patience: 2, baseline: 0.75 }, [0.5, 0.8, 0.7, 0.7, 0.7]).stoppedAt).toBe(3);
  });

  test('without a baseline the same sequence runs longer', () => {
    // Keras: e0 best, e1 best, e2 wait 1, e3 0.9 best, never stops.
    expect(run({ monitor: 'val_auc', mode: 'max', patience: 2 }, [0.5, 0.625, 0.6, 0.9]).stoppedAt).toBeUndefined();
  });

  test('epochs before startFromEpoch are neither compared nor counted', () => {
    // startFromEpoch 2, patience 1 (min). Keras skips e0 and e1 (0.1 would be the best);
    // e2 best 0.9; e3 0.95 wait 1 >= 1 -> stop at 3.
    const { stopper, stoppedAt } = run({ patience: 1, startFromEpoch: 2 }, [0.1, 0.2, 0.9, 0.95, 0.8]);
    expect(stoppedAt).toBe(3);
    expect(stopper.best).toBe(0.9);
    expect(stopper.bestEpoch).toBe(2);
    // Counted from epoch 0 the same values stop at 1: 0.2 does not beat 0.1.
    expect(run({ patience: 1 }, [0.1, 0.2, 0.9]).stoppedAt).toBe(1);
  });
});

describe('EarlyStopping: NaN', () => {
  test('a NaN epoch counts towards patience and never becomes the best', () => {
    // patience 2 (max). e0 best 0.6; e1 NaN wait 1; e2 0.7 best, wait 0; e3 NaN wait 1; e4 NaN wait 2 -> stop at 4.
    // Keras agrees here: every comparison with NaN is false.
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 2 }, [0.6, Number.NaN, 0.7, Number.NaN, Number.NaN]);
    expect(stoppedAt).toBe(4);
    expect(stopper.best).toBe(0.7);
    expect(stopper.bestEpoch).toBe(2);
  });

  test('a NaN first value is not taken as the best (Keras would, and then nothing could beat it)', () => {
    // patience 1 (max). Here: e0 NaN wait 1, epoch 0 never stops; e1 0.4 best; e2 0.5 best.
    // Keras: e0 best = NaN (best None); e1 0.4 > NaN false, wait 2 >= 1 -> stop at 1.
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 1 }, [Number.NaN, 0.4, 0.5]);
    expect(stoppedAt).toBeUndefined();
    expect(stopper.best).toBe(0.5);
  });
});

describe('EarlyStopping: mode auto from the metrics', () => {
  const collection = new MetricCollection(['auc', 'mse']);

  test('directions come from the metric behind the key, with or without val_', () => {
    expect(new EarlyStopping({ monitor: 'val_auc', metrics: collection }).mode).toBe('max');
    expect(new EarlyStopping({ monitor: 'auc', metrics: collection }).mode).toBe('max');
    expect(new EarlyStopping({ monitor: 'val_mse', metrics: collection }).mode).toBe('min');
    expect(new EarlyStopping({ monitor: 'val_loss', metrics: collection }).mode).toBe('min');
    // An explicit mode overrides the metric's direction.
    expect(new EarlyStopping({ monitor: 'val_auc', mode: 'min', metrics: collection }).mode).toBe('min');
  });

  test('a map of directions, a metric list and custom prefixes work too', () => {
    expect(new EarlyStopping({ monitor: 'val_score', directions: { score: 'up' } }).mode).toBe('max');
    expect(new EarlyStopping({ monitor: 'test_auc', metrics: collection.metrics, prefixes: ['test_'] }).mode).toBe('max');
  });

  test("identifiers resolved from the first batch ('accuracy') already have a direction", () => {
    expect(new EarlyStopping({ monitor: 'val_accuracy', metrics: new MetricCollection(['accuracy']) }).mode).toBe('max');
  });

  test('val_auc rises then falls: stops where Keras (mode auto -> max) would, not where TF.js (auto -> min) would', () => {
    // patience 1. Keras: e0 0.7 best; e1 0.8 best; e2 0.75 wait 1 -> stop at 2.
    // TF.js's auto picks min for 'val_auc': e1 0.8 is no improvement -> it would stop at 1.
    const { stoppedAt } = run({ monitor: 'val_auc', metrics: collection, patience: 1 }, [0.7, 0.8, 0.75]);
    expect(stoppedAt).toBe(2);
  });
});

describe('EarlyStopping: restoring the best epoch', () => {
  test('onBest sees each new best; restore gets the best epoch when training stops, once', () => {
    const bests: Array<[number, number]> = [];
    const restores: Array<[number, number]> = [];
    const options: EarlyStoppingOptions = {
      monitor: 'val_auc', mode: 'max', patience: 1,
      onBest: (epoch, value) => bests.push([epoch, value]),
      restore: (epoch, value) => restores.push([epoch, value]),
    };
    // e0 best, e1 best, e2 0.7 wait 1 -> stop at 2; Keras restores the weights of epoch 1.
    const { stopper, stoppedAt } = run(options, [0.6, 0.8, 0.7]);
    expect(stoppedAt).toBe(2);
    expect(bests).toEqual([[0, 0.6], [1, 0.8]]);
    expect(restores).toEqual([[1, 0.8]]);
    stopper.finish();
    expect(restores).toHaveLength(1);
  });

  test('finish() restores when the loop ran out of epochs, as Keras does at the end of training', () => {
    const restores: number[] = [];
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 5, restore: (epoch) => restores.push(epoch) }, [0.6, 0.8, 0.7]);
    expect(stoppedAt).toBeUndefined();
    expect(restores).toEqual([]);
    stopper.finish();
    expect(restores).toEqual([1]);
  });

  test('nothing to restore when no epoch set a best', () => {
    const restores: number[] = [];
    const { stopper, stoppedAt } = run({ monitor: 'val_auc', mode: 'max', patience: 1, restore: (epoch) => restores.push(epoch) }, [Number.NaN, Number.NaN]);
    expect(stoppedAt).toBe(1);
    stopper.finish();
    expect(restores).toEqual([]);
  });

  test('reset() forgets the run', () => {
    const { stopper } = run({ patience: 0 }, [0.5, 0.5]);
    stopper.reset();
    expect([stopper.best, stopper.bestEpoch, stopper.stoppedEpoch, stopper.wait]).toEqual([undefined, undefined, undefined, 0]);
    expect(stopper.update(0, { val_loss: 0.9 })).toBe(false);
    expect(stopper.best).toBe(0.9);
  });
});

describe('EarlyStopping: errors', () => {
  test('a log without the monitor key lists the logged keys and suggests the closest', () => {
    const stopper = new EarlyStopping({ monitor: 'val_auc', mode: 'max' });
    const error = thrown(() => stopper.update(0, { loss: 0.3, val_auc_1: 0.9, val_mse: 0.1 }));
    expect(error.code).toBe('UNKNOWN_IDENTIFIER');
    expect(error.message).toBe(
      "EarlyStopping: the logs have no 'val_auc'. Logged keys: 'loss', 'val_auc_1', 'val_mse'. Did you mean 'val_auc_1'?");
  });

  test('mode auto without the metrics names the fix', () => {
    const error = thrown(() => new EarlyStopping({ monitor: 'val_auc' }));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toContain("Pass mode: 'max' or mode: 'min'");
  });

  test('mode auto on a metric without a direction names the fix', () => {
    const error = thrown(() => new EarlyStopping({ monitor: 'val_true_positives', metrics: new MetricCollection(['true_positives']) }));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toContain('has no direction');
    expect(error.message).toContain("Pass mode: 'max' or mode: 'min'");
  });

  test('a monitor no configured metric logs is rejected up front with the closest key', () => {
    const error = thrown(() => new EarlyStopping({ monitor: 'val_acu', metrics: new MetricCollection(['auc', 'mse']) }));
    expect(error.code).toBe('UNKNOWN_IDENTIFIER');
    expect(error.message).toContain("Available: 'loss', 'val_loss', 'auc', 'val_auc', 'mse', 'val_mse'.");
    expect(error.message).toContain("Did you mean 'val_auc'");
  });

  test('bad options', () => {
    expect(thrown(() => new EarlyStopping({ patience: -1 })).code).toBe('INVALID_CONFIG');
    expect(thrown(() => new EarlyStopping({ patience: 1.5 })).code).toBe('INVALID_CONFIG');
    expect(thrown(() => new EarlyStopping({ baseline: Number.NaN })).code).toBe('INVALID_CONFIG');
    expect(thrown(() => new EarlyStopping({ mode: 'maximum' as 'max' })).code).toBe('INVALID_CONFIG');
    const unknown = thrown(() => new EarlyStopping({ patiense: 3 } as EarlyStoppingOptions));
    expect(unknown.code).toBe('UNKNOWN_CONFIG_KEY');
    expect(unknown.message).toContain("Did you mean 'patience'");
    expect(thrown(() => new EarlyStopping({ monitor: 'val_f1', mode: 'max' }).update(0, { val_f1: [0.5, 0.7] })).code).toBe('INVALID_INPUT');
  });
});

describe('docs/training-loops.md', () => {
  test('the example runs as shown and stops where Keras would', async () => {
    const { readFileSync } = await import('node:fs');
    const { execFileSync } = await import('node:child_process');
    const { fileURLToPath, pathToFileURL } = await import('node:url');
    const root = fileURLToPath(new URL('..', import.meta.url));
    const doc = readFileSync(`${root}docs/training-loops.md`, 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    // Run against the built package, as a reader would (dist/ is built before the tests).
    const code = example!.replace("from 'wasm-metrics'", `from '${pathToFileURL(`${root}dist/index.js`).href}'`);
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    // slow: e0 0.750 best; e1 1.000 best; e2 0.750 wait 1; e3 0.000 (every positive below every negative) wait 2 -> stop at 3, restore epoch 1.
    // noisy: e0 0.750 best; e1 0.000 wait 1; e2 0.000 wait 2 -> stop at 2, restore epoch 0.
    // restore runs inside the update() that returns true, so its line comes first.
    expect(output.split('\n').filter(Boolean)).toEqual([
      'slow: epoch 0 val_auc 0.750',
      'slow: epoch 1 val_auc 1.000',
      'slow: epoch 2 val_auc 0.750',
      'slow: epoch 3 val_auc 0.000',
      'slow: restoring epoch 1 (val_auc 1.000)',
      'slow: stopped at epoch 3',
      'noisy: epoch 0 val_auc 0.750',
      'noisy: epoch 1 val_auc 0.000',
      'noisy: epoch 2 val_auc 0.000',
      'noisy: restoring epoch 0 (val_auc 0.750)',
      'noisy: stopped at epoch 2',
      'best trial: slow (val_auc 1.000, max)',
    ]);
  });
});
