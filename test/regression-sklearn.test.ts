// The regression functions against scikit-learn: every check that
// scripts/sklearn_fixtures/regression.py computed (random and edge cases, the
// diabetes predictions, each multioutput option) and committed as
// test/fixtures/sklearn_regression.json, within 1e-12 relative.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  r2Score, explainedVarianceScore, meanSquaredError, rootMeanSquaredError, meanAbsoluteError,
  meanAbsolutePercentageError, medianAbsoluteError, maxError,
} from '../src/sklearn.js';
import { expectClose } from './support/close.js';
import { decodeNumber } from './support/fixture-json.js';

interface Check {
  case: string;
  function: string;
  options: { sampleWeight?: number[]; multioutput?: string | number[]; forceFinite?: boolean };
  expected: unknown;
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/sklearn_regression.json', import.meta.url), 'utf8')) as {
  cases: Array<{ name: string; y_true: number[] | number[][]; y_pred: number[] | number[][] }>;
  checks: Check[];
};
const cases = new Map(fixture.cases.map((entry) => [entry.name, entry]));

type Call = (yTrue: number[] | number[][], yPred: number[] | number[][], options: Check['options']) => number | number[];
const FUNCTIONS: Record<string, Call> = {
  r2Score: (y, p, options) => r2Score(y, p, options as never),
  explainedVarianceScore: (y, p, options) => explainedVarianceScore(y, p, options as never),
  meanSquaredError: (y, p, options) => meanSquaredError(y, p, options as never),
  rootMeanSquaredError: (y, p, options) => rootMeanSquaredError(y, p, options as never),
  meanAbsoluteError: (y, p, options) => meanAbsoluteError(y, p, options as never),
  meanAbsolutePercentageError: (y, p, options) => meanAbsolutePercentageError(y, p, options as never),
  medianAbsoluteError: (y, p, options) => medianAbsoluteError(y, p, options as never),
  maxError: (y, p) => maxError(y, p),
};

const label = (check: Check): string => `${check.function} ${JSON.stringify({ ...check.options, sampleWeight: check.options.sampleWeight ? 'given' : undefined })}`;

describe.each([...cases.keys()])('%s', (name) => {
  const checks = fixture.checks.filter((check) => check.case === name);
  test.each(checks.map((check) => [label(check), check] as const))('%s', (_label, check) => {
    const data = cases.get(name)!;
    const actual = FUNCTIONS[check.function]!(data.y_true, data.y_pred, check.options);
    if (check.function === 'r2Score' && check.options.multioutput === 'raw_values' && check.expected === 'NaN') {
      // Fewer than two samples: scikit-learn returns one NaN even for 'raw_values'; here it is one NaN per output.
      expect(actual).toEqual([NaN]);
    } else if (Array.isArray(check.expected)) {
      const expected = check.expected.map(decodeNumber);
      if (!Array.isArray(actual) || actual.length !== expected.length) throw new Error(`expected ${expected.length} values, got ${JSON.stringify(actual)}`);
      expected.forEach((value, k) => expectClose(actual[k]!, value, 1e-12, `${label(check)}[${k}]`));
    } else {
      expectClose(actual as number, decodeNumber(check.expected), 1e-12, label(check));
    }
  });
});
