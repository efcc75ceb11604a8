// Plain-JS baselines for the element-wise loss, correlation, cosine and
// reduction cases: typed-array loops computing the library's number with
// Keras's formulas as assembly/losses.ts writes them (float32 epsilon, the
// same order of operations per element or row) and float64 sums. Inputs are
// float32 values read into doubles, as the kernels read them.

/** Keras's epsilon as the kernels hold it: the float32 value of 1e-7. */
const EPSILON = Math.fround(1e-7);

/** Mean of 100·|y - p| / max(|y|, ε): MeanAbsolutePercentageError over [N, 1] inputs. */
export function meanAbsolutePercentageError(targets, predictions) {
  const n = targets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = targets[i];
    total += 100 * Math.abs(y - predictions[i]) / Math.max(Math.abs(y), EPSILON);
  }
  return n === 0 ? 0 : total / n;
}

/** Mean of x + softplus(-2x) - log 2, x = p - y: log(cosh(x)) without overflow, as Keras writes it. */
export function logCoshError(targets, predictions) {
  const n = targets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = predictions[i] - targets[i];
    const z = -2 * x;
    total += x + (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))) - Math.LN2;
  }
  return n === 0 ? 0 : total / n;
}

/** Mean of (log(max(p, ε) + 1) - log(max(y, ε) + 1))²: MeanSquaredLogarithmicError. */
export function meanSquaredLogarithmicError(targets, predictions) {
  const n = targets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const difference = Math.log(Math.max(predictions[i], EPSILON) + 1) - Math.log(Math.max(targets[i], EPSILON) + 1);
    total += difference * difference;
  }
  return n === 0 ? 0 : total / n;
}

/** Mean of p - y·log(p + ε): Poisson, no clipping. */
export function poisson(targets, predictions) {
  const n = targets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = predictions[i];
    total += p - targets[i] * Math.log(p + EPSILON);
  }
  return n === 0 ? 0 : total / n;
}

/** Mean over rows of Σ y·log(y/q) with y and q clipped to [ε, 1]: KLDivergence sums over the last axis. */
export function klDivergence(targets, predictions, width) {
  const n = targets.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = Math.min(Math.max(targets[i], EPSILON), 1), q = Math.min(Math.max(predictions[i], EPSILON), 1);
    total += y * Math.log(y / q);
  }
  const rows = n / width;
  return rows === 0 ? 0 : total / rows;
}

/**
 * Mean over rows of the Pearson correlation along the row (population
 * moments): means first, then centred sums, each divided by the width.
 */
export function pearsonCorrelation(targets, predictions, width) {
  const rows = targets.length / width;
  let total = 0;
  for (let row = 0, at = 0; row < rows; row++, at += width) {
    let meanY = 0, meanP = 0;
    for (let j = 0; j < width; j++) {
      meanY += targets[at + j];
      meanP += predictions[at + j];
    }
    meanY /= width;
    meanP /= width;
    let covariance = 0, varianceY = 0, varianceP = 0;
    for (let j = 0; j < width; j++) {
      const dy = targets[at + j] - meanY, dp = predictions[at + j] - meanP;
      covariance += dy * dp;
      varianceY += dy * dy;
      varianceP += dp * dp;
    }
    covariance /= width;
    varianceY /= width;
    varianceP /= width;
    total += covariance / (Math.sqrt(varianceY) * Math.sqrt(varianceP));
  }
  return rows === 0 ? 0 : total / rows;
}

/** Mean over rows of y·p / (|y|·|p|), each norm at least ε (Keras's l2_normalize), so an all-zero row gives 0. */
export function cosineSimilarity(targets, predictions, width) {
  const rows = targets.length / width;
  const floor = EPSILON * EPSILON;
  let total = 0;
  for (let row = 0, at = 0; row < rows; row++, at += width) {
    let dot = 0, yy = 0, pp = 0;
    for (let j = 0; j < width; j++) {
      const y = targets[at + j], p = predictions[at + j];
      dot += y * p;
      yy += y * y;
      pp += p * p;
    }
    total += dot / (Math.sqrt(Math.max(yy, floor)) * Math.sqrt(Math.max(pp, floor)));
  }
  return rows === 0 ? 0 : total / rows;
}

/** Mean of the values in float64, summed over four accumulators to shorten the add-latency chain. */
export function mean(values) {
  const n = values.length;
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += values[i];
    s1 += values[i + 1];
    s2 += values[i + 2];
    s3 += values[i + 3];
  }
  for (; i < n; i++) s0 += values[i];
  return n === 0 ? 0 : (s0 + s1 + (s2 + s3)) / n;
}

/** The same mean as the loop is usually written: one accumulator. */
export function meanOneAccumulator(values) {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return n === 0 ? 0 : sum / n;
}
