// The raw kernel exports of assembly/index.ts. Pointers and lengths are plain
// numbers; booleans are passed as 0/1.

export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  ensureMemory(endAddress: number): number;
  /** Returns 1 when an input was NaN or ±Infinity (likewise the next two). */
  countAtThresholds(predictions: number, labels: number, labelsAreBytes: number, weights: number,
    n: number, thresholds: number, numThresholds: number, out: number): number;
  binaryAccuracySums(predictions: number, labels: number, labelsAreBytes: number, weights: number,
    n: number, threshold: number, out: number): number;
  bucketHistogram(predictions: number, labels: number, labelsAreBytes: number, weights: number,
    n: number, numThresholds: number, clampToFirstBucket: number, out: number): number;
  r2Sums(targets: number, predictions: number, isF64: number, weights: number,
    n: number, shift: number, out: number): void;
  errorSums(targets: number, predictions: number, isF64: number, weights: number, n: number, out: number): void;
  /** [Σw, Σw·d, Σw·d², Σw·r, Σw·r²] with d = y - targetShift, r = (y - p) - errorShift. */
  varianceSums(targets: number, predictions: number, isF64: number, weights: number, n: number,
    targetShift: number, errorShift: number, out: number): void;
  firstNonFinite(values: number, isF64: number, n: number): number;
  gatherStrided(src: number, dst: number, elementBytes: number, count: number, offset: number, stride: number): void;
  expandRowWeights(rowWeights: number, dst: number, rows: number, rowLength: number): void;
  tileRowPattern(pattern: number, dst: number, rows: number, rowLength: number): void;
  scaleColumns(weights: number, columnWeights: number, rows: number, rowLength: number): void;
  sigmoidF32(values: number, n: number): void;
  filterTopK(values: number, rows: number, rowLength: number, k: number, scratch: number): void;
  countNonZeroRows(weights: number, rows: number, rowLength: number): number;
  elementLossSums(op: number, targets: number, predictions: number, isF64: number, weights: number,
    n: number, parameter: number, out: number): void;
  /** Returns 2 when a sparse class id is out of range or not an integer, else 0. */
  rowLosses(op: number, targets: number, predictions: number, rows: number, width: number,
    parameter: number, ignoreClass: number, out: number): number;
  weightedValueSums(values: number, isF64: number, weights: number, n: number, out: number): void;
  zeroWeightsWhere(weights: number, ids: number, n: number, id: number): void;
  /** [Σ w·h(labels mapped to ±1), Σ w, Σ w·h(labels as given), count of labels other than 0/1]. */
  hingeSums(squared: number, targets: number, predictions: number, isF64: number, weights: number, n: number, out: number): void;
  /** Flags: 1 when an input is NaN or ±Infinity, 2 when a class id is not an integer in [0, classes). */
  classTargetHits(predictions: number, labels: number, labelClasses: number, weights: number,
    rows: number, classes: number, k: number, breakTiesByIndex: number, out: number): number;
  /** Flags as classTargetHits; label ids must be non-negative integers. */
  sortedIdHits(predictionIds: number, labels: number, weights: number, rows: number, classes: number, k: number, out: number): number;
  firstInvalidClassId(ids: number, n: number, limit: number): number;
  /** Returns 1 when an input was NaN or ±Infinity. */
  elementEqualitySums(predictions: number, labels: number, labelsAreBytes: number, weights: number, n: number, out: number): number;
  /** Per-class Σw·y·predicted, Σw·predicted, Σw·y; returns 1 when an input was NaN or ±Infinity. */
  fbetaClassCounts(predictions: number, labels: number, labelsAreBytes: number, weights: number,
    rows: number, numClasses: number, useRowMax: number, threshold: number, out: number): number;
  /** Weighted C×C confusion matrix (plus a spare slot); returns 1 when an input was NaN or ±Infinity. */
  confusionMatrixCounts(trueValues: number, trueKind: number, trueWidth: number,
    predValues: number, predKind: number, predWidth: number, weights: number, n: number,
    numClasses: number, ignoreClass: number, flags: number, threshold: number,
    trueScratch: number, predScratch: number, countScratch: number, out: number): number;
  /** f64 labels to i32 ids; returns 1 when a label is not an integer in [-2^31, 2^31). */
  floatLabelIds(values: number, n: number, dst: number): number;
  /** Running i32 min/max at out[0..1], presence bytes for ids in [offset, offset + window); returns 1 when one was outside. */
  scanLabelIds(ids: number, n: number, offset: number, window: number, presence: number, out: number): number;
  /** i32 class ids from an i32 table over [offset, offset + window), `missing` outside it. */
  mapLabelIds(ids: number, n: number, offset: number, window: number, table: number, missing: number, dst: number): void;
  /** Multilabel per-column weighted sums and optional per-row counts; returns 1 when a value is neither 0 nor 1. */
  indicatorCounts(trueValues: number, predValues: number, weights: number, rows: number, width: number,
    rowCounts: number, columnSums: number): number;
  /** Log loss (op 0) or Brier (op 1) row sums; returns the first row with a value outside [0, 1], or -1. */
  probabilityRowLosses(op: number, probabilities: number, isF64: number, targets: number, weights: number,
    rows: number, width: number, epsilon: number, tolerance: number, out: number): number;
  /** scikit-learn top-k hits; returns 1 when a score is NaN or ±Infinity. */
  topKHits(scores: number, isF64: number, targets: number, weights: number, rows: number, width: number, k: number, out: number): number;
  /** Exact ranking (assembly/rankkeys.ts, ranksort.ts, ranksweep.ts): the sort key's bytes (4 or 8) plus 256 × the
   *  payload kind (0: label in the key, 1: no bit left for the label, sort with weights of 1, 2: weights). */
  rankKeyRange(scores: number, scoresAreF64: number, n: number, weighted: number, plan: number): number;
  rankWorkspaceBytes(): number;
  /** Returns the number of samples kept (zero weights dropped); writes [pairs, positive weight, negative weight] at `sums` unless 0. */
  rankSort(plan: number, scores: number, labels: number, weights: number, n: number,
    keys: number, otherKeys: number, otherPayload: number, sums: number): number;
  countScoreGroups(plan: number): number;
  /** Returns the sorted-sample index below which samples remain (0 when every group is written). */
  writeScoreGroups(plan: number, end: number, maxGroups: number, scoresOut: number, positivesOut: number, negativesOut: number): number;
}

export type KernelBuild = 'simd' | 'scalar';
