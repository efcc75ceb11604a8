// The element-wise loss, correlation, cosine and reduction cases, each at its
// own size like the multiclass cases: n is elements for the element-wise losses
// (10^6, like BinaryCrossentropy) and Mean (10^7), rows of WIDTH values for the
// row metrics (10^6 rows, 10^7 values). Each names its data, how
// the library is called with shaped inputs, its plain-JS loops (the first is
// the correctness reference) and its TF.js ops, or why there are none.
import * as js from './baselines-js-families.mjs';
import * as tfOps from './baselines-tf-families.mjs';
import { classificationData, classRowsData, regressionData } from './data.mjs';

/** Values per row of the correlation, cosine and KL cases. */
export const WIDTH = 10;
const VALUES = 10_000_000;
const ROWS = VALUES / WIDTH;
/** Element-wise losses: the same size as BinaryCrossentropy and Hinge in multiclass-cases.mjs. */
const LOSS_ELEMENTS = 1_000_000;
const SUMS = 1e-9;

/**
 * The data sets, keyed as the cases' `data` names them. The regression data
 * (10^7 values) serves the row metrics as [10^6, 10] rows and Mean as 10^7
 * values; its first 10^6 values (the same as regressionData(10^6)) serve the
 * element-wise losses as [N, 1] columns.
 */
export function generateFamilyData() {
  return { regression: regressionData(VALUES), rows: classRowsData(ROWS, WIDTH), binary: classificationData(LOSS_ELEMENTS) };
}

const lossInputs = (data) => [data.targets.subarray(0, LOSS_ELEMENTS), data.predictions.subarray(0, LOSS_ELEMENTS)];

const rowsOf = (data) => ({ data, shape: [data.length / WIDTH, WIDTH] });
const column = (data) => ({ data, shape: [data.length, 1] });

/** resetState + updateState + result, as the other cases time the library. */
function call(metric, ...inputs) {
  return () => {
    metric.resetState();
    metric.updateState(...inputs);
    return metric.result();
  };
}

const NO_TF_LOSS = (what) => `no TF.js row: tfjs-core has no ${what} op (tf.losses has absoluteDifference, cosineDistance, ` +
  'hingeLoss, huberLoss, logLoss, meanSquaredError and the two softmax/sigmoid crossentropies; Keras-style tf.metrics are in tfjs-layers, not installed).';

export const FAMILY_CASES = [
  {
    id: 'log-cosh', title: 'LogCoshError, [N, 1] Float32Array regression targets and predictions',
    n: LOSS_ELEMENTS, data: 'regression', tolerance: SUMS,
    inputs: lossInputs,
    library: (lib, targets, predictions) => call(new lib.LogCoshError(), column(targets), column(predictions)),
    js: [{ name: 'plain JS, x + softplus(-2x) - log 2', run: js.logCoshError }],
    note: () => NO_TF_LOSS('log-cosh'),
  },
  {
    id: 'mape', title: 'MeanAbsolutePercentageError, [N, 1] Float32Array regression targets and predictions',
    n: LOSS_ELEMENTS, data: 'regression', tolerance: SUMS,
    inputs: lossInputs,
    library: (lib, targets, predictions) => call(new lib.MeanAbsolutePercentageError(), column(targets), column(predictions)),
    js: [{ name: 'plain JS, 100 |y - p| / max(|y|, eps)', run: js.meanAbsolutePercentageError }],
    note: () => NO_TF_LOSS('percentage-error'),
  },
  {
    id: 'msle', title: 'MeanSquaredLogarithmicError, [N, 1] Float32Array regression targets and predictions',
    n: LOSS_ELEMENTS, data: 'regression', tolerance: SUMS,
    inputs: lossInputs,
    library: (lib, targets, predictions) => call(new lib.MeanSquaredLogarithmicError(), column(targets), column(predictions)),
    js: [{ name: 'plain JS, two logs per element', run: js.meanSquaredLogarithmicError }],
    note: () => NO_TF_LOSS('squared-logarithmic-error'),
  },
  {
    id: 'poisson', title: 'Poisson, [N, 1] Float32Array counts 0/1 and rates in [0, 1)',
    n: LOSS_ELEMENTS, data: 'binary', tolerance: SUMS,
    inputs: (data) => [data.labels, data.predictions],
    library: (lib, labels, predictions) => call(new lib.Poisson(), column(labels), column(predictions)),
    js: [{ name: 'plain JS, p - y log(p + eps)', run: js.poisson }],
    note: () => NO_TF_LOSS('Poisson'),
  },
  {
    id: 'kl-divergence', title: `KLDivergence, [N, ${WIDTH}] Float32Array one-hot targets and probability rows`,
    n: ROWS, data: 'rows', tolerance: SUMS,
    inputs: (data) => [data.oneHot, data.probabilities],
    library: (lib, targets, probabilities) => call(new lib.KLDivergence(), rowsOf(targets), rowsOf(probabilities)),
    js: [{ name: 'plain JS, clipped y log(y/q), row sums', run: (targets, probabilities) => js.klDivergence(targets, probabilities, WIDTH) }],
    note: () => NO_TF_LOSS('KL-divergence'),
  },
  {
    id: 'pearson', title: `PearsonCorrelation, [N, ${WIDTH}] Float32Array regression rows (per row, then the mean)`,
    n: ROWS, data: 'regression', tolerance: SUMS,
    inputs: (data) => [data.targets, data.predictions],
    library: (lib, targets, predictions) => call(new lib.PearsonCorrelation(), rowsOf(targets), rowsOf(predictions)),
    js: [{ name: 'plain JS, two passes per row', run: (targets, predictions) => js.pearsonCorrelation(targets, predictions, WIDTH) }],
    note: () => 'no TF.js row: tfjs-core has no correlation op (tf.moments gives the pieces, not the number).',
  },
  {
    id: 'cosine', title: `CosineSimilarity, [N, ${WIDTH}] Float32Array regression rows (per row, then the mean)`,
    n: ROWS, data: 'regression', tolerance: SUMS,
    inputs: (data) => [data.targets, data.predictions],
    library: (lib, targets, predictions) => call(new lib.CosineSimilarity(), rowsOf(targets), rowsOf(predictions)),
    js: [{ name: 'plain JS, dot and norms per row', run: (targets, predictions) => js.cosineSimilarity(targets, predictions, WIDTH) }],
    tf: (targets, predictions) => tfOps.cosineSimilarity(targets, predictions, WIDTH),
    note: () => 'TF.js rows: 1 - tf.losses.cosineDistance of the rows l2-normalised with tf.norm ' +
      '(cosineDistance assumes unit rows; tf.metrics.cosineProximity is in tfjs-layers, not installed).',
  },
  {
    id: 'mean', title: 'Mean of a Float32Array of regression predictions',
    n: VALUES, data: 'regression', tolerance: SUMS,
    inputs: (data) => [data.predictions],
    library: (lib, values) => call(new lib.Mean(), values),
    js: [
      { name: 'plain JS, f64 sum, 4 accumulators', run: js.mean },
      { name: 'plain JS, f64 sum, 1 accumulator', run: js.meanOneAccumulator },
    ],
    tf: tfOps.mean,
  },
];

/** The first PRIME_LENGTH samples (or rows) of each input, for priming. */
export { primeInputsOf } from './multiclass-cases.mjs';
