// Keras's accuracy family beyond BinaryAccuracy: Accuracy (element-wise
// equality) and the row-wise CategoricalAccuracy, SparseCategoricalAccuracy,
// TopKCategoricalAccuracy and SparseTopKCategoricalAccuracy. Each yields 0/1
// matches that Keras's Mean reduces per sample, with sample weights.
import { ConfigError } from '../errors.js';
import type { BaseOptions, Direction } from '../metric.js';
import { toSampleWeight, toTensor, alignPair, rowsOf, sizeOf, type ArrayInput, type Tensor } from '../tensor.js';
import { resolveWeights } from '../weights.js';
import type { Arena } from '../wasm/arena.js';
import type { ChunkPointers } from '../wasm/feed.js';
import { feedBinary } from '../wasm/feed.js';
import { feedClassRows } from '../wasm/feed-classes.js';
import { argmaxClassRows, topKClassRows, type ClassRows } from './class-rows.js';
import { MeanStateMetric, meanIncrement } from './mean.js';

/** Keras Accuracy: the weighted fraction of elements whose label equals the prediction exactly (in float32). */
export class Accuracy extends MeanStateMetric {
  constructor(options: BaseOptions = {}) {
    super('Accuracy', 'accuracy', options, []);
  }

  get direction(): Direction {
    return 'up';
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const pair = alignPair(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    const shape = pair.yPred.shape;
    const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
    const { rows, rowLength } = rowsOf(shape);
    const { output, sawNonFinite } = feedBinary({
      predictions: pair.yPred.data, labels: pair.yTrue.data, weights, rows, rowLength,
      lastAxis: rowLength, shape, nonFinite: this.nonFinite, outputSlots: 2,
    }, (a, chunk, labelsAreBytes, _parameters, out) =>
      a.kernels.elementEqualitySums(chunk.predictions, chunk.labels, labelsAreBytes ? 1 : 0, chunk.weights, chunk.count, out));
    this.addMean(meanIncrement(output[0]!, output[1]!, weights, sizeOf(shape), rowLength), sawNonFinite);
  }

  result(): number {
    return this.meanResult();
  }
}

/** A metric of one 0/1 match per class row, computed by a row kernel and reduced by Keras's Mean. */
abstract class ClassRowsMetric extends MeanStateMetric {
  get direction(): Direction {
    return 'up';
  }

  /** Keras's shape rules for this metric. */
  protected abstract classRows(yTrue: Tensor, yPred: Tensor): ClassRows;

  /** Runs the kernel on one chunk; returns its flags. */
  protected abstract hits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number;

  /** Class ids must be integers below this (sorted-id predictions lift the bound). */
  protected classIdLimit(rows: ClassRows): number {
    return rows.classes;
  }

  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const classRows = this.classRows(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    const shape = classRows.valuesShape;
    const weights = resolveWeights(toSampleWeight(sampleWeight), shape);
    const { rows, rowLength } = rowsOf(shape);
    const { output, sawNonFinite } = feedClassRows({
      ...classRows, predictionsAreIds: this.predictionsAreIds, classIdLimit: this.classIdLimit(classRows),
      rows, rowLength, shape, weights, nonFinite: this.nonFinite,
    }, (a, chunk, out) => this.hits(a, chunk, classRows, out));
    this.addMean(meanIncrement(output[0]!, output[1]!, weights, sizeOf(shape), rowLength), sawNonFinite);
  }

  protected get predictionsAreIds(): boolean {
    return false;
  }

  result(): number {
    return this.meanResult();
  }
}

/** argmax(y_pred) == argmax(y_true) or the class id; argmax ties go to the first index. */
function argmaxHits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number {
  return a.kernels.classTargetHits(chunk.predictions, chunk.labels, rows.labelClasses, chunk.weights,
    chunk.count, rows.classes, 1, 1, out);
}

/** The target's score is among the k largest, ties counting as hits (Keras in_top_k). */
function topKHits(a: Arena, chunk: ChunkPointers, rows: ClassRows, k: number, out: number): number {
  // k beyond the class count hits every row; capping keeps it an i32.
  return a.kernels.classTargetHits(chunk.predictions, chunk.labels, rows.labelClasses, chunk.weights,
    chunk.count, rows.classes, Math.min(k, rows.classes + 1), 0, out);
}

/** Keras CategoricalAccuracy: argmax of one-hot (or probability) labels against argmax of predictions. */
export class CategoricalAccuracy extends ClassRowsMetric {
  constructor(options: BaseOptions = {}) {
    super('CategoricalAccuracy', 'categorical_accuracy', options, []);
  }

