// Resolves metric names and feeds every batch of the file to every metric.
import { MetricCollection, MetricError, type MetricResult } from '../index.js';
import { lineOfRecord, readBatches, type BatchSource } from './csv-batches.js';
import { DataError, UsageError } from './errors.js';

export interface Evaluation {
  /** Results in the order the metrics were asked for, keyed by their log names. */
  readonly results: ReadonlyArray<{ readonly name: string; readonly value: MetricResult }>;
  readonly rows: number;
}

/**
 * One collection for the identifiers given: names follow the identifiers, and
 * 'accuracy' / 'acc' choose their class from the first batch (binary here).
 */
export function resolveMetrics(identifiers: readonly string[]): MetricCollection {
  const seen = new Set<string>();
  for (const identifier of identifiers) {
    if (seen.has(identifier)) throw new UsageError(`--metrics: '${identifier}' is listed more than once.`);
    seen.add(identifier);
  }
  try {
    return new MetricCollection(identifiers);
  } catch (error) {
    if (error instanceof MetricError) throw new UsageError(`--metrics: ${error.message}`);
    throw error;
  }
}

export async function evaluate(metrics: MetricCollection, source: BatchSource): Promise<Evaluation> {
  let rows = 0;
  for await (const batch of readBatches(source)) {
    const n = batch.labels.length;
    // Shape [n, 1]: one sample per row, so every metric (MSE and R2 included) averages over rows.
    const labels = { data: batch.labels, shape: [n, 1] };
    const scores = { data: batch.scores, shape: [n, 1] };
    try {
      metrics.updateState(labels, scores);
    } catch (error) {
      if (error instanceof MetricError) {
        // The library counts indices from the start of the batch; name the batch's lines.
        const first = await lineOfRecord(source.path, batch.firstRow + 1);
        const last = await lineOfRecord(source.path, batch.firstRow + n);
        throw new DataError(`the batch of lines ${first}-${last} was rejected (indices count from its first row): ${error.message}`);
      }
      throw error;
    }
    rows += n;
  }
  if (rows === 0) throw new DataError(`${source.path} has a header row but no data rows.`);
  return { results: Object.entries(metrics.result()).map(([name, value]) => ({ name, value })), rows };
}
