// Plain-JS baselines: the tight typed-array loops a performance-aware user
// writes, with the library's semantics (prediction > threshold in float32,
// label != 0 is positive, float64 accumulation). Comparisons are turned into
// numbers with unary `+`, which V8 compiles to a flag move instead of a branch;
// on random labels a branch mispredicts about half the time, so the if/else
// versions (kept as separate rows) are several times slower.

const divideNoNan = (numerator, denominator) => (denominator === 0 ? 0 : numerator / denominator);

export function precisionBranchFree(labels, predictions, threshold = 0.5) {
  let truePositives = 0, predictedPositives = 0;
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    const predicted = +(predictions[i] > threshold);
    predictedPositives += predicted;
    truePositives += predicted * +(labels[i] !== 0);
  }
  return divideNoNan(truePositives, predictedPositives);
}

export function precisionIfElse(labels, predictions, threshold = 0.5) {
  let truePositives = 0, falsePositives = 0;
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    if (predictions[i] > threshold) {
      if (labels[i] !== 0) truePositives++;
      else falsePositives++;
    }
  }
  return divideNoNan(truePositives, truePositives + falsePositives);
}

export function binaryAccuracyBranchFree(labels, predictions, threshold = 0.5) {
  let matched = 0;
  const n = predictions.length;
  // A label matches when it equals (prediction > threshold) as 0/1; labels other than 0 and 1 never match.
  for (let i = 0; i < n; i++) matched += +(labels[i] === +(predictions[i] > threshold));
  return n === 0 ? 0 : matched / n;
}

export function binaryAccuracyIfElse(labels, predictions, threshold = 0.5) {
  let matched = 0;
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    if (predictions[i] > threshold) {
      if (labels[i] === 1) matched++;
    } else if (labels[i] === 0) {
      matched++;
    }
  }
  return n === 0 ? 0 : matched / n;
}

/**
 * ROC AUC (Keras interpolation) from reverse cumulative sums over T + 1 cells:
 * tails[c] = weight in cells >= c, where cell = bucket + 1 and cell 0 holds
 * predictions at or below 0. Threshold t counts cells t+1 and above.
 * Shared with the TF.js baselines so that every row uses the same final O(T) step.
 */
export function rocAucFromTails(positiveTails, negativeTails, numThresholds) {
  const positives = positiveTails[0], negatives = negativeTails[0];
  const fpr = new Float64Array(numThresholds), tpr = new Float64Array(numThresholds);
  for (let t = 0; t < numThresholds; t++) {
    const tp = positiveTails[t + 1], fp = negativeTails[t + 1];
    tpr[t] = divideNoNan(tp, tp + (positives - tp));
    fpr[t] = divideNoNan(fp, fp + (negatives - fp));
  }
  let area = 0;
  for (let t = 0; t < numThresholds - 1; t++) area += (fpr[t] - fpr[t + 1]) * ((tpr[t] + tpr[t + 1]) / 2);
  return area;
}

function tailsOf(histogram, cells) {
  const positiveTails = new Float64Array(cells), negativeTails = new Float64Array(cells);
  let positives = 0, negatives = 0;
  for (let cell = cells - 1; cell >= 0; cell--) {
    positives += histogram[2 * cell];
    negatives += histogram[2 * cell + 1];
    positiveTails[cell] = positives;
    negativeTails[cell] = negatives;
  }
  return { positiveTails, negativeTails };
}

/**
 * Default AUC (200 thresholds: -1e-7, 1/199, ..., 198/199, 1+1e-7), bucketed in
 * O(N + T). The bucket is Keras's ceil(p·199) with the product rounded to
 * float32, exactly as the library's kernel computes it; the f64 product of a
 * float32 and 199 is exact, so Math.fround gives the float32 product.
 */
export function aucBucketedBranchFree(labels, predictions, numThresholds = 200) {
  const cells = numThresholds + 1, scale = numThresholds - 1;
  const histogram = new Float64Array(2 * cells);
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    const clipped = p < 0 ? 0 : p > 1 ? 1 : p;
    let cell = Math.ceil(Math.fround(clipped * scale));
    if (cell < 1) cell = 1; // the -1e-7 endpoint: predictions of 0 count at threshold 0
    histogram[2 * cell + +(labels[i] === 0)] += 1;
  }
  const { positiveTails, negativeTails } = tailsOf(histogram, cells);
  return rocAucFromTails(positiveTails, negativeTails, numThresholds);
}

export function aucBucketedIfElse(labels, predictions, numThresholds = 200) {
  const cells = numThresholds + 1, scale = numThresholds - 1;
  const histogram = new Float64Array(2 * cells);
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    const clipped = p < 0 ? 0 : p > 1 ? 1 : p;
    let cell = Math.ceil(Math.fround(clipped * scale));
    if (cell < 1) cell = 1;
    if (labels[i] !== 0) histogram[2 * cell] += 1;
    else histogram[2 * cell + 1] += 1;
  }
  const { positiveTails, negativeTails } = tailsOf(histogram, cells);
  return rocAucFromTails(positiveTails, negativeTails, numThresholds);
}

/**
 * The same AUC with the bucket computed from the exact f64 product, i.e. the
 * real comparison p > t/199 (untimed; shows how far Keras's float32 formula,
 * which the library follows, moves the result on this data).
 */
