// Sweeps over the keys rankSort leaves in ascending order: the Mann–Whitney
// numerator of ROC AUC, or the groups of equal scores (in descending order).
// A run is a stretch of equal scores: equal keys once the label bit (when the
// label rides in the key) is shifted out.
import {
  scoreOfKey, PLAN_MIN_KEY, PLAN_SHIFT, PLAN_KEY_BYTES, PLAN_SCORES_F64, PLAN_PAYLOAD,
  PLAN_COUNT, PLAN_SORTED_KEYS, PLAN_SORTED_PAYLOAD, PLAN_SWEEP, PAYLOAD_NONE, PAYLOAD_WEIGHTS,
} from "./rankkeys";

// The Mann–Whitney numerator, pairs = Σ over positive-negative pairs of
// w⁺·w⁻·([s⁺ > s⁻] + ½[s⁺ = s⁻]), swept over the sorted samples in order, one
// stretch at a time (the sort hands over each bucket while it is in cache). The
// running sums live in the plan between stretches.
const NEGATIVES = PLAN_SWEEP;
const NEGATIVES_BELOW = PLAN_SWEEP + 8;
const POSITIVES = PLAN_SWEEP + 16;
const TWICE_PAIRS = PLAN_SWEEP + 24;
const PREVIOUS = PLAN_SWEEP + 32;
/** The weighted sweep: total positive weight before the run. */
const POSITIVES_BELOW = PLAN_SWEEP + 40;
const STARTED = PLAN_SWEEP + 48;

export function startSweep(plan: usize): void {
  memory.fill(plan + PLAN_SWEEP, 0, 56);
}

/** Writes [pairs, positive weight, negative weight] as f64 at `out`. */
export function finishSweep(plan: usize, out: usize, weighted: bool): void {
  if (weighted) {
    // The last run's ties (a run with no samples adds 0·0).
    const lastRun = (load<f64>(plan + POSITIVES) - load<f64>(plan + POSITIVES_BELOW)) *
      (load<f64>(plan + NEGATIVES) - load<f64>(plan + NEGATIVES_BELOW));
    store<f64>(out, (load<f64>(plan + TWICE_PAIRS) + lastRun) * 0.5);
    store<f64>(out, load<f64>(plan + POSITIVES), 8);
    store<f64>(out, load<f64>(plan + NEGATIVES), 16);
  } else {
    store<f64>(out, <f64>load<i64>(plan + TWICE_PAIRS) * 0.5);
    store<f64>(out, <f64>load<i64>(plan + POSITIVES), 8);
    store<f64>(out, <f64>load<i64>(plan + NEGATIVES), 16);
  }
}

/**
 * Label in the key's low bit: within a run the negatives come first, so a
 * positive beats every negative before its run and ties with every negative in
 * it: 2·pairs gains (negatives before the run) + (negatives so far). Integer
 * counts keep the sum exact.
 */
export function sweepCounted<K>(plan: usize, keys: usize, from: i32, to: i32): void {
  let negatives = load<i64>(plan + NEGATIVES), negativesBelow = load<i64>(plan + NEGATIVES_BELOW);
  let positives = load<i64>(plan + POSITIVES), twicePairs = load<i64>(plan + TWICE_PAIRS);
  // All ones is never a run key (a key shifted right once), so the first sample starts a run.
  let previousRun: K = load<u32>(plan + STARTED) ? <K>load<u64>(plan + PREVIOUS) : <K>-1;
  for (let i = from; i < to; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    const run = key >> 1;
    const positive = <i64>(key & 1);
    negativesBelow = select<i64>(negatives, negativesBelow, run != previousRun);
    previousRun = run;
    twicePairs += (negatives + negativesBelow) & -positive;
    positives += positive;
    negatives += positive ^ 1;
  }
  store<i64>(plan + NEGATIVES, negatives);
  store<i64>(plan + NEGATIVES_BELOW, negativesBelow);
  store<i64>(plan + POSITIVES, positives);
  store<i64>(plan + TWICE_PAIRS, twicePairs);
  store<u64>(plan + PREVIOUS, <u64>previousRun);
  store<u32>(plan + STARTED, 1);
}

/**
 * Label in the weight's sign (negative = positive), any order within a run:
 * 2·pairs = Σ over positives of 2·w·(negatives below its run) + Σ over runs of
 * (the run's positive weight)·(its negative weight), each run closed when the
 * next starts (the last in finishSweep). A run's totals are differences of the
 * running totals since its start, whose rounding is below an ulp of the totals.
 * Float selects become branches in the engine, and labels are random: labels
 * split weights by multiplying with 0 or 1 (exact), and run starts choose
 * through integer selects on the totals' bits.
 */
