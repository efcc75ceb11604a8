// Exact ROC AUC in plain JS: the sort-based ways a performance-minded author
// would write it, each returning pairs / (positives · negatives) where pairs is
// the Mann–Whitney numerator (ties count half). Labels are 0/1 bytes; weights,
// where taken, are non-negative and samples of weight 0 are dropped.

const SIGN = 0x80000000;

/** Order-preserving unsigned key of float32 bits; -0 and +0 share one. */
function key32(bits) {
  const negative = bits >> 31;
  return (SIGN + (((bits & 0x7fffffff) ^ negative) - negative)) >>> 0;
}

/**
 * Native TypedArray sorts: the scores of each class sorted separately
 * (`TypedArray.prototype.sort`, numeric, in C++), then one merge: each run of
 * equal positive scores beats the negatives below it and ties with those equal.
 * Works for Float32Array and Float64Array scores.
 */
export function aucSortPerClass(scores, labels) {
  const n = scores.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i];
  const negatives = n - positives;
  const Scores = scores.constructor;
  const positive = new Scores(positives), negative = new Scores(negatives);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (labels[i]) positive[p++] = scores[i];
    else negative[q++] = scores[i];
  }
  positive.sort();
  negative.sort();
  let pairs = 0, below = 0, notAbove = 0;
  for (let i = 0; i < positives;) {
    const score = positive[i];
    let end = i + 1;
    while (end < positives && positive[end] === score) end++;
    while (below < negatives && negative[below] < score) below++;
    if (notAbove < below) notAbove = below;
    while (notAbove < negatives && negative[notAbove] === score) notAbove++;
    pairs += (end - i) * (below + (notAbove - below) / 2);
    i = end;
  }
  return pairs / (positives * negatives);
}

/**
 * One native sort of float32 scores widened to float64, whose 29 spare low
 * mantissa bits hold the label (bit 0); a sweep then groups equal scores
 * (ignoring that bit), labels in any order within a group.
 */
export function aucPackedSort(scores, labels) {
  const n = scores.length;
  const packed = new Float64Array(n);
  const words = new Uint32Array(packed.buffer);
  for (let i = 0; i < n; i++) {
    packed[i] = scores[i] + 0; // + 0 turns -0 into +0
    words[2 * i] |= labels[i];
  }
  packed.sort();
  let negatives = 0, negativesBelow = 0, runPositives = 0, twicePairs = 0, positives = 0;
  let previousHigh = -1, previousLow = -1;
  for (let i = 0; i < n; i++) {
    const low = words[2 * i], high = words[2 * i + 1];
    const scoreLow = low & ~1;
    if (high !== previousHigh || scoreLow !== previousLow) {
      negativesBelow = negatives;
      runPositives = 0;
      previousHigh = high;
      previousLow = scoreLow;
    }
    if (low & 1) {
      twicePairs += negatives + negativesBelow;
      runPositives++;
      positives++;
    } else {
      twicePairs += runPositives;
      negatives++;
    }
  }
  return twicePairs / 2 / (positives * negatives);
}

/**
 * Weighted: a native sort of float32 scores widened to float64 with each
 * sample's index in the 29 spare low mantissa bits (N < 2^29); the sweep looks
 * up the label and weight by index.
 */
export function aucPackedSortWeighted(scores, labels, weights) {
  const n = scores.length;
  if (n >= 2 ** 29) throw new RangeError('aucPackedSortWeighted: the index needs N < 2^29');
  const packed = new Float64Array(n);
  const words = new Uint32Array(packed.buffer);
  for (let i = 0; i < n; i++) {
    packed[i] = scores[i] + 0;
    words[2 * i] |= i;
  }
  packed.sort();
  const INDEX = 0x1fffffff;
  let negatives = 0, negativesBelow = 0, runPositives = 0, twicePairs = 0, positives = 0;
  let previousHigh = -1, previousLow = -1;
  for (let i = 0; i < n; i++) {
    const low = words[2 * i], high = words[2 * i + 1];
    const index = low & INDEX, weight = weights[index];
    if (weight === 0) continue;
    const scoreLow = low & ~INDEX;
    if (high !== previousHigh || scoreLow !== previousLow) {
      negativesBelow = negatives;
      runPositives = 0;
      previousHigh = high;
      previousLow = scoreLow;
    }
    if (labels[index]) {
      twicePairs += weight * (negatives + negativesBelow);
      runPositives += weight;
      positives += weight;
    } else {
      twicePairs += weight * runPositives;
      negatives += weight;
    }
  }
  return twicePairs / 2 / (positives * negatives);
}

