// The metrics shown for a table of labels and predictions. Binary: labels 0/1
// and the probability of class 1, as [n, 1] columns (one sample per row).
// Multiclass: class ids and one probability per class.
import {
  AUC, BinaryAccuracy, BinaryCrossentropy, F1Score, MeanSquaredError, Precision, Recall,
  SparseCategoricalAccuracy, SparseCategoricalCrossentropy, SparseTopKCategoricalAccuracy, InputError,
} from 'wasm-metrics';

/** Numbers only: '', 'abc', '0x1f' and 'Infinity' are refused, with the line they are on. */
function numberAt(rows, row, column, header) {
  const text = rows[row][column]?.trim() ?? '';
  const value = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value)) {
    // Line numbers count the header as line 1.
    throw new InputError('INVALID_INPUT', `line ${row + 2}, column '${header[column]}': expected a number, found '${text}'.`);
  }
  return value;
}

function binaryMetrics(labels, scores) {
  const n = labels.length;
  const yTrue = { data: labels, shape: [n, 1] };
  const yPred = { data: scores, shape: [n, 1] };
  const rows = [
    ['ROC AUC', new AUC()],
    ['PR AUC', new AUC({ curve: 'PR' })],
    ['Accuracy (score > 0.5)', new BinaryAccuracy()],
    ['Precision (score > 0.5)', new Precision()],
    ['Recall (score > 0.5)', new Recall()],
    ['F1 (score > 0.5)', new F1Score({ threshold: 0.5 })],
    ['Log loss', new BinaryCrossentropy()],
    ['Brier score', new MeanSquaredError()],
  ];
  return rows.map(([title, metric]) => {
    metric.updateState(yTrue, yPred);
    const value = metric.result();
    return { title, metric: metric.className, value: Array.isArray(value) ? value[0] : value };
  });
}

function multiclassMetrics(ids, probabilities, classes) {
  const n = ids.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(ids[i]) || ids[i] < 0 || ids[i] >= classes) {
      throw new InputError('INVALID_INPUT', `line ${i + 2}: the label ${ids[i]} is not a class id from 0 to ${classes - 1}.`);
    }
  }
  const oneHot = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) oneHot[i * classes + ids[i]] = 1;
  const yPred = { data: probabilities, shape: [n, classes] };
  const sparse = [
    ['Accuracy', new SparseCategoricalAccuracy()],
    ['Top-3 accuracy', new SparseTopKCategoricalAccuracy({ k: 3 })],
    ['Log loss', new SparseCategoricalCrossentropy()],
  ];
  const oneHotRows = [
    ['Macro F1 (most probable class)', new F1Score({ average: 'macro' })],
    ['Macro one-vs-rest ROC AUC', new AUC({ multiLabel: true, numLabels: classes })],
  ];
  const run = ([title, metric], yTrue) => {
    metric.updateState(yTrue, yPred);
    return { title, metric: metric.className, value: metric.result() };
  };
  return [...sparse.map((row) => run(row, ids)), ...oneHotRows.map((row) => run(row, { data: oneHot, shape: [n, classes] }))];
}

/** `rows` are parsed CSV records after the header; `choice` comes from columns.js. */
export function evaluateTable(header, rows, labelIndex, choice) {
  const n = rows.length;
  if (n === 0) throw new InputError('INVALID_INPUT', 'the file has a header but no data rows.');
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) labels[i] = numberAt(rows, i, labelIndex, header);
  const width = choice.columns.length;
  const predictions = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    choice.columns.forEach((column, j) => { predictions[i * width + j] = numberAt(rows, i, column, header); });
  }
  return choice.kind === 'binary' ? binaryMetrics(labels, predictions) : multiclassMetrics(labels, predictions, width);
}
