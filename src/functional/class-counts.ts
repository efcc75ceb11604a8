// Weighted counts of (true class, predicted class) pairs over the sorted union
// of the labels that occur: the confusion matrix every label-based score is
// computed from. Up to MATRIX_KERNEL_CLASSES classes the matrix comes from the
// confusionMatrixCounts kernel; beyond, a JavaScript pass counts what is needed.
import { classIdArray, type ClassIds } from '../wasm/feed-labels.js';
import { countClassPairs } from '../wasm/feed-class-pairs.js';
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
  readonly firstIds: ClassIds;
  readonly secondIds: ClassIds;
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
  const C = pair.classes.length;
  if (C <= MATRIX_KERNEL_CLASSES) return countClassPairs(pair.firstIds, pair.secondIds, pair.weights, C);
  const first = classIdArray(pair.firstIds), second = classIdArray(pair.secondIds);
  const matrix = new Float64Array(C * C);
  for (let i = 0; i < first.length; i++) matrix[first[i]! * C + second[i]!]! += pair.weights ? pair.weights[i]! : 1;
  return matrix;
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
    const firstIds = classIdArray(pair.firstIds), secondIds = classIdArray(pair.secondIds);
    for (let i = 0; i < firstIds.length; i++) {
      const w = pair.weights ? pair.weights[i]! : 1, t = firstIds[i]!, p = secondIds[i]!;
      firstTotals[t]! += w;
      secondTotals[p]! += w;
      if (t === p) matched[t]! += w;
    }
  }
  return { matched, firstTotals, secondTotals };
}
