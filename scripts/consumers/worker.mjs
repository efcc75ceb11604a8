// A Cloudflare Worker consumer: bundled with the conditions wrangler uses,
// the .wasm import kept as a module, and run in workerd through miniflare
// (workerd refuses to compile WebAssembly from bytes, so only the workerd
// build can pass).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { aucProblems } from './expectations.mjs';

export async function checkWorkerConsumer(app) {
  const name = 'Cloudflare Worker in workerd (miniflare)';
  const outdir = join(app, 'worker-dist');
  let miniflare;
  try {
    const bundled = await esbuild.build({
      entryPoints: [join(app, 'worker.js')], bundle: true, format: 'esm', platform: 'neutral',
      conditions: ['workerd', 'worker', 'browser'], loader: { '.wasm': 'copy' }, assetNames: '[name]',
      outdir, metafile: true, logLevel: 'silent',
    });
    // Module names are paths relative to the bundle, as wrangler uploads them.
    const files = await readdir(outdir);
    const modules = {};
    for (const file of files.filter((candidate) => /\.(js|wasm)$/.test(candidate))) {
      const contents = await readFile(join(outdir, file));
      modules[file] = file.endsWith('.wasm') ? { type: 'wasm', contents: new Uint8Array(contents) } : { type: 'esm', contents: contents.toString('utf8') };
    }
    const wasmFiles = files.filter((file) => file.endsWith('.wasm'));
    miniflare = new Miniflare({
      workers: [{ config: { name: 'consumer', compatibilityDate: '2025-09-01', manifest: { mainModule: 'worker.js', modules } } }],
    });
    const response = await miniflare.dispatchFetch('http://localhost/');
    const result = await response.json();
    const problems = aucProblems(result);
    for (const file of ['dist/workerd.js', 'dist/sklearn-workerd.js']) {
      if (!Object.keys(bundled.metafile.inputs).some((input) => input.endsWith(`wasm-metrics/${file}`))) problems.push(`did not bundle ${file}`);
    }
    return { name, problems, detail: `AUC ${result.value} (${result.build}), kernels as ${wasmFiles.join(', ')}` };
  } catch (error) {
    return { name, problems: [String(error?.stack ?? error)] };
  } finally {
    await miniflare?.dispose();
  }
}
