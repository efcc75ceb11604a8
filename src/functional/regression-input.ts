// Inputs of the scikit-learn regression functions: y_true and y_pred of shape
// (n_samples,) or (n_samples, n_outputs) (a rank-1 input is one output), and
// one weight per sample.
import { InputError } from '../errors.js';
import { toTensor, formatIndex, formatShape, type TypedArray } from '../tensor.js';
import { readSampleWeight, nonFiniteError } from './inputs.js';

export interface RegressionPair {
  /** Row-major (sample, output) values. */
  readonly targets: TypedArray;
  readonly predictions: TypedArray;
  readonly rows: number;
  readonly outputs: number;
  /** One finite weight per sample, or undefined. */
  readonly weights: Float64Array | undefined;
}

function matrixOf(input: unknown, argument: string): { data: TypedArray; rows: number; outputs: number } {
  const { data, shape } = toTensor(input, argument);
  if (shape.length === 1) return { data, rows: shape[0]!, outputs: 1 };
  if (shape.length === 2) return { data, rows: shape[0]!, outputs: shape[1]! };
  throw new InputError('SHAPE_MISMATCH', `${argument} must have shape (n_samples,) or (n_samples, n_outputs); received ${formatShape(shape)}.`);
}

export function regressionPair(yTrue: unknown, yPred: unknown, sampleWeight: unknown): RegressionPair {
  const targets = matrixOf(yTrue, 'y_true'), predictions = matrixOf(yPred, 'y_pred');
  if (targets.rows !== predictions.rows) {
    throw new InputError('SHAPE_MISMATCH', `y_true has ${targets.rows} samples and y_pred ${predictions.rows}.`);
  }
  if (targets.outputs !== predictions.outputs) {
    throw new InputError('SHAPE_MISMATCH', `y_true has ${targets.outputs} outputs and y_pred ${predictions.outputs}.`);
  }
  if (targets.rows === 0 || targets.outputs === 0) {
    throw new InputError('INVALID_INPUT', 'At least one sample with at least one output is required; the inputs are empty.');
  }
  return {
    targets: targets.data, predictions: predictions.data, rows: targets.rows, outputs: targets.outputs,
    weights: readSampleWeight(sampleWeight, targets.rows),
  };
}

/** The error naming the first NaN or infinite target or prediction (scanned only once a pass has seen one). */
export function nonFiniteInputError(pair: RegressionPair): InputError | undefined {
  const shape = pair.outputs === 1 ? [pair.rows] : [pair.rows, pair.outputs];
  for (const [argument, values] of [['y_true', pair.targets], ['y_pred', pair.predictions]] as const) {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i]!)) return nonFiniteError(argument, formatIndex(i, shape), values[i]!);
    }
  }
  return undefined;
}