/**
 * Counts the digits of 32-bit keys (11, 11 and 10 bits) in one pass, then one
 * stable counting-sort pass per digit that is not the same in every key;
 * `payload` (a typed array or undefined) moves with the keys. Returns the sorted
 * keys and payload (the input arrays are reused as buffers).
 */
function radixSort32(keys, payload) {
  const n = keys.length;
  const counts = [new Uint32Array(2048), new Uint32Array(2048), new Uint32Array(1024)];
  const [low, middle, high] = counts;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    low[key & 2047]++;
    middle[(key >>> 11) & 2047]++;
    high[key >>> 22]++;
  }
  let source = keys, target = new Uint32Array(n);
  let sourcePayload = payload, targetPayload = payload && new payload.constructor(n);
  for (let digit = 0; digit < 3; digit++) {
    const offsets = counts[digit];
    if (offsets.includes(n)) continue;
    let total = 0;
    for (let bucket = 0; bucket < offsets.length; bucket++) {
      const count = offsets[bucket];
      offsets[bucket] = total;
      total += count;
    }
    const shift = 11 * digit, mask = offsets.length - 1;
    if (payload) {
      for (let i = 0; i < n; i++) {
        const at = offsets[(source[i] >>> shift) & mask]++;
        target[at] = source[i];
        targetPayload[at] = sourcePayload[i];
      }
      [sourcePayload, targetPayload] = [targetPayload, sourcePayload];
    } else {
      for (let i = 0; i < n; i++) target[offsets[(source[i] >>> shift) & mask]++] = source[i];
    }
    [source, target] = [target, source];
  }
  return { keys: source, payload: sourcePayload };
}

/** Smallest and largest float32 key. */
function keyRange(bits) {
  let lowest = 0xffffffff, highest = 0;
  for (let i = 0; i < bits.length; i++) {
    const key = key32(bits[i]);
    if (key < lowest) lowest = key;
    if (key > highest) highest = key;
  }
  return { lowest, highest };
}

/**
 * LSD radix sort of float32 scores in plain JS: the key's offset from the
 * smallest key, with the label appended as its low bit (so negatives sort first
 * within a score), needs the scores' key range below 2^31 (true for probabilities);
 * then one sweep.
 */
export function aucRadixSort(scores, labels) {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  const { lowest, highest } = keyRange(bits);
  if (highest - lowest >= 2 ** 31) throw new RangeError('aucRadixSort: the scores span more than 2^31 keys');
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((key32(bits[i]) - lowest) * 2 + labels[i]) >>> 0;
  const sorted = radixSort32(keys).keys;
  let negatives = 0, negativesBelow = 0, twicePairs = 0, previousRun = -1;
  for (let i = 0; i < n; i++) {
    const key = sorted[i], run = key >>> 1;
    if (run !== previousRun) {
      negativesBelow = negatives;
      previousRun = run;
    }
    if (key & 1) twicePairs += negatives + negativesBelow;
    else negatives++;
  }
  return twicePairs / 2 / ((n - negatives) * negatives);
}

/**
 * Weighted LSD radix sort of float32 scores in plain JS: keys as in aucRadixSort
 * without the label, each weight (negated for positives) moving with its key;
 * zero weights dropped before sorting.
 */
export function aucRadixSortWeighted(scores, labels, weights) {
  const n = scores.length;
  const bits = new Uint32Array(scores.buffer, scores.byteOffset, n);
  const { lowest } = keyRange(bits);
  let kept = 0;
  for (let i = 0; i < n; i++) kept += weights[i] !== 0 ? 1 : 0;
  const keys = new Uint32Array(kept), signed = new Float64Array(kept);
  for (let i = 0, j = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    keys[j] = (key32(bits[i]) - lowest) >>> 0;
    signed[j++] = labels[i] ? -weights[i] : weights[i];
  }
  const sorted = radixSort32(keys, signed);
  let negatives = 0, negativesBelow = 0, runPositives = 0, twicePairs = 0, positives = 0, previousKey = -1;
  for (let i = 0; i < kept; i++) {
    const key = sorted.keys[i], weight = sorted.payload[i];
    if (key !== previousKey) {
      negativesBelow = negatives;
      runPositives = 0;
      previousKey = key;
    }
    if (weight < 0) {
      twicePairs -= weight * (negatives + negativesBelow);
      runPositives -= weight;
      positives -= weight;
    } else {
      twicePairs += weight * runPositives;
      negatives += weight;
    }
  }
  return twicePairs / 2 / (positives * negatives);
}
