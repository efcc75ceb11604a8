// One start-up measurement in a fresh process (spawned by startup.mjs); prints JSON.
//   library: from the start of import('../dist/index.js') to the first AUC result on 1000 samples
//   wasm:    plain WebAssembly.instantiate of build/kernels.simd.wasm
//   loader:  @assemblyscript/loader's instantiate of the same bytes
import { readFileSync } from 'node:fs';
import { classificationData } from './data.mjs';

const now = () => process.hrtime.bigint();
const msSince = (start) => Number(now() - start) / 1e6;
const kernelsPath = new URL('../build/kernels.simd.wasm', import.meta.url);

async function library() {
  const { labels, predictions } = classificationData(1000);
  const start = now();
  const lib = await import('../dist/index.js');
  const importMs = msSince(start);
  const metric = new lib.AUC();
  metric.updateState(labels, predictions);
  const value = metric.result();
  return { ms: msSince(start), importMs, value, kernelBuild: lib.kernelBuild() };
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

const probes = { library, wasm: plainWasm, loader: assemblyScriptLoader };
const probe = probes[process.argv[2]];
if (!probe) throw new Error(`usage: node startup-probe.mjs ${Object.keys(probes).join('|')}`);
process.stdout.write(JSON.stringify(await probe()));
