// Plain-JS baselines for the functional API: the loops a performance-aware
// user writes for scikit-learn's definitions, in float64, with native numeric
// TypedArray sorts where an order is needed.

/** r2_score in two passes: the mean, then squares about it. */
export function r2Score(targets, predictions) {
  const n = targets.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += targets[i];
  const mean = sum / n;
  let residual = 0, total = 0;
  for (let i = 0; i < n; i++) {
    const d = targets[i] - mean, e = targets[i] - predictions[i];
    total += d * d;
    residual += e * e;
  }
  return 1 - residual / total;
}

/** explained_variance_score in two passes. */
export function explainedVarianceScore(targets, predictions) {
  const n = targets.length;
  let targetSum = 0, errorSum = 0;
  for (let i = 0; i < n; i++) {
    targetSum += targets[i];
    errorSum += targets[i] - predictions[i];
  }
  const targetMean = targetSum / n, errorMean = errorSum / n;
  let targetSquares = 0, errorSquares = 0;
  for (let i = 0; i < n; i++) {
    const d = targets[i] - targetMean, r = targets[i] - predictions[i] - errorMean;
    targetSquares += d * d;
    errorSquares += r * r;
  }
  return 1 - errorSquares / targetSquares;
}

export function meanSquaredError(targets, predictions) {
  const n = targets.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = targets[i] - predictions[i];
    sum += e * e;
  }
  return sum / n;
}

export function medianAbsoluteError(targets, predictions) {
  const errors = new Float64Array(targets.length);
  for (let i = 0; i < errors.length; i++) errors[i] = Math.abs(targets[i] - predictions[i]);
  errors.sort();
  const middle = errors.length >> 1;
  return errors.length % 2 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
}

/**
 * DeLong's variance of the ROC AUC (unweighted): each class's scores sorted
 * with the native numeric sort, then two-pointer walks for the structural
 * components (ties counted ½).
 */
export function delongVariance(labels, scores) {
  let m = 0;
  for (let i = 0; i < labels.length; i++) m += labels[i] === 1 ? 1 : 0;
  const positives = new Float64Array(m), negatives = new Float64Array(labels.length - m);
  for (let i = 0, p = 0, q = 0; i < labels.length; i++) {
    if (labels[i] === 1) positives[p++] = scores[i];
    else negatives[q++] = scores[i];
  }
  positives.sort();
  negatives.sort();
  const n = negatives.length;
  const components = (sorted, others, total, complement) => {
    // For each value: (# others below + ½ # others equal) / total, or its mirror for the negatives.
    const values = new Float64Array(sorted.length);
    let below = 0, upTo = 0;
    for (let i = 0; i < sorted.length; i++) {
      while (below < others.length && others[below] < sorted[i]) below++;
      if (upTo < below) upTo = below;
      while (upTo < others.length && others[upTo] <= sorted[i]) upTo++;
      const share = (below + 0.5 * (upTo - below)) / total;
      values[i] = complement ? 1 - share : share;
    }
    return values;
  };
  const v10 = components(positives, negatives, n, false);
  const v01 = components(negatives, positives, m, true);
  let auc = 0;
  for (let i = 0; i < m; i++) auc += v10[i];
  auc /= m;
  let s10 = 0, s01 = 0;
  for (let i = 0; i < m; i++) s10 += (v10[i] - auc) ** 2;
  for (let j = 0; j < n; j++) s01 += (v01[j] - auc) ** 2;
  return { auc, variance: s10 / ((m - 1) * m) + s01 / ((n - 1) * n) };
}
