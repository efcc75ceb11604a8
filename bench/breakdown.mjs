// Diagnostic (not part of `npm run bench`): where the library's time goes at
// N = 1e7, by replaying the steps of src/wasm/feed.ts on the raw kernels of
// build/kernels.simd.wasm: the chunked copy, the per-chunk non-finite checks
// and the kernel. Steps are timed in interleaved rounds so that background
// load affects every step alike. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import * as lib from '../dist/index.js';
import { classificationData, regressionData } from './data.mjs';
import { medianStepTimes } from './harness.mjs';

const N = 10_000_000;
const CHUNK = Number(process.env.CHUNK ?? 16384); // CHUNK_ELEMENTS in src/wasm/arena.ts
const ROUNDS = 9;

const wasmBytes = readFileSync(new URL('../build/kernels.simd.wasm', import.meta.url));
const kernels = (await WebAssembly.instantiate(wasmBytes, {})).instance.exports;
const base = kernels.heapBase() >>> 0;
// Two 16K-sample regions and an output area, laid out like the library's arena.
const at = { first: base, second: base + CHUNK * 8, out: base + 2 * CHUNK * 8, threshold: base + 2 * CHUNK * 8 + 8192 };
kernels.ensureMemory(at.threshold + 16);
const f32 = new Float32Array(kernels.memory.buffer);
f32[at.threshold >>> 2] = 0.5;

const classification = classificationData(N);
const regression = regressionData(N);

/** Runs `step(count)` per chunk after copying the chunk of `a` and `b` (when `copy`) into the two regions. */
function chunked(a, b, copy, step) {
  return () => {
    for (let first = 0; first < N; first += CHUNK) {
      const count = Math.min(CHUNK, N - first);
      if (copy) {
        f32.set(a.subarray(first, first + count), at.first >>> 2);
        f32.set(b.subarray(first, first + count), at.second >>> 2);
      }
      step(count);
    }
  };
}

const checks = (count) => {
  kernels.firstNonFinite(at.first, 0, count);
  kernels.firstNonFinite(at.second, 0, count);
};
const nothing = () => {};

function libraryCall(metric, truth, predictions) {
  return () => {
    metric.resetState();
    metric.updateState(truth, predictions);
    return metric.result();
  };
}

function stepsFor(kernel, truth, predictions, metric) {
  return [
    ['whole library call (resetState + updateState + result)', libraryCall(metric, truth, predictions)],
    ['chunked copy of both arrays', chunked(predictions, truth, true, nothing)],
    ['copy + non-finite checks', chunked(predictions, truth, true, checks)],
    ['copy + non-finite checks + kernel (the library path)', chunked(predictions, truth, true, (count) => { checks(count); kernel(count); })],
    ['copy + kernel (checks removed)', chunked(predictions, truth, true, kernel)],
    ['non-finite checks alone, chunk in L2', chunked(predictions, truth, false, checks)],
    ['kernel alone, chunk in L2', chunked(predictions, truth, false, kernel)],
  ];
}

const groups = [
  ['Precision (countAtThresholds, 1 threshold)',
    stepsFor((count) => kernels.countAtThresholds(at.first, at.second, 0, 0, count, at.threshold, 1, at.out),
      classification.labels, classification.predictions, new lib.Precision())],
  ['AUC (bucketHistogram, 200 thresholds)',
    stepsFor((count) => kernels.bucketHistogram(at.first, at.second, 0, 0, count, 200, 1, at.out),
      classification.labels, classification.predictions, new lib.AUC())],
  ['R2Score (r2Sums)',
    stepsFor((count) => kernels.r2Sums(at.second, at.first, 0, 0, count, 3, at.out),
      regression.targets, regression.predictions, new lib.R2Score())],
];

console.log(`Library path breakdown, N = ${N.toLocaleString('en-US')}, ${lib.kernelBuild()} kernels, median of ${ROUNDS} interleaved rounds`);
for (const [title, steps] of groups) {
  const medians = medianStepTimes(steps.map(([, fn]) => fn), ROUNDS);
  console.log(`\n${title}`);
  steps.forEach(([name], index) => {
    const ms = medians[index];
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(2).padStart(7)} ms  ${(N / ms / 1e3).toFixed(0).padStart(5)} M samples/s`);
  });
}
