// The benchmark cases: each names its data, how to build the library metric,
// its plain-JS loops (the first is the correctness reference) and its TF.js ops.
import * as js from './baselines-js.mjs';
import * as tfOps from './baselines-tf.mjs';

export const SIZES = [1_000_000, 10_000_000];

/** Tolerances for "plain JS equals the library": 0 means bit-identical. */
const EXACT = 0;
const SUMS = 1e-9;
/** The operating-point case's target: sensitivity where at least 80% of negatives are rejected. */
const SPECIFICITY = 0.8;

export const CASES = [
  {
    id: 'precision', title: 'Precision, one threshold (0.5)', data: 'classification', tolerance: EXACT,
    library: (lib) => new lib.Precision({ thresholds: 0.5 }),
    js: [
      { name: 'plain JS, branch-free loop', run: js.precisionBranchFree },
      { name: 'plain JS, if/else loop', run: js.precisionIfElse },
    ],
    tf: tfOps.precision,
  },
  {
    id: 'auc', title: 'AUC, 200 thresholds (default AUC())', data: 'classification', tolerance: SUMS,
    library: (lib) => new lib.AUC(),
    js: [
      { name: 'plain JS, bucketed, branch-free', run: js.aucBucketedBranchFree },
      { name: 'plain JS, bucketed, if/else', run: js.aucBucketedIfElse },
    ],
    tf: tfOps.auc,
    note: (data, libraryValue) => {
      const exact = js.aucExactComparison(data.labels, data.predictions);
      const difference = formatRelative(relativeError(libraryValue, exact));
      return `Buckets use Keras's float32 index ceil(f32(p*199)) like the library; with the exact comparison ` +
        `p > t/199 the AUC would be ${exact} (relative difference ${difference}).`;
    },
  },
  {
    id: 'r2', title: 'R2Score', data: 'regression', tolerance: SUMS,
    library: (lib) => new lib.R2Score(),
    js: [
      { name: 'plain JS, f64 sums, 2 accumulators', run: js.r2Score },
      { name: 'plain JS, f64 sums, 1 accumulator each', run: js.r2ScoreOneAccumulator },
    ],
    tf: tfOps.r2Score,
  },
  {
    id: 'mse', title: 'MeanSquaredError', data: 'regression', tolerance: SUMS,
    library: (lib) => new lib.MeanSquaredError(),
    js: [
      { name: 'plain JS, f64 sum, 2 accumulators', run: js.meanSquaredError },
      { name: 'plain JS, f64 sum, 1 accumulator', run: js.meanSquaredErrorOneAccumulator },
    ],
    tf: tfOps.meanSquaredError,
  },
  {
    id: 'binary-accuracy', title: 'BinaryAccuracy (threshold 0.5)', data: 'classification', tolerance: EXACT,
    library: (lib) => new lib.BinaryAccuracy(),
    js: [
      { name: 'plain JS, branch-free loop', run: js.binaryAccuracyBranchFree },
      { name: 'plain JS, if/else loop', run: js.binaryAccuracyIfElse },
    ],
    tf: tfOps.binaryAccuracy,
  },
  {
    id: 'sensitivity-at-specificity', title: `SensitivityAtSpecificity (specificity ${SPECIFICITY}, 200 thresholds)`,
    data: 'classification', tolerance: EXACT,
    library: (lib) => new lib.SensitivityAtSpecificity({ specificity: SPECIFICITY }),
    js: [
      { name: 'plain JS, bucketed, branch-free', run: (labels, predictions) => js.sensitivityAtSpecificityBucketed(labels, predictions, SPECIFICITY) },
      { name: 'plain JS, bucketed, if/else', run: (labels, predictions) => js.sensitivityAtSpecificityIfElse(labels, predictions, SPECIFICITY) },
    ],
    note: () => 'Same float32 buckets as AUC without its epsilon endpoints; no TF.js row: tfjs-core has no operating-point op ' +
      '(the AUC rows\' bincount/cumsum would give the counts, the rest is the same JS).',
  },
];

/** (labels or targets, predictions) of a case's data set. */
export function inputsOf(kase, data) {
  return kase.data === 'classification' ? [data.labels, data.predictions] : [data.targets, data.predictions];
}

/** One library call as users make it: reset, update with the JS typed arrays (copied into wasm), result. */
export function libraryCall(lib, kase, truth, predictions) {
  const metric = kase.library(lib);
  return () => {
    metric.resetState();
    metric.updateState(truth, predictions);
    return metric.result();
  };
}

export function relativeError(reference, value) {
  if (reference === value) return 0;
  return Math.abs(value - reference) / Math.max(Math.abs(reference), Number.MIN_VALUE);
}

export function formatRelative(error) {
  return error === 0 ? '0' : error.toExponential(1);
}
