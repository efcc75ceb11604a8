// What crosses between the main thread and a worker. Type-only: the worker
// bundle must not load the main entry (which would compile the embedded kernels).
import type { MetricErrorCode, SerializedMetric, TypedArray } from '../index.js';

/** Sent once to every worker: the kernels compiled by the main thread. */
export interface KernelWorkerData {
  readonly build: 'simd' | 'scalar';
  readonly module: WebAssembly.Module;
}

/** Rows of one input: a view on shared memory (or a small array sent whole). */
export interface ShardTensor {
  readonly data: TypedArray;
  readonly shape: readonly number[];
}

/** One contiguous block of rows for every metric of the collection, in collection order. */
export interface ShardTask {
  readonly metrics: readonly SerializedMetric[];
  readonly yTrue: ShardTensor;
  readonly yPred: ShardTensor;
  readonly sampleWeight?: ShardTensor;
}

/** A MetricError as plain data (structured clone keeps neither its class nor its code). */
export interface TransferredError {
  readonly name: string;
  readonly code: MetricErrorCode;
  readonly message: string;
  /** The block's first row within the shard: indices in the message count from it. */
  readonly rowOffset: number;
  readonly unknownKey?: { readonly key: string; readonly known: readonly string[] };
}

/** Each metric's saveState() bytes in collection order, or the MetricError that rejected the shard. */
export type ShardReply = { readonly states: Uint8Array[] } | { readonly error: TransferredError };
