// examples/worker in workerd (miniflare) over real HTTP on 127.0.0.1: three
// clients send the saved states of three shards of the breast cancer
// predictions, and the merged answer equals one client sending every row, and
// the library in Node. Bad bytes are refused with HTTP 400 and the MetricError
// code, and leave the run as it was.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AUC, BinaryAccuracy, MetricCollection, Precision, Recall } from 'wasm-metrics';
// @ts-expect-error -- plain JavaScript modules of the example
import { buildWorker } from '../examples/worker/build.mjs';
// @ts-expect-error -- plain JavaScript modules of the example
import { startWorker } from '../examples/worker/miniflare-options.mjs';
// @ts-expect-error -- plain JavaScript modules of the example
import { readRows, scoreRows, sendStates } from '../examples/worker/client.mjs';

const CSV = new URL('../examples/breast_cancer_predictions.csv', import.meta.url).pathname;
const ROWS = 569;

interface Answer { status: number; body: { run?: string; clients?: number; metrics?: Record<string, number>; error?: { code: string; message: string } } }

let outdir: string;
let worker: { ready: Promise<URL>; dispose(): Promise<void> };
let base: URL;

const runUrl = (run: string) => new URL(`runs/${run}`, base);
const get = async (run: string) => (await fetch(runUrl(run))).json();

/** POSTs a raw multipart body with the given parts (name → bytes). */
async function postParts(run: string, parts: Record<string, Uint8Array>): Promise<Answer> {
  const form = new FormData();
  for (const [name, bytes] of Object.entries(parts)) form.append(name, new Blob([new Uint8Array(bytes)]), `${name}.state`);
  const response = await fetch(runUrl(run), { method: 'POST', body: form });
  return { status: response.status, body: await response.json() };
}

/** The four states of a client that scored rows [from, to). */
function statesOf(from: number, to: number): Record<string, Uint8Array> {
  const metrics = scoreRows(readRows(CSV, from, to)) as MetricCollection;
  return Object.fromEntries(metrics.names.map((name) => [name, metrics.get(name).saveState()]));
}

describe('examples/worker in workerd', () => {
  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'wasm-metrics-worker-'));
    worker = startWorker(await buildWorker(outdir));
    base = await worker.ready;
    expect(base.hostname).toBe('127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await worker?.dispose();
    rmSync(outdir, { recursive: true, force: true });
  });

  test('the bundle uses the workerd build: kernels imported as a .wasm module, no embedded bytes', () => {
    const bundle = readFileSync(join(outdir, 'index.js'), 'utf8');
    expect(bundle).toMatch(/import \w+ from "\.\/kernels\.simd\.wasm"/);
    expect(bundle).not.toContain('AGFzbQ');
  });

  test('three clients sending shards merge to what one client sending every row gets, and to the library in Node', async () => {
    // Three clients at once, with shards of unequal size.
    const answers: Answer[] = await Promise.all([[0, 150], [150, 390], [390, ROWS]]
      .map(([from, to]) => sendStates(runUrl('shards'), scoreRows(readRows(CSV, from, to)))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.map((answer) => answer.body.clients).sort()).toEqual([1, 2, 3]);
    const whole: Answer = await sendStates(runUrl('whole'), scoreRows(readRows(CSV)));
    expect(whole.status).toBe(200);

    const merged = await get('shards');
    expect(merged.clients).toBe(3);
    expect(merged.metrics).toEqual(whole.body.metrics);

    // Independently in Node: every row of the file fed to the same metrics at once.
    const lines = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    expect(lines).toHaveLength(ROWS);
    const local = new MetricCollection([new AUC(), new Precision(), new Recall(), new BinaryAccuracy()]);
    local.updateState({ data: lines.map((row) => row[0]!), shape: [ROWS, 1] }, { data: lines.map((row) => row[1]!), shape: [ROWS, 1] });
    expect(merged.metrics).toEqual(local.result());
    // The counts by hand: predicted positive when score > 0.5.
    const count = (test: (label: number, positive: boolean) => boolean) => lines.filter(([label, score]) => test(label!, score! > 0.5)).length;
    const [tp, fp, fn] = [count((y, p) => y === 1 && p), count((y, p) => y === 0 && p), count((y, p) => y === 1 && !p)];
    expect(merged.metrics.precision).toBe(tp / (tp + fp));
    expect(merged.metrics.recall).toBe(tp / (tp + fn));
    expect(merged.metrics.binary_accuracy).toBe(count((y, p) => (y === 1) === p) / ROWS);
  });

  test('bad bytes, a different config, a missing part and a non-form body are refused with 400 and the code; the run is unchanged', async () => {
    const good = statesOf(0, 200);
    expect((await postParts('checked', good)).status).toBe(200);
    const before = await get('checked');

    const garbage = await postParts('checked', { ...good, auc: new TextEncoder().encode('not a state at all') });
    expect(garbage).toMatchObject({ status: 400, body: { error: { code: 'CORRUPT_STATE' } } });
    const truncated = await postParts('checked', { ...good, recall: good.recall!.subarray(0, good.recall!.length - 8) });
    expect(truncated).toMatchObject({ status: 400, body: { error: { code: 'CORRUPT_STATE', message: expect.stringMatching(/bytes/) } } });
    const otherAuc = new AUC({ numThresholds: 50 });
    otherAuc.updateState([1, 0], [0.8, 0.3]);
    const mismatch = await postParts('checked', { ...good, auc: otherAuc.saveState() });
    expect(mismatch).toMatchObject({ status: 400, body: { error: { code: 'STATE_MISMATCH', message: expect.stringMatching(/numThresholds/) } } });
    const { precision: _dropped, ...missing } = good;
    expect(await postParts('checked', missing)).toMatchObject({ status: 400, body: { error: { code: 'STATE_MISMATCH', message: expect.stringMatching(/'precision'/) } } });
    const raw = await fetch(runUrl('checked'), { method: 'POST', body: new Uint8Array(good.auc!), headers: { 'content-type': 'application/octet-stream' } });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error.code).toBe('CORRUPT_STATE');

    expect(await get('checked')).toEqual(before);
  });

  test('DELETE forgets a run; unknown paths and methods are refused', async () => {
    expect((await postParts('forget', statesOf(0, 50))).status).toBe(200);
    expect((await get('forget')).clients).toBe(1);
    const deleted = await (await fetch(runUrl('forget'), { method: 'DELETE' })).json();
    expect(deleted.clients).toBe(0);
    expect((await get('forget')).metrics).toEqual(new MetricCollection([new AUC(), new Precision(), new Recall(), new BinaryAccuracy()]).result());
    expect((await fetch(new URL('elsewhere', base))).status).toBe(404);
    expect((await fetch(runUrl('forget'), { method: 'PUT', body: 'x' })).status).toBe(405);
  });
});
