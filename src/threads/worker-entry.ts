// Worker thread entry (dist/threads-worker.js): the library without embedded
// kernels, instantiated from the WebAssembly.Module the main thread compiled
// once. Each task feeds one shard to fresh metrics and answers their saved states.
import { workerData } from 'node:worker_threads';
import { MetricCollection, MetricError, ConfigError, deserialize } from '../api.js';
import { registerKernelSource } from '../wasm/runtime.js';
import type { KernelWorkerData, ShardReply, ShardTask, TransferredError } from './protocol.js';

const kernels = workerData as KernelWorkerData;

registerKernelSource({
  build: kernels.build,
  instantiateSync: (build) => (build === kernels.build ? new WebAssembly.Instance(kernels.module, {}) : undefined),
  instantiate: async () => new WebAssembly.Instance(kernels.module, {}),
});

function transferable(error: MetricError): TransferredError {
  const unknownKey = error instanceof ConfigError ? error.unknownKey : undefined;
  return { name: error.name, code: error.code, message: error.message, ...(unknownKey ? { unknownKey } : {}) };
}

export default function evaluateShard(task: ShardTask): ShardReply {
  try {
    const metrics = task.metrics.map((spec) => deserialize(spec));
    new MetricCollection(metrics).updateState(task.yTrue, task.yPred, task.sampleWeight ?? null);
    return { states: metrics.map((metric) => metric.saveState()) };
  } catch (error) {
    if (error instanceof MetricError) return { error: transferable(error) };
    throw error;
  }
}
