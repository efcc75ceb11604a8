// updateState inputs of the exact ranking metrics, validated into the rows
// their sample state keeps: one score per sample (binary), a row of label
// scores (multilabel), a row of class probabilities with a class id
// (multiclass), or every element as a sample (Keras's AUC in exact mode).
import { InputError } from '../errors.js';
import { alignPair, formatShape, squeezeOrExpand, toSampleWeight, toTensor, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import type { SampleBatch } from '../exact/ranking-samples.js';
import { checkProbabilityRows, checkWeights, classIds, finiteScores, fitsFloat32, indicatorLabels } from '../exact/validate.js';

/** One weight per row: none, a scalar for the whole batch, or shape (rows,) / (rows, 1). */
function rowWeights(sampleWeight: ArrayInput | null | undefined, rows: number): Float64Array | undefined {
  const weight = toSampleWeight(sampleWeight);
  if (!weight) return undefined;
  const { shape } = weight;
  if (shape.length === 0) return checkWeights(new Float64Array(rows).fill(weight.data[0]!), [rows]);
  const perRow = (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) && shape[0] === rows;
  if (!perRow) {
    throw new InputError('WEIGHT_SHAPE', `sample_weight of shape ${formatShape(shape)} needs one weight per sample: shape (${rows},).`);
  }
  return checkWeights(weight.data, shape);
}

function batch(rows: number, width: number, scores: Tensor, labels: ArrayLike<number>, weights: Float64Array | undefined): SampleBatch {
  return { rows, width, scores: finiteScores(scores, 'y_pred'), scoresFitFloat32: fitsFloat32(scores.data), labels, weights };
}

/** Binary: labels 0/1 and one score per sample, shapes (n,) or (n, 1) (Keras's squeeze rules), or one scalar sample. */
export function binaryBatch(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined): SampleBatch {
  const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
  const { shape } = pair.yPred;
  if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1)) {
    throw new InputError('SHAPE_MISMATCH', `Binary ranking metrics take one score per sample, shape (samples,); received ${formatShape(shape)}.`);
  }
  const rows = sizeOf(shape);
  const labels = indicatorLabels(pair.yTrue, 'y_true');
  return batch(rows, 1, pair.yPred, labels, rowWeights(sampleWeight, rows));
}

/** Multilabel: (samples, labels) 0/1 labels and scores of equal shape, one weight per sample. */
export function multilabelBatch(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined, numLabels: number | undefined): SampleBatch {
  const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
  const { shape } = pair.yPred;
  if (shape.length !== 2) throw new InputError('SHAPE_MISMATCH', `Multilabel metrics take inputs of shape (samples, labels); received ${formatShape(shape)}.`);
  const [rows, width] = shape as [number, number];
  if (numLabels !== undefined && width !== numLabels) {
    throw new InputError('SHAPE_MISMATCH', `This metric tracks ${numLabels} labels; the batch has ${width}.`);
  }
  const labels = indicatorLabels(pair.yTrue, 'y_true');
  return batch(rows, width, pair.yPred, labels, rowWeights(sampleWeight, rows));
}

/** Multiclass: class ids (samples,) and class-probability rows (samples, classes) summing to 1. */
export function multiclassBatch(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined, numClasses: number | undefined): SampleBatch {
  const ids = toTensor(yTrue, 'y_true');
  const scores = toTensor(yPred, 'y_pred');
  if (scores.shape.length !== 2) {
    throw new InputError('SHAPE_MISMATCH', `Multiclass metrics take y_pred of shape (samples, classes); received ${formatShape(scores.shape)}.`);
  }
  const [rows, width] = scores.shape as [number, number];
  if (numClasses !== undefined && width !== numClasses) {
    throw new InputError('SHAPE_MISMATCH', `This metric tracks ${numClasses} classes; y_pred has ${width} columns.`);
  }
  const idShape = ids.shape;
  if (!((idShape.length === 1 || (idShape.length === 2 && idShape[1] === 1)) && idShape[0] === rows)) {
    throw new InputError('SHAPE_MISMATCH', `y_true must hold one class id per sample, shape (${rows},); received ${formatShape(idShape)}.`);
  }
  const labels = classIds(ids, width, 'y_true');
  const result = batch(rows, width, scores, labels, rowWeights(sampleWeight, rows));
  checkProbabilityRows(result.scores as Float32Array | Float64Array, rows, width, 'y_pred');
  return result;
}

/**
 * Keras's AUC inputs for the exact mode: every element is a sample (flat) or
 * each row a sample of per-label scores (multiLabel), with sample_weight
 * broadcast per element as Keras does and label weights multiplied in when flat.
 */
export function elementBatch(
  yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined,
  multiLabel: boolean, numLabels: number | undefined, labelWeights: Float64Array | undefined,
): SampleBatch {
  const labelsIn = toTensor(yTrue, 'y_true');
  const predictions = toTensor(yPred, 'y_pred');
  const [shape, trueShape] = squeezeOrExpand(predictions.shape, labelsIn.shape);
  if (shape.length !== trueShape.length || shape.some((dim, axis) => dim !== trueShape[axis])) {
    throw new InputError('SHAPE_MISMATCH',
      `y_true has shape ${formatShape(labelsIn.shape)} and y_pred ${formatShape(predictions.shape)}; they must match (up to a trailing axis of 1).`);
  }
  if (multiLabel && shape.length !== 2) {
    throw new InputError('SHAPE_MISMATCH', `multi-label AUC expects 2D inputs (samples, labels); received ${formatShape(shape)}.`);
  }
  const size = sizeOf(shape);
  const lastAxis = shape.length ? shape[shape.length - 1]! : 1;
  const width = multiLabel ? lastAxis : 1;
  if (multiLabel && numLabels !== undefined && width !== numLabels) {
    throw new InputError('SHAPE_MISMATCH', `This multi-label AUC tracks ${numLabels} labels; the batch has ${width}.`);
  }
  if (labelWeights && !multiLabel && labelWeights.length !== lastAxis) {
    throw new InputError('SHAPE_MISMATCH', `label_weights has ${labelWeights.length} values but the last axis has ${lastAxis}.`);
  }
  const labels = indicatorLabels({ data: labelsIn.data, shape }, 'y_true');
  const weights = elementWeights(sampleWeight, shape, !multiLabel ? labelWeights : undefined);
  return batch(size / width, width, { data: predictions.data, shape }, labels, weights);
}

/** sample_weight broadcast to every element (Keras's rules), times label weights along the last axis. */
function elementWeights(sampleWeight: ArrayInput | null | undefined, shape: readonly number[], labelWeights: Float64Array | undefined): Float64Array | undefined {
  const layout = resolveWeights(toSampleWeight(sampleWeight), shape);
  if (layout.kind === 'none' && !labelWeights) return undefined;
  const size = sizeOf(shape);
  const rowLength = shape.length ? shape[shape.length - 1]! : 1;
  const weights = new Float64Array(size).fill(1);
  const elementsPerRow = shape.length > 1 ? size / (shape[0] || 1) : 1;
  for (let i = 0; i < size; i++) {
    switch (layout.kind) {
      case 'scalar': weights[i] = layout.value; break;
      case 'rows': weights[i] = layout.data[Math.floor(i / elementsPerRow)]!; break;
      case 'pattern': weights[i] = layout.data[i % layout.data.length]!; break;
      case 'dense': weights[i] = layout.data[i]!; break;
      case 'none': break;
    }
    if (labelWeights) weights[i]! *= labelWeights[i % rowLength]!;
  }
  return checkWeights(weights, shape);
}
