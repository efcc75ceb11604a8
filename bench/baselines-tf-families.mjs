// TF.js baselines (cpu and wasm backends) for the family cases that tfjs-core
// has a direct op for: cosine distance and the mean. Tensor creation from the
// JS arrays is inside every call; results are float32.
import * as tf from '@tensorflow/tfjs-core';
import { readAndDispose } from './baselines-tf.mjs';

/**
 * Mean cosine similarity of rows: tf.losses.cosineDistance computes
 * 1 - Σ y·p along the axis and expects unit rows, so both are divided by
 * their tf.norm first; the MEAN reduction averages over rows.
 */
export function cosineSimilarity(targets, predictions, width) {
  const rows = targets.length / width;
  return readAndDispose(() => {
    const unit = (values) => {
      const x = tf.tensor2d(values, [rows, width]);
      return tf.div(x, tf.norm(x, 'euclidean', 1, true));
    };
    return tf.sub(1, tf.losses.cosineDistance(unit(targets), unit(predictions), 1, undefined, tf.Reduction.MEAN));
  })[0];
}

export function mean(values) {
  return readAndDispose(() => tf.mean(tf.tensor1d(values)))[0];
}
