// TF.js baselines (cpu and wasm backends) for the multiclass and hinge cases
// that TF.js has a natural op for. Tensor creation from the JS arrays is inside
// every call. Crossentropy and F-score have none: tfjs-core's tf.losses.logLoss
// adds epsilon inside the log instead of Keras's clipping, softmaxCrossEntropy
// takes logits and one-hot labels, and Keras-style tf.metrics live in
// tfjs-layers, which the project does not install.
import * as tf from '@tensorflow/tfjs-core';
import { readAndDispose } from './baselines-tf.mjs';
import { meanIoUFromMatrix } from './baselines-js-multiclass.mjs';

// int32 scalars: multiplying an int32 tensor by a JS number would promote it to float32.
const int32 = (value) => tf.scalar(value, 'int32');

export function categoricalAccuracy(labels, scores, classes) {
  const rows = scores.length / classes;
  return readAndDispose(() => {
    const predicted = tf.argMax(tf.tensor2d(scores, [rows, classes]), 1);
    const target = tf.argMax(tf.tensor2d(labels, [rows, classes]), 1);
    return tf.mean(tf.cast(tf.equal(predicted, target), 'float32'));
  })[0];
}

export function sparseCategoricalAccuracy(ids, scores, classes) {
  return readAndDispose(() => {
    const predicted = tf.argMax(tf.tensor2d(scores, [ids.length, classes]), 1);
    return tf.mean(tf.cast(tf.equal(predicted, tf.tensor1d(ids, 'int32')), 'float32'));
  })[0];
}

/**
 * in_top_k through topk (tf.inTopKAsync is asynchronous): a hit when the
 * target's score is at least the k-th largest, which counts ties as hits as Keras does.
 */
export function sparseTopKAccuracy(ids, scores, classes, k) {
  const rows = ids.length;
  return readAndDispose(() => {
    const flat = tf.tensor1d(scores);
    const kth = tf.reshape(tf.slice(tf.topk(tf.reshape(flat, [rows, classes]), k).values, [0, k - 1], [rows, 1]), [rows]);
    const targetIndex = tf.add(tf.mul(tf.range(0, rows, 1, 'int32'), int32(classes)), tf.tensor1d(ids, 'int32'));
    return tf.mean(tf.cast(tf.greaterEqual(tf.gather(flat, targetIndex), kth), 'float32'));
  })[0];
}

/** Confusion matrix as bincount(label·C + prediction) (perf_notes K4; no range check), then the JS IoU formula. */
export function meanIoU(labels, predictions, classes) {
  const matrix = readAndDispose(() => {
    const cells = tf.add(tf.mul(tf.tensor1d(labels, 'int32'), int32(classes)), tf.tensor1d(predictions, 'int32'));
    return tf.bincount(cells, tf.tensor1d([], 'float32'), classes * classes);
  });
  return meanIoUFromMatrix(matrix, classes);
}

/** tf.losses.hingeLoss maps labels to 2y - 1 (Keras does so when every label is 0 or 1) and averages. */
export function hinge(labels, predictions) {
  return readAndDispose(() => tf.losses.hingeLoss(tf.tensor1d(labels), tf.tensor1d(predictions)))[0];
}
