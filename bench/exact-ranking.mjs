// Exact ranking metrics: time per evaluation and memory per sample, as ratios
// against plain-JS exact AUC in the same process. Run after `npm run build`:
//
//   node --expose-gc bench/exact-ranking.mjs      (N = 10^5 and 10^6)
//
// Rows, on the binary classification data of data.mjs (Float32Array scores):
// - BinaryAUROC: resetState, updateState(labels, scores), result() (copy, checks, sort, pass);
// - rocAucScore(labels, scores): the function;
// - BinaryAveragePrecision: the same cycle, average precision;
// - AUC() bucketed (Keras's 200 thresholds), for the cost of exactness;
// - plain JS, index sort: an index array sorted with a comparator, then one pass over tie groups;
// - plain JS, two native sorts: positives' and negatives' scores sorted apart (TypedArray.sort
//   without a comparator), then a merge walk counting pairs and ties — the fastest plain-JS form here.
// Every exact row must give the same AUC (the plain-JS rows are the correctness reference).
import { AUC, BinaryAUROC, BinaryAveragePrecision } from '../dist/index.js';
import { rocAucScore } from '../dist/sklearn.js';
import { classificationData } from './data.mjs';
import { prepare, timeRounds } from './harness.mjs';

function plainIndexSortAuc(labels, scores) {
  const order = Uint32Array.from({ length: scores.length }, (_, i) => i);
  order.sort((a, b) => scores[a] - scores[b]);
  let pairs = 0, negativesBelow = 0, positives = 0;
  for (let k = 0; k < order.length;) {
    const score = scores[order[k]];
    let groupPositives = 0, groupNegatives = 0;
    for (; k < order.length && scores[order[k]] === score; k++) {
      if (labels[order[k]] === 1) groupPositives++;
      else groupNegatives++;
    }
    pairs += groupPositives * (negativesBelow + 0.5 * groupNegatives);
    negativesBelow += groupNegatives;
    positives += groupPositives;
  }
  return pairs / (positives * negativesBelow);
}

function plainTwoSortsAuc(labels, scores) {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i] === 1 ? 1 : 0;
  const positive = new Float32Array(p), negative = new Float32Array(labels.length - p);
  for (let i = 0, a = 0, b = 0; i < labels.length; i++) {
    if (labels[i] === 1) positive[a++] = scores[i];
    else negative[b++] = scores[i];
  }
  positive.sort();
  negative.sort();
  let pairs = 0, below = 0, equalFrom = 0;
  for (let i = 0; i < positive.length; i++) {
    const s = positive[i];
    while (below < negative.length && negative[below] < s) below++;
    if (equalFrom < below) equalFrom = below;
    while (equalFrom < negative.length && negative[equalFrom] === s) equalFrom++;
    pairs += below + 0.5 * (equalFrom - below);
  }
  return pairs / (positive.length * negative.length);
}

const rows = [
  ['BinaryAUROC (update + result)', (labels, scores) => {
    const metric = new BinaryAUROC();
    return () => { metric.resetState(); metric.updateState(labels, scores); return metric.result(); };
  }],
  ['rocAucScore', (labels, scores) => () => rocAucScore(labels, scores)],
  ['BinaryAveragePrecision (update + result)', (labels, scores) => {
    const metric = new BinaryAveragePrecision();
    return () => { metric.resetState(); metric.updateState(labels, scores); return metric.result(); };
  }],
  ['AUC() bucketed, 200 thresholds', (labels, scores) => {
    const metric = new AUC();
    return () => { metric.resetState(); metric.updateState(labels, scores); return metric.result(); };
  }],
  ['plain JS, index sort', (labels, scores) => () => plainIndexSortAuc(labels, scores)],
  ['plain JS, two native sorts', (labels, scores) => () => plainTwoSortsAuc(labels, scores)],
];
const EXACT_AUC_ROWS = [0, 1, 4, 5];

function memoryPerSample(n, batch) {
  const { labels, predictions } = classificationData(n, 7);
  const asDoubles = Float64Array.from(predictions, (p, i) => p + i * 1e-12);
  const report = [], kept = [];
  for (const [what, scores] of [['float32 scores', predictions], ['float64 scores', asDoubles]]) {
    const metric = new BinaryAUROC();
    kept.push(metric); // alive until every measurement is taken, so a collection never frees it mid-measurement
    globalThis.gc?.();
    const before = process.memoryUsage().arrayBuffers;
    for (let from = 0; from < n; from += batch) metric.updateState(labels.subarray(from, from + batch), scores.subarray(from, from + batch));
    globalThis.gc?.();
    const grown = process.memoryUsage().arrayBuffers - before;
    // The measured growth includes the buffers' capacity slack (growth by 1.5x).
    report.push({ what, bytesPerSample: metric.bytesPerSample, measuredBytesPerSample: +(grown / n).toFixed(2), savedBytesPerSample: +(metric.saveState().length / n).toFixed(2) });
  }
  return report;
}

for (const n of [1e5, 1e6]) {
  const { labels, predictions } = classificationData(n);
  const byteLabels = Uint8Array.from(labels);
  const prepared = rows.map(([, makeCall]) => prepare(makeCall, [byteLabels, predictions], { minReps: 5 }));
  const timed = timeRounds(prepared);
  const reference = timed[5].value;
  const baseline = timed[4].medianMs;
  console.log(`\nN = ${n.toExponential(0)} (Float32Array scores, Uint8Array labels)`);
  console.log('row'.padEnd(44) + 'median ms'.padStart(11) + 'range ms'.padStart(18) + '  vs index-sort JS   vs two-sorts JS');
  timed.forEach((row, i) => {
    const range = `${row.minMs.toFixed(1)}–${row.maxMs.toFixed(1)}`;
    console.log(rows[i][0].padEnd(44) + row.medianMs.toFixed(1).padStart(11) + range.padStart(18) +
      `${(baseline / row.medianMs).toFixed(2)}x`.padStart(19) + `${(timed[5].medianMs / row.medianMs).toFixed(2)}x`.padStart(18));
  });
  for (const i of EXACT_AUC_ROWS) {
    if (Math.abs(timed[i].value - reference) > 1e-12 * reference) console.log(`WARNING: ${rows[i][0]} gave ${timed[i].value}, reference ${reference}`);
  }
  console.log(`exact AUC ${reference}; bucketed AUC ${timed[3].value} (difference ${(timed[3].value - reference).toExponential(2)})`);
}

console.log('\nMemory per sample after 10^6 samples in batches of 10^4 (binary, unweighted):');
console.table(memoryPerSample(1e6, 1e4));
