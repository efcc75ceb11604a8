// Benchmark of the scikit-learn classification functions (one call on whole
// arrays) against the plain-JS loop a user would write for the same number,
// in the same process with interleaved rounds (bench/harness.mjs). Run after
// `npm run build`:
//
//   node bench/functional-classification.mjs [processes]
//
// Each process prints its medians; the parent prints per-case ratios
// (plain-JS median / library median in the same process) as median and range
// over processes. Only ratios are meaningful on a shared machine.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { timeRounds, median, WARMUP_MIN_CALLS, WARMUP_MIN_MS, PRIME_CALLS, PRIME_LENGTH } from './harness.mjs';
import { mulberry32 } from './data.mjs';

const N = 1_000_000;
const CLASSES = 10;
const REPS = 9;

function data(N) {
  const random = mulberry32(11);
  const labels = new Int32Array(N), predicted = new Int32Array(N);
  const probabilities = new Float64Array(N * CLASSES);
  for (let i = 0; i < N; i++) {
    labels[i] = Math.floor(random() * CLASSES);
    predicted[i] = random() < 0.8 ? labels[i] : Math.floor(random() * CLASSES);
    let sum = 0;
    for (let c = 0; c < CLASSES; c++) sum += (probabilities[i * CLASSES + c] = random() + (c === labels[i] ? random() : 0));
    for (let c = 0; c < CLASSES; c++) probabilities[i * CLASSES + c] /= sum;
  }
  const shift = (ids) => Float64Array.from(ids, (id) => id - 5);
  const names = Array.from({ length: CLASSES }, (_, c) => `class-${c}`);
  const ML_WIDTH = 5;
  const multiTrue = new Uint8Array(N * ML_WIDTH), multiPred = new Uint8Array(N * ML_WIDTH);
  for (let i = 0; i < N * ML_WIDTH; i++) {
    multiTrue[i] = random() < 0.3 ? 1 : 0;
    multiPred[i] = random() < 0.85 ? multiTrue[i] : 1 - multiTrue[i];
  }
  return {
    labels, predicted, probabilities, shiftedLabels: shift(labels), shiftedPredicted: shift(predicted),
    stringLabels: Array.from(labels, (id) => names[id]), stringPredicted: Array.from(predicted, (id) => names[id]),
    multiTrue, multiPred, ML_WIDTH,
  };
}

// Plain-JS baselines: the loops a user would write, with the same results.
function jsConfusion(t, p, offset = 0) {
  const matrix = new Float64Array(CLASSES * CLASSES);
  for (let i = 0; i < t.length; i++) matrix[(t[i] - offset) * CLASSES + (p[i] - offset)]++;
  return matrix;
}

function jsMacroF1(t, p) {
  const m = jsConfusion(t, p);
  let total = 0;
  for (let c = 0; c < CLASSES; c++) {
    let predicted = 0, actual = 0;
    for (let k = 0; k < CLASSES; k++) {
      predicted += m[k * CLASSES + c];
      actual += m[c * CLASSES + k];
    }
    total += (2 * m[c * CLASSES + c]) / (predicted + actual);
  }
  return total / CLASSES;
}

function jsAccuracy(t, p) {
  let hits = 0;
  for (let i = 0; i < t.length; i++) hits += t[i] === p[i] ? 1 : 0;
  return hits / t.length;
}

function jsStringConfusion(t, p) {
  const index = new Map([...new Set(t)].sort().map((label, i) => [label, i]));
  const matrix = new Float64Array(index.size * index.size);
  for (let i = 0; i < t.length; i++) matrix[index.get(t[i]) * index.size + index.get(p[i])]++;
  return matrix;
}

function jsLogLoss(t, rows) {
  const eps = 2 ** -52;
  let total = 0;
  for (let i = 0; i < t.length; i++) total -= Math.log(Math.min(Math.max(rows[i * CLASSES + t[i]], eps), 1 - eps));
  return total / t.length;
}

function jsBrier(t, rows) {
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    for (let c = 0; c < CLASSES; c++) {
      const d = rows[i * CLASSES + c] - (c === t[i] ? 1 : 0);
      total += d * d;
    }
  }
  return total / t.length;
}

function jsTopK(t, rows, k) {
  let hits = 0;
  for (let i = 0; i < t.length; i++) {
    const base = i * CLASSES, target = t[i], score = rows[base + target];
    let outranking = 0;
    for (let c = 0; c < CLASSES; c++) {
      const s = rows[base + c];
      outranking += s > score || (s === score && c > target) ? 1 : 0;
    }
    hits += outranking < k ? 1 : 0;
  }
  return hits / t.length;
}

function jsMultilabelMacroF1(yTrue, yPred, width) {
  const tp = new Float64Array(width), predicted = new Float64Array(width), actual = new Float64Array(width);
  for (let i = 0; i < yTrue.length; i++) {
    const c = i % width;
    tp[c] += yTrue[i] * yPred[i];
    predicted[c] += yPred[i];
    actual[c] += yTrue[i];
  }
  let total = 0;
  for (let c = 0; c < width; c++) total += (2 * tp[c]) / (predicted[c] + actual[c]);
  return total / width;
}

