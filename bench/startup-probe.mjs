// One start-up measurement in a fresh process (spawned by startup.mjs); prints JSON.
//   library:  from the start of import('../dist/index.js') to the first AUC result on 1000 samples
//   require:  the same through require('../dist/index.cjs')
//   portable: the same through import('../dist/portable.js') (the browser and Deno build)
//   wasm:     plain WebAssembly.instantiate of build/kernels.simd.wasm
//   loader:   @assemblyscript/loader's instantiate of the same bytes
//   empty:    import() of a module file that only exports a constant (what any import costs Node)
//   compile:  V8 compiling dist/index.js and the chunks it imports, without running them
//             (vm.SourceTextModule: the probe runs with --experimental-vm-modules)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { classificationData } from './data.mjs';

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(now() - start) / 1e6;
const kernelsPath = new URL('../build/kernels.simd.wasm', import.meta.url);

/** Times loading the library with `load` and computing one AUC; the import alone is reported too. */
async function firstResult(load) {
  const { labels, predictions } = classificationData(1000);
  const cpuStart = process.cpuUsage();
  const start = now();
  const lib = await load();
  const importMs = msSince(start);
  const metric = new lib.AUC();
  metric.updateState(labels, predictions);
  const value = metric.result();
  const ms = msSince(start);
  // CPU time of all the process's threads (V8 compiles and collects garbage on helper threads):
  // unlike the wall time, it hardly changes when other processes load the machine.
  const cpu = process.cpuUsage(cpuStart);
  return { ms, importMs, cpuMs: (cpu.user + cpu.system) / 1000, value, kernelBuild: lib.kernelBuild() };
}

async function plainWasm() {
  const bytes = readFileSync(kernelsPath);
  const start = now();
  const { instance } = await WebAssembly.instantiate(bytes, {});
  return { ms: msSince(start), exports: Object.keys(instance.exports).length };
}

async function assemblyScriptLoader() {
  const bytes = readFileSync(kernelsPath);
  const importStart = now();
  const loader = await import('@assemblyscript/loader');
  const importMs = msSince(importStart);
  const start = now();
  const { exports } = await loader.instantiate(bytes, {});
  return { ms: msSince(start), importMs, exports: Object.keys(exports).length };
}

async function emptyImport() {
  const start = now();
  await import('./startup-empty-module.mjs');
  return { ms: msSince(start) };
}

/** The core entry and the chunks it imports (esbuild writes them as `from"./chunks/..."`). */
function coreModuleSources() {
  const entry = new URL('../dist/index.js', import.meta.url);
  const source = readFileSync(entry, 'utf8');
  const chunks = [...source.matchAll(/from\s*"(\.\/chunks\/[^"]+)"/g)].map((match) => new URL(match[1], entry));
  return [entry, ...chunks].map((url) => ({ url: url.href, source: readFileSync(url, 'utf8') }));
}

async function compileOnly() {
  const { SourceTextModule } = await import('node:vm');
  const modules = coreModuleSources();
  const start = now();
  for (const { url, source } of modules) new SourceTextModule(source, { identifier: url });
  return { ms: msSince(start), modules: modules.length, characters: modules.reduce((sum, { source }) => sum + source.length, 0) };
}

const probes = {
  library: () => firstResult(() => import('../dist/index.js')),
  require: () => firstResult(async () => createRequire(import.meta.url)('../dist/index.cjs')),
  portable: () => firstResult(() => import('../dist/portable.js')),
  wasm: plainWasm,
  loader: assemblyScriptLoader,
  empty: emptyImport,
  compile: compileOnly,
};
const probe = probes[process.argv[2]];
if (!probe) throw new Error(`usage: node startup-probe.mjs ${Object.keys(probes).join('|')}`);
process.stdout.write(JSON.stringify(await probe()));
