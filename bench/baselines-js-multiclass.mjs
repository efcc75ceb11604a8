// Plain-JS baselines for the multiclass, crossentropy and hinge cases: tight
// typed-array loops computing the library's number (Keras's formulas and
// constants, float64 sums). Scores and labels are float32 values read into
// doubles, so comparing them in JS gives the same answers as the kernels'
// float32 comparisons.

/** Keras's backend epsilon in the F-score and IoU results. */
const EPSILON = 1e-7;
/** Keras clips probabilities with float32 constants. */
const CLIP_LOW = Math.fround(1e-7);
const CLIP_HIGH = Math.fround(1 - 1e-7);
/** Keras's F-score row-maximum rule ignores entries with |y_pred| <= 1e-9 (float32). */
const ROW_MAX_FLOOR = Math.fround(1e-9);
/** Keras's IoU threshold for a class being present. */
const PRESENT = 1e-9;

/** Index of the first largest of `classes` values starting at `at` (numpy/Keras argmax). */
function argmaxAt(values, at, classes) {
  let best = 0, bestValue = values[at];
  for (let j = 1; j < classes; j++) {
    const x = values[at + j];
    if (x > bestValue) {
      bestValue = x;
      best = j;
    }
  }
  return best;
}

/** The obvious loop: argmax of the scores and of the label row, compared. */
export function categoricalAccuracyArgmax(labels, scores, classes) {
  const rows = scores.length / classes;
  let hits = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    hits += +(argmaxAt(scores, at, classes) === argmaxAt(labels, at, classes));
  }
  return rows === 0 ? 0 : hits / rows;
}

/**
 * Whether the target class's score wins its row: no score is larger, and none
 * at a lower index is equal (argmax's first-index rule). One predictable pass
 * instead of a running argmax whose updates mispredict on random scores.
 */
function targetWins(scores, at, classes, target) {
  const score = scores[at + target];
  let wins = 1;
  for (let j = 0; j < target; j++) wins &= +(scores[at + j] < score);
  for (let j = target + 1; j < classes; j++) wins &= +(scores[at + j] <= score);
  return wins;
}

/** The fastest form measured: argmax of the label row, then whether its score wins the row. */
export function categoricalAccuracyTargetRank(labels, scores, classes) {
  const rows = scores.length / classes;
  let hits = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    hits += targetWins(scores, at, classes, argmaxAt(labels, at, classes));
  }
  return rows === 0 ? 0 : hits / rows;
}

export function sparseCategoricalAccuracyArgmax(ids, scores, classes) {
  const rows = ids.length;
  let hits = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) hits += +(argmaxAt(scores, at, classes) === ids[row]);
  return rows === 0 ? 0 : hits / rows;
}

export function sparseCategoricalAccuracyTargetRank(ids, scores, classes) {
  const rows = ids.length;
  let hits = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    const id = ids[row];
    // An id outside [0, classes) is a miss and must not index another row.
    const valid = +((id >>> 0) < classes);
    hits += valid & targetWins(scores, at, classes, valid ? id : 0);
  }
  return rows === 0 ? 0 : hits / rows;
}

/** Keras in_top_k: a hit when fewer than k scores are strictly larger than the target's (ties are hits). */
export function sparseTopKAccuracy(ids, scores, classes, k) {
  const rows = ids.length;
  let hits = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    const id = ids[row];
    const valid = +((id >>> 0) < classes);
    const score = scores[at + (valid ? id : 0)];
    let larger = 0;
    for (let j = 0; j < classes; j++) larger += +(scores[at + j] > score);
    hits += valid & +(larger < k);
  }
  return rows === 0 ? 0 : hits / rows;
}

/** Keras MeanIoU from a row-major confusion matrix (rows: true class), epsilons included; shared with TF.js. */
export function meanIoUFromMatrix(matrix, classes) {
  let total = 0, present = 0;
  for (let id = 0; id < classes; id++) {
    let predicted = 0, actual = 0;
    for (let k = 0; k < classes; k++) {
      predicted += matrix[k * classes + id];
      actual += matrix[id * classes + k];
    }
    const truePositives = matrix[id * classes + id];
    const union = predicted + actual - truePositives;
    if (union > PRESENT) {
      total += truePositives / (union + EPSILON);
      present += 1;
    }
  }
  return total / (present + EPSILON);
}

