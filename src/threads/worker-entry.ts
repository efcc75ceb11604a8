// Worker thread entry (dist/threads-worker.js): the library without embedded
// kernels, instantiated from the WebAssembly.Module the main thread compiled
// once. Each task feeds one shard to fresh metrics and answers their saved states.
import { workerData } from 'node:worker_threads';
import { MetricCollection, MetricError, ConfigError, deserialize, type TypedArray } from '../api.js';
import { registerKernelSource } from '../wasm/runtime.js';
import type { KernelWorkerData, ShardReply, ShardTask, ShardTensor, TransferredError } from './protocol.js';

const kernels = workerData as KernelWorkerData;

registerKernelSource({
  build: kernels.build,
  instantiateSync: (build) => (build === kernels.build ? new WebAssembly.Instance(kernels.module, {}) : undefined),
  instantiate: async () => new WebAssembly.Instance(kernels.module, {}),
});

/**
 * Rows are copied out of shared memory a block at a time into this thread's
 * own buffers before the metrics read them: V8 copies from a SharedArrayBuffer
 * into WebAssembly memory several times slower than from ordinary memory, and
 * every metric copies its inputs again. With 2^18 elements per input (1 MB of
 * float32) each metric rereads a block from the core's own cache: two threads
 * ran 1.5-1.7x one thread where 2^20-element blocks, read back from the shared
 * last-level cache, ran 1.2-1.7x (light metric set, 10^7 samples, paired runs).
 */
const BLOCK_ELEMENTS = 1 << 18;
const ownBuffers = new Map<string, ArrayBuffer>();

type TypedArrayConstructor = new (buffer: ArrayBuffer, byteOffset: number, length: number) => TypedArray;

const rowLength = (tensor: ShardTensor) => tensor.shape.slice(1).reduce((size, dim) => size * dim, 1);

/** Rows [start, end) of a tensor on shared memory, copied into this thread's buffer for `role`. */
function ownCopy(role: string, tensor: ShardTensor, start: number, end: number): ShardTensor {
  const width = rowLength(tensor);
  const rows = tensor.data.subarray(start * width, end * width);
  let buffer = ownBuffers.get(role);
  if (!buffer || buffer.byteLength < rows.byteLength) ownBuffers.set(role, (buffer = new ArrayBuffer(rows.byteLength)));
  const Constructor = (globalThis as unknown as Record<string, TypedArrayConstructor>)[rows[Symbol.toStringTag]]!;
  const copy = new Constructor(buffer, 0, rows.length);
  copy.set(rows);
  return { data: copy, shape: [end - start, ...tensor.shape.slice(1)] };
}

function transferable(error: MetricError, rowOffset: number): TransferredError {
  const unknownKey = error instanceof ConfigError ? error.unknownKey : undefined;
  return { name: error.name, code: error.code, message: error.message, rowOffset, ...(unknownKey ? { unknownKey } : {}) };
}

export default function evaluateShard(task: ShardTask): ShardReply {
  const { yTrue, yPred, sampleWeight } = task;
  const rows = yTrue.shape[0]!;
  // A weight split by rows lives on shared memory; one sent whole applies to every block as it is.
  const weightByRows = sampleWeight !== undefined && sampleWeight.data.buffer instanceof SharedArrayBuffer;
  const widest = Math.max(rowLength(yTrue), rowLength(yPred), weightByRows ? rowLength(sampleWeight) : 1);
  const blockRows = Math.max(1, Math.floor(BLOCK_ELEMENTS / widest));
  let start = 0;
  try {
    const metrics = task.metrics.map((spec) => deserialize(spec));
    const collection = new MetricCollection(metrics);
    for (; start < rows; start += blockRows) {
      const end = Math.min(rows, start + blockRows);
      const weight = weightByRows ? ownCopy('sampleWeight', sampleWeight, start, end) : sampleWeight;
      collection.updateState(ownCopy('yTrue', yTrue, start, end), ownCopy('yPred', yPred, start, end), weight ?? null);
    }
    return { states: metrics.map((metric) => metric.saveState()) };
  } catch (error) {
    if (error instanceof MetricError) return { error: transferable(error, Math.min(start, rows)) };
    throw error;
  }
}
