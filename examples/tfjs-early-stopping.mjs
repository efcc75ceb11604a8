// TF.js model.fit on the breast cancer features with the library's AUC as a
// validation metric: validationMetrics writes val_auc into each epoch's logs,
// and TF.js's own earlyStopping, listed after it, stops on it. TF.js has no AUC
// of its own, and its mode 'auto' would minimise val_auc, hence mode 'max'.
import * as tf from '@tensorflow/tfjs';
import { AUC } from 'wasm-metrics';
import { validationMetrics } from 'wasm-metrics/tfjs';
import { buildModel, loadSplit } from './breast-cancer-data.mjs';

await tf.setBackend('cpu');
const PATIENCE = 3;
const MAX_EPOCHS = 60;

const { features, train, validation } = loadSplit({ seed: 42 });
console.log(`rows: train ${train.y.length}, validation ${validation.y.length}, features ${features.length}`);

const model = buildModel(tf, { inputs: features.length, units: 8, learningRate: 0.003, seed: 1 });
const xTrain = tf.tensor2d(train.x);
const yTrain = tf.tensor2d(train.y);
const xVal = tf.tensor2d(validation.x);

const stopper = tf.callbacks.earlyStopping({ monitor: 'val_auc', mode: 'max', patience: PATIENCE });
const history = await model.fit(xTrain, yTrain, {
  epochs: MAX_EPOCHS,
  batchSize: 32,
  // TF.js shuffles with Math.random, which cannot be seeded; the rows were
  // shuffled once with a seeded PRNG instead, so every run is the same.
  shuffle: false,
  verbose: 0,
  callbacks: [validationMetrics([new AUC()], { x: xVal, y: validation.y }, { tf }), stopper],
});

// Full precision: the stopping epoch can be re-derived from these values.
for (const [epoch, value] of history.history.val_auc.entries()) console.log(`epoch ${epoch} val_auc ${value}`);
console.log(`patience: ${PATIENCE}`);
console.log(`stopped at epoch: ${history.epoch.length < MAX_EPOCHS ? stopper.stoppedEpoch : 'none'}`);
