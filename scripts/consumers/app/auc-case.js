// The case every consumer computes. Positives score 0.35, 0.8, 0.9; negatives
// 0.1, 0.4, 0.65. Of the 9 positive-negative pairs 7 are ordered correctly
// (0.35 beats only 0.1), so the ROC AUC is 7/9. Keras's AUC with 200
// thresholds gives the same, and so does the exact rocAucScore of
// 'wasm-metrics/sklearn': every score falls in its own bucket.
export const labels = [0, 0, 1, 1, 0, 1];
export const scores = [0.1, 0.4, 0.35, 0.8, 0.65, 0.9];
export const expectedAuc = 7 / 9;

/**
 * The AUC and the kernel build from the core as the consumer imported it, the
 * exact AUC from its 'wasm-metrics/sklearn', and whether the two share their
 * modules: an error thrown by the sklearn entry is the core's InputError.
 */
export function computeAuc({ AUC, InputError, kernelBuild }, { rocAucScore }) {
  const metric = new AUC();
  metric.updateState(labels, new Float32Array(scores));
  let shared = false;
  try {
    rocAucScore(labels, scores.slice(1));
  } catch (error) {
    shared = error instanceof InputError;
  }
  return { value: metric.result(), build: kernelBuild(), sklearnValue: rocAucScore(labels, scores), shared };
}
