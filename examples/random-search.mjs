// A seeded random search over hidden units and learning rate, scored by the
// validation F1 of each trial's final weights. objective() checks the key
// against the metrics that log it and takes the direction (max) from F1Score,
// so a misspelt key fails before the first trial rather than after it.
import * as tf from '@tensorflow/tfjs';
import { F1Score, objective } from 'wasm-metrics';
import { validationMetrics } from 'wasm-metrics/tfjs';
import { buildModel, loadSplit, prng } from './breast-cancer-data.mjs';

await tf.setBackend('cpu');
const TRIALS = 5;
const EPOCHS = 4;

const { features, train, validation } = loadSplit({ seed: 42 });
const xTrain = tf.tensor2d(train.x);
const yTrain = tf.tensor2d(train.y);
const xVal = tf.tensor2d(validation.x);

// One sigmoid output with labels of shape (n, 1): F1 of the positive class at
// threshold 0.5; 'micro' makes the result a number rather than a per-class array.
const metrics = () => [new F1Score({ threshold: 0.5, average: 'micro' })];
const goal = objective('val_f1_score', { metrics: metrics() });
console.log(`objective: ${goal.key} (${goal.direction})`);

const random = prng(5);
let best = { trial: -1, score: Number.NaN };
for (let trial = 0; trial < TRIALS; trial += 1) {
  const units = [2, 4, 8, 16][Math.floor(random() * 4)];
  const learningRate = 10 ** (-3 + 2 * random()); // log-uniform in [1e-3, 1e-1)
  const model = buildModel(tf, { inputs: features.length, units, learningRate, seed: 10 + trial });
  const callback = validationMetrics(metrics(), { x: xVal, y: validation.y }, { tf });
  await model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 32, shuffle: false, verbose: 0, callbacks: [callback] });
  const score = goal.score(callback.lastLogs);
  console.log(`trial ${trial}: units ${units} learning_rate ${learningRate.toPrecision(3)} ${goal.key} ${score}`);
  // better() is strict: on a tie the earlier trial stays best.
  if (goal.better(score, best.score)) best = { trial, score };
  model.dispose();
}
console.log(`best trial: ${best.trial} (${goal.key} ${best.score})`);
