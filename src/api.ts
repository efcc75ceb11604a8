// The public API, shared by every entry point.
export { Metric, type BaseOptions, type Direction, type MetricResult } from './metric.js';
export { MetricError, InputError, ConfigError, StateError, type MetricErrorCode } from './errors.js';
export type { ArrayInput, TypedArray, ShapedArray, TensorLike, NestedArray } from './tensor.js';
export { AUC, type AUCOptions, type AucCurve, type AucSummation } from './metrics/auc.js';
export { BinaryAccuracy, type BinaryAccuracyOptions } from './metrics/accuracy.js';
export {
  TruePositives, FalsePositives, TrueNegatives, FalseNegatives, Precision, Recall,
  type ThresholdOptions, type PrecisionRecallOptions,
} from './metrics/confusion.js';
export { MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError } from './metrics/regression.js';
export { R2Score, type R2ScoreOptions, type R2Aggregation } from './metrics/r2.js';
export { get, serialize, deserialize, identifiers, type SerializedMetric } from './registry.js';
export { ready, kernelBuild } from './wasm/runtime.js';
export { STATE_FORMAT_VERSION } from './state-codec.js';
export { MetricCollection, type MetricSpec } from './collection.js';
export {
  BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, KLDivergence, Poisson,
  type BinaryCrossentropyOptions, type CategoricalCrossentropyOptions, type SparseCategoricalCrossentropyOptions,
} from './metrics/probabilistic.js';
export { Hinge, SquaredHinge, CategoricalHinge } from './metrics/hinge.js';
export { MeanAbsolutePercentageError, MeanSquaredLogarithmicError, LogCoshError, CosineSimilarity } from './metrics/regression-losses.js';
export { PearsonCorrelation, ConcordanceCorrelation } from './metrics/correlation.js';
export type { RowLossOptions } from './metrics/loss-mean.js';
export {
  Mean, Sum, MeanMetricWrapper, registerMetricFunction, type MetricFunction, type MeanMetricWrapperOptions,
} from './metrics/reduction.js';
export { toTensor, type Tensor } from './tensor.js';
export { FBetaScore, F1Score, type FBetaScoreOptions, type F1ScoreOptions, type FBetaAverage } from './metrics/fscore.js';
export {
  IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU,
  type IoUOptions, type BinaryIoUOptions, type MeanIoUOptions, type OneHotIoUOptions, type OneHotMeanIoUOptions,
} from './metrics/iou.js';
export {
  SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall, RecallAtPrecision, type OperatingPointOptions,
} from './metrics/operating-points.js';
export {
  Accuracy, CategoricalAccuracy, SparseCategoricalAccuracy, TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy,
  type TopKOptions, type SparseTopKOptions,
} from './metrics/categorical-accuracy.js';
export {
  evaluate, type PredictFunction, type EvaluateOptions, type EvaluateProgress,
  type EvaluationBatch, type BatchIterator, type BatchDataset, type EvaluationData, type WholeArrays,
} from './integrations/evaluate.js';
export { EarlyStopping, type EarlyStoppingOptions } from './integrations/early-stopping.js';
export { objective, type Objective, type ObjectiveOptions } from './integrations/objective.js';
export type { MetricSource } from './integrations/log-keys.js';
export type { Logs } from './integrations/log-value.js';
export { scoreGroups, rocAucSums, type ScoreGroups, type RocAucSums } from './exact/score-groups.js';
