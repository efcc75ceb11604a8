// TF.js baselines (cpu and wasm backends of tfjs 4.22): tf ops computing the
// same quantities in float32. Tensor creation from the JS arrays is inside
// every call, as the library's timing includes the copy into wasm memory.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { rocAucFromTails } from './baselines-js.mjs';

export const BACKENDS = ['cpu', 'wasm'];

/** Registers both backends; prod mode skips debug checks and the "use tfjs-node" banner. */
export async function initTf() {
  tf.enableProdMode();
  for (const backend of BACKENDS) await useBackend(backend);
  return {
    version: tf.version_core,
    wasmSimd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
    wasmThreads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
  };
}

export async function useBackend(name) {
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend ${name} failed to initialise`);
  await tf.ready();
}

/** Runs a tf.tidy body, reads its result synchronously and frees everything. */
export function readAndDispose(body) {
  const result = tf.tidy(body);
  const values = result.dataSync();
  result.dispose();
  return values;
}

export function precision(labels, predictions, threshold = 0.5) {
  const [truePositives, predictedPositives] = readAndDispose(() => {
    const predicted = tf.cast(tf.greater(tf.tensor1d(predictions), threshold), 'float32');
    const positive = tf.cast(tf.notEqual(tf.tensor1d(labels), 0), 'float32');
    return tf.stack([tf.sum(tf.mul(predicted, positive)), tf.sum(predicted)]);
  });
  return predictedPositives === 0 ? 0 : truePositives / predictedPositives;
}

export function binaryAccuracy(labels, predictions, threshold = 0.5) {
  return readAndDispose(() => {
    const predicted = tf.cast(tf.greater(tf.tensor1d(predictions), threshold), 'float32');
    return tf.mean(tf.cast(tf.equal(predicted, tf.tensor1d(labels)), 'float32'));
  })[0];
}

/** Default AUC: float32 bucket index ceil(p·199) (Keras's formula), bincount of (cell, label) slots, reverse cumsum. */
export function auc(labels, predictions, numThresholds = 200) {
  const cells = numThresholds + 1;
  const tails = readAndDispose(() => {
    const scaled = tf.mul(tf.clipByValue(tf.tensor1d(predictions), 0, 1), numThresholds - 1);
    const cell = tf.cast(tf.maximum(tf.ceil(scaled), 1), 'int32');
    const negative = tf.cast(tf.equal(tf.tensor1d(labels), 0), 'int32');
    // int32 scalar: multiplying an int32 tensor by a JS number would promote it to float32.
    const slot = tf.add(tf.mul(cell, tf.scalar(2, 'int32')), negative);
    const histogram = tf.bincount(slot, tf.tensor1d([], 'float32'), 2 * cells);
    return tf.cumsum(tf.reshape(histogram, [cells, 2]), 0, false, true);
  });
  const positiveTails = new Float64Array(cells), negativeTails = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++) {
    positiveTails[cell] = tails[2 * cell];
    negativeTails[cell] = tails[2 * cell + 1];
  }
  return rocAucFromTails(positiveTails, negativeTails, numThresholds);
}

export function r2Score(targets, predictions) {
  return readAndDispose(() => {
    const y = tf.tensor1d(targets);
    const totalSquares = tf.sum(tf.square(tf.sub(y, tf.mean(y))));
    const residualSquares = tf.sum(tf.squaredDifference(y, tf.tensor1d(predictions)));
    return tf.sub(1, tf.div(residualSquares, totalSquares));
  })[0];
}

export function meanSquaredError(targets, predictions) {
  return readAndDispose(() => tf.mean(tf.squaredDifference(tf.tensor1d(targets), tf.tensor1d(predictions))))[0];
}
