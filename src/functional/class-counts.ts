// Weighted counts of (true class, predicted class) pairs over the sorted union
// of the labels that occur: the confusion matrix every label-based score is
// computed from. Up to MATRIX_KERNEL_CLASSES classes the matrix comes from the
// confusionMatrixCounts kernel; beyond, a JavaScript pass counts what is needed.
import type { TypedArray } from '../tensor.js';
import { feedClassPairs } from '../wasm/feed-pairs.js';
import type { WeightLayout } from '../weights.js';
import type { Label } from './options.js';
import type { LabelColumn } from './label-input.js';
import { summarise, checkSameKind, encode, positions, sortLabels, type ColumnSummary } from './label-set.js';

/** Classes whose C×C f64 matrix (8 MB at most) the kernel fills in wasm memory. */
export const MATRIX_KERNEL_CLASSES = 1024;

export interface LabelPair {
  /** Sorted union of the labels of both columns. */
  readonly classes: readonly Label[];
  readonly first: ColumnSummary;
  readonly second: ColumnSummary;
  /** Class ids (indices into `classes`) of each sample. */
  readonly firstIds: TypedArray;
  readonly secondIds: TypedArray;
  readonly weights: Float64Array | undefined;
}

/** Both columns' labels, their union and every sample's class ids. */
export function labelPair(first: LabelColumn, second: LabelColumn, weights: Float64Array | undefined): LabelPair {
  checkSameKind(first, second);
  const firstSummary = summarise(first), secondSummary = summarise(second);
  const classes = sortLabels([...firstSummary.labels, ...secondSummary.labels]);
  const index = positions(classes);
  return {
    classes, first: firstSummary, second: secondSummary, weights,
    firstIds: encode(firstSummary, index, -1), secondIds: encode(secondSummary, index, -1),
  };
}

/** Row-major C×C matrix: rows are the first column's classes, columns the second's. */
export function confusionCounts(pair: LabelPair): Float64Array {
  const C = pair.classes.length, samples = pair.firstIds.length;
  if (C > MATRIX_KERNEL_CLASSES) {
    const matrix = new Float64Array(C * C);
    for (let i = 0; i < samples; i++) matrix[pair.firstIds[i]! * C + pair.secondIds[i]!]! += pair.weights ? pair.weights[i]! : 1;
    return matrix;
  }
  const weights: WeightLayout = pair.weights ? { kind: 'dense', data: pair.weights } : { kind: 'none' };
  const { output } = feedClassPairs({
    yTrue: { data: pair.firstIds, shape: [samples], encoding: 'ids', width: 1 },
    yPred: { data: pair.secondIds, shape: [samples], encoding: 'ids', width: 1 },
    samples, weights, weightShape: [samples], nonFinite: 'raise', outputSlots: C * C + 1,
  }, (a, chunk, out) => a.kernels.confusionMatrixCounts(
    chunk.trueValues, chunk.trueKind, chunk.trueWidth, chunk.predValues, chunk.predKind, chunk.predWidth,
    chunk.weights, chunk.count, C, 0, 0, 0,
    a.address('columnLabels'), a.address('columnPredictions'), a.address('scratch'), out));
  return output.subarray(0, C * C);
}

/** Per class: Σ w over samples of the class in both columns, in the first, and in the second. */
export interface ClassTotals {
  readonly matched: Float64Array;
  readonly firstTotals: Float64Array;
  readonly secondTotals: Float64Array;
}

/** The diagonal, row sums and column sums of the confusion matrix (without the matrix when classes are many). */
export function classTotals(pair: LabelPair): ClassTotals {
  const C = pair.classes.length;
  const matched = new Float64Array(C), firstTotals = new Float64Array(C), secondTotals = new Float64Array(C);
  if (C <= MATRIX_KERNEL_CLASSES) {
    const matrix = confusionCounts(pair);
    for (let row = 0; row < C; row++) {
      for (let column = 0; column < C; column++) {
        const count = matrix[row * C + column]!;
        firstTotals[row]! += count;
        secondTotals[column]! += count;
      }
      matched[row] = matrix[row * C + row]!;
    }
  } else {
    for (let i = 0; i < pair.firstIds.length; i++) {
      const w = pair.weights ? pair.weights[i]! : 1, t = pair.firstIds[i]!, p = pair.secondIds[i]!;
      firstTotals[t]! += w;
      secondTotals[p]! += w;
      if (t === p) matched[t]! += w;
    }
  }
  return { matched, firstTotals, secondTotals };
}