/** Confusion matrix in a Float64Array(C·C); pairs with an id outside [0, C) are dropped, as Keras does. */
export function meanIoUFloat64(labels, predictions, classes) {
  const matrix = new Float64Array(classes * classes);
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const label = labels[i], prediction = predictions[i];
    if ((label >>> 0) < classes && (prediction >>> 0) < classes) matrix[label * classes + prediction] += 1;
  }
  return meanIoUFromMatrix(matrix, classes);
}

/** The same with int32 counters (an integer increment instead of a float add), the fastest form measured. */
export function meanIoUInt32(labels, predictions, classes) {
  const counts = new Int32Array(classes * classes);
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    const label = labels[i], prediction = predictions[i];
    if ((label >>> 0) < classes && (prediction >>> 0) < classes) counts[label * classes + prediction]++;
  }
  return meanIoUFromMatrix(Float64Array.from(counts), classes);
}

const clip = (p) => (p < CLIP_LOW ? CLIP_LOW : p > CLIP_HIGH ? CLIP_HIGH : p);

/** Mean over rows of -log(clip(p[id] / Σp)), Keras's sparse categorical crossentropy on probabilities. */
export function sparseCategoricalCrossentropy(ids, probabilities, classes) {
  const rows = ids.length;
  let total = 0;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    let sum = 0;
    for (let j = 0; j < classes; j++) sum += probabilities[at + j];
    total -= Math.log(clip(probabilities[at + ids[row]] / sum));
  }
  return rows === 0 ? 0 : total / rows;
}

/** Mean of -(y·log q + (1 - y)·log(1 - q)) with q = clip(p), one value per sample. */
export function binaryCrossentropy(labels, predictions) {
  const n = labels.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i], q = clip(predictions[i]);
    total -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
  }
  return n === 0 ? 0 : total / n;
}

/**
 * Keras's F1 with the row-maximum rule (entries equal to their row's maximum
 * and |p| > 1e-9 are predicted), averaged over classes ('macro').
 */
export function f1ScoreMacro(labels, scores, classes) {
  const truePositives = new Float64Array(classes), predicted = new Float64Array(classes), support = new Float64Array(classes);
  const rows = scores.length / classes;
  for (let row = 0, at = 0; row < rows; row++, at += classes) {
    let largest = scores[at];
    for (let j = 1; j < classes; j++) largest = Math.max(largest, scores[at + j]);
    for (let j = 0; j < classes; j++) {
      const p = scores[at + j], y = labels[at + j];
      const isPredicted = +(p >= largest) & +(Math.abs(p) > ROW_MAX_FLOOR);
      truePositives[j] += y * isPredicted;
      predicted[j] += isPredicted;
      support[j] += y;
    }
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    const tp = truePositives[c], fp = predicted[c] - tp, fn = support[c] - tp;
    const precision = tp / (tp + fp + EPSILON);
    const recall = tp / (tp + fn + EPSILON);
    sum += (precision * recall) / (precision + recall + EPSILON) * 2;
  }
  return sum / classes;
}

/**
 * Mean of max(1 - y·p, 0), with labels mapped from {0, 1} to {-1, 1} when every
 * label is 0 or 1 (Keras's per-batch rule). One pass assumes the mapping and
 * checks it; a batch with other labels takes a second pass.
 */
export function hinge(labels, predictions) {
  const n = labels.length;
  let total = 0, zeroOrOne = 1;
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    zeroOrOne &= +(y === 0) | +(y === 1);
    total += Math.max(1 - (2 * y - 1) * predictions[i], 0);
  }
  if (!zeroOrOne) {
    total = 0;
    for (let i = 0; i < n; i++) total += Math.max(1 - labels[i] * predictions[i], 0);
  }
  return n === 0 ? 0 : total / n;
}
