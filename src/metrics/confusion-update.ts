// Keras's update_confusion_matrix_variables: weighted TP/FP/TN/FN at a list of
// thresholds, with top_k, class_id, multi-label and label weights. Evenly spaced
// thresholds take the bucketed histogram kernel, any other list the direct
// comparison kernel; both return partial sums and leave state to the caller.
import { InputError } from '../errors.js';
import { toSampleWeight, toTensor, squeezeOrExpand, rowsOf, sizeOf, formatShape, type ArrayInput } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import { feedBinary, type NonFinitePolicy, type BinaryKernel } from '../wasm/feed.js';

export interface ConfusionSpec {
  /** The full threshold list (for AUC including its ±epsilon endpoints). */
  readonly thresholds: readonly number[];
  readonly evenlySpaced: boolean;
  readonly topK?: number;
  readonly classId?: number;
  readonly multiLabel?: boolean;
  /** Keras label_weights applied inside the counts (flattened, not multi-label). */
  readonly labelWeights?: Float64Array;
  readonly fromLogits?: boolean;
  readonly nonFinite: NonFinitePolicy;
}

/** Counts laid out (thresholds, labels): index t * numLabels + l. */
export interface ConfusionPartials {
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  readonly trueNegatives: Float64Array;
  readonly falseNegatives: Float64Array;
  readonly numLabels: number;
}

export function confusionPartials(
  spec: ConfusionSpec, yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined,
): ConfusionPartials {
  const labels = toTensor(yTrue, 'y_true');
  const predictions = toTensor(yPred, 'y_pred');
  const weight = toSampleWeight(sampleWeight);
  const [shape, trueShape] = squeezeOrExpand(predictions.shape, labels.shape);
  if (shape.length !== trueShape.length || shape.some((dim, axis) => dim !== trueShape[axis])) {
    throw new InputError('SHAPE_MISMATCH',
      `y_true has shape ${formatShape(labels.shape)} and y_pred ${formatShape(predictions.shape)}; they must match (up to a trailing axis of 1).`);
  }
  const lastAxis = shape.length ? shape[shape.length - 1]! : 1;
  if (spec.classId !== undefined) {
    if (shape.length < 2) {
      throw new InputError('SHAPE_MISMATCH', `class_id needs y_pred of shape (samples, classes); received ${formatShape(shape)}.`);
    }
    if (spec.classId >= lastAxis) {
      throw new InputError('SHAPE_MISMATCH', `class_id ${spec.classId} is out of range for ${lastAxis} classes.`);
    }
  }
  if (spec.multiLabel && shape.length !== 2) {
    throw new InputError('SHAPE_MISMATCH', `multi-label AUC expects 2D inputs (samples, labels); received ${formatShape(shape)}.`);
  }
  if (spec.labelWeights && spec.labelWeights.length !== lastAxis) {
    throw new InputError('SHAPE_MISMATCH', `label_weights has ${spec.labelWeights.length} values but the last axis has ${lastAxis}.`);
  }
  const weights = resolveWeights(weight, shape);
  // Keras applies top_k along the last axis; a rank-1 y_pred is one row spanning the batch.
  const wholeBatchRow = spec.topK !== undefined && shape.length <= 1;
  const { rows, rowLength } = wholeBatchRow ? { rows: 1, rowLength: sizeOf(shape) } : rowsOf(shape);
  const columns = spec.classId !== undefined ? [spec.classId]
    : spec.multiLabel ? Array.from({ length: lastAxis }, (_, i) => i) : undefined;
  const numLabels = spec.multiLabel ? lastAxis : 1;

  const T = spec.thresholds.length;
  const clampToFirstBucket = spec.thresholds[0]! < 0 || spec.thresholds[T - 1]! > 1;
  const bucketKernel: BinaryKernel = (a, chunk, labelsAreBytes, _parameters, out) =>
    a.kernels.bucketHistogram(chunk.predictions, chunk.labels, labelsAreBytes ? 1 : 0, chunk.weights,
      chunk.count, T, clampToFirstBucket ? 1 : 0, out);
  const thresholdKernel: BinaryKernel = (a, chunk, labelsAreBytes, parameters, out) =>
    a.kernels.countAtThresholds(chunk.predictions, chunk.labels, labelsAreBytes ? 1 : 0, chunk.weights,
      chunk.count, parameters, T, out);
  const outputSlots = spec.evenlySpaced ? 2 * (T + 1) : 2 * T + 2;

  const { output, sawNonFinite } = feedBinary({
    predictions: predictions.data, labels: labels.data, weights, rows, rowLength,
    lastAxis: wholeBatchRow ? rowLength : lastAxis, shape, nonFinite: spec.nonFinite,
    fromLogits: spec.fromLogits, topK: spec.topK, columnWeights: spec.labelWeights, columns,
    outputSlots, parameters: spec.evenlySpaced ? undefined : Float32Array.from(spec.thresholds),
  }, spec.evenlySpaced ? bucketKernel : thresholdKernel);

  const partials: ConfusionPartials = {
    truePositives: new Float64Array(T * numLabels), falsePositives: new Float64Array(T * numLabels),
    trueNegatives: new Float64Array(T * numLabels), falseNegatives: new Float64Array(T * numLabels), numLabels,
  };
  const runs = columns && spec.multiLabel ? columns.length : 1;
  for (let run = 0; run < runs; run++) {
    const block = output.subarray(run * outputSlots, (run + 1) * outputSlots);
    if (spec.evenlySpaced) foldHistogram(block, T, partials, run);
    else foldCounts(block, T, partials, run);
  }
  if (sawNonFinite) {
    for (const counts of [partials.truePositives, partials.falsePositives, partials.trueNegatives, partials.falseNegatives]) counts.fill(NaN);
  }
  return partials;
}

/** Histogram cells (cell c = bucket c-1) to counts: tp[t] = weight of positives in buckets >= t. */
function foldHistogram(cells: Float64Array, T: number, partials: ConfusionPartials, label: number): void {
  let positives = 0, negatives = 0;
  for (let cell = 0; cell <= T; cell++) {
    positives += cells[2 * cell]!;
    negatives += cells[2 * cell + 1]!;
  }
  let tp = 0, fp = 0;
  for (let t = T - 1; t >= 0; t--) {
    tp += cells[2 * (t + 1)]!;
    fp += cells[2 * (t + 1) + 1]!;
    store(partials, t * partials.numLabels + label, tp, fp, positives, negatives);
  }
}

/** Direct counts: tp[0..T), fp[T..2T), weight of positives, weight of all. */
function foldCounts(block: Float64Array, T: number, partials: ConfusionPartials, label: number): void {
  const positives = block[2 * T]!, negatives = block[2 * T + 1]! - positives;
  for (let t = 0; t < T; t++) store(partials, t * partials.numLabels + label, block[t]!, block[T + t]!, positives, negatives);
}

function store(partials: ConfusionPartials, at: number, tp: number, fp: number, positives: number, negatives: number): void {
  partials.truePositives[at] = tp;
  partials.falsePositives[at] = fp;
  partials.falseNegatives[at] = positives - tp;
  partials.trueNegatives[at] = negatives - fp;
}
