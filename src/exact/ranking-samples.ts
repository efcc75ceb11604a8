// The growable state of exact ranking metrics: every (scores, labels, weight)
// row seen, held compactly in JS. Scores stay float32 while every value seen
// fits float32 exactly and become float64 otherwise (never losing a bit);
// weights are stored only once a batch carries them. Merge = concatenation.
import { StateError } from '../errors.js';
import type { GrowableState } from '../metric.js';
import type { StateArray } from '../state-codec.js';
import { GrowableArray } from './growable-array.js';

/** 'indicator': a 0/1 byte per score (binary, multilabel). 'class': one class id per row (multiclass). */
export type LabelKind = 'indicator' | 'class';
/** Weights per row (scikit-learn's sample_weight) or per score (Keras's broadcast sample_weight). */
export type WeightKind = 'row' | 'element';

/** One validated batch. */
export interface SampleBatch {
  readonly rows: number;
  /** Scores per row. */
  readonly width: number;
  readonly scores: ArrayLike<number>;
  /** True when every score equals its float32 rounding. */
  readonly scoresFitFloat32: boolean;
  readonly labels: ArrayLike<number>;
  /** Omitted when every weight is 1. */
  readonly weights?: ArrayLike<number> | undefined;
}

const NAMES = ['sample_shape', 'scores', 'labels', 'weights'] as const;

const mismatch = (message: string): never => {
  throw new StateError('STATE_MISMATCH', message);
};
const corrupt = (message: string): never => {
  throw new StateError('CORRUPT_STATE', `Not a saved exact-metric state: ${message}.`);
};

export class RankingSamples implements GrowableState {
  readonly arrayNames = NAMES;
  private rowCount = 0;
  private width: number | undefined;
  private scores32 = new GrowableArray((n) => new Float32Array(n));
  private scores64: GrowableArray<Float64Array> | undefined;
  private readonly labelValues: GrowableArray<Uint8Array> | GrowableArray<Int32Array>;
  private weightValues: GrowableArray<Float64Array> | undefined;

  /** `width` is the number of scores per row, or undefined to take it from the first batch. */
  constructor(readonly labelKind: LabelKind, readonly weightKind: WeightKind, private readonly configuredWidth?: number) {
    this.width = configuredWidth;
    this.labelValues = labelKind === 'indicator' ? new GrowableArray((n) => new Uint8Array(n)) : new GrowableArray((n) => new Int32Array(n));
  }

  get rows(): number {
    return this.rowCount;
  }

  /** Scores per row; undefined before the first batch when not configured. */
  get rowWidth(): number | undefined {
    return this.width;
  }

  /** Bytes held per row (without growth slack). */
  get bytesPerRow(): number {
    const width = this.width ?? 1;
    const scoreBytes = this.scores64 ? 8 : 4;
    const labelBytes = this.labelKind === 'indicator' ? width : 4;
    const weightBytes = this.weightValues ? 8 * this.weightWidth : 0;
    return width * scoreBytes + labelBytes + weightBytes;
  }

  private get weightWidth(): number {
    return this.weightKind === 'row' ? 1 : this.width ?? 1;
  }

  scores(): Float32Array | Float64Array {
    return this.scores64 ? this.scores64.view() : this.scores32.view();
  }

  labels(): Uint8Array | Int32Array {
    return this.labelValues.view();
  }

  /** Undefined when every weight is 1. */
  weights(): Float64Array | undefined {
    return this.weightValues?.view();
  }

  append(batch: SampleBatch): void {
    this.width ??= batch.width;
    if (batch.rows === 0) return;
    if (!this.scores64 && !batch.scoresFitFloat32) this.widenScores();
    (this.scores64 ?? this.scores32).append(batch.scores);
    (this.labelValues as GrowableArray<Uint8Array>).append(batch.labels);
    const weightCount = batch.rows * this.weightWidth;
    if (batch.weights && !this.weightValues) this.startWeights();
    if (batch.weights) this.weightValues!.append(batch.weights);
    else this.weightValues?.appendFilled(1, weightCount);
    this.rowCount += batch.rows;
  }

  /** Drops every sample; a width learned from the data is kept (as a lazily shaped Keras metric keeps its shape). */
  clear(): void {
    this.rowCount = 0;
    this.scores32.clear();
    this.scores64 = undefined;
    this.labelValues.clear();
    this.weightValues = undefined;
  }

