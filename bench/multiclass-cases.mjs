// The multiclass, crossentropy and hinge cases. Unlike cases.mjs, each has
// its own size: n samples (rows of CLASSES scores, class id pairs, or binary
// samples). Each names its data, how the library is called with shaped
// inputs, its plain-JS loops (the first is the correctness reference) and its
// TF.js ops, or why there are none.
import * as js from './baselines-js-multiclass.mjs';
import * as tfOps from './baselines-tf-multiclass.mjs';
import { classRowsData, classIdPairsData, classificationData } from './data.mjs';
import { PRIME_LENGTH } from './harness.mjs';

export const CLASSES = 10;
const ROWS = 1_000_000;
const PAIRS = 10_000_000;
const TOP_K = 5;
const EXACT = 0;
const SUMS = 1e-9;

/** The data sets, keyed as the cases' `data` names them. */
export function generateMulticlassData() {
  return { rows: classRowsData(ROWS, CLASSES), pairs: classIdPairsData(PAIRS, CLASSES), binary: classificationData(ROWS) };
}

const rowsOf = (data) => ({ data, shape: [data.length / CLASSES, CLASSES] });
const column = (data) => ({ data, shape: [data.length, 1] });

/** resetState + updateState + result, as the other cases time the library. */
function call(metric, yTrue, yPred) {
  return () => {
    metric.resetState();
    metric.updateState(yTrue, yPred);
    return metric.result();
  };
}

const NO_TF_CROSSENTROPY = 'no TF.js equivalent: tfjs-core has no Keras crossentropy metric (tf.losses.logLoss adds ' +
  'epsilon inside the log instead of clipping, softmaxCrossEntropy takes logits; tf.metrics is in tfjs-layers, not installed).';

