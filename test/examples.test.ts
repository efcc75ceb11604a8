// The TF.js example programs as users run them: `node examples/<script>.mjs`
// in a child process, importing the built package by its name (dist/ is built
// by `npm run build` before the tests run). Each assertion re-derives a
// printed conclusion from the other printed numbers.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCRIPTS = ['tfjs-early-stopping', 'fit-vs-evaluate', 'random-search'] as const;
const outputs = new Map<string, string>();

/** The script's stdout; a non-zero exit rejects with its stderr. */
async function run(script: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [`examples/${script}.mjs`], { cwd: root, encoding: 'utf8' });
  return stdout;
}

/** The captures of every line matching `pattern` (anchored to whole lines). */
function lines(script: string, pattern: RegExp): string[][] {
  const found: string[][] = [];
  for (const line of outputs.get(script)!.split('\n')) {
    const match = pattern.exec(line);
    if (match) found.push(match.slice(1));
  }
  return found;
}

function only(script: string, pattern: RegExp): string[] {
  const found = lines(script, pattern);
  expect(found, `one line matching ${pattern} in ${script}`).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  // The scripts are independent: run them side by side.
  const stdouts = await Promise.all(SCRIPTS.map(run));
  SCRIPTS.forEach((script, i) => outputs.set(script, stdouts[i]!));
}, 60_000);

describe('examples/tfjs-early-stopping.mjs', () => {
  test('splits all 569 rows of the exported features', () => {
    const csvRows = readFileSync(`${root}/examples/breast_cancer_features.csv`, 'utf8').trim().split('\n').length - 1;
    expect(csvRows).toBe(569);
    const [trainRows, validationRows, features] = only('tfjs-early-stopping', /^rows: train (\d+), validation (\d+), features (\d+)$/).map(Number);
    expect(trainRows! + validationRows!).toBe(csvRows);
    expect(features).toBe(30);
  });

  test('stops at the epoch that patience and the printed val_auc sequence give', () => {
    const epochs = lines('tfjs-early-stopping', /^epoch (\d+) val_auc (\S+)$/);
    expect(epochs.map(([epoch]) => Number(epoch))).toEqual(epochs.map((_, i) => i));
    const values = epochs.map(([, value]) => Number(value));
    for (const value of values) expect(value).toBeGreaterThan(0.5);
    const patience = Number(only('tfjs-early-stopping', /^patience: (\d+)$/)[0]);

    // TF.js earlyStopping, mode 'max', minDelta 0: stop once `patience` epochs in a row fail to beat the best.
    let best = -Infinity;
    let wait = 0;
    let derived: number | undefined;
    for (const [epoch, value] of values.entries()) {
      if (value > best) [best, wait] = [value, 0];
      else if (++wait >= patience) { derived = epoch; break; }
    }
    expect(derived).toBeDefined();
    // Training ends at the stopping epoch: no epoch is printed after it.
    expect(values).toHaveLength(derived! + 1);
    expect(Number(only('tfjs-early-stopping', /^stopped at epoch: (\S+)$/)[0])).toBe(derived);
  });
});

describe('examples/fit-vs-evaluate.mjs', () => {
  test('final-weights training accuracy equals evaluate() exactly; the running average differs', () => {
    const script = 'fit-vs-evaluate';
    const rows = Number(only(script, /^training rows: (\d+)$/)[0]);
    const runningAverage = Number(only(script, /^\(1\) fit history acc, epoch \d+ .*: (\S+)$/)[0]);
    const finalWeights = Number(only(script, /^\(2\) validationMetrics train binary_accuracy, epoch \d+ .*: (\S+)$/)[0]);
    const evaluated = Number(only(script, /^\(3\) evaluate\(\) on the training data .*: (\S+)$/)[0]);
    expect(finalWeights).toBe(evaluated);
    expect(runningAverage).not.toBe(finalWeights);
    // An accuracy over whole rows: a count of correct rows over the row count.
    const correct = finalWeights * rows;
    expect(Math.abs(correct - Math.round(correct))).toBeLessThan(1e-9);
    expect(only(script, /^\(2\) === \(3\): (\w+); \(1\) === \(2\): (\w+)$/)).toEqual(['true', 'false']);
  });
});

describe('examples/random-search.mjs', () => {
  test('the best trial is the first with the highest printed score', () => {
    const script = 'random-search';
    expect(only(script, /^objective: (\S+) \((\w+)\)$/)).toEqual(['val_f1_score', 'max']);
    const trials = lines(script, /^trial (\d+): units (\d+) learning_rate (\S+) val_f1_score (\S+)$/).map(([trial, units, rate, score]) => ({
      trial: Number(trial), units: Number(units), rate: Number(rate), score: Number(score),
    }));
    expect(trials.length).toBeGreaterThanOrEqual(4);
    expect(trials.length).toBeLessThanOrEqual(6);
    expect(trials.map((t) => t.trial)).toEqual(trials.map((_, i) => i));
    for (const { units, rate, score } of trials) {
      expect([2, 4, 8, 16]).toContain(units);
      expect(rate).toBeGreaterThanOrEqual(1e-3);
      expect(rate).toBeLessThan(1e-1);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    const max = Math.max(...trials.map((t) => t.score));
    const expected = trials.findIndex((t) => t.score === max);
    const [bestTrial, bestScore] = only(script, /^best trial: (\d+) \(val_f1_score (\S+)\)$/).map(Number);
    expect(bestTrial).toBe(expected);
    expect(bestScore).toBe(max);
  });
});
