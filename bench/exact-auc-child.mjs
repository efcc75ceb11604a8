// Child-process entry for the exact ROC AUC cases (exact-auc-cases.mjs).
//   node exact-auc-child.mjs [--library-only]   times every case in this fresh process
//                                                and prints the per-process medians as JSON;
//   node exact-auc-child.mjs --memory <case id>  makes one library call and prints how much
//                                                the wasm memory grew, per sample.
import os from 'node:os';
import * as core from '../dist/index.js';
import * as sklearn from '../dist/sklearn.js';
import { prepare, timeRounds } from './harness.mjs';
import { EXACT_AUC_CASES, EXACT_AUC_N, exactAucData } from './exact-auc-cases.mjs';

const lib = { ...core, ...sklearn };

// A call on 10^7 samples takes 0.05-2 s: a few warm-up calls (on top of the
// priming on short slices) are enough, and keep the run to minutes.
const WARMUP_CALLS = 3;
const MIN_REPS = 5;

const memoryIndex = process.argv.indexOf('--memory');
if (memoryIndex >= 0) {
  const kase = EXACT_AUC_CASES.find((candidate) => candidate.id === process.argv[memoryIndex + 1]);
  if (!kase) throw new Error(`unknown case ${process.argv[memoryIndex + 1]}`);
  const data = exactAucData();
  const inputs = kase.inputs(data);
  // Wasm memory counts as external memory, and so do array buffers: every data array
  // (the case's inputs and the rest) stays alive until after the second reading, and
  // collections (run with --expose-gc) keep other garbage out of the difference.
  const external = () => {
    globalThis.gc();
    return process.memoryUsage().external;
  };
  const before = external();
  const value = kase.library(lib)(...inputs);
  const grownBytes = external() - before;
  process.stdout.write(JSON.stringify({
    caseId: kase.id, n: EXACT_AUC_N, grownBytes, bytesPerSample: grownBytes / EXACT_AUC_N, value,
    // Read after the measurement, which keeps every data array alive through it.
    dataBytes: Object.values(data).reduce((total, array) => total + array.byteLength, 0),
  }));
} else {
  const plainJs = !process.argv.includes('--library-only');
  const data = exactAucData();
  const options = { minReps: MIN_REPS, minWarmupCalls: WARMUP_CALLS };
  const cases = {};
  for (const kase of EXACT_AUC_CASES) {
    const inputs = kase.inputs(data);
    const library = prepare((...arrays) => () => kase.library(lib)(...arrays), inputs, options);
    const plain = plainJs ? kase.js.map((variant) => prepare((...arrays) => () => variant.run(...arrays), inputs, options)) : [];
    const [libraryTiming, ...plainTimings] = timeRounds([library, ...plain]);
    cases[kase.id] = { library: libraryTiming, plainJs: plainTimings };
  }
  process.stdout.write(JSON.stringify({ kernelBuild: lib.kernelBuild(), plainJs, loadAverageAtEnd: os.loadavg()[0], cases }));
}
