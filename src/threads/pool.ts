// A pool of worker threads that evaluates metrics over large inputs: the rows
// are cut into one contiguous shard per thread, each worker feeds its shard to
// its own metrics, and the saved states merge back in shard order.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  ConfigError, MetricCollection, MetricError, toTensor,
  type ArrayInput, type MetricResult, type MetricSpec, type Tensor,
} from '../index.js';
import { closestNames } from '../suggest.js';
import { compileKernels, workerEntry } from './kernel-module.js';
import { planShards, mergeShards } from './collection-plan.js';
import { leadingRows, rowSlice, shardBounds } from './shards.js';
import { StagingMemory } from './staging.js';
import { rebuildError } from './transferred-error.js';
import type { ShardReply, ShardTask } from './protocol.js';

export interface ThreadPoolOptions {
  /** Worker threads; defaults to os.availableParallelism(). */
  readonly threads?: number;
}

export interface ThreadEvaluateOptions {
  readonly sampleWeight?: ArrayInput | null;
  /** Prepended to every result key, e.g. 'val_'. */
  readonly prefix?: string;
}

/** More threads than this is a typo rather than a machine. */
const MAX_THREADS = 1024;

function checkKeys(caller: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError('INVALID_CONFIG', `${caller} options must be an object; received ${JSON.stringify(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const [closest] = closestNames(key, known, 1);
    throw new ConfigError('UNKNOWN_CONFIG_KEY', `${caller} has no option '${key}'.${closest ? ` Did you mean '${closest}'?` : ''}`, { key, known });
  }
}

function checkThreads(caller: string, threads: unknown): number {
  if (threads === undefined) return availableParallelism();
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    throw new ConfigError('INVALID_CONFIG', `${caller}: threads must be an integer from 1 to ${MAX_THREADS}; received ${JSON.stringify(threads)}.`);
  }
  return threads;
}

/**
 * Rank-1 labels with rank-1 predictions as [n, 1]: one sample per element, the
 * reading that survives a split into rows (as on the command line). Keras reads
 * a rank-1 batch as one sample in metrics that average over the last axis
 * (MSE, crossentropy); without weights both readings give the same mean.
 */
function oneSamplePerRow(labels: Tensor, predictions: Tensor): [Tensor, Tensor] {
  if (labels.shape.length !== 1 || predictions.shape.length !== 1) return [labels, predictions];
  return [{ data: labels.data, shape: [labels.shape[0]!, 1] }, { data: predictions.data, shape: [predictions.shape[0]!, 1] }];
}

function asCollection(metrics: MetricCollection | readonly MetricSpec[]): MetricCollection {
  return metrics instanceof MetricCollection ? metrics : new MetricCollection(metrics);
}

export class ThreadPool {
  /** Worker threads in the pool. */
  readonly threads: number;
  private pool: Promise<Piscina<ShardTask, ShardReply>> | undefined;
  private closed = false;
  private readonly staging = new StagingMemory();

  constructor(options: ThreadPoolOptions = {}) {
    checkKeys('ThreadPool', options, ['threads']);
    this.threads = checkThreads('ThreadPool', options.threads);
  }

  /** Compiles the kernels once and starts the workers with the compiled module (on first use). */
  private started(): Promise<Piscina<ShardTask, ShardReply>> {
    if (this.closed) throw new MetricError('WASM_UNAVAILABLE', 'This ThreadPool is closed; create a new one.');
    this.pool ??= compileKernels().then(
      (workerData) => new Piscina<ShardTask, ShardReply>({
        filename: workerEntry, minThreads: this.threads, maxThreads: this.threads, idleTimeout: Infinity, workerData,
      }),
      (error: unknown) => {
        throw new MetricError('WASM_UNAVAILABLE', `The kernels for the worker threads could not be compiled: ${error instanceof Error ? error.message : String(error)}`);
      });
    return this.pool;
  }

  /**
   * Resets the metrics, feeds them every row across the threads and returns
   * their results keyed by log name, as `MetricCollection.logs(prefix)` does.
   * Metric instances and a given MetricCollection hold the merged state afterwards.
   */
  async evaluate(
    metrics: MetricCollection | readonly MetricSpec[], yTrue: ArrayInput, yPred: ArrayInput, options: ThreadEvaluateOptions = {},
  ): Promise<Record<string, MetricResult>> {
    checkKeys('evaluate', options, ['sampleWeight', 'prefix']);
    const collection = asCollection(metrics);
    // The reset happens with the merge, once every shard was accepted, so a rejected call changes nothing.
    await this.update(collection, this.normalise(yTrue, yPred, options.sampleWeight), true);
    return collection.logs(options.prefix ?? '');
  }

  /**
   * Adds every row to the collection's state across the threads (no reset), as
   * one `collection.updateState(yTrue, yPred, sampleWeight)` would. If any
   * shard is rejected, the collection is left as it was.
   */
  async updateState(collection: MetricCollection, yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): Promise<void> {
    if (!(collection instanceof MetricCollection)) {
      throw new ConfigError('INVALID_CONFIG', 'ThreadPool.updateState expects a MetricCollection from wasm-metrics.');
    }
    await this.update(collection, this.normalise(yTrue, yPred, sampleWeight), false);
  }

  /** Stops the workers. Later calls throw WASM_UNAVAILABLE. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = undefined;
    this.staging.clear();
    if (pool) await (await pool).destroy();
  }

  private normalise(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight: ArrayInput | null | undefined) {
    if (this.closed) throw new MetricError('WASM_UNAVAILABLE', 'This ThreadPool is closed; create a new one.');
    const [labels, predictions] = oneSamplePerRow(toTensor(yTrue, 'y_true'), toTensor(yPred, 'y_pred'));
    const weights = sampleWeight === null || sampleWeight === undefined ? undefined : toTensor(sampleWeight, 'sample_weight');
    return { labels, predictions, weights, ...leadingRows(labels, predictions, weights) };
  }

  private async update(collection: MetricCollection, inputs: ReturnType<ThreadPool['normalise']>, reset: boolean): Promise<void> {
    const { rows, weightSplit } = inputs;
    const lease: SharedArrayBuffer[] = [];
    try {
      const shared = (tensor: Tensor): Tensor => ({ data: this.staging.share(tensor.data, lease), shape: tensor.shape });
      const labels = shared(inputs.labels);
      const predictions = shared(inputs.predictions);
      // A weight sent whole is one small row, cloned with each task (sliced, so that clone never copies a larger buffer).
      const weights = inputs.weights &&
        (weightSplit === 'rows' ? shared(inputs.weights) : { data: inputs.weights.data.slice(), shape: inputs.weights.shape });
      const slice = (start: number, end: number): Omit<ShardTask, 'metrics'> => ({
        yTrue: rowSlice(labels, start, end),
        yPred: rowSlice(predictions, start, end),
        ...(weights ? { sampleWeight: weightSplit === 'rows' ? rowSlice(weights, start, end) : weights } : {}),
      });
      const empty = slice(0, 0);
      const plan = planShards(collection, empty);
      const bounds = shardBounds(rows, Math.min(this.threads, rows));
      const states = bounds.length ? await this.runShards(plan.specs, bounds, slice) : [];
      mergeShards(collection, plan, states, empty, reset);
    } finally {
      this.staging.release(lease);
    }
  }

  /**
   * Every shard's saved states, in shard order. Waits for every shard before
   * answering (the staging memory is reused afterwards), then reports the
   * first rejected shard in row order.
   */
  private async runShards(
    metrics: ShardTask['metrics'], bounds: ReadonlyArray<readonly [number, number]>,
    slice: (start: number, end: number) => Omit<ShardTask, 'metrics'>,
  ): Promise<Uint8Array[][]> {
    const pool = await this.started();
    const settled = await Promise.allSettled(bounds.map(([start, end]) => pool.run({ metrics, ...slice(start, end) })));
    return settled.map((outcome, i) => {
      const [start, end] = bounds[i]!;
      if (outcome.status === 'rejected') {
        const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
        throw new MetricError('WASM_UNAVAILABLE', `A worker thread failed on rows ${start} to ${end - 1}: ${reason}`);
      }
      if ('error' in outcome.value) throw rebuildError(outcome.value.error, start, end);
      return outcome.value.states;
    });
  }
}

/** One evaluation on a pool of its own, closed afterwards. */
export async function evaluateInThreads(
  metrics: MetricCollection | readonly MetricSpec[], yTrue: ArrayInput, yPred: ArrayInput,
  options: ThreadEvaluateOptions & ThreadPoolOptions = {},
): Promise<Record<string, MetricResult>> {
  checkKeys('evaluateInThreads', options, ['threads', 'sampleWeight', 'prefix']);
  const { threads, ...evaluateOptions } = options;
  const pool = new ThreadPool(threads === undefined ? {} : { threads });
  try {
    return await pool.evaluate(metrics, yTrue, yPred, evaluateOptions);
  } finally {
    await pool.close();
  }
}