export const MULTICLASS_CASES = [
  {
    id: 'categorical-accuracy', title: `CategoricalAccuracy, [N, ${CLASSES}] Float32Array scores and one-hot labels`,
    n: ROWS, data: 'rows', tolerance: EXACT,
    inputs: (data) => [data.oneHot, data.probabilities],
    library: (lib, labels, scores) => call(new lib.CategoricalAccuracy(), rowsOf(labels), rowsOf(scores)),
    js: [
      { name: 'plain JS, argmax per row (first index)', run: (labels, scores) => js.categoricalAccuracyArgmax(labels, scores, CLASSES) },
      { name: 'plain JS, label argmax + target rank', run: (labels, scores) => js.categoricalAccuracyTargetRank(labels, scores, CLASSES) },
    ],
    tf: (labels, scores) => tfOps.categoricalAccuracy(labels, scores, CLASSES),
  },
  {
    id: 'sparse-categorical-accuracy', title: `SparseCategoricalAccuracy, [N, ${CLASSES}] Float32Array scores, Int32Array class ids`,
    n: ROWS, data: 'rows', tolerance: EXACT,
    inputs: (data) => [data.ids, data.probabilities],
    library: (lib, ids, scores) => call(new lib.SparseCategoricalAccuracy(), ids, rowsOf(scores)),
    js: [
      { name: 'plain JS, argmax per row (first index)', run: (ids, scores) => js.sparseCategoricalAccuracyArgmax(ids, scores, CLASSES) },
      { name: 'plain JS, target rank', run: (ids, scores) => js.sparseCategoricalAccuracyTargetRank(ids, scores, CLASSES) },
    ],
    tf: (ids, scores) => tfOps.sparseCategoricalAccuracy(ids, scores, CLASSES),
  },
  {
    id: 'mean-iou', title: `MeanIoU (${CLASSES}-class confusion matrix), Int32Array class ids`,
    n: PAIRS, data: 'pairs', tolerance: EXACT,
    inputs: (data) => [data.labels, data.predictions],
    library: (lib, labels, predictions) => call(new lib.MeanIoU({ numClasses: CLASSES }), labels, predictions),
    js: [
      { name: 'plain JS, Float64Array(100) matrix', run: (labels, predictions) => js.meanIoUFloat64(labels, predictions, CLASSES) },
      { name: 'plain JS, Int32Array(100) counts', run: (labels, predictions) => js.meanIoUInt32(labels, predictions, CLASSES) },
    ],
    tf: (labels, predictions) => tfOps.meanIoU(labels, predictions, CLASSES),
    note: () => 'TF.js rows count bincount(label*10 + prediction), which drops no out-of-range ids (this data has none); ' +
      'the IoU formula is the shared JS one.',
  },
  {
    id: 'sparse-top-k', title: `SparseTopKCategoricalAccuracy (k = ${TOP_K}), [N, ${CLASSES}] scores, Int32Array class ids`,
    n: ROWS, data: 'rows', tolerance: EXACT,
    inputs: (data) => [data.ids, data.probabilities],
    library: (lib, ids, scores) => call(new lib.SparseTopKCategoricalAccuracy({ k: TOP_K }), ids, rowsOf(scores)),
    js: [{ name: 'plain JS, count of larger scores < k', run: (ids, scores) => js.sparseTopKAccuracy(ids, scores, CLASSES, TOP_K) }],
    tf: (ids, scores) => tfOps.sparseTopKAccuracy(ids, scores, CLASSES, TOP_K),
    note: () => 'TF.js rows: topk(k) and the target score >= the k-th largest (tf.inTopKAsync is asynchronous).',
  },
  {
    id: 'sparse-categorical-crossentropy', title: `SparseCategoricalCrossentropy, [N, ${CLASSES}] probabilities, Int32Array class ids`,
    n: ROWS, data: 'rows', tolerance: SUMS,
    inputs: (data) => [data.ids, data.probabilities],
    library: (lib, ids, probabilities) => call(new lib.SparseCategoricalCrossentropy(), ids, rowsOf(probabilities)),
    js: [{ name: 'plain JS, -log(clip(p[id] / sum p))', run: (ids, probabilities) => js.sparseCategoricalCrossentropy(ids, probabilities, CLASSES) }],
    note: () => NO_TF_CROSSENTROPY,
  },
  {
    id: 'binary-crossentropy', title: 'BinaryCrossentropy, [N, 1] Float32Array labels 0/1 and probabilities',
    n: ROWS, data: 'binary', tolerance: SUMS,
    inputs: (data) => [data.labels, data.predictions],
    library: (lib, labels, predictions) => call(new lib.BinaryCrossentropy(), column(labels), column(predictions)),
    js: [{ name: 'plain JS, clipped, two logs per sample', run: js.binaryCrossentropy }],
    note: () => NO_TF_CROSSENTROPY,
  },
  {
    id: 'f1-macro', title: `F1Score (average 'macro', row-maximum rule), [N, ${CLASSES}] scores and one-hot labels`,
    n: ROWS, data: 'rows', tolerance: EXACT,
    inputs: (data) => [data.oneHot, data.probabilities],
    library: (lib, labels, scores) => call(new lib.F1Score({ average: 'macro' }), rowsOf(labels), rowsOf(scores)),
    js: [{ name: 'plain JS, per-class counts', run: (labels, scores) => js.f1ScoreMacro(labels, scores, CLASSES) }],
    note: () => 'no TF.js equivalent: tfjs-core has no F-score op.',
  },
  {
    id: 'hinge', title: 'Hinge, [N, 1] Float32Array labels 0/1 and scores',
    n: ROWS, data: 'binary', tolerance: SUMS,
    inputs: (data) => [data.labels, data.predictions],
    library: (lib, labels, predictions) => call(new lib.Hinge(), column(labels), column(predictions)),
    js: [{ name: 'plain JS, labels mapped to -1/1', run: js.hinge }],
    tf: tfOps.hinge,
  },
];

/** The first PRIME_LENGTH samples of each input (whole rows of scores), for priming. */
export function primeInputsOf(kase, inputs) {
  return inputs.map((array) => array.subarray(0, PRIME_LENGTH * (array.length / kase.n)));
}
