// Worker threads: wasm-metrics/threads with 2 worker threads against 1 worker
// thread and against the same metrics updated in this thread, at N = 10^7.
// `node bench/threads.mjs` prints a table; `--json` also prints the numbers as
// the last line (bench/run.mjs stores them in results.json).
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { MetricCollection, AUC, Precision, Recall, BinaryAccuracy, BinaryCrossentropy, MeanSquaredError, kernelBuild } from '../dist/index.js';
import { ThreadPool } from '../dist/threads.js';
import { classificationData } from './data.mjs';
import { median, PRIME_CALLS, PRIME_LENGTH } from './harness.mjs';

const N = 10_000_000;
const ROUNDS = 15;
const WARMUP_MIN_CALLS = 5;
const WARMUP_MIN_MS = 1000;
// The acceptance bar: 2 threads at least this many times faster than 1 thread.
const THREAD_SCALING_TARGET = 1.7;

const CASES = [
  { id: 'light', title: 'AUC (200 thresholds) + Precision + BinaryAccuracy', metrics: () => [new AUC(), new Precision(), new BinaryAccuracy()] },
  {
    id: 'heavy', title: 'ROC AUC + PR AUC + Precision + Recall + BinaryAccuracy + BinaryCrossentropy + MSE',
    metrics: () => [new AUC(), new AUC({ curve: 'PR' }), new Precision(), new Recall(), new BinaryAccuracy(), new BinaryCrossentropy(), new MeanSquaredError()],
  },
];
const SUMS = new Set(['binary_crossentropy', 'mean_squared_error']);

const progress = (message) => process.stderr.write(`[bench threads] ${message}\n`);
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

function onSharedMemory(array) {
  const copy = new array.constructor(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/** Calls `run` until both the call count and the time of the warm-up are reached (workers tier up their wasm meanwhile). */
async function warmUp(run) {
  let calls = 0;
  const start = process.hrtime.bigint();
  while (calls < WARMUP_MIN_CALLS || msSince(start) < WARMUP_MIN_MS) {
    await run();
    calls++;
  }
}

/** One call of every row per round, so background load hits the rows alike; each row's times in order. */
async function timeRounds(rows) {
  const times = rows.map(() => []);
  const cpu = rows.map(() => []);
  const values = rows.map(() => undefined);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, row] of rows.entries()) {
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      values[i] = await row.run();
      times[i].push(msSince(start));
      // CPU time of every thread of this process (workers included): the work done, whatever the other processes take.
      const { user, system } = process.cpuUsage(cpuStart);
      cpu[i].push((user + system) / 1000);
    }
  }
  return { times, cpu, values };
}

function sameResults(a, b) {
  return Object.keys(a).every((key) => (SUMS.has(key) ? Math.abs(a[key] - b[key]) <= 1e-12 * Math.abs(b[key]) : a[key] === b[key]));
}

async function measureCase(kase, data, pools) {
  const { labels, predictions, sharedLabels, sharedPredictions } = data;
  const staging = { labels: onSharedMemory(labels), predictions: onSharedMemory(predictions) };
  const inProcess = new MetricCollection(kase.metrics());
  // As in the other benchmarks: prime on small slices so V8 optimises the JS around the kernels normally.
  for (let i = 0; i < PRIME_CALLS; i++) {
    inProcess.resetState();
    inProcess.updateState(labels.subarray(0, PRIME_LENGTH), predictions.subarray(0, PRIME_LENGTH));
  }
  const rows = [
    { id: 'in-process', implementation: 'in this thread (no workers)', run: () => {
      inProcess.resetState();
      inProcess.updateState(labels, predictions);
      return inProcess.result();
    } },
    { id: 'threads-1', implementation: '1 worker thread, SharedArrayBuffer inputs', run: () => pools[1].evaluate(kase.metrics(), sharedLabels, sharedPredictions) },
    { id: 'threads-2', implementation: '2 worker threads, SharedArrayBuffer inputs', run: () => pools[2].evaluate(kase.metrics(), sharedLabels, sharedPredictions) },
    { id: 'threads-2-copy', implementation: '2 worker threads, ordinary arrays (copied to the pool\'s shared memory)', run: () => pools[2].evaluate(kase.metrics(), labels, predictions) },
    { id: 'copy-reused', implementation: 'copy of both arrays to reused shared memory', run: () => {
      staging.labels.set(labels);
      staging.predictions.set(predictions);
      return undefined;
    } },
    { id: 'copy-fresh', implementation: 'copy of both arrays to a new SharedArrayBuffer', run: () => {
      onSharedMemory(labels);
      onSharedMemory(predictions);
      return undefined;
    } },
  ];
  for (const row of rows) {
    progress(`${kase.id}: warming up ${row.implementation}`);
    await warmUp(row.run);
  }
  progress(`${kase.id}: ${ROUNDS} interleaved rounds`);
  const { times, cpu, values } = await timeRounds(rows);
  const reference = values[0];
  const perRound = (numerator, denominator) => times[numerator].map((ms, round) => ms / times[denominator][round]);
  const byId = Object.fromEntries(rows.map((row, i) => [row.id, i]));
  const scaling = perRound(byId['threads-1'], byId['threads-2']);
  return {
    caseId: kase.id, title: kase.title, n: N,
    rows: rows.map((row, i) => ({
      id: row.id, implementation: row.implementation,
      medianMs: median(times[i]), minMs: Math.min(...times[i]), maxMs: Math.max(...times[i]), cpuMedianMs: median(cpu[i]),
      speedupVsInProcess: row.id === 'in-process' || row.id.startsWith('copy') ? undefined : median(perRound(byId['in-process'], i)),
      sameResultsAsInProcess: values[i] === undefined ? undefined : sameResults(values[i], reference),
    })),
    twoThreadsVsOne: { median: median(scaling), min: Math.min(...scaling), max: Math.max(...scaling), target: THREAD_SCALING_TARGET },
    results: reference,
  };
}

