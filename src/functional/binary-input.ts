// Binary labels and scores for the ROC AUC functions: labels 0/1 (or booleans),
// finite scores kept in their float type (float32 scores are compared as float32).
import { InputError } from '../errors.js';
import { vectorOf, nonFiniteError } from './inputs.js';
import { firstNonFiniteIndex } from '../wasm/feed-labels.js';

export function binaryLabels(input: unknown): Uint8Array {
  const data = vectorOf(input, 'y_true');
  const labels = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value = data[i]!;
    if (value === 1) labels[i] = 1;
    else if (value !== 0) {
      if (!Number.isFinite(value)) throw nonFiniteError('y_true', `[${i}]`, value);
      throw new InputError('INVALID_INPUT', `y_true[${i}] is ${value}; binary labels must be 0 or 1 (or booleans).`);
    }
  }
  return labels;
}

export function binaryScores(input: unknown, argument: string, samples: number): Float32Array | Float64Array {
  const data = vectorOf(input, argument);
  if (data.length !== samples) {
    throw new InputError('SHAPE_MISMATCH', `${argument} has ${data.length} scores for ${samples} labels.`);
  }
  const scores = data instanceof Float32Array || data instanceof Float64Array ? data : Float64Array.from(data);
  const bad = firstNonFiniteIndex(scores);
  if (bad >= 0) throw nonFiniteError(argument, `[${bad}]`, scores[bad]!);
  return scores;
}
