// Combines per-process timings of one row: the median of the per-process
// medians with their min-max range, and per-process ratios, which pair the
// library and a baseline timed in the same process (and so under the same JIT
// decisions and background load).
import { median } from './harness.mjs';

export function summarise(values) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

/** One row from its timings in several processes (same order as the processes ran). */
export function acrossProcesses(runs) {
  const medians = summarise(runs.map((run) => run.medianMs));
  return {
    medianMs: medians.median, minMs: medians.min, maxMs: medians.max, rangeOf: 'processes',
    processCount: runs.length, reps: runs.map((run) => run.reps),
    value: runs[0].value,
    // The data and the code are deterministic, so every process must compute the same value.
    valuesAgree: runs.every((run) => Object.is(run.value, runs[0].value)),
    perProcess: runs,
  };
}

/** baseline median / library median within each process. */
export function perProcessRatios(baselineRuns, libraryRuns) {
  return baselineRuns.map((run, index) => run.medianMs / libraryRuns[index].medianMs);
}