  protected classRows(yTrue: Tensor, yPred: Tensor): ClassRows {
    return argmaxClassRows(yTrue, yPred, 'rows');
  }

  protected hits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number {
    return argmaxHits(a, chunk, rows, out);
  }
}

/** Keras SparseCategoricalAccuracy: class ids, (N,) or (N, 1), against argmax of (N, C) predictions. */
export class SparseCategoricalAccuracy extends ClassRowsMetric {
  constructor(options: BaseOptions = {}) {
    super('SparseCategoricalAccuracy', 'sparse_categorical_accuracy', options, []);
  }

  protected classRows(yTrue: Tensor, yPred: Tensor): ClassRows {
    return argmaxClassRows(yTrue, yPred, 'ids');
  }

  protected hits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number {
    return argmaxHits(a, chunk, rows, out);
  }
}

export interface TopKOptions extends BaseOptions {
  /** How many of the highest scores count as a hit. Default 5. */
  k?: number;
}

function checkedK(k: unknown): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new ConfigError('INVALID_CONFIG', `k must be an integer of at least 1; received ${JSON.stringify(k)}.`);
  }
  return k;
}

/** Keras TopKCategoricalAccuracy: argmax(y_true) among the k highest scores of y_pred. */
export class TopKCategoricalAccuracy extends ClassRowsMetric {
  readonly k: number;

  constructor(options: TopKOptions = {}) {
    super('TopKCategoricalAccuracy', 'top_k_categorical_accuracy', options, ['k']);
    this.k = checkedK(options.k ?? 5);
  }

  protected classRows(yTrue: Tensor, yPred: Tensor): ClassRows {
    return topKClassRows(yTrue, yPred, 'rows');
  }

  protected hits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number {
    return topKHits(a, chunk, rows, this.k, out);
  }

  getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}

export interface SparseTopKOptions extends TopKOptions {
  /** y_pred holds class ids sorted by score (best first) instead of scores. Default false. */
  fromSortedIds?: boolean;
}

/** Keras SparseTopKCategoricalAccuracy: the class id among the k highest scores, or among the first k sorted ids. */
export class SparseTopKCategoricalAccuracy extends ClassRowsMetric {
  readonly k: number;
  readonly fromSortedIds: boolean;

  constructor(options: SparseTopKOptions = {}) {
    super('SparseTopKCategoricalAccuracy', 'sparse_top_k_categorical_accuracy', options, ['k', 'fromSortedIds']);
    this.k = checkedK(options.k ?? 5);
    const fromSortedIds = options.fromSortedIds ?? false;
    if (typeof fromSortedIds !== 'boolean') {
      throw new ConfigError('INVALID_CONFIG', `fromSortedIds must be a boolean; received ${JSON.stringify(fromSortedIds)}.`);
    }
    this.fromSortedIds = fromSortedIds;
  }

  protected classRows(yTrue: Tensor, yPred: Tensor): ClassRows {
    return topKClassRows(yTrue, yPred, 'ids');
  }

  protected get predictionsAreIds(): boolean {
    return this.fromSortedIds;
  }

  /** Sorted ids may list any class of a larger vocabulary, so only non-negative integers are required. */
  protected classIdLimit(rows: ClassRows): number {
    return this.fromSortedIds ? Infinity : rows.classes;
  }

  protected hits(a: Arena, chunk: ChunkPointers, rows: ClassRows, out: number): number {
    if (!this.fromSortedIds) return topKHits(a, chunk, rows, this.k, out);
    return a.kernels.sortedIdHits(chunk.predictions, chunk.labels, chunk.weights, chunk.count, rows.classes,
      Math.min(this.k, rows.classes), out);
  }

  getConfig(): Record<string, unknown> {
    // Keras writes from_sorted_ids only when it is true.
    return { ...super.getConfig(), k: this.k, ...(this.fromSortedIds ? { fromSortedIds: true } : {}) };
  }
}
