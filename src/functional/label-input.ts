// Reading targets as scikit-learn's classification functions take them: a
// column of class labels (numbers, booleans or strings; shape (n,) or (n, 1)),
// or a multilabel indicator matrix (n, k > 1) of 0/1. Sample weights are read by
// inputs.ts.
import { InputError } from '../errors.js';
import { toTensor, formatShape, type ArrayInput, type TypedArray } from '../tensor.js';

/** Class labels as the functions take them: numbers or booleans in any accepted array form, or an array of strings. */
export type ClassLabels = ArrayInput | readonly string[];

export interface NumberColumn {
  readonly kind: 'number';
  readonly data: TypedArray;
  readonly length: number;
  readonly argument: string;
}

export interface StringColumn {
  readonly kind: 'string';
  readonly data: readonly string[];
  readonly length: number;
  readonly argument: string;
}

/** One label per sample. */
export type LabelColumn = NumberColumn | StringColumn;

/** A multilabel indicator matrix: `rows` samples of `width` 0/1 values, row-major. */
export interface IndicatorMatrix {
  readonly kind: 'indicator';
  readonly data: TypedArray;
  readonly rows: number;
  readonly width: number;
  readonly argument: string;
}

export type Target = LabelColumn | IndicatorMatrix;

export function samplesOf(target: Target): number {
  return target.kind === 'indicator' ? target.rows : target.length;
}

function stringColumn(input: readonly unknown[], argument: string): StringColumn {
  for (let index = 0; index < input.length; index++) {
    const value = input[index];
    if (typeof value !== 'string') {
      throw new InputError('INVALID_INPUT',
        `${argument}[${index}] is ${JSON.stringify(value)} among string labels; labels must be all strings or all numbers.`);
    }
  }
  return { kind: 'string', data: input as readonly string[], length: input.length, argument };
}

/** Reads a label column or an indicator matrix; empty inputs are rejected. */
export function readTarget(input: unknown, argument: string): Target {
  let target: Target;
  if (Array.isArray(input) && (typeof input[0] === 'string' || input.some((value) => typeof value === 'string'))) {
    target = stringColumn(input, argument);
  } else {
    const tensor = toTensor(input, argument);
    const { shape, data } = tensor;
    if (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) {
      target = { kind: 'number', data, length: shape[0]!, argument };
    } else if (shape.length === 2 && shape[1]! > 1) {
      target = { kind: 'indicator', data, rows: shape[0]!, width: shape[1]!, argument };
    } else {
      throw new InputError('INVALID_INPUT',
        `${argument} of shape ${formatShape(shape)} is not a column of labels (n,) or (n, 1), nor a multilabel indicator matrix (n, k).`);
    }
  }
  if (samplesOf(target) === 0) throw new InputError('INVALID_INPUT', `${argument} is empty; classification metrics need at least one sample.`);
  return target;
}

/** Reads a column of labels; an indicator matrix is rejected with `why`. */
export function readLabelColumn(input: unknown, argument: string, why: string): LabelColumn {
  const target = readTarget(input, argument);
  if (target.kind === 'indicator') {
    throw new InputError('INVALID_INPUT', `${argument} is a (${target.rows}, ${target.width}) matrix; ${why}`);
  }
  return target;
}

/** scikit-learn's check_consistent_length. */
export function checkSameSamples(...targets: { readonly argument: string; readonly samples: number }[]): void {
  const first = targets[0]!;
  const other = targets.find((target) => target.samples !== first.samples);
  if (other) {
    throw new InputError('SHAPE_MISMATCH', `Found input variables with inconsistent numbers of samples: ` +
      `${targets.map((target) => `${target.argument} has ${target.samples}`).join(', ')}.`);
  }
}