  /** Views of the samples (saveState copies them into its bytes at once). */
  arrays(): Array<readonly [string, StateArray]> {
    return [
      ['sample_shape', Float64Array.of(this.rowCount, this.width ?? 0)],
      ['scores', this.scores()],
      ['labels', this.labels()],
      ['weights', this.weights() ?? new Float64Array(0)],
    ];
  }

  checkpoint(): () => void {
    const rows = this.rowCount, width = this.width, widened = this.scores64 !== undefined, weighted = this.weightValues !== undefined;
    const scoreCount = this.scores().length, labelCount = this.labelValues.length, weightCount = this.weightValues?.length ?? 0;
    return () => {
      this.rowCount = rows;
      this.width = width;
      if (!widened && this.scores64) {
        // Every score before the checkpoint fitted float32: narrowing them back is exact.
        this.scores32.clear();
        this.scores32.append(this.scores64.view().subarray(0, scoreCount));
        this.scores64 = undefined;
      }
      (this.scores64 ?? this.scores32).truncate(scoreCount);
      this.labelValues.truncate(labelCount);
      if (!weighted) this.weightValues = undefined;
      this.weightValues?.truncate(weightCount);
    };
  }

  prepareAppend(other: GrowableState): () => void {
    if (!(other instanceof RankingSamples) || other.labelKind !== this.labelKind || other.weightKind !== this.weightKind) {
      return mismatch('Cannot merge exact-metric samples of a different kind.');
    }
    if (other.rows > 0 && this.width !== undefined && other.width !== this.width) {
      mismatch(`Cannot merge samples of ${other.width} scores per row into samples of ${this.width}.`);
    }
    return () => this.appendStore(other);
  }

  private appendStore(other: RankingSamples): void {
    if (other.rows === 0) return;
    this.append({
      rows: other.rows, width: other.width!, scores: other.scores(), scoresFitFloat32: !other.scores64,
      labels: other.labels(), weights: other.weights(),
    });
  }

  prepareLoad(arrays: ReadonlyMap<string, StateArray>): () => void {
    const [shape, scores, labels, weights] = NAMES.map((name) => arrays.get(name) ?? mismatch(`The saved state has no '${name}' samples array.`));
    if (!(shape instanceof Float64Array) || shape.length !== 2) return corrupt('sample_shape must hold [rows, width]');
    const [rows, width] = [shape[0]!, shape[1]!];
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(width) || width < 0 || (rows > 0 && width === 0)) {
      corrupt(`bad sample_shape [${rows}, ${width}]`);
    }
    if (this.configuredWidth !== undefined && width !== 0 && width !== this.configuredWidth) {
      mismatch(`The saved samples have ${width} scores per row; this metric has ${this.configuredWidth}.`);
    }
    if (!(scores instanceof Float32Array || scores instanceof Float64Array) || scores.length !== rows * width) {
      corrupt(`scores must be ${rows * width} float values`);
    }
    if (scores!.some((value) => !Number.isFinite(value))) corrupt('scores must be finite');
    const labelsFit = this.labelKind === 'indicator'
      ? labels instanceof Uint8Array && labels.length === rows * width && labels.every((value) => value <= 1)
      : labels instanceof Int32Array && labels.length === rows && labels.every((value) => value >= 0 && value < width);
    if (!labelsFit) corrupt(this.labelKind === 'indicator' ? 'labels must be 0/1 bytes, one per score' : 'labels must be class ids, one per row');
    const weightCount = rows * (this.weightKind === 'row' ? 1 : width);
    if (!(weights instanceof Float64Array) || (weights.length !== 0 && weights.length !== weightCount)) {
      corrupt(`weights must be empty or ${weightCount} float64 values`);
    }
    if (weights!.some((value) => !(value >= 0 && value < Infinity))) corrupt('weights must be finite and non-negative');
    return () => {
      this.clear();
      this.width = width === 0 ? this.configuredWidth : width;
      this.append({
        rows, width, scores: scores!, scoresFitFloat32: scores instanceof Float32Array, labels: labels!,
        weights: weights!.length ? weights! : undefined,
      });
    };
  }

  private widenScores(): void {
    this.scores64 = new GrowableArray((n) => new Float64Array(n));
    this.scores64.append(this.scores32.view());
    this.scores32.clear();
  }

  /** The first weighted batch: every earlier row had weight 1. */
  private startWeights(): void {
    this.weightValues = new GrowableArray((n) => new Float64Array(n));
    this.weightValues.appendFilled(1, this.rowCount * this.weightWidth);
  }
}
