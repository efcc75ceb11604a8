// validationMetrics with a real TF.js model.fit on the cpu backend: the logged
// val_auc is the AUC of the epoch's final weights on the validation set, and
// earlyStopping listed after the callback stops where the logged values say.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { AUC, ConfigError, MetricCollection } from '../src/index.js';
import { validationMetrics } from '../src/tfjs/index.js';
import { mulberry32 as prng } from './support/random.js';

const FEATURES = 3;
const WEIGHTS = [2, -1.5, 0.5];

/** Features uniform in [-1, 1); labels drawn from a logistic model of them. */
function dataset(rows: number, seed: number): { x: number[][]; y: number[][] } {
  const random = prng(seed);
  const x: number[][] = [];
  const y: number[][] = [];
  for (let row = 0; row < rows; row += 1) {
    const features = Array.from({ length: FEATURES }, () => random() * 2 - 1);
    const logit = features.reduce((sum, value, i) => sum + value * WEIGHTS[i]!, 0);
    x.push(features);
    y.push([random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0]);
  }
  return { x, y };
}

function model(): tf.Sequential {
  const net = tf.sequential();
  net.add(tf.layers.dense({ inputShape: [FEATURES], units: 4, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
  net.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
  net.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy' });
  return net;
}

/** AUC of the model's current weights on (x, y), computed apart from the callback. */
function independentAuc(net: tf.LayersModel, x: tf.Tensor, y: number[][]): number {
  const predictions = net.predict(x) as tf.Tensor;
  const auc = new AUC();
  auc.updateState(y, Float32Array.from(predictions.dataSync()));
  predictions.dispose();
  return auc.result() as number;
}

/** Records, after the metrics callback, what it logged and what an independent evaluation gives. */
class Recorder extends tf.Callback {
  readonly rows: Array<{ epoch: number; logged: number; independent: number; trainLogged?: number; trainIndependent?: number }> = [];

  constructor(private readonly validation: { x: tf.Tensor; y: number[][] }, private readonly train?: { x: tf.Tensor; y: number[][] }) {
    super();
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const row: (typeof this.rows)[number] = {
      epoch, logged: logs!.val_auc as number, independent: independentAuc(this.model, this.validation.x, this.validation.y),
    };
    if (this.train) {
      row.trainLogged = logs!.auc as number;
      row.trainIndependent = independentAuc(this.model, this.train.x, this.train.y);
    }
    this.rows.push(row);
  }
}

/** TF.js earlyStopping's rule (mode 'max', minDelta 0) applied to the logged values: the epoch it stops at, if any. */
function expectedStop(values: number[], patience: number): number | undefined {
  let best = -Infinity;
  let wait = 0;
  for (const [epoch, value] of values.entries()) {
    if (value > best) {
      best = value;
      wait = 0;
    } else if (++wait >= patience) {
      return epoch;
    }
  }
  return undefined;
}

const trainData = dataset(160, 7);
const validationData = dataset(80, 11);

describe('validationMetrics with TF.js model.fit', () => {
  let xTrain: tf.Tensor;
  let yTrain: tf.Tensor;
  let xVal: tf.Tensor;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    xTrain = tf.tensor2d(trainData.x);
    yTrain = tf.tensor2d(trainData.y);
    xVal = tf.tensor2d(validationData.x);
  });

  test('val_auc and train auc are the AUC of each epoch\'s final weights', async () => {
    const net = model();
    const callback = validationMetrics(['auc', 'mse'], { x: xVal, y: validationData.y, batchSize: 32 }, {
      tf, train: { x: xTrain, y: trainData.y },
    });
    const recorder = new Recorder({ x: xVal, y: validationData.y }, { x: xTrain, y: trainData.y });
    const history = await net.fit(xTrain, yTrain, { epochs: 5, batchSize: 32, verbose: 0, callbacks: [callback, recorder] });

    expect(recorder.rows).toHaveLength(5);
    for (const row of recorder.rows) {
      expect(row.logged).toBeCloseTo(row.independent, 12);
      expect(row.trainLogged).toBeCloseTo(row.trainIndependent!, 12);
    }
    expect(history.history.val_auc).toEqual(recorder.rows.map((row) => row.logged));
    expect(history.history.val_mse).toHaveLength(5);
    expect(Object.keys(callback.lastLogs).sort()).toEqual(['auc', 'mse', 'val_auc', 'val_mse']);
    expect(tf.memory().numTensors).toBeLessThan(40);
    net.dispose();
  });

  test('earlyStopping({ monitor: "val_auc", mode: "max" }) after it stops where the logged values say', async () => {
    const patience = 2;
    const epochs = 30;
    const net = model();
    const recorder = new Recorder({ x: xVal, y: validationData.y });
    const stopper = tf.callbacks.earlyStopping({ monitor: 'val_auc', mode: 'max', patience });
    const history = await net.fit(xTrain, yTrain, {
      epochs, batchSize: 32, verbose: 0,
      callbacks: [validationMetrics(['auc'], { x: xVal, y: validationData.y }, { tf }), recorder, stopper],
    });

    const logged = recorder.rows.map((row) => row.logged);
    for (const row of recorder.rows) expect(row.logged).toBeCloseTo(row.independent, 12);
    const stop = expectedStop(logged, patience);
    expect(history.epoch).toHaveLength(stop === undefined ? epochs : stop + 1);
    expect(history.history.val_auc).toEqual(logged);
    net.dispose();
  });

  test('a tf.data.Dataset of { xs, ys } gives the same values as whole arrays', async () => {
    const net = model();
    const metrics = new MetricCollection(['auc', 'binary_accuracy']);
    const fromArrays = validationMetrics(metrics, { x: xVal, y: validationData.y }, { tf });
    const batches = tf.data.array(validationData.x.map((features, row) => ({ xs: features, ys: validationData.y[row]! }))).batch(16);
    const fromDataset = validationMetrics(['auc', 'binary_accuracy'], batches as never, { tf, prefix: 'ds_' });
    await net.fit(xTrain, yTrain, { epochs: 2, batchSize: 32, verbose: 0, callbacks: [fromArrays, fromDataset] });
    expect(fromDataset.lastLogs.ds_auc).toBeCloseTo(fromArrays.lastLogs.val_auc as number, 12);
    expect(fromDataset.lastLogs.ds_binary_accuracy).toBeCloseTo(fromArrays.lastLogs.val_binary_accuracy as number, 12);
    net.dispose();
  });

  test('configuration errors are reported when the callback is made', () => {
    expect(() => validationMetrics(['auc'], { x: xVal, y: validationData.y }, {} as never)).toThrow(ConfigError);
    expect(() => validationMetrics(['auc'], { x: xVal } as never, { tf })).toThrow(/x, y/);
  });
});
