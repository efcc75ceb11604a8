// examples/browser end to end in Chromium (Debian's /usr/bin/chromium driven
// by playwright-core): the page is bundled and served on 127.0.0.1, a CSV is
// set on its file input, and every number in the rendered table must equal
// what the library computes in Node for the same file. A screenshot of the
// table must have the table's size and show ink.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import {
  AUC, BinaryAccuracy, BinaryCrossentropy, F1Score, MeanSquaredError, Precision, Recall, SparseCategoricalAccuracy,
  SparseCategoricalCrossentropy, SparseTopKCategoricalAccuracy, type Metric,
} from 'wasm-metrics';
// @ts-expect-error -- plain JavaScript modules of the example
import { buildPage } from '../examples/browser/build.mjs';
// @ts-expect-error -- plain JavaScript modules of the example
import { serve } from '../examples/browser/serve.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Launch arguments measured in this project's runtime notes (no sandbox as root, no background traffic).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const root = fileURLToPath(new URL('..', import.meta.url));

interface RenderedRow { title: string; text: string; value: string }

let browser: Browser;
let server: { url: string; close(): Promise<void> };
const requests: string[] = [];

/** Loads the page, sets `file` on its input and waits for the table (or an error). */
async function scoreFile(file: string): Promise<{ page: Page; rows: RenderedRow[]; status: string }> {
  const page = await browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(server.url);
  await page.setInputFiles('#file', resolve(root, file));
  await page.waitForSelector('#results[data-state="ready"], #results[data-state="error"]', { state: 'attached' });
  const rows = await page.$$eval('#results tbody tr', (trs) => trs.map((tr) => ({
    title: tr.querySelector('th')!.textContent!, text: tr.querySelector('data')!.textContent!, value: tr.querySelector('data')!.value,
  })));
  return { page, rows, status: (await page.textContent('#status'))! };
}

function readCsv(file: string): { header: string[]; rows: number[][] } {
  const [header, ...rows] = parse(readFileSync(join(root, file), 'utf8'), { bom: true, skip_empty_lines: true }) as string[][];
  return { header: header!, rows: rows.map((row) => row.map(Number)) };
}

function resultOf(metric: Metric, yTrue: unknown, yPred: unknown): number {
  metric.updateState(yTrue as never, yPred as never);
  const value = metric.result();
  return Array.isArray(value) ? value[0]! : value;
}

/** Each rendered number: its full value exactly, and its text with four decimals. */
function expectRendered(rows: RenderedRow[], expected: Array<[string, number]>): void {
  expect(rows.map((row) => row.title)).toEqual(expected.map(([title]) => title));
  rows.forEach((row, i) => {
    const value = expected[i]![1];
    expect(Number(row.value), row.title).toBe(value);
    expect(row.text, row.title).toBe(value.toFixed(4));
  });
}

describe.skipIf(!existsSync(CHROMIUM))('examples/browser in Chromium', () => {
  beforeAll(async () => {
    await buildPage();
    server = await serve(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    // No upload and no other network traffic: every request went to the page's own server.
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(server.url))).toEqual([]);
  });

  test('breast cancer predictions: label and score detected, every number equals the library in Node; the table renders', async () => {
    const { header, rows } = readCsv('examples/breast_cancer_predictions.csv');
    expect(header).toEqual(['label', 'score']);
    const n = rows.length;
    const yTrue = { data: Float64Array.from(rows, (row) => row[0]!), shape: [n, 1] };
    const yPred = { data: Float64Array.from(rows, (row) => row[1]!), shape: [n, 1] };
    const expected: Array<[string, number]> = [
      ['ROC AUC', resultOf(new AUC(), yTrue, yPred)],
      ['PR AUC', resultOf(new AUC({ curve: 'PR' }), yTrue, yPred)],
      ['Accuracy (score > 0.5)', resultOf(new BinaryAccuracy(), yTrue, yPred)],
      ['Precision (score > 0.5)', resultOf(new Precision(), yTrue, yPred)],
      ['Recall (score > 0.5)', resultOf(new Recall(), yTrue, yPred)],
      ['F1 (score > 0.5)', resultOf(new F1Score({ threshold: 0.5 }), yTrue, yPred)],
      ['Log loss', resultOf(new BinaryCrossentropy(), yTrue, yPred)],
      ['Brier score', resultOf(new MeanSquaredError(), yTrue, yPred)],
    ];
    const { page, rows: rendered, status } = await scoreFile('examples/breast_cancer_predictions.csv');
    expect(status).toBe(`breast_cancer_predictions.csv: ${n} rows, binary (one score column).`);
    expectRendered(rendered, expected);
    expect(await page.inputValue('#label')).toBe('0');
    expect(await page.inputValue('#predictions')).toBe('score:1');

    const table = page.locator('#results');
    const box = (await table.boundingBox())!;
    const png = await table.screenshot();
    const file = join(mkdtempSync(join(tmpdir(), 'wasm-metrics-browser-')), 'results.png');
    writeFileSync(file, new Uint8Array(png));
    // PNG: width and height are the big-endian u32s at bytes 16 and 20 of the IHDR chunk.
    const scale = await page.evaluate(() => window.devicePixelRatio);
    expect(png.readUInt32BE(16)).toBe(Math.ceil(box.width * scale));
    expect(png.readUInt32BE(20)).toBe(Math.ceil(box.height * scale));
    expect(box.height).toBeGreaterThan(8 * 20);
    // Decoded by the browser: the share of pixels darker than the white background (text and rules).
    const inked = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 3 * 160) dark++;
      return dark / (data.length / 4);
    }, png.toString('base64'));
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);
    await page.close();
  });

  test('digits predictions: the p0 … p9 columns are detected as 10 classes; every number equals the library in Node', async () => {
    const { rows } = readCsv('examples/digits_predictions.csv');
    const n = rows.length;
    const ids = Float64Array.from(rows, (row) => row[0]!);
    const probabilities = { data: Float64Array.from(rows.flatMap((row) => row.slice(1))), shape: [n, 10] };
    const oneHot = { data: new Float32Array(n * 10), shape: [n, 10] };
    ids.forEach((id, i) => { oneHot.data[i * 10 + id] = 1; });
    const expected: Array<[string, number]> = [
      ['Accuracy', resultOf(new SparseCategoricalAccuracy(), ids, probabilities)],
      ['Top-3 accuracy', resultOf(new SparseTopKCategoricalAccuracy({ k: 3 }), ids, probabilities)],
      ['Log loss', resultOf(new SparseCategoricalCrossentropy(), ids, probabilities)],
      ['Macro F1 (most probable class)', resultOf(new F1Score({ average: 'macro' }), oneHot, probabilities)],
      ['Macro one-vs-rest ROC AUC', resultOf(new AUC({ multiLabel: true, numLabels: 10 }), oneHot, probabilities)],
    ];
    const { page, rows: rendered, status } = await scoreFile('examples/digits_predictions.csv');
    expect(status).toBe(`digits_predictions.csv: ${n} rows, multiclass (10 classes).`);
    expectRendered(rendered, expected);
    expect(await page.inputValue('#predictions')).toBe('classes:1');
    await page.close();
  });

  test('a cell that is not a number is reported with its line and column, and no table is shown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wasm-metrics-browser-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'label,score\n1,0.9\n0,oops\n');
    const { page, rows, status } = await scoreFile(file);
    expect(status).toBe("bad.csv: line 3, column 'score': expected a number, found 'oops'.");
    expect(rows).toEqual([]);
    expect(await page.isHidden('#results')).toBe(true);
    await page.close();
    rmSync(dir, { recursive: true });
  });
});
