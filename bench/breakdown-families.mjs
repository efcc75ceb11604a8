// Diagnostic (not part of `npm run bench`): where the library's time goes for
// the family rows where plain JS could win (LogCoshError, MeanAbsolutePercentageError,
// Mean), by replaying src/wasm/feed.ts (feedRegression) and
// src/wasm/feed-values.ts (feedValues) step by step on the raw kernels of
// build/kernels.simd.wasm: the chunked copy into wasm memory and the kernel.
// N = 10^7 elements for all three, so per-element costs compare directly.
// Steps and the plain-JS loop are timed in interleaved rounds so that
// background load affects them alike. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import * as lib from '../dist/index.js';
import { regressionData } from './data.mjs';
import { medianStepTimes, PRIME_CALLS, PRIME_LENGTH } from './harness.mjs';
import { logCoshError, meanAbsolutePercentageError, mean } from './baselines-js-families.mjs';

const N = 10_000_000;
const CHUNK = 16384; // CHUNK_ELEMENTS in src/wasm/arena.ts
const ROUNDS = 11;
// Operation codes of elementLossSums (ELEMENT_LOSS in src/metrics/loss-mean.ts).
const PERCENTAGE_ERROR = 2;
const LOG_COSH = 4;

const wasmBytes = readFileSync(new URL('../build/kernels.simd.wasm', import.meta.url));
const kernels = (await WebAssembly.instantiate(wasmBytes, {})).instance.exports;
const base = kernels.heapBase() >>> 0;
// Two chunk regions of f64 size and an output area, laid out like the library's arena.
const at = { first: base, second: base + CHUNK * 8, out: base + 2 * CHUNK * 8 };
kernels.ensureMemory(at.out + 64);
const f32 = new Float32Array(kernels.memory.buffer), f64 = new Float64Array(kernels.memory.buffer);

const { targets, predictions } = regressionData(N);

/** Runs `step(count)` per chunk after `copy(first, count)` (when given), as the feed loops do. */
function chunked(copy, step) {
  return () => {
    for (let first = 0; first < N; first += CHUNK) {
      const count = Math.min(CHUNK, N - first);
      if (copy) copy(first, count);
      step(count);
    }
  };
}

const copyPair = (first, count) => {
  f32.set(targets.subarray(first, first + count), at.first >>> 2);
  f32.set(predictions.subarray(first, first + count), at.second >>> 2);
};
// feedValues copies float32 values as they are; widening them in the copy (TypedArray.prototype.set across
// element types) is the comparison.
const copyWidened = (first, count) => f64.set(predictions.subarray(first, first + count), at.first >>> 3);
const copySameType = (first, count) => f32.set(predictions.subarray(first, first + count), at.first >>> 2);
const nothing = () => {};

/** A plain-JS call, primed on small slices first (see harness.mjs). */
function plainJs(fn, inputs) {
  const small = inputs.map((array) => array.subarray(0, PRIME_LENGTH));
  for (let i = 0; i < PRIME_CALLS; i++) fn(...small);
  return () => fn(...inputs);
}

function libraryCall(metric, ...inputs) {
  return () => {
    metric.resetState();
    metric.updateState(...inputs);
    return metric.result();
  };
}

const column = (data) => ({ data, shape: [data.length, 1] });

function lossSteps(op, metric, plain) {
  const kernel = (count) => kernels.elementLossSums(op, at.first, at.second, 0, 0, count, 0, at.out);
  return [
    ['whole library call (resetState + updateState + result)', libraryCall(metric, column(targets), column(predictions))],
    ['plain JS loop', plainJs(plain, [targets, predictions])],
    ['chunked copy of both arrays', chunked(copyPair, nothing)],
    ['copy + elementLossSums (the library path)', chunked(copyPair, kernel)],
    ['elementLossSums alone, chunk in L2', chunked(null, kernel)],
  ];
}

const meanKernel = (count) => kernels.weightedValueSums(at.first, 0, 0, count, at.out);
const groups = [
  ['LogCoshError (elementLossSums, scalar loop: exp and log1p per element)',
    lossSteps(LOG_COSH, new lib.LogCoshError(), logCoshError)],
  ['MeanAbsolutePercentageError (elementLossSums, two elements per step, one division each)',
    lossSteps(PERCENTAGE_ERROR, new lib.MeanAbsolutePercentageError(), meanAbsolutePercentageError)],
  ['Mean (feedValues: f32 copied as it is, weightedValueSums widens in the kernel)', [
    ['whole library call (resetState + updateState + result)', libraryCall(new lib.Mean(), predictions)],
    ['plain JS loop, 4 accumulators', plainJs(mean, [predictions])],
    ['chunked f32 copy (the library path)', chunked(copySameType, nothing)],
    ['chunked copy + weightedValueSums (the library path)', chunked(copySameType, meanKernel)],
    ['weightedValueSums alone, chunk in L2', chunked(null, meanKernel)],
    ['for comparison: chunked copy widened to f64', chunked(copyWidened, nothing)],
  ]],
];

console.log(`Library path breakdown, N = ${N.toLocaleString('en-US')} elements, ${lib.kernelBuild()} kernels, median of ${ROUNDS} interleaved rounds`);
for (const [title, steps] of groups) {
  const medians = medianStepTimes(steps.map(([, fn]) => fn), ROUNDS);
  console.log(`\n${title}`);
  steps.forEach(([name], index) => {
    const ms = medians[index];
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(2).padStart(7)} ms  ${(ms * 1e6 / N).toFixed(2).padStart(5)} ns/element`);
  });
}
