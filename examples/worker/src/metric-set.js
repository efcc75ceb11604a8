// The metrics every client and the Worker agree on. Saved states merge only
// between metrics of the same class and config, so both sides build them here.
import { AUC, BinaryAccuracy, MetricCollection, Precision, Recall } from 'wasm-metrics';

export function createMetrics() {
  return new MetricCollection([new AUC(), new Precision(), new Recall(), new BinaryAccuracy()]);
}
