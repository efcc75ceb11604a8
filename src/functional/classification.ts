// The scikit-learn classification functional API: one call on whole arrays,
// scikit-learn's names in camelCase and its keyword arguments as options.
export { accuracyScore, balancedAccuracyScore, type AccuracyScoreOptions, type BalancedAccuracyScoreOptions } from './accuracy.js';
export {
  precisionRecallFscoreSupport, precisionScore, recallScore, f1Score, fbetaScore,
  type PrecisionRecallScoreOptions, type FbetaScoreOptions, type PrecisionRecallFscoreSupportOptions,
  type PrecisionRecallFscoreSupport, type Average,
} from './prf.js';
export { confusionMatrix, type ConfusionMatrixOptions, type ConfusionNormalization } from './confusion-matrix.js';
export { matthewsCorrcoef, cohenKappaScore, type CohenKappaScoreOptions, type KappaWeighting } from './agreement.js';
export { logLoss, brierScoreLoss, type LogLossOptions, type BrierScoreLossOptions } from './probabilistic.js';
export { topKAccuracyScore, type TopKAccuracyScoreOptions } from './top-k.js';
export type { Label, LabelLike, ZeroDivision, SampleWeightOptions } from './options.js';
export type { ClassLabels } from './label-input.js';
export type { ClassificationWarning, WarningCategory, WarningHandler, WarningOptions } from './warnings.js';
