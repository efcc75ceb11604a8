// The './tfjs' entry: TF.js fit() callbacks. TF.js itself is never imported;
// the core library is imported as the package itself, so metrics made with
// 'wasm-metrics' and this entry share one copy of it.
export {
  validationMetrics,
  type ArraySplit, type SplitData, type PredictingModel, type ValidationMetricsOptions, type MetricsCallbackState,
} from './callback.js';
export type { TfDataset } from './dataset.js';
