// Keras's shape rules for the categorical accuracy family, turning (y_true,
// y_pred) into rows of C class scores with one target each, and the shape of
// the per-row matches that Keras's Mean then reduces (sample_weight aligns
// with that shape).
import { InputError } from '../errors.js';
import { type Tensor, type TypedArray, formatShape, sizeOf } from '../tensor.js';

export interface ClassRows {
  /** Class rows × classes, row-major. */
  readonly predictions: TypedArray;
  readonly classes: number;
  /** One class id per class row when labelClasses is 0, else label rows of labelClasses values. */
  readonly labels: TypedArray;
  readonly labelClasses: number;
  /** Shape of the matches Keras returns, one per class row. */
  readonly valuesShape: readonly number[];
  /** Shapes of the arrays above, for messages. */
  readonly predictionShape: readonly number[];
  readonly labelShape: readonly number[];
}

/** How the targets are given: class ids (sparse metrics) or one-hot / probability rows. */
export type TargetForm = 'ids' | 'rows';

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((dim, axis) => dim === b[axis]);

function mismatch(yTrue: Tensor, yPred: Tensor, why: string): InputError {
  return new InputError('SHAPE_MISMATCH', `y_true of shape ${formatShape(yTrue.shape)} and y_pred of shape ${formatShape(yPred.shape)}: ${why}.`);
}

/** The class axis (last) of y_pred; Keras takes argmax / top-k along it. */
function classAxis(yPred: Tensor, yTrue: Tensor, minimumRank: number): number {
  if (yPred.shape.length < minimumRank) {
    throw mismatch(yTrue, yPred, minimumRank === 1
      ? 'y_pred needs a class axis'
      : 'y_pred needs at least two axes (samples, classes)');
  }
  const classes = yPred.shape[yPred.shape.length - 1]!;
  if (classes === 0) throw mismatch(yTrue, yPred, 'y_pred has no classes');
  return classes;
}

/**
 * CategoricalAccuracy / SparseCategoricalAccuracy: argmax(y_pred) compared with
 * the class id, or with argmax(y_true) for label rows. As in Keras, a y_true of
 * y_pred's rank ending in 1 is squeezed (and the matches take y_true's shape
 * back), and the two sides broadcast numpy-style.
 */
export function argmaxClassRows(yTrue: Tensor, yPred: Tensor, form: TargetForm): ClassRows {
  const classes = classAxis(yPred, yTrue, 1);
  const predictionLines = yPred.shape.slice(0, -1);
  let targetShape: readonly number[];
  let labelClasses = 0;
  if (form === 'rows') {
    if (yTrue.shape.length === 0) throw mismatch(yTrue, yPred, 'y_true needs a class axis');
    labelClasses = yTrue.shape[yTrue.shape.length - 1]!;
    if (labelClasses === 0) throw mismatch(yTrue, yPred, 'y_true has no classes');
    targetShape = yTrue.shape.slice(0, -1);
  } else {
    targetShape = yTrue.shape;
  }
  // Keras squeezes the target's trailing axis when it has y_pred's rank (sparse: only when it is 1).
  let reshapedTo: readonly number[] | undefined;
  if (targetShape.length === yPred.shape.length && targetShape.length > 0) {
    if (targetShape[targetShape.length - 1] !== 1) {
      if (form === 'rows') throw mismatch(yTrue, yPred, 'y_true has one axis more than y_pred and its last one is not 1');
    } else {
      reshapedTo = targetShape;
      targetShape = targetShape.slice(0, -1);
    }
  }
  const lines = broadcastShapes(targetShape, predictionLines);
  if (!lines) throw mismatch(yTrue, yPred, `targets ${formatShape(targetShape)} do not broadcast with predictions ${formatShape(predictionLines)}`);
  let valuesShape: readonly number[] = lines;
  if (reshapedTo) {
    if (sizeOf(lines) !== sizeOf(reshapedTo)) throw mismatch(yTrue, yPred, `the matches cannot take y_true's shape back`);
    valuesShape = reshapedTo;
  }
  // SparseCategoricalAccuracy squeezes a trailing 1 off the matches; CategoricalAccuracy does not (Mean averages it away).
  if (form === 'ids' && valuesShape.length > 1 && valuesShape[valuesShape.length - 1] === 1) valuesShape = valuesShape.slice(0, -1);
  const labelsPerLine = form === 'rows' ? labelClasses : 1;
  const predictions = broadcastRows(yPred.data, predictionLines, lines, classes, 'y_pred');
  const labels = broadcastRows(yTrue.data, targetShape, lines, labelsPerLine, 'y_true');
  // Messages index the caller's arrays, or the broadcast ones when broadcasting made new arrays.
  return {
    predictions, classes, labels, labelClasses, valuesShape,
    predictionShape: predictions === yPred.data ? yPred.shape : [...lines, classes],
    labelShape: labels === yTrue.data ? yTrue.shape : form === 'rows' ? [...lines, labelClasses] : lines,
  };
}