function formatCase(entry) {
  const pad = (text, width) => String(text).padEnd(width);
  const lines = [`\n${entry.title}, N = ${entry.n.toExponential(0).replace('e+', 'e')} (median of ${ROUNDS} interleaved rounds)`];
  lines.push(`${pad('implementation', 74)}${pad('median ms', 11)}${pad('range ms', 16)}${pad('CPU ms', 9)}x in-process`);
  for (const row of entry.rows) {
    const speedup = row.speedupVsInProcess === undefined ? '' : row.speedupVsInProcess.toFixed(2);
    lines.push(`${pad(row.implementation, 74)}${pad(row.medianMs.toFixed(1), 11)}` +
      `${pad(`${row.minMs.toFixed(1)}-${row.maxMs.toFixed(1)}`, 16)}${pad(row.cpuMedianMs.toFixed(1), 9)}${speedup}`);
  }
  lines.push('CPU ms: median CPU time per call of all threads of the process (user + system), whatever other processes take.');
  const { median: ratio, min, max, target } = entry.twoThreadsVsOne;
  lines.push(`2 threads vs 1 thread: ${ratio.toFixed(2)}x (per-round range ${min.toFixed(2)}-${max.toFixed(2)}); ` +
    `target >= ${target}x: ${ratio >= target ? 'met' : 'NOT met'}`);
  const wrong = entry.rows.filter((row) => row.sameResultsAsInProcess === false);
  lines.push(wrong.length ? `WARNING: results differ from in-process: ${wrong.map((row) => row.id).join(', ')}` : 'All rows give the in-process results (counts exactly, sums to 1e-12).');
  return lines.join('\n');
}

// Control: how much parallelism the machine gives right now. A plain-JS integer loop
// (no memory traffic, no wasm) split over 2 worker threads against 1; 2.0 on two idle cores.
const CONTROL_ITERATIONS = 2e8;
const CONTROL_ROUNDS = 7;
const CONTROL_WORKER = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => { let x = 0; for (let i = 0; i < n; i++) x = (x + Math.imul(i, 2654435761)) | 0; parentPort.postMessage(x); });`;

async function measureControl() {
  const workers = [new Worker(CONTROL_WORKER, { eval: true }), new Worker(CONTROL_WORKER, { eval: true })];
  const run = (worker, iterations) => new Promise((resolve) => { worker.once('message', resolve); worker.postMessage(iterations); });
  try {
    // Warm-up: both workers optimise the loop before timing.
    for (let i = 0; i < 3; i++) await Promise.all(workers.map((worker) => run(worker, CONTROL_ITERATIONS / 4)));
    const ratios = [];
    for (let round = 0; round < CONTROL_ROUNDS; round++) {
      let start = process.hrtime.bigint();
      await run(workers[0], CONTROL_ITERATIONS);
      const one = msSince(start);
      start = process.hrtime.bigint();
      await Promise.all(workers.map((worker) => run(worker, CONTROL_ITERATIONS / 2)));
      ratios.push(one / msSince(start));
    }
    return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export async function measureThreads() {
  const loadAverageAtStart = os.loadavg()[0];
  progress(`generating ${N} samples`);
  const { labels, predictions } = classificationData(N);
  const data = { labels, predictions, sharedLabels: onSharedMemory(labels), sharedPredictions: onSharedMemory(predictions) };
  const pools = { 1: new ThreadPool({ threads: 1 }), 2: new ThreadPool({ threads: 2 }) };
  try {
    progress('control: a plain-JS loop on 2 worker threads against 1');
    const controlBefore = await measureControl();
    const cases = [];
    for (const kase of CASES) cases.push(await measureCase(kase, data, pools));
    progress('control again');
    const controlAfter = await measureControl();
    return {
      kernelBuild: kernelBuild(), logicalCores: os.cpus().length, availableParallelism: os.availableParallelism(),
      loadAverageAtStart, loadAverageAtEnd: os.loadavg()[0], rounds: ROUNDS, control: { before: controlBefore, after: controlAfter }, cases,
    };
  } finally {
    await pools[1].close();
    await pools[2].close();
  }
}

const measured = await measureThreads();
console.log(`wasm-metrics/threads benchmark: ${measured.kernelBuild} kernels, ${measured.logicalCores} logical cores ` +
  `(availableParallelism ${measured.availableParallelism}); 1-minute load average ${measured.loadAverageAtStart.toFixed(2)} at start, ` +
  `${measured.loadAverageAtEnd.toFixed(2)} at end. Worker threads share the cores with this thread and every other process.`);
const formatControl = ({ median: ratio, min, max }) => `${ratio.toFixed(2)}x (range ${min.toFixed(2)}-${max.toFixed(2)})`;
console.log(`Control, the parallelism available: a plain-JS loop on 2 worker threads against 1 runs ${formatControl(measured.control.before)} ` +
  `before the cases and ${formatControl(measured.control.after)} after (2.00x on two idle cores).`);
for (const entry of measured.cases) console.log(formatCase(entry));
if (process.argv.includes('--json')) console.log(JSON.stringify(measured));
