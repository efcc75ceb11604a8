// Reading test/fixtures/sklearn_ranking.json (written by
// scripts/sklearn_fixtures/ranking.py): inputs are stored once under "arrays"
// and named from the cases; non-finite numbers are the strings "NaN",
// "Infinity" and "-Infinity" (decoded by ./fixture-json.ts).
import { expect } from 'vitest';
import { decode } from './fixture-json.js';
import fixture from '../fixtures/sklearn_ranking.json';
import type { ArrayInput } from '../../src/index.js';

export type RankingFunction = 'roc_auc_score' | 'average_precision_score' | 'roc_curve' | 'precision_recall_curve';

export interface RankingCase {
  readonly id: string;
  readonly function: RankingFunction;
  readonly y_true: string;
  readonly y_score: string;
  readonly score_dtype: 'float64' | 'float32';
  readonly kwargs: Record<string, unknown>;
  readonly expected?: unknown;
  readonly error?: string;
  /** What scikit-learn 1.2.1 gave where it differs from the current behaviour encoded in `expected`. */
  readonly sklearn_1_2_1?: unknown;
}

type Nested = number | Nested[];

export const rankingFixture = fixture as unknown as {
  sklearn_version: string;
  current_behaviour: string[];
  cases: RankingCase[];
  arrays: Record<string, unknown>;
  real_data: { breast_cancer: Record<string, unknown>; digits: Record<string, unknown> };
};

export function storedArray(name: string): Nested[] {
  const values = rankingFixture.arrays[name];
  if (values === undefined) throw new Error(`no stored array ${name}`);
  return decode<Nested[]>(values);
}

function shapeOf(values: Nested): number[] {
  return Array.isArray(values) ? [values.length, ...(values.length ? shapeOf(values[0]!) : [])] : [];
}

/** y_score as the test passes it: float32 cases as Float32Array data (compared as float32), others as nested arrays. */
export function scoreInput(c: RankingCase): ArrayInput {
  const values = storedArray(c.y_score);
  if (c.score_dtype !== 'float32') return values as ArrayInput;
  return { data: Float32Array.from((values as Nested[]).flat(2) as number[]), shape: shapeOf(values) };
}

const CAMEL: Record<string, string> = {
  average: 'average', sample_weight: 'sampleWeight', max_fpr: 'maxFpr', multi_class: 'multiClass', labels: 'labels',
  pos_label: 'posLabel', drop_intermediate: 'dropIntermediate',
};

/** The case's keyword arguments as the library's options. */
export function optionsOf(c: RankingCase): Record<string, unknown> {
  return Object.fromEntries(Object.entries(c.kwargs).map(([key, value]) => {
    if (!CAMEL[key]) throw new Error(`unmapped keyword ${key}`);
    return [CAMEL[key], key === 'sample_weight' ? storedArray(value as string) : value];
  }));
}

/** |actual - expected| <= rtol·|expected|, NaN matching NaN, infinities matching exactly. */
export function expectClose(actual: number, expected: number, label: string, rtol = 1e-12): void {
  const ok = Number.isNaN(expected) ? Number.isNaN(actual)
    : !Number.isFinite(expected) ? actual === expected
    : Math.abs(actual - expected) <= rtol * Math.abs(expected);
  expect(ok, `${label}: got ${actual}, expected ${expected}`).toBe(true);
}

export function expectAllClose(actual: readonly number[], expected: readonly number[], label: string, rtol = 1e-12): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  expected.forEach((value, i) => expectClose(actual[i]!, value, `${label}[${i}]`, rtol));
}
