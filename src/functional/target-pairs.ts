// Reading a (y_true, y_pred) pair for the label-based scores: both label
// columns, or both multilabel indicator matrices of one width, with one
// sample weight per sample.
import { InputError } from '../errors.js';
import { readTarget, checkSameSamples, samplesOf, type LabelColumn, type IndicatorMatrix } from './label-input.js';
import { readSampleWeight } from './inputs.js';
import { indicatorCounts, type IndicatorCounts } from '../wasm/feed-labels.js';

export type TargetPair =
  | { readonly kind: 'labels'; readonly yTrue: LabelColumn; readonly yPred: LabelColumn; readonly weights: Float64Array | undefined }
  | { readonly kind: 'indicator'; readonly yTrue: IndicatorMatrix; readonly yPred: IndicatorMatrix; readonly weights: Float64Array | undefined };

export function readTargetPair(yTrue: unknown, yPred: unknown, sampleWeight: unknown, names: readonly [string, string] = ['y_true', 'y_pred']): TargetPair {
  const first = readTarget(yTrue, names[0]), second = readTarget(yPred, names[1]);
  checkSameSamples({ argument: first.argument, samples: samplesOf(first) }, { argument: second.argument, samples: samplesOf(second) });
  const weights = readSampleWeight(sampleWeight, samplesOf(first));
  if (first.kind === 'indicator' && second.kind === 'indicator') {
    if (first.width !== second.width) {
      throw new InputError('SHAPE_MISMATCH',
        `${first.argument} has ${first.width} labels per sample and ${second.argument} ${second.width}; multilabel targets must match.`);
    }
    return { kind: 'indicator', yTrue: first, yPred: second, weights };
  }
  if (first.kind === 'indicator' || second.kind === 'indicator') {
    const matrix = first.kind === 'indicator' ? first : second, column = first.kind === 'indicator' ? second : first;
    throw new InputError('INVALID_INPUT', `Classification metrics can't handle a mix of multilabel-indicator and label-column ` +
      `targets: ${matrix.argument} is a (${samplesOf(matrix)}, ${(matrix as IndicatorMatrix).width}) matrix and ${column.argument} a column of labels.`);
  }
  return { kind: 'labels', yTrue: first, yPred: second, weights };
}

/** Counts of an indicator pair; rejects values other than 0 and 1. */
export function countIndicators(pair: TargetPair & { kind: 'indicator' }, wantRows: boolean): IndicatorCounts {
  const { yTrue, yPred, weights } = pair;
  const counts = indicatorCounts(yTrue.data, yPred.data, weights, yTrue.rows, yTrue.width, wantRows);
  if (counts.invalid) {
    throw new InputError('INVALID_INPUT', `${yTrue.argument} and ${yPred.argument} are (n, ${yTrue.width}) matrices, read as multilabel ` +
      'indicators, but hold values other than 0 and 1 (scikit-learn does not support multioutput targets).');
  }
  return counts;
}

/** A message for functions that take label columns only. */
export function notMultilabel(name: string): string {
  return `${name} does not support multilabel-indicator targets; pass one label per sample.`;
}
