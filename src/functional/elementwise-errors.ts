// Per-sample error passes that no kernel covers (percentage errors, maxima,
// medians): one JavaScript loop over the row-major pair, checking finiteness
// as it goes.
import { nonFiniteInputError, type RegressionPair } from './regression-input.js';

/** |y - p| per sample for output k. */
export function absoluteErrorsOf(pair: RegressionPair, k: number): Float64Array {
  const { targets, predictions, outputs, rows } = pair;
  const errors = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const y = targets[i * outputs + k]!, p = predictions[i * outputs + k]!;
    if (!(Number.isFinite(y) && Number.isFinite(p))) throw nonFiniteInputError(pair)!;
    errors[i] = Math.abs(p - y);
  }
  return errors;
}

/** Σ w·|p - y| / max(|y|, ε) per output (ε the float64 machine epsilon, as scikit-learn), and Σ w. */
export function percentageErrorSums(pair: RegressionPair): { sums: Float64Array; weight: number } {
  const { targets, predictions, outputs, rows, weights } = pair;
  const sums = new Float64Array(outputs);
  let weight = 0;
  for (let i = 0; i < rows; i++) {
    const w = weights ? weights[i]! : 1;
    weight += w;
    for (let k = 0; k < outputs; k++) {
      const y = targets[i * outputs + k]!, p = predictions[i * outputs + k]!;
      if (!(Number.isFinite(y) && Number.isFinite(p))) throw nonFiniteInputError(pair)!;
      sums[k]! += w * (Math.abs(p - y) / Math.max(Math.abs(y), Number.EPSILON));
    }
  }
  return { sums, weight };
}
