// Why a training accuracy read from fit()'s history is not the model's
// training accuracy: TF.js averages each batch's accuracy over the epoch
// while the weights are still changing. The library's values come from the
// final weights: validationMetrics with `train` at the end of the last epoch,
// and evaluate() on the training data after fit() — so those two agree exactly.
import * as tf from '@tensorflow/tfjs';
import { BinaryAccuracy, evaluate } from 'wasm-metrics';
import { validationMetrics } from 'wasm-metrics/tfjs';
import { buildModel, loadSplit } from './breast-cancer-data.mjs';

await tf.setBackend('cpu');
const EPOCHS = 3;

const { features, train, validation } = loadSplit({ seed: 42 });
const xTrain = tf.tensor2d(train.x);
const yTrain = tf.tensor2d(train.y);
const xVal = tf.tensor2d(validation.x);
// A small learning rate keeps the weights moving in the last epoch, where the
// running average and the final weights part ways.
const model = buildModel(tf, { inputs: features.length, units: 8, learningRate: 0.003, seed: 1, metrics: ['accuracy'] });

const callback = validationMetrics([new BinaryAccuracy()], { x: xVal, y: validation.y }, { tf, train: { x: xTrain, y: train.y } });
const history = await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: false, verbose: 0, callbacks: [callback] });

const last = EPOCHS - 1;
const runningAverage = history.history.acc[last];
const finalWeights = history.history.binary_accuracy[last];
const evaluated = await evaluate((x) => model.predict(x), [{ x: xTrain, y: train.y }], [new BinaryAccuracy()]);

console.log(`training rows: ${train.y.length}`);
console.log(`(1) fit history acc, epoch ${last} (running average over batches): ${runningAverage}`);
console.log(`(2) validationMetrics train binary_accuracy, epoch ${last} (final weights): ${finalWeights}`);
console.log(`(3) evaluate() on the training data after fit (final weights): ${evaluated.binary_accuracy}`);
console.log(`(2) === (3): ${finalWeights === evaluated.binary_accuracy}; (1) === (2): ${runningAverage === finalWeights}`);