export function aucExactComparison(labels, predictions, numThresholds = 200) {
  const cells = numThresholds + 1, scale = numThresholds - 1;
  const histogram = new Float64Array(2 * cells);
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i];
    const cell = Math.max(1, Math.ceil((p < 0 ? 0 : p > 1 ? 1 : p) * scale));
    histogram[2 * cell + +(labels[i] === 0)] += 1;
  }
  const { positiveTails, negativeTails } = tailsOf(histogram, cells);
  return rocAucFromTails(positiveTails, negativeTails, numThresholds);
}

/**
 * SensitivityAtSpecificity with Keras's operating-point thresholds
 * [0, 1/199, ..., 198/199, 1] (no epsilon endpoints): the same float32 bucket
 * index as the AUC loops, but cell 0 (predictions <= 0, positive at no
 * threshold) is kept apart instead of clamped to the first bucket. Counts are
 * integers, so the rates and their maximum are bit-identical to the library's.
 */
export function sensitivityAtSpecificityBucketed(labels, predictions, specificity, numThresholds = 200) {
  const cells = numThresholds + 1, scale = numThresholds - 1;
  const histogram = new Float64Array(2 * cells);
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    const cell = Math.ceil(Math.fround((p < 0 ? 0 : p > 1 ? 1 : p) * scale));
    histogram[2 * cell + +(labels[i] === 0)] += 1;
  }
  return sensitivityAtSpecificityFromTails(tailsOf(histogram, cells), specificity, numThresholds);
}

export function sensitivityAtSpecificityIfElse(labels, predictions, specificity, numThresholds = 200) {
  const cells = numThresholds + 1, scale = numThresholds - 1;
  const histogram = new Float64Array(2 * cells);
  const n = predictions.length;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    const cell = Math.ceil(Math.fround((p < 0 ? 0 : p > 1 ? 1 : p) * scale));
    if (labels[i] !== 0) histogram[2 * cell] += 1;
    else histogram[2 * cell + 1] += 1;
  }
  return sensitivityAtSpecificityFromTails(tailsOf(histogram, cells), specificity, numThresholds);
}

/** Keras: the largest sensitivity among thresholds whose specificity reaches the target, else 0. */
function sensitivityAtSpecificityFromTails({ positiveTails, negativeTails }, specificity, numThresholds) {
  const positives = positiveTails[0], negatives = negativeTails[0];
  let best = 0;
  for (let t = 0; t < numThresholds; t++) {
    const tp = positiveTails[t + 1], fp = negativeTails[t + 1];
    const tn = negatives - fp, fn = positives - tp;
    if (divideNoNan(tn, tn + fp) >= specificity) best = Math.max(best, divideNoNan(tp, tp + fn));
  }
  return best;
}

/**
 * R2 from one pass of f64 sums with targets shifted by the first one (keeps
 * precision for a large target mean, as the library does). Two independent
 * accumulator sets halve the add-latency chain: the fastest plain-JS form measured.
 */
export function r2Score(targets, predictions) {
  const n = targets.length;
  if (n === 0) return NaN;
  const shift = targets[0];
  let d0 = 0, dd0 = 0, ee0 = 0, d1 = 0, dd1 = 0, ee1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const y0 = targets[i], y1 = targets[i + 1];
    const s0 = y0 - shift, e0 = y0 - predictions[i];
    const s1 = y1 - shift, e1 = y1 - predictions[i + 1];
    d0 += s0; dd0 += s0 * s0; ee0 += e0 * e0;
    d1 += s1; dd1 += s1 * s1; ee1 += e1 * e1;
  }
  for (; i < n; i++) {
    const y = targets[i], s = y - shift, e = y - predictions[i];
    d0 += s; dd0 += s * s; ee0 += e * e;
  }
  const shifted = d0 + d1, squares = dd0 + dd1, residuals = ee0 + ee1;
  const total = squares - shifted * (shifted / n);
  return 1 - residuals / total;
}

/** The same sums as r2Score in the loop as usually written: one accumulator per sum. */
export function r2ScoreOneAccumulator(targets, predictions) {
  const n = targets.length;
  if (n === 0) return NaN;
  const shift = targets[0];
  let shifted = 0, squares = 0, residuals = 0;
  for (let i = 0; i < n; i++) {
    const d = targets[i] - shift, e = targets[i] - predictions[i];
    shifted += d;
    squares += d * d;
    residuals += e * e;
  }
  return 1 - residuals / (squares - shifted * (shifted / n));
}

/** Mean squared error in the loop as usually written: one accumulator. */
export function meanSquaredErrorOneAccumulator(targets, predictions) {
  const n = targets.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = targets[i] - predictions[i];
    sum += e * e;
  }
  return n === 0 ? 0 : sum / n;
}

export function meanSquaredError(targets, predictions) {
  const n = targets.length;
  let ee0 = 0, ee1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const e0 = targets[i] - predictions[i], e1 = targets[i + 1] - predictions[i + 1];
    ee0 += e0 * e0;
    ee1 += e1 * e1;
  }
  for (; i < n; i++) {
    const e = targets[i] - predictions[i];
    ee0 += e * e;
  }
  return n === 0 ? 0 : (ee0 + ee1) / n;
}
