// The public API of the 'wasm-metrics/sklearn' entry: the scikit-learn-named
// functions, kept out of the core entry so that it stays within its size budget.
export {
  rocAucScore, averagePrecisionScore, rocCurve, precisionRecallCurve,
  type RocAucScoreOptions, type AveragePrecisionScoreOptions, type CurveOptions, type RankingAverage,
  type RocCurve, type PrecisionRecallCurve,
} from './functional/ranking.js';
export {
  r2Score, explainedVarianceScore, meanSquaredError, rootMeanSquaredError, meanAbsoluteError,
  meanAbsolutePercentageError, medianAbsoluteError, maxError,
  type RegressionErrorOptions, type RegressionScoreOptions, type ErrorMultioutput, type ScoreMultioutput, type OutputResult,
} from './functional/regression.js';
export {
  accuracyScore, balancedAccuracyScore, precisionRecallFscoreSupport, precisionScore, recallScore, f1Score, fbetaScore,
  confusionMatrix, matthewsCorrcoef, cohenKappaScore, logLoss, brierScoreLoss, topKAccuracyScore,
  type AccuracyScoreOptions, type BalancedAccuracyScoreOptions, type PrecisionRecallScoreOptions, type FbetaScoreOptions,
  type PrecisionRecallFscoreSupportOptions, type PrecisionRecallFscoreSupport, type Average, type ConfusionMatrixOptions,
  type ConfusionNormalization, type CohenKappaScoreOptions, type KappaWeighting, type LogLossOptions, type BrierScoreLossOptions,
  type TopKAccuracyScoreOptions, type Label, type LabelLike, type ZeroDivision, type SampleWeightOptions, type ClassLabels,
  type ClassificationWarning, type WarningCategory, type WarningHandler, type WarningOptions,
} from './functional/classification.js';
export {
  rocAucConfidenceInterval, rocAucDifferenceTest, type RocAucConfidenceIntervalOptions, type RocAucConfidenceInterval,
  type RocAucDifferenceTestOptions, type RocAucDifferenceTest,
} from './functional/delong.js';