export function sweepWeighted<K>(plan: usize, keys: usize, weights: usize, from: i32, to: i32): void {
  let negatives = load<f64>(plan + NEGATIVES), positives = load<f64>(plan + POSITIVES);
  let twicePairs = load<f64>(plan + TWICE_PAIRS);
  let negativesBelow = load<i64>(plan + NEGATIVES_BELOW), positivesBelow = load<i64>(plan + POSITIVES_BELOW);
  let previousKey = <K>load<u64>(plan + PREVIOUS);
  let started = load<u32>(plan + STARTED);
  for (let i = from; i < to; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    const newRun = <i32>(key != previousKey) | (started ^ 1);
    previousKey = key;
    const closing = <f64>(newRun & started);
    started = 1;
    twicePairs += closing * ((positives - reinterpret<f64>(positivesBelow)) * (negatives - reinterpret<f64>(negativesBelow)));
    negativesBelow = select<i64>(reinterpret<i64>(negatives), negativesBelow, newRun);
    positivesBelow = select<i64>(reinterpret<i64>(positives), positivesBelow, newRun);
    const signed = load<f64>(weights + (<usize>i << 3));
    const weight = Math.abs(signed);
    const positiveWeight = weight * <f64>(signed < 0);
    twicePairs += 2 * positiveWeight * reinterpret<f64>(negativesBelow);
    positives += positiveWeight;
    negatives += weight - positiveWeight;
  }
  store<f64>(plan + NEGATIVES, negatives);
  store<f64>(plan + POSITIVES, positives);
  store<f64>(plan + TWICE_PAIRS, twicePairs);
  store<i64>(plan + NEGATIVES_BELOW, negativesBelow);
  store<i64>(plan + POSITIVES_BELOW, positivesBelow);
  store<u64>(plan + PREVIOUS, <u64>previousKey);
  store<u32>(plan + STARTED, started);
}

// @ts-ignore: decorator
@inline function runKeyAt<K>(keys: usize, i: i32, labelBits: u32): K {
  return load<K>(keys + (<usize>i << alignof<K>())) >> <K>labelBits;
}

/** Number of distinct scores among the sorted samples. */
export function countScoreGroups(plan: usize): i32 {
  const keys = <usize>load<u32>(plan + PLAN_SORTED_KEYS);
  const n = <i32>load<u32>(plan + PLAN_COUNT);
  const labelBits: u32 = load<u32>(plan + PLAN_PAYLOAD) == PAYLOAD_NONE ? 1 : 0;
  return load<u32>(plan + PLAN_KEY_BYTES) == 8 ? countRuns<u64>(keys, n, labelBits) : countRuns<u32>(keys, n, labelBits);
}

function countRuns<K>(keys: usize, n: i32, labelBits: u32): i32 {
  if (n == 0) return 0;
  let runs = 1;
  let previous = runKeyAt<K>(keys, 0, labelBits);
  for (let i = 1; i < n; i++) {
    const run = runKeyAt<K>(keys, i, labelBits);
    runs += <i32>(run != previous);
    previous = run;
  }
  return runs;
}

/**
 * Writes up to `maxGroups` groups (score, positive weight, negative weight as f64
 * arrays), in descending score order, from the sorted samples below index `end`;
 * returns the index below which samples remain (0 when done). Groups end at run
 * boundaries, so calls continue where the last stopped.
 */
export function writeScoreGroups(plan: usize, end: i32, maxGroups: i32, scoresOut: usize, positivesOut: usize, negativesOut: usize): i32 {
  const f64Scores = load<u32>(plan + PLAN_SCORES_F64) != 0;
  if (load<u32>(plan + PLAN_KEY_BYTES) == 8) {
    return f64Scores ? groupsOf<f64, u64>(plan, end, maxGroups, scoresOut, positivesOut, negativesOut)
      : groupsOf<f32, u64>(plan, end, maxGroups, scoresOut, positivesOut, negativesOut);
  }
  return f64Scores ? groupsOf<f64, u32>(plan, end, maxGroups, scoresOut, positivesOut, negativesOut)
    : groupsOf<f32, u32>(plan, end, maxGroups, scoresOut, positivesOut, negativesOut);
}

function groupsOf<F, K>(plan: usize, end: i32, maxGroups: i32, scoresOut: usize, positivesOut: usize, negativesOut: usize): i32 {
  const keys = <usize>load<u32>(plan + PLAN_SORTED_KEYS);
  const payload = <usize>load<u32>(plan + PLAN_SORTED_PAYLOAD);
  const kind = load<u32>(plan + PLAN_PAYLOAD);
  const labelBits: u32 = kind == PAYLOAD_NONE ? 1 : 0;
  const lowest = load<u64>(plan + PLAN_MIN_KEY);
  const shift = <u64>load<u32>(plan + PLAN_SHIFT);
  let i = end - 1;
  for (let group = 0; group < maxGroups && i >= 0; group++) {
    const run = runKeyAt<K>(keys, i, labelBits);
    let positives = 0.0, negatives = 0.0;
    do {
      let positive: f64, weight: f64 = 1;
      if (kind == PAYLOAD_WEIGHTS) {
        const signed = load<f64>(payload + (<usize>i << 3));
        positive = <f64>(signed < 0);
        weight = Math.abs(signed);
      } else {
        positive = <f64>(load<K>(keys + (<usize>i << alignof<K>())) & 1);
      }
      positives += weight * positive;
      negatives += weight - weight * positive;
      i--;
    } while (i >= 0 && runKeyAt<K>(keys, i, labelBits) == run);
    store<f64>(scoresOut + (<usize>group << 3), scoreOfKey<F>((<u64>run << shift) + lowest));
    store<f64>(positivesOut + (<usize>group << 3), positives);
    store<f64>(negativesOut + (<usize>group << 3), negatives);
  }
  return i + 1;
}
