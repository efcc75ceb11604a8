// Precision, recall and F-beta from per-label counts, with scikit-learn's
// zero_division rules and averages (current scikit-learn: F-beta from the
// counts, undefined only when a label has neither true nor predicted samples;
// NaN values left out of averages; weights summing to zero ignored).
import { warn, type WarningOptions } from './warnings.js';

export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | 'samples' | null;

/** Per label (or per sample for 'samples'): weighted true positives, predicted and actual positives. */
export interface LabelCounts {
  readonly truePositives: Float64Array;
  readonly predicted: Float64Array;
  readonly actual: Float64Array;
}

export interface ScoreSettings extends WarningOptions {
  readonly beta: number;
  readonly average: Average;
  readonly zeroDivision: { readonly value: number; readonly warns: boolean };
  /** The scores the caller reports; only their ill-definition is warned about (scikit-learn's warn_for). */
  readonly warnFor: readonly ('precision' | 'recall' | 'f-score')[];
}

export interface Scores {
  readonly precision: Float64Array;
  readonly recall: Float64Array;
  readonly fScore: Float64Array;
}

/** scikit-learn's _prf_divide: numerator / denominator, the zero_division value where the denominator is 0. */
function divide(
  numerator: Float64Array, denominator: Float64Array, metric: 'precision' | 'recall' | 'f-score', modifier: string,
  settings: ScoreSettings,
): Float64Array {
  const result = new Float64Array(numerator.length);
  let undefinedCount = 0;
  for (let i = 0; i < result.length; i++) {
    if (denominator[i] === 0) {
      result[i] = settings.zeroDivision.value;
      undefinedCount++;
    } else {
      result[i] = numerator[i]! / denominator[i]!;
    }
  }
  if (undefinedCount > 0 && settings.zeroDivision.warns && settings.warnFor.includes(metric)) {
    const [axis0, axis1] = settings.average === 'samples' ? ['label', 'sample'] : ['sample', 'label'];
    const where = result.length === 1 ? 'due to' : `in ${axis1}s with`;
    const name = metric === 'f-score' ? 'F-score' : metric[0]!.toUpperCase() + metric.slice(1);
    warn(settings, 'UndefinedMetricWarning', `${name} is ill-defined and being set to 0.0 ${where} no ${modifier} ${axis0}s. ` +
      'Use `zero_division` parameter to control this behavior.');
  }
  return result;
}

/** Precision, recall and F-beta of each entry of `counts`. */
export function scoresOf(counts: LabelCounts, settings: ScoreSettings): Scores {
  const { truePositives, predicted, actual } = counts;
  const precision = divide(truePositives, predicted, 'precision', 'predicted', settings);
  const recall = divide(truePositives, actual, 'recall', 'true', settings);
  const { beta } = settings;
  let fScore: Float64Array;
  if (beta === Infinity) {
    fScore = recall;
  } else if (beta === 0) {
    fScore = precision;
  } else {
    // (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), with (1 + β²)·tp + β²·fn + fp = β²·actual + predicted.
    const betaSquared = beta * beta;
    const numerator = truePositives.map((tp) => (1 + betaSquared) * tp);
    const denominator = actual.map((positives, i) => betaSquared * positives + predicted[i]!);
    fScore = divide(numerator, denominator, 'f-score', 'true nor predicted', settings);
  }
  return { precision, recall, fScore };
}

/** scikit-learn's _nanaverage: the (weighted) mean of the non-NaN values; NaN when none. */
export function nanAverage(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let sum = 0, weightSum = 0, plainSum = 0, kept = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (Number.isNaN(value)) continue;
    kept++;
    plainSum += value;
    if (weights) {
      sum += value * weights[i]!;
      weightSum += weights[i]!;
    }
  }
  if (kept === 0) return NaN;
  // numpy raises ZeroDivisionError for weights summing to zero; scikit-learn then ignores the weights.
  if (!weights || weightSum === 0) return plainSum / kept;
  return sum / weightSum;
}

/** Sums of each array (the 'micro' counts). */
export function summed(counts: LabelCounts): LabelCounts {
  const total = (values: Float64Array) => Float64Array.of(values.reduce((sum, value) => sum + value, 0));
  return { truePositives: total(counts.truePositives), predicted: total(counts.predicted), actual: total(counts.actual) };
}