/**
 * Top-k metrics: y_pred of rank > 2 is flattened to (-1, C) and the targets to
 * one per row (Keras in_top_k); the matches take the targets' shape.
 */
export function topKClassRows(yTrue: Tensor, yPred: Tensor, form: TargetForm): ClassRows {
  const classes = classAxis(yPred, yTrue, 2);
  const lines = sizeOf(yPred.shape) / classes;
  let valuesShape: readonly number[] = yTrue.shape;
  let labelClasses = 0;
  if (form === 'rows') {
    if (yTrue.shape.length < 2) throw mismatch(yTrue, yPred, 'y_true needs at least two axes (samples, classes)');
    labelClasses = yTrue.shape[yTrue.shape.length - 1]!;
    if (labelClasses !== classes) throw mismatch(yTrue, yPred, `y_true has ${labelClasses} classes and y_pred ${classes}`);
    valuesShape = yTrue.shape.slice(0, -1);
  } else if (yTrue.shape.length === 0) {
    throw mismatch(yTrue, yPred, 'y_true needs one class id per row');
  }
  if (sizeOf(valuesShape) !== lines) {
    throw mismatch(yTrue, yPred, `${sizeOf(valuesShape)} targets for ${lines} rows of ${classes} classes`);
  }
  return {
    predictions: yPred.data, classes, labels: yTrue.data, labelClasses, valuesShape,
    predictionShape: yPred.shape, labelShape: yTrue.shape,
  };
}

/** numpy broadcasting of two shapes, or undefined when they do not broadcast. */
function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const shape: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const x = a[axis - rank + a.length] ?? 1, y = b[axis - rank + b.length] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    shape.push(x === 1 ? y : x);
  }
  return shape;
}

/** Largest broadcast this path materialises; Keras broadcasts only the argmax ids. */
const MAX_BROADCAST_VALUES = 2 ** 26;

/**
 * Rows of `rowLength` values laid out on `from` lines, repeated onto `to`
 * lines by numpy broadcasting. Unchanged when the shapes are equal (the common
 * case); broadcasting is rare enough for a plain loop over lines.
 */
function broadcastRows(data: TypedArray, from: readonly number[], to: readonly number[], rowLength: number, argument: string): TypedArray {
  if (sameShape(from, to)) return data;
  const size = sizeOf(to) * rowLength;
  if (size > MAX_BROADCAST_VALUES) {
    throw new InputError('SHAPE_MISMATCH',
      `${argument} would have to be broadcast to ${formatShape([...to, rowLength])}; pass y_true and y_pred with matching leading axes.`);
  }
  const padded = [...new Array<number>(to.length - from.length).fill(1), ...from];
  const strides = padded.map((dim, axis) => (dim === 1 ? 0 : sizeOf(padded.slice(axis + 1))));
  const out = new Float64Array(size);
  const lines = sizeOf(to);
  for (let line = 0; line < lines; line++) {
    let rest = line, source = 0;
    for (let axis = to.length - 1; axis >= 0; axis--) {
      source += (rest % to[axis]!) * strides[axis]!;
      rest = Math.floor(rest / to[axis]!);
    }
    out.set(data.subarray(source * rowLength, (source + 1) * rowLength), line * rowLength);
  }
  return out;
}
