// The base of the exact ranking metrics: every sample is kept (in a growable
// JS buffer, not a fixed state), merged by concatenation, saved compactly, and
// the metric is computed at result() by scikit-learn's definitions.
import { ConfigError } from '../errors.js';
import { Metric, type BaseOptions, type Direction } from '../metric.js';
import type { BinaryProblem } from '../exact/binary-ranking.js';
import type { LabelTable } from '../exact/averaging.js';
import { RankingSamples } from '../exact/ranking-samples.js';

export abstract class ExactRankingMetric extends Metric {
  protected readonly samples: RankingSamples;

  protected constructor(className: string, defaultName: string, options: BaseOptions, optionKeys: readonly string[], samples: RankingSamples) {
    super(className, defaultName, options, optionKeys);
    if (this.nonFinite !== 'raise') {
      throw new ConfigError('INVALID_CONFIG', `${className} ranks scores, which must be finite: nonFinite must be 'raise'.`);
    }
    this.samples = samples;
    this.defineGrowableState(samples);
  }

  get direction(): Direction {
    return 'up';
  }

  /** Rows (samples) held. */
  get sampleCount(): number {
    return this.samples.rows;
  }

  /** Bytes of state per sample (growth slack not counted): scores (4 bytes each while they fit float32, else 8), labels, weights once any batch had them. */
  get bytesPerSample(): number {
    return this.samples.bytesPerRow;
  }

  protected binaryProblem(): BinaryProblem {
    return { scores: this.samples.scores(), labels: this.samples.labels() as Uint8Array, weights: this.samples.weights() };
  }

  protected labelTable(columns: number): LabelTable {
    return {
      rows: this.samples.rows, columns, scores: this.samples.scores(), labels: this.samples.labels() as Uint8Array,
      rowWeights: this.samples.weightKind === 'row' ? this.samples.weights() : undefined,
      elementWeights: this.samples.weightKind === 'element' ? this.samples.weights() : undefined,
    };
  }
}

/** An optional positive integer option (numClasses, numLabels); null when not given. */
export function checkOptionalCount(name: string, value: unknown, minimum: number): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    throw new ConfigError('INVALID_CONFIG', `${name} must be an integer >= ${minimum}; received ${JSON.stringify(value)}.`);
  }
  return value;
}
