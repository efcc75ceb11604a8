// Feeding for pairs of class ids (the IoU family's confusion matrix). Each side
// is one class id per sample, or rows of scores whose argmax (or, for binary
// predictions, a threshold) gives the id; the weights are one per sample.
// Integer id arrays reach the kernel as int32 and need no conversion or check.
import { arena } from './runtime.js';
import type { Arena } from './arena.js';
import type { TypedArray } from '../tensor.js';
import type { WeightLayout } from '../weights.js';
import {
  NonFiniteTracker, writeWeights, scalarWeight, rowsPerChunk, scaled,
  type FeedResult, type Layout, type NonFinitePolicy,
} from './feed.js';

/** How a side's values are stored for the kernel; the codes match assembly/multiclass.ts. */
export const CLASS_ID_KIND = { idsF64: 0, idsI32: 1, argmax: 2, threshold: 3 } as const;

export interface ClassIdSide {
  readonly data: TypedArray;
  /** The caller's shape, for messages. */
  readonly shape: readonly number[];
  /** 'ids': one class id per sample; 'argmax': rows of `width` scores; 'threshold': one score per sample. */
  readonly encoding: 'ids' | 'argmax' | 'threshold';
  readonly width: number;
}

export interface ClassPairFeed {
  readonly yTrue: ClassIdSide;
  readonly yPred: ClassIdSide;
  readonly samples: number;
  /** 'none', 'scalar', or 'dense' with one weight per sample. */
  readonly weights: WeightLayout;
  /** The caller's sample_weight shape, for messages. */
  readonly weightShape: readonly number[];
  readonly nonFinite: NonFinitePolicy;
  readonly outputSlots: number;
}

export interface ClassPairChunk {
  readonly trueValues: number;
  readonly trueKind: number;
  readonly trueWidth: number;
  readonly predValues: number;
  readonly predKind: number;
  readonly predWidth: number;
  /** 0 when unweighted. */
  readonly weights: number;
  readonly count: number;
}

/** Runs the kernel on one chunk; returns non-zero when it saw a NaN or infinite input. */
export type ClassPairKernel = (arena: Arena, chunk: ClassPairChunk, out: number) => number;

/** Integer arrays whose every value int32 holds exactly. */
function holdsInt32(data: TypedArray): boolean {
  return data instanceof Int32Array || data instanceof Int16Array || data instanceof Uint16Array ||
    data instanceof Int8Array || data instanceof Uint8Array || data instanceof Uint8ClampedArray;
}

/** Copies one side's chunks into its arena region and names its non-finite values. */
class StagedSide {
  readonly kind: number;
  readonly valuesPerSample: number;
  private readonly tracker: NonFiniteTracker;

  constructor(private readonly side: ClassIdSide, private readonly a: Arena, readonly address: number,
    private readonly argument: string, layout: Layout) {
    const { encoding, data } = side;
    this.kind = encoding === 'argmax' ? CLASS_ID_KIND.argmax : encoding === 'threshold' ? CLASS_ID_KIND.threshold
      : holdsInt32(data) ? CLASS_ID_KIND.idsI32 : CLASS_ID_KIND.idsF64;
    this.valuesPerSample = encoding === 'argmax' ? side.width : 1;
    this.tracker = new NonFiniteTracker({ ...layout, shape: side.shape }, a);
  }

  get sawNonFinite(): boolean {
    return this.tracker.seen;
  }

  copy(first: number, count: number, int32: Int32Array): void {
    const part = this.side.data.subarray(first * this.valuesPerSample, (first + count) * this.valuesPerSample);
    if (this.kind === CLASS_ID_KIND.idsI32) int32.set(part, this.address >>> 2);
    else if (this.kind === CLASS_ID_KIND.idsF64) this.a.f64.set(part, this.address >>> 3);
    else this.a.f32.set(part, this.address >>> 2);
  }

  locate(first: number, count: number): void {
    if (this.kind === CLASS_ID_KIND.idsI32) return;
    this.tracker.check(this.address, this.kind === CLASS_ID_KIND.idsF64, count * this.valuesPerSample,
      first * this.valuesPerSample, this.argument, this.side.data);
  }
}

/** Streams the pairs through `kernel`; nothing is kept unless the whole batch passed. */
export function feedClassPairs(feed: ClassPairFeed, kernel: ClassPairKernel): FeedResult {
  const a = arena();
  const widest = Math.max(feed.yTrue.encoding === 'argmax' ? feed.yTrue.width : 1, feed.yPred.encoding === 'argmax' ? feed.yPred.width : 1);
  const rowsFitting = rowsPerChunk(a, widest, feed.outputSlots * 8);
  const layout: Layout = { rows: feed.samples, rowLength: 1, shape: feed.weightShape, weights: feed.weights, nonFinite: feed.nonFinite };
  const trueSide = new StagedSide(feed.yTrue, a, a.address('labels'), 'y_true', layout);
  const predSide = new StagedSide(feed.yPred, a, a.address('predictions'), 'y_pred', layout);
  // Regions hold 8 bytes per sample: int32 ids on both sides and no weight array fit twice as many,
  // which halves the kernel's per-chunk setup (its count scratch stays at least one int32 per pair).
  const int32Only = trueSide.kind === CLASS_ID_KIND.idsI32 && predSide.kind === CLASS_ID_KIND.idsI32 &&
    (feed.weights.kind === 'none' || feed.weights.kind === 'scalar');
  const chunkSamples = rowsFitting * (int32Only ? 2 : 1);
  const scale = scalarWeight(layout);
  a.clearOutput(feed.outputSlots);
  // A view made after the arena reserved its size stays valid for this batch.
  const int32 = new Int32Array(a.f64.buffer);
  const weightTracker = new NonFiniteTracker(layout, a);

  for (let first = 0; first < feed.samples; first += chunkSamples) {
    const count = Math.min(chunkSamples, feed.samples - first);
    trueSide.copy(first, count, int32);
    predSide.copy(first, count, int32);
    const weights = writeWeights(a, layout, first, count);
    const chunk: ClassPairChunk = {
      trueValues: trueSide.address, trueKind: trueSide.kind, trueWidth: trueSide.valuesPerSample,
      predValues: predSide.address, predKind: predSide.kind, predWidth: predSide.valuesPerSample,
      weights, count,
    };
    if (kernel(a, chunk, a.output)) {
      trueSide.locate(first, count);
      predSide.locate(first, count);
      weightTracker.checkWeights(first, count);
    }
  }
  const sawNonFinite = trueSide.sawNonFinite || predSide.sawNonFinite || weightTracker.seen;
  return { output: scaled(a.readOutput(feed.outputSlots), scale), sawNonFinite, nonZeroWeightRows: 0 };
}
