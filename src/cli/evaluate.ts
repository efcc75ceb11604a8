// Resolves metric names and feeds every batch of the file to every metric.
import { get, MetricError, type Metric, type MetricResult } from '../index.js';
import { lineOfRecord, readBatches, type BatchSource } from './csv-batches.js';
import { DataError, UsageError } from './errors.js';

export interface Evaluation {
  /** Results in the order the metrics were asked for, keyed by metric.name. */
  readonly results: ReadonlyArray<{ readonly name: string; readonly value: MetricResult }>;
  readonly rows: number;
}

/** Metrics for Keras identifiers; unknown or repeated names are usage errors. */
export function resolveMetrics(identifiers: readonly string[]): Metric[] {
  const metrics = identifiers.map((identifier) => {
    try {
      return get(identifier);
    } catch (error) {
      if (error instanceof MetricError) throw new UsageError(`--metrics: ${error.message}`);
      throw error;
    }
  });
  // Aliases such as 'mse' and 'mean_squared_error' share one name, and names key the output.
  const seen = new Set<string>();
  for (const metric of metrics) {
    if (seen.has(metric.name)) throw new UsageError(`--metrics: '${metric.name}' is listed more than once.`);
    seen.add(metric.name);
  }
  return metrics;
}

export async function evaluate(metrics: readonly Metric[], source: BatchSource): Promise<Evaluation> {
  let rows = 0;
  for await (const batch of readBatches(source)) {
    const n = batch.labels.length;
    // Shape [n, 1]: one sample per row, so every metric (MSE and R2 included) averages over rows.
    const labels = { data: batch.labels, shape: [n, 1] };
    const scores = { data: batch.scores, shape: [n, 1] };
    for (const metric of metrics) {
      try {
        metric.updateState(labels, scores);
      } catch (error) {
        if (error instanceof MetricError) {
          // The library counts indices from the start of the batch; name the batch's lines.
          const first = await lineOfRecord(source.path, batch.firstRow + 1);
          const last = await lineOfRecord(source.path, batch.firstRow + n);
          throw new DataError(`${metric.name} rejected the batch of lines ${first}-${last} (indices count from its first row): ${error.message}`);
        }
        throw error;
      }
    }
    rows += n;
  }
  if (rows === 0) throw new DataError(`${source.path} has a header row but no data rows.`);
  return { results: metrics.map((metric) => ({ name: metric.name, value: metric.result() })), rows };
}
