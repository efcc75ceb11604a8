// Timing: process.hrtime.bigint, a warm-up bounded by both call count and
// time (V8 runs new wasm in Liftoff and tiers up in the background, so a
// count-only warm-up can time the baseline tier), then the median of
// repeated calls.

export const WARMUP_MIN_CALLS = 10;
export const WARMUP_MIN_MS = 150;
// Priming: many calls on a small odd-length slice before the first full-size
// call. A first call on 1e6+ samples makes V8 optimise the hot loop by on-stack
// replacement without type feedback for the code after it; in V8 11.3 that OSR
// code then deoptimises on every later call (the R2 loop ran 5x slower).
export const PRIME_CALLS = 500;
export const PRIME_LENGTH = 257;

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(now() - start) / 1e6;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** More repetitions for fast calls (where noise is relatively larger), fewer for slow ones. */
function repetitionsFor(callMs, minReps) {
  if (callMs < 100) return 15;
  if (callMs < 400) return 9;
  return minReps;
}

/**
 * Primes and warms up the function `makeCall(...inputs)` returns (one metric
 * evaluation, returning its value); priming uses PRIME_LENGTH-sample slices,
 * or `primeInputs` when a sample spans several values (rows of class scores).
 * `minReps` is 7 except for slow TF.js rows, which may use 3. A row whose first
 * full-size call exceeds `skipIfFirstCallOverMs` is marked skipped to bound the run time.
 * `minWarmupCalls` lowers the warm-up count for rows whose calls take a second
 * (the time bound still applies).
 */
export function prepare(makeCall, inputs, { minReps = 7, skipIfFirstCallOverMs = Infinity, primeInputs, minWarmupCalls = WARMUP_MIN_CALLS } = {}) {
  const primeCall = makeCall(...(primeInputs ?? inputs.map((array) => array.subarray(0, PRIME_LENGTH))));
  for (let i = 0; i < PRIME_CALLS; i++) primeCall();
  const fn = makeCall(...inputs);
  let start = now();
  let value = fn();
  const firstCallMs = msSince(start);
  if (firstCallMs > skipIfFirstCallOverMs) {
    return { skipped: `first call took ${(firstCallMs / 1000).toFixed(1)} s (limit ${skipIfFirstCallOverMs / 1000} s)`, firstCallMs, value };
  }
  let warmupCalls = 1;
  let warmupMs = firstCallMs;
  let lastCallMs = firstCallMs;
  while (warmupCalls < minWarmupCalls || warmupMs < WARMUP_MIN_MS) {
    start = now();
    value = fn();
    lastCallMs = msSince(start);
    warmupMs += lastCallMs;
    warmupCalls++;
  }
  return { fn, reps: repetitionsFor(lastCallMs, minReps), warmupCalls, warmupMs, firstCallMs, value };
}

/**
 * Times prepared rows round-robin (one call of each row per round) so that
 * background load on the machine hits the compared rows alike; returns each
 * row's median and spread.
 */
export function timeRounds(prepared) {
  const samples = prepared.map(() => []);
  const rounds = Math.max(0, ...prepared.map((row) => (row.skipped ? 0 : row.reps)));
  for (let round = 0; round < rounds; round++) {
    prepared.forEach((row, index) => {
      if (row.skipped || round >= row.reps) return;
      const start = now();
      row.value = row.fn();
      samples[index].push(msSince(start));
    });
  }
  return prepared.map(({ fn: _fn, ...row }, index) => (row.skipped ? row : {
    ...row, medianMs: median(samples[index]), minMs: Math.min(...samples[index]), maxMs: Math.max(...samples[index]),
  }));
}

/**
 * The breakdown diagnostics' timing: each step warmed up (at least
 * WARMUP_MIN_CALLS calls and WARMUP_MIN_MS), then one call of every step per
 * round, so background load hits the steps alike. Returns each step's median ms.
 */
export function medianStepTimes(steps, rounds) {
  for (const step of steps) {
    const start = performance.now();
    for (let calls = 0; calls < WARMUP_MIN_CALLS || performance.now() - start < WARMUP_MIN_MS; calls++) step();
  }
  const samples = steps.map(() => []);
  for (let round = 0; round < rounds; round++) {
    steps.forEach((step, index) => {
      const start = now();
      step();
      samples[index].push(msSince(start));
    });
  }
  return samples.map(median);
}

/** prepare + timeRounds for a single row. */
export function measure(makeCall, inputs, options) {
  return timeRounds([prepare(makeCall, inputs, options)])[0];
}
