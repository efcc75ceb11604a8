// Keras string identifiers, aliases and the { class_name, config } JSON form.
import { ConfigError, MetricError } from './errors.js';
import { Metric } from './metric.js';
import { didYouMean } from './suggest.js';
import { AUC } from './metrics/auc.js';
import { BinaryAccuracy } from './metrics/accuracy.js';
import { TruePositives, FalsePositives, TrueNegatives, FalseNegatives, Precision, Recall } from './metrics/confusion.js';
import { MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError } from './metrics/regression.js';
import { R2Score } from './metrics/r2.js';
import { BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, KLDivergence, Poisson } from './metrics/probabilistic.js';
import { Hinge, SquaredHinge, CategoricalHinge } from './metrics/hinge.js';
import { MeanAbsolutePercentageError, MeanSquaredLogarithmicError, LogCoshError, CosineSimilarity } from './metrics/regression-losses.js';
import { PearsonCorrelation, ConcordanceCorrelation } from './metrics/correlation.js';
import { Mean, Sum, MeanMetricWrapper, metricFunction, metricFunctionNames, type MetricFunction } from './metrics/reduction.js';
import { SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall, RecallAtPrecision } from './metrics/operating-points.js';
import { Accuracy, CategoricalAccuracy, SparseCategoricalAccuracy, TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy } from './metrics/categorical-accuracy.js';
import { FBetaScore, F1Score } from './metrics/fscore.js';
import { IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU } from './metrics/iou.js';
import { BinaryAUROC, BinaryAveragePrecision, BinaryROC, BinaryPrecisionRecallCurve } from './metrics/exact-binary.js';
import { MulticlassAUROC } from './metrics/exact-multiclass.js';
import { MultilabelAUROC } from './metrics/exact-multilabel.js';

type MetricClass = new (options?: Record<string, unknown>) => Metric;

const CLASSES: Record<string, MetricClass> = {
  AUC, BinaryAccuracy, TruePositives, FalsePositives, TrueNegatives, FalseNegatives, Precision, Recall,
  MeanSquaredError, MeanAbsoluteError, RootMeanSquaredError, R2Score,
  BinaryCrossentropy, CategoricalCrossentropy, SparseCategoricalCrossentropy, KLDivergence, Poisson,
  Hinge, SquaredHinge, CategoricalHinge,
  MeanAbsolutePercentageError, MeanSquaredLogarithmicError, LogCoshError, CosineSimilarity,
  PearsonCorrelation, ConcordanceCorrelation,
  Mean, Sum, MeanMetricWrapper,
  SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall, RecallAtPrecision,
  Accuracy, CategoricalAccuracy, SparseCategoricalAccuracy, TopKCategoricalAccuracy, SparseTopKCategoricalAccuracy,
  FBetaScore, F1Score, IoU, BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU,
  BinaryAUROC, BinaryAveragePrecision, BinaryROC, BinaryPrecisionRecallCurve, MulticlassAUROC, MultilabelAUROC,
} as unknown as Record<string, MetricClass>;

/** Keras's extra aliases (metrics/__init__.py). */
const ALIASES: Record<string, string> = {
  mse: 'MeanSquaredError', MSE: 'MeanSquaredError', mae: 'MeanAbsoluteError', MAE: 'MeanAbsoluteError',
  bce: 'BinaryCrossentropy', BCE: 'BinaryCrossentropy',
  mape: 'MeanAbsolutePercentageError', MAPE: 'MeanAbsolutePercentageError',
  msle: 'MeanSquaredLogarithmicError', MSLE: 'MeanSquaredLogarithmicError',
};

/** Keras utils.naming.to_snake_case. */
export function toSnakeCase(name: string): string {
  return name.replace(/\W+/g, '').replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

const snakeToCamel = (key: string): string => key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const camelToSnake = (key: string): string => key.replace(/([A-Z])/g, (letter) => `_${letter.toLowerCase()}`);

let identifierMap: Map<string, string> | undefined;

/** Identifier -> class name, built on first use: its regular expressions would otherwise cost every import. */
function identifierClasses(): Map<string, string> {
  identifierMap ??= new Map<string, string>([
    ...Object.keys(CLASSES).flatMap((name): Array<[string, string]> => [[toSnakeCase(name), name], [name, name]]),
    ...Object.entries(ALIASES),
  ]);
  return identifierMap;
}

/** Every string `get` accepts. */
export function identifiers(): string[] {
  return [...identifierClasses().keys()];
}

function classNamed(identifier: string): MetricClass {
  const className = identifierClasses().get(identifier);
  if (!className) {
    const known = [...identifierClasses().keys(), ...metricFunctionNames()];
    throw new ConfigError('UNKNOWN_IDENTIFIER', `Could not interpret metric identifier '${identifier}'.${didYouMean(identifier, known)}`);
  }
  return CLASSES[className]!;
}

export interface SerializedMetric {
  readonly class_name: string;
  readonly config: Record<string, unknown>;
}

/**
 * A metric from a Keras identifier ('auc', 'AUC', 'mse'), a { class_name, config } object, a metric (returned
 * as is), or a per-sample function (wrapped in MeanMetricWrapper, as Keras's compile() does; registered
 * function names work as identifiers too).
 */
export function get(identifier: string | SerializedMetric | Metric | MetricFunction): Metric {
  if (identifier instanceof Metric) return identifier;
  if (typeof identifier === 'function') return new MeanMetricWrapper({ fn: identifier, name: identifier.name || undefined });
  if (typeof identifier === 'string' && !identifierClasses().has(identifier) && metricFunction(identifier)) {
    return new MeanMetricWrapper({ fn: identifier, name: identifier });
  }
  if (typeof identifier === 'string') return new (classNamed(identifier))();
  if (identifier && typeof identifier === 'object' && 'class_name' in identifier) return deserialize(identifier);
  throw new ConfigError('UNKNOWN_IDENTIFIER', `Could not interpret metric identifier ${JSON.stringify(identifier)}.`);
}

/** Builds a metric from Keras's JSON form; config keys are Keras snake_case. */
export function deserialize(serialized: SerializedMetric): Metric {
  if (!serialized || typeof serialized.class_name !== 'string') {
    throw new ConfigError('UNKNOWN_IDENTIFIER', 'deserialize expects { class_name, config }.');
  }
  const MetricClass = classNamed(serialized.class_name);
  const config = serialized.config ?? {};
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new ConfigError('INVALID_CONFIG', `config of ${serialized.class_name} must be an object.`);
  }
  const options = Object.fromEntries(Object.entries(config).map(([key, value]) => [snakeToCamel(key), value]));
  try {
    return new MetricClass(options);
  } catch (error) {
    if (error instanceof ConfigError && error.unknownKey) {
      const key = camelToSnake(error.unknownKey.key);
      const known = error.unknownKey.known.map(camelToSnake);
      throw new ConfigError('UNKNOWN_CONFIG_KEY', `${serialized.class_name} config has no key '${key}'.${didYouMean(key, known)}`,
        { key, known });
    }
    throw error;
  }
}

/** Keras's JSON form of a metric: { class_name, config } with snake_case keys. */
export function serialize(metric: Metric): SerializedMetric {
  if (!(metric instanceof Metric)) throw new MetricError('INVALID_CONFIG', 'serialize expects a Metric.');
  const config = Object.fromEntries(Object.entries(metric.getConfig()).map(([key, value]) => [camelToSnake(key), value]));
  return { class_name: metric.className, config };
}
