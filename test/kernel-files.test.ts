// Where the published Node entries get their kernels: the .wasm files beside
// them in dist/, with the embedded text as a module loaded only where the files
// are missing (the library bundled into an application). Each case runs the
// built package, copied without one of the two sources, in a fresh process,
// through import and through require.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { scalarKernels, simdKernels } from '../src/wasm/generated/kernels.js';

const run = promisify(execFile);
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const copies: string[] = [];
afterAll(() => { for (const copy of copies) rmSync(copy, { recursive: true, force: true }); });

const staticImports = (code: string) => [...code.matchAll(/from\s*"\.\/((?:chunks\/)?[^"]+\.js)"/g)].map((match) => match[1]!);
const dynamicImports = (code: string) => [...code.matchAll(/import\("\.\/([^"]+\.js)"\)/g)].map((match) => match[1]!);
const read = (file: string) => readFileSync(join(dist, file), 'utf8');

/** The ESM files dist/index.js loads as it is imported: the entry and its static chunks. */
function coreGraph(): string[] {
  const chunks = staticImports(read('index.js'));
  return ['index.js', ...chunks];
}

/** The chunk holding the embedded text: the one the core graph imports dynamically. */
function embeddedChunk(): string {
  const targets = coreGraph().flatMap((file) => dynamicImports(read(file)).map((target) => join(file, '..', target)));
  expect(targets).toHaveLength(1);
  return targets[0]!;
}

/** A copy of dist/ (with the package's "type": "module") without the given files. */
function distWithout(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'kernel-files-'));
  copies.push(root);
  cpSync(dist, join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'wasm-metrics', type: 'module' }));
  for (const file of files) rmSync(join(root, 'dist', file));
  return join(root, 'dist');
}

const ENTRIES = {
  import: { core: 'index.js', sklearn: 'sklearn.js', load: (url: string) => `await import(${JSON.stringify(url)})` },
  require: { core: 'index.cjs', sklearn: 'sklearn.cjs', load: (url: string) => `require(${JSON.stringify(fileURLToPath(url))})` },
};
type Loading = keyof typeof ENTRIES;

/**
 * The kernel build and two AUCs computed in a fresh process by the copy's core and
 * sklearn entries. Labels (0, 0, 1, 1), scores (0.1, 0.4, 0.35, 0.8): 3 of the 4
 * positive-negative pairs are ordered, so the exact ROC AUC is 0.75; with thresholds
 * (-eps, 0.5, 1 + eps) the curve is (0, 0), (0, 1/2), (1, 1) and its area 0.75 too.
 */
async function firstResults(copy: string, loading: Loading, build?: 'scalar') {
  const { core, sklearn, load } = ENTRIES[loading];
  const url = (file: string) => pathToFileURL(join(copy, file)).href;
  const script = `
    const core = ${load(url(core))};
    const sklearn = ${load(url(sklearn))};
    const auc = new core.AUC({ numThresholds: 3 });
    auc.updateState([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    console.log(JSON.stringify({ build: core.kernelBuild(), auc: auc.result(), exact: sklearn.rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) }));`;
  const env = { ...process.env, WASM_METRICS_BUILD: build ?? '' };
  const { stdout } = await run(process.execPath, [`--input-type=${loading === 'import' ? 'module' : 'commonjs'}`, '-e', script], { env });
  return JSON.parse(stdout);
}

/** Both loadings of the copy give the expected results with either kernel build. */
async function expectBothBuilds(copy: string) {
  for (const loading of Object.keys(ENTRIES) as Loading[]) {
    expect(await firstResults(copy, loading), loading).toEqual({ build: 'simd', auc: 0.75, exact: 0.75 });
    expect(await firstResults(copy, loading, 'scalar'), loading).toEqual({ build: 'scalar', auc: 0.75, exact: 0.75 });
  }
}

describe('kernel source of the Node entries', () => {
  test('importing the core parses no embedded kernels: they are in one chunk, imported only when needed', () => {
    const graph = coreGraph().map(read).join('\n');
    expect(graph).not.toContain(simdKernels.text.slice(0, 64));
    expect(graph).not.toContain(scalarKernels.text.slice(0, 64));
    const embedded = read(embeddedChunk());
    expect(embedded).toContain(simdKernels.text);
    expect(embedded).toContain(scalarKernels.text);
    expect(staticImports(embedded)).toEqual([]);
  });

  test('requiring the core parses no embedded kernels either: they are in a module of their own', () => {
    expect(read('chunks/require.cjs')).not.toContain(simdKernels.text.slice(0, 64));
    expect(read('chunks/require.cjs')).toContain('require("./embedded-bytes.cjs")');
    expect(read('chunks/embedded-bytes.cjs')).toContain(simdKernels.text);
  });

  test('the .wasm files are enough: without the embedded text both entries compute, either build', async () => {
    await expectBothBuilds(distWithout([embeddedChunk(), 'chunks/embedded-bytes.cjs']));
  });

  test('without the .wasm files both entries fall back to the embedded kernels', async () => {
    await expectBothBuilds(distWithout(readdirSync(dist).filter((file) => file.endsWith('.wasm'))));
  });
});