function cases(lib, d, N) {
  const rows = { data: d.probabilities, shape: [N, CLASSES] };
  const multi = (array) => ({ data: array, shape: [N, d.ML_WIDTH] });
  return [
    { name: 'confusionMatrix, Int32Array ids 0..9', exact: true,
      library: () => lib.confusionMatrix(d.labels, d.predicted).flat(), js: () => Array.from(jsConfusion(d.labels, d.predicted)) },
    { name: 'confusionMatrix, Float64Array labels -5..4 (mapped)', exact: true,
      library: () => lib.confusionMatrix(d.shiftedLabels, d.shiftedPredicted).flat(),
      js: () => Array.from(jsConfusion(d.shiftedLabels, d.shiftedPredicted, -5)) },
    { name: 'confusionMatrix, string labels', exact: true,
      library: () => lib.confusionMatrix(d.stringLabels, d.stringPredicted).flat(),
      js: () => Array.from(jsStringConfusion(d.stringLabels, d.stringPredicted)) },
    { name: 'accuracyScore', library: () => lib.accuracyScore(d.labels, d.predicted), js: () => jsAccuracy(d.labels, d.predicted) },
    { name: "f1Score average 'macro'", library: () => lib.f1Score(d.labels, d.predicted, { average: 'macro' }),
      js: () => jsMacroF1(d.labels, d.predicted) },
    { name: 'logLoss, 10 classes', library: () => lib.logLoss(d.labels, rows), js: () => jsLogLoss(d.labels, d.probabilities) },
    { name: 'brierScoreLoss, 10 classes', library: () => lib.brierScoreLoss(d.labels, rows), js: () => jsBrier(d.labels, d.probabilities) },
    { name: 'topKAccuracyScore k=3, 10 classes', library: () => lib.topKAccuracyScore(d.labels, rows, { k: 3 }),
      js: () => jsTopK(d.labels, d.probabilities, 3) },
    { name: "f1Score 'macro', multilabel 5 columns (Uint8Array)",
      library: () => lib.f1Score(multi(d.multiTrue), multi(d.multiPred), { average: 'macro' }),
      js: () => jsMultilabelMacroF1(d.multiTrue, d.multiPred, d.ML_WIDTH) },
  ];
}

function agree(a, b, exact) {
  const left = [a].flat(), right = [b].flat();
  return left.length === right.length &&
    left.every((x, i) => (exact ? x === right[i] : Math.abs(x - right[i]) <= 1e-9 * Math.abs(right[i])));
}

/**
 * Primes on small inputs first (a first call on 10^6 samples makes V8 compile the
 * plain-JS loop by on-stack replacement, which can stay slow; see harness.mjs),
 * then warms up by calls and time, as bench/harness.mjs does.
 */
function ready(fn, primeFn) {
  for (let i = 0; i < PRIME_CALLS; i++) primeFn();
  let calls = 0, elapsed = 0, value;
  while (calls < WARMUP_MIN_CALLS || elapsed < WARMUP_MIN_MS) {
    const start = process.hrtime.bigint();
    value = fn();
    elapsed += Number(process.hrtime.bigint() - start) / 1e6;
    calls++;
  }
  return { fn, reps: REPS, value };
}

async function child() {
  const lib = { ...(await import('../dist/index.js')), ...(await import('../dist/sklearn.js')) };
  const small = cases(lib, data(PRIME_LENGTH), PRIME_LENGTH);
  const results = [];
  cases(lib, data(N), N).forEach((testCase, index) => {
    const prepared = [ready(testCase.library, small[index].library), ready(testCase.js, small[index].js)];
    const [library, js] = timeRounds(prepared);
    results.push({ name: testCase.name, libraryMs: library.medianMs, jsMs: js.medianMs,
      agrees: agree(library.value, js.value, testCase.exact === true) });
  });
  process.stdout.write(JSON.stringify({ build: lib.kernelBuild(), results }));
}

function parent(processes) {
  const script = fileURLToPath(import.meta.url);
  const runs = [];
  for (let i = 0; i < processes; i++) {
    runs.push(JSON.parse(execFileSync(process.execPath, [script, '--child'], { encoding: 'utf8', maxBuffer: 1 << 26 })));
    process.stderr.write(`process ${i + 1}/${processes} done\n`);
  }
  console.log(`N = ${N} samples, ${processes} processes, kernel build ${runs[0].build}`);
  console.log('| case | library ms | plain JS ms | plain JS / library (median, range) | same result |');
  console.log('|---|---:|---:|---:|---|');
  runs[0].results.forEach((row, index) => {
    const per = runs.map((run) => run.results[index]);
    const ratios = per.map((r) => r.jsMs / r.libraryMs);
    console.log(`| ${row.name} | ${median(per.map((r) => r.libraryMs)).toFixed(2)} | ${median(per.map((r) => r.jsMs)).toFixed(2)} | ` +
      `${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}) | ${per.every((r) => r.agrees) ? 'yes' : 'NO'} |`);
  });
}

if (process.argv.includes('--child')) await child();
else parent(Number(process.argv[2] ?? 3));
