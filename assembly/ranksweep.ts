// Sweeps over the keys rankSort left in ascending order: the Mann–Whitney
// numerator of ROC AUC, or the groups of equal scores (in descending order).
// A run is a stretch of equal scores: equal keys once the label bit (the low
// bit when unweighted) is shifted out.
import {
  scoreOfKey, PLAN_MIN_KEY, PLAN_SHIFT, PLAN_KEY_BYTES, PLAN_SCORES_F64,
  PLAN_COUNT, PLAN_SORTED_KEYS, PLAN_SORTED_WEIGHTS,
} from "./rankkeys";

/**
 * Writes [pairs, positive weight, negative weight] as f64 at `out`, where pairs =
 * Σ over positive-negative pairs of w⁺·w⁻·([s⁺ > s⁻] + ½[s⁺ = s⁻]).
 */
export function rocAucFromSorted(plan: usize, out: usize): void {
  const keys = <usize>load<u32>(plan + PLAN_SORTED_KEYS);
  const weights = <usize>load<u32>(plan + PLAN_SORTED_WEIGHTS);
  const n = <i32>load<u32>(plan + PLAN_COUNT);
  const wide = load<u32>(plan + PLAN_KEY_BYTES) == 8;
  if (weights) {
    if (wide) weightedSums<u64>(keys, weights, n, out);
    else weightedSums<u32>(keys, weights, n, out);
  } else if (wide) countedSums<u64>(keys, n, out);
  else countedSums<u32>(keys, n, out);
}

/**
 * Unweighted: the label is the key's low bit, so within a run the negatives come
 * first. A positive then beats every negative before its run and ties with every
 * negative in it: 2·pairs gains (negatives before the run) + (negatives so far).
 * Integer counts keep the sum exact.
 */
function countedSums<K>(keys: usize, n: i32, out: usize): void {
  let negatives: i64 = 0, negativesBelow: i64 = 0, positives: i64 = 0, twicePairs: i64 = 0;
  // All ones is never a run key (a key shifted right once).
  let previousRun: K = <K>-1;
  for (let i = 0; i < n; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    const run = key >> 1;
    const positive = <i64>(key & 1);
    negativesBelow = select<i64>(negatives, negativesBelow, run != previousRun);
    previousRun = run;
    twicePairs += (negatives + negativesBelow) & -positive;
    positives += positive;
    negatives += positive ^ 1;
  }
  store<f64>(out, <f64>twicePairs * 0.5);
  store<f64>(out, <f64>positives, 8);
  store<f64>(out, <f64>negatives, 16);
}

/**
 * Weighted (label in the weight's sign, negative = positive), any order within a
 * run: each tied pair is counted when its later member is reached.
 * A positive adds w·(2·negatives below its run + this run's negatives so far);
 * a negative adds w·(this run's positives so far), each tie counting half.
 */
function weightedSums<K>(keys: usize, weights: usize, n: i32, out: usize): void {
  let negatives = 0.0, negativesBelow = 0.0, positives = 0.0, runPositives = 0.0, twicePairs = 0.0;
  let previousKey: K = 0;
  for (let i = 0; i < n; i++) {
    const key = load<K>(keys + (<usize>i << alignof<K>()));
    const newRun = i == 0 || key != previousKey;
    previousKey = key;
    negativesBelow = select<f64>(negatives, negativesBelow, newRun);
    runPositives = select<f64>(0, runPositives, newRun);
    const signed = load<f64>(weights + (<usize>i << 3));
    const weight = Math.abs(signed);
    const positive = signed < 0;
    twicePairs += weight * select<f64>(negatives + negativesBelow, runPositives, positive);
    positives += select<f64>(weight, 0, positive);
    runPositives += select<f64>(weight, 0, positive);
    negatives += select<f64>(0, weight, positive);
  }
  store<f64>(out, twicePairs * 0.5);
  store<f64>(out, positives, 8);
  store<f64>(out, negatives, 16);
}

// @ts-ignore: decorator
@inline function runKeyAt<K>(keys: usize, i: i32, labelBits: u32): K {
  return load<K>(keys + (<usize>i << alignof<K>())) >> <K>labelBits;
}

/** Number of distinct scores among the sorted samples. */
export function countScoreGroups(plan: usize): i32 {
  const keys = <usize>load<u32>(plan + PLAN_SORTED_KEYS);
  const n = <i32>load<u32>(plan + PLAN_COUNT);
  const labelBits: u32 = load<u32>(plan + PLAN_SORTED_WEIGHTS) ? 0 : 1;
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
  const weights = <usize>load<u32>(plan + PLAN_SORTED_WEIGHTS);
  const labelBits: u32 = weights ? 0 : 1;
  const lowest = load<u64>(plan + PLAN_MIN_KEY);
  const shift = <u64>load<u32>(plan + PLAN_SHIFT);
  let i = end - 1;
  for (let group = 0; group < maxGroups && i >= 0; group++) {
    const run = runKeyAt<K>(keys, i, labelBits);
    let positives = 0.0, negatives = 0.0;
    do {
      let positive: bool, weight: f64;
      if (weights) {
        const signed = load<f64>(weights + (<usize>i << 3));
        positive = signed < 0;
        weight = Math.abs(signed);
      } else {
        positive = (load<K>(keys + (<usize>i << alignof<K>())) & 1) != 0;
        weight = 1;
      }
      positives += select<f64>(weight, 0, positive);
      negatives += select<f64>(0, weight, positive);
      i--;
    } while (i >= 0 && runKeyAt<K>(keys, i, labelBits) == run);
    store<f64>(scoresOut + (<usize>group << 3), scoreOfKey<F>((<u64>run << shift) + lowest));
    store<f64>(positivesOut + (<usize>group << 3), positives);
    store<f64>(negativesOut + (<usize>group << 3), negatives);
  }
  return i + 1;
}
