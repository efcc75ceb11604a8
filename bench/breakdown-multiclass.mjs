// Diagnostic (not part of `npm run bench`): where the library's time goes for
// the two multiclass key rows, CategoricalAccuracy on 1e6 rows x 10 classes
// and MeanIoU on 1e7 class id pairs, by replaying src/wasm/feed-classes.ts and
// src/wasm/feed-pairs.ts step by step on the raw kernels of
// build/kernels.simd.wasm: the chunked copy, the kernel's own non-finite pass
// and the rest of the kernel. Steps are timed in interleaved rounds so that
// background load affects every step alike. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import * as lib from '../dist/index.js';
import { classRowsData, classIdPairsData } from './data.mjs';
import { medianStepTimes, PRIME_CALLS, PRIME_LENGTH } from './harness.mjs';
import { categoricalAccuracyArgmax, categoricalAccuracyTargetRank, meanIoUFloat64 } from './baselines-js-multiclass.mjs';

const CLASSES = 10;
const ROWS = 1_000_000;
const PAIRS = 10_000_000;
const CHUNK = 16384; // CHUNK_ELEMENTS in src/wasm/arena.ts
const ROUNDS = 11;
// Flags of confusionMatrixCounts for MeanIoU's default dtype 'int' (src/metrics/iou.ts) and the int32 id kind.
const INT_DTYPE_FLAGS = 1 | 4;
const IDS_I32 = 1;

const wasmBytes = readFileSync(new URL('../build/kernels.simd.wasm', import.meta.url));
const kernels = (await WebAssembly.instantiate(wasmBytes, {})).instance.exports;
const base = kernels.heapBase() >>> 0;
// Two chunk regions, scratch for the id and count copies, and an output area.
const at = { first: base, second: base + CHUNK * 8, scratch: base + 2 * CHUNK * 8, out: base + 4 * CHUNK * 8 };
kernels.ensureMemory(at.out + 8192);
const memory = kernels.memory.buffer;
const f32 = new Float32Array(memory), i32 = new Int32Array(memory);

const rows = classRowsData(ROWS, CLASSES);
const pairs = classIdPairsData(PAIRS, CLASSES);

/** Runs `step(count)` per chunk of `unit` values per sample after copying both inputs' chunk (when `copy`). */
function chunked(view, a, b, samples, chunkSamples, unit, copy, step) {
  return () => {
    for (let first = 0; first < samples; first += chunkSamples) {
      const count = Math.min(chunkSamples, samples - first);
      if (copy) {
        view.set(a.subarray(first * unit, (first + count) * unit), at.first >>> 2);
        view.set(b.subarray(first * unit, (first + count) * unit), at.second >>> 2);
      }
      step(count);
    }
  };
}

/** A plain-JS call, primed on small slices first (see harness.mjs: a first full-size call deoptimises later ones). */
function plainJs(fn, inputs, valuesPerSample) {
  const small = inputs.map((array) => array.subarray(0, PRIME_LENGTH * valuesPerSample(array)));
  for (let i = 0; i < PRIME_CALLS; i++) fn(...small);
  return () => fn(...inputs);
}

function libraryCall(metric, yTrue, yPred) {
  return () => {
    metric.resetState();
    metric.updateState(yTrue, yPred);
    return metric.result();
  };
}

// CategoricalAccuracy: 1638 whole rows per chunk, predictions and one-hot labels as f32.
const rowsPerChunk = Math.floor(CHUNK / CLASSES);
const rowSteps = (copy, step) => chunked(f32, rows.probabilities, rows.oneHot, ROWS, rowsPerChunk, CLASSES, copy, step);
const rowChecks = (count) => {
  kernels.firstNonFinite(at.first, 0, count * CLASSES);
  kernels.firstNonFinite(at.second, 0, count * CLASSES);
};
const rowKernel = (count) => kernels.classTargetHits(at.first, at.second, CLASSES, 0, count, CLASSES, 1, 1, at.out);
const nothing = () => {};
const shaped = (data) => ({ data, shape: [ROWS, CLASSES] });
const rowInputs = [rows.oneHot, rows.probabilities];
const perRow = () => CLASSES;

// MeanIoU: 16384 pairs per chunk, both sides int32 ids copied as they are.
const pairSteps = (copy, step) => chunked(i32, pairs.labels, pairs.predictions, PAIRS, CHUNK, 1, copy, step);
const pairKernel = (count) => kernels.confusionMatrixCounts(at.first, IDS_I32, 1, at.second, IDS_I32, 1, 0, count,
  CLASSES, 0, INT_DTYPE_FLAGS, 0, at.scratch, at.scratch, at.scratch, at.out);

const groups = [
  [`CategoricalAccuracy, ${ROWS.toLocaleString('en-US')} rows x ${CLASSES} classes (classTargetHits, ${rowsPerChunk} rows per chunk)`, ROWS, [
    ['whole library call (resetState + updateState + result)',
      libraryCall(new lib.CategoricalAccuracy(), shaped(rows.oneHot), shaped(rows.probabilities))],
    ['chunked copy of both arrays', rowSteps(true, nothing)],
    ['copy + kernel (the library path)', rowSteps(true, rowKernel)],
    ['kernel alone, chunk in L2', rowSteps(false, rowKernel)],
    ['  of which its non-finite pass (firstNonFinite x 2)', rowSteps(false, rowChecks)],
    ['plain JS, argmax per row', plainJs((labels, scores) => categoricalAccuracyArgmax(labels, scores, CLASSES), rowInputs, perRow)],
    ['plain JS, label argmax + target rank',
      plainJs((labels, scores) => categoricalAccuracyTargetRank(labels, scores, CLASSES), rowInputs, perRow)],
  ]],
  [`MeanIoU, ${PAIRS.toLocaleString('en-US')} int32 id pairs, ${CLASSES} classes (confusionMatrixCounts, ${CHUNK} pairs per chunk)`, PAIRS, [
    ['whole library call (resetState + updateState + result)',
      libraryCall(new lib.MeanIoU({ numClasses: CLASSES }), pairs.labels, pairs.predictions)],
    ['chunked copy of both arrays', pairSteps(true, nothing)],
    ['copy + kernel (the library path)', pairSteps(true, pairKernel)],
    ['kernel alone, chunk in L2', pairSteps(false, pairKernel)],
    ['plain JS, Float64Array(100) matrix',
      plainJs((labels, predictions) => meanIoUFloat64(labels, predictions, CLASSES), [pairs.labels, pairs.predictions], () => 1)],
  ]],
];

console.log(`Library path breakdown, ${lib.kernelBuild()} kernels, median of ${ROUNDS} interleaved rounds`);
for (const [title, samples, steps] of groups) {
  const medians = medianStepTimes(steps.map(([, fn]) => fn), ROUNDS);
  console.log(`\n${title}`);
  steps.forEach(([name], index) => {
    const ms = medians[index];
    console.log(`  ${name.padEnd(56)} ${ms.toFixed(2).padStart(7)} ms  ${(samples / ms / 1e3).toFixed(0).padStart(5)} M samples/s`);
  });
}
