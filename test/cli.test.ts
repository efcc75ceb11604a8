// The command line as users run it: `node dist/cli.js` in a child process
// (dist/ is built by `npm run build` before the tests run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { get } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli.js');
const example = 'examples/breast_cancer_predictions.csv';
const columns = ['--label', 'label', '--score', 'score'];
const scratch = mkdtempSync(join(tmpdir(), 'wasm-metrics-cli-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status, stdout, stderr };
}

function runJson(...args: string[]): Record<string, number | number[]> {
  const result = run('eval', example, ...columns, '--format', 'json', ...args);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, number | number[]>;
}

function writeCsv(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** The example file read the simplest possible way, independently of the CLI's parser. */
function readExample(): { labels: number[]; scores: number[] } {
  const rows = readFileSync(join(root, example), 'utf8').split(/\r?\n/).slice(1).filter((line) => line !== '');
  const labels: number[] = [], scores: number[] = [];
  for (const row of rows) {
    const [label, score] = row.split(',');
    labels.push(Number(label));
    scores.push(Number(score));
  }
  return { labels, scores };
}

describe('wasm-metrics eval', () => {
  const { labels, scores } = readExample();

  test('the example has the expected size', () => {
    expect(labels.length).toBe(569);
    expect(run('eval', example, ...columns).stdout).toContain('569 rows');
  });

  test('precision, recall and binary accuracy match counts taken by hand at threshold 0.5', () => {
    let tp = 0, fp = 0, fn = 0, tn = 0;
    labels.forEach((label, i) => {
      const predictedPositive = scores[i]! > 0.5;
      const positive = label !== 0;
      if (predictedPositive && positive) tp++;
      else if (predictedPositive) fp++;
      else if (positive) fn++;
      else tn++;
    });
    const json = runJson('--metrics', 'precision,recall,binary_accuracy');
    expect(Object.keys(json)).toEqual(['precision', 'recall', 'binary_accuracy']);
    expect(Math.abs((json.precision as number) - tp / (tp + fp))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((json.recall as number) - tp / (tp + fn))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((json.binary_accuracy as number) - (tp + tn) / labels.length)).toBeLessThanOrEqual(1e-12);
  });

  test('AUC streamed in batches of 50 equals the library fed everything at once', () => {
    const auc = get('auc');
    auc.updateState({ data: Float64Array.from(labels), shape: [labels.length, 1] },
      { data: Float64Array.from(scores), shape: [scores.length, 1] });
    const json = runJson('--metrics', 'auc', '--batch-size', '50');
    expect(typeof json.auc).toBe('number');
    expect(Math.abs((json.auc as number) - (auc.result() as number))).toBeLessThanOrEqual(1e-12);
    expect(json.auc).toBeGreaterThan(0.9);
  });

  test('regression metrics average per row', () => {
    const meanSquared = labels.reduce((sum, label, i) => sum + (label - scores[i]!) ** 2, 0) / labels.length;
    const meanAbsolute = labels.reduce((sum, label, i) => sum + Math.abs(label - scores[i]!), 0) / labels.length;
    // Metrics given by identifier log under it, as with Keras's compile(metrics=['mse']).
    const json = runJson('--metrics', 'mse,mae', '--batch-size', '100');
    expect(Math.abs((json.mse as number) - meanSquared)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((json.mae as number) - meanAbsolute)).toBeLessThanOrEqual(1e-12);
  });

  test('the default metrics give the same JSON with --batch-size 7 as with the default batch size', () => {
    const byDefault = run('eval', example, ...columns, '--format', 'json');
    const small = run('eval', example, ...columns, '--format', 'json', '--batch-size', '7');
    expect(byDefault.status).toBe(0);
    expect(small.stdout).toBe(byDefault.stdout);
    expect(Object.keys(JSON.parse(byDefault.stdout) as object)).toEqual(['auc', 'precision', 'recall', 'binary_accuracy']);
  });

  test('--format json prints one JSON object and nothing else', () => {
    const result = run('eval', example, ...columns, '--format', 'json');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stdout.startsWith('{')).toBe(true);
  });

  test('--format table names every metric, the file and the row count', () => {
    const result = run('eval', example, ...columns);
    expect(result.status).toBe(0);
    for (const name of ['auc', 'precision', 'recall', 'binary_accuracy', example, '569 rows']) {
      expect(result.stdout).toContain(name);
    }
  });

  test('an unknown metric fails with the library\'s suggestion', () => {
    const result = run('eval', example, ...columns, '--metrics', 'auc,precisoin');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("'precisoin'");
    expect(result.stderr).toMatch(/Did you mean .*'precision'/i);
  });

  test('a missing column exits 2, listing the columns and the closest one', () => {
    const result = run('eval', example, '--label', 'label', '--score', 'scores');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Available columns: 'label', 'score'");
    expect(result.stderr).toContain("Did you mean 'score'?");
  });

  test('a non-numeric cell exits 1 naming its line and column', () => {
    const path = writeCsv('bad-cell.csv', 'label,score\n1,0.9\n0,0.2\n1,oops\n0,0.1\n');
    const result = run('eval', path, ...columns);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("line 4, column 'score'");
    expect(result.stderr).toContain("'oops'");
  });

  test('an empty file and a header without rows exit 1 with a message', () => {
    const empty = run('eval', writeCsv('empty.csv', ''), ...columns);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('is empty');
    const headerOnly = run('eval', writeCsv('header-only.csv', 'label,score\n'), ...columns);
    expect(headerOnly.status).toBe(1);
    expect(headerOnly.stderr).toContain('no data rows');
  });

  test('command line mistakes exit 2', () => {
    expect(run('eval', example, '--label', 'label').status).toBe(2);
    expect(run('eval', example, ...columns, '--batch-size', '0').status).toBe(2);
    expect(run('eval', example, ...columns, '--format', 'xml').status).toBe(2);
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(run('--version').stdout.trim()).toBe(version);
  });
});
