// Several metrics fed by one call: inputs are normalised once, results come back
// as a plain object keyed by metric name, and log keys take a prefix such as
// 'val_'. Names are made unique per collection, in order ('auc', 'auc_1', ...),
// never with a process-wide counter, so the same configuration always logs the
// same keys.
import { ConfigError, MetricError } from './errors.js';
import { Metric, type MetricResult } from './metric.js';
import { get, deserialize, type SerializedMetric } from './registry.js';
import { toSampleWeight, toTensor, type ArrayInput, type Tensor } from './tensor.js';
import { didYouMean } from './suggest.js';

export type MetricSpec = Metric | string | SerializedMetric;

/** Identifiers resolved from the shapes of the first batch, to the binary, sparse or categorical variant. */
const SHAPE_RESOLVED: Record<string, readonly [string, string, string]> = {
  accuracy: ['binary_accuracy', 'sparse_categorical_accuracy', 'categorical_accuracy'],
  acc: ['binary_accuracy', 'sparse_categorical_accuracy', 'categorical_accuracy'],
  crossentropy: ['binary_crossentropy', 'sparse_categorical_crossentropy', 'categorical_crossentropy'],
  ce: ['binary_crossentropy', 'sparse_categorical_crossentropy', 'categorical_crossentropy'],
};

interface Entry {
  /** The log name: the identifier string as given, or the metric's name. */
  name: string;
  /** Undefined until the first batch for identifiers resolved by shape. */
  metric: Metric | undefined;
  /** The binary / sparse / categorical variants for those identifiers. */
  variants?: readonly [string, string, string];
}

/**
 * Keras's compile-time choice for 'accuracy' / 'acc' (and Keras 2's for
 * 'crossentropy' / 'ce'): the binary variant for one output column, the sparse
 * one for class-id labels, else the categorical one. Rank-1 predictions count
 * as one column per sample (Keras would pick the categorical variant over the
 * batch axis).
 */
function resolveByShape(variants: readonly [string, string, string], yTrue: Tensor, yPred: Tensor): string {
  const [binary, sparse, categorical] = variants;
  const predLast = yPred.shape.length ? yPred.shape[yPred.shape.length - 1]! : 1;
  if (yPred.shape.length <= 1 || predLast === 1) return binary;
  const trueLast = yTrue.shape.length ? yTrue.shape[yTrue.shape.length - 1]! : 1;
  const isSparse = yTrue.shape.length < yPred.shape.length || (trueLast === 1 && predLast > 1);
  return isSparse ? sparse : categorical;
}

export class MetricCollection {
  private readonly entries: Entry[];

  constructor(metrics: readonly MetricSpec[]) {
    if (!Array.isArray(metrics)) throw new ConfigError('INVALID_CONFIG', 'MetricCollection expects an array of metrics or identifiers.');
    const taken = new Map<string, number>();
    this.entries = metrics.map((spec) => {
      const base = typeof spec === 'string' ? spec : get(spec).name;
      const seen = taken.get(base) ?? 0;
      taken.set(base, seen + 1);
      const name = seen === 0 ? base : `${base}_${seen}`;
      if (typeof spec !== 'string') return { name, metric: get(spec) };
      // As in Keras's compile(), a metric given by identifier is named after it ('mse' logs as 'mse').
      const variants = SHAPE_RESOLVED[spec.toLowerCase()];
      if (variants) return { name, metric: undefined, variants };
      return { name, metric: deserialize({ class_name: spec, config: { name } }) };
    });
    // A generated 'auc_1' may collide with a metric explicitly named 'auc_1'.
    const names = this.entries.map((entry) => entry.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new ConfigError('INVALID_CONFIG', `Two metrics in the collection are named '${duplicate}'; give one of them another name.`);
  }

  /** Log names in order. */
  get names(): string[] {
    return this.entries.map((entry) => entry.name);
  }

  /** The metrics in order; 'accuracy', 'crossentropy' and their short forms appear once the first batch has chosen their class. */
  get metrics(): Metric[] {
    return this.entries.flatMap((entry) => (entry.metric ? [entry.metric] : []));
  }

  /** The metric logged under `name`; a missing name lists the available ones and the closest. */
  get(name: string): Metric {
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (!entry) {
      throw new MetricError('UNKNOWN_IDENTIFIER',
        `No metric named '${name}'. Available: ${this.names.map((n) => `'${n}'`).join(', ')}.${didYouMean(name, this.names)}`);
    }
    if (!entry.metric) throw new MetricError('NOT_BUILT', `'${name}' chooses its class from the first batch; update the collection first.`);
    return entry.metric;
  }

  /**
   * Feeds one batch to every metric. Inputs are converted once. If any metric
   * rejects the batch, every metric is restored, so the collection stays consistent.
   */
  updateState(yTrue: ArrayInput, yPred: ArrayInput, sampleWeight?: ArrayInput | null): void {
    const labels = toTensor(yTrue, 'y_true');
    const predictions = toTensor(yPred, 'y_pred');
    const weights = toSampleWeight(sampleWeight);
    const resolved = this.entries.map((entry) =>
      entry.metric ?? deserialize({ class_name: resolveByShape(entry.variants!, labels, predictions), config: { name: entry.name } }));
    const restorePoints = resolved.map((metric) => metric.checkpoint());
    try {
      for (const metric of resolved) metric.updateState(labels, predictions, weights);
    } catch (error) {
      restorePoints.forEach((restore) => restore());
      throw error;
    }
    this.entries.forEach((entry, i) => { entry.metric = resolved[i]; });
  }

  /** Every result keyed by log name (metrics still waiting for their first batch are left out). */
  result(): Record<string, MetricResult> {
    return this.logs();
  }

  /** Results keyed by `prefix + name`, e.g. logs('val_') → { val_auc: 0.91, ... }. */
  logs(prefix = ''): Record<string, MetricResult> {
    const out: Record<string, MetricResult> = {};
    for (const entry of this.entries) if (entry.metric) out[`${prefix}${entry.name}`] = entry.metric.result();
    return out;
  }

  resetState(): void {
    for (const entry of this.entries) entry.metric?.resetState();
  }
}
