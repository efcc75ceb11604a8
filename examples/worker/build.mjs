// Bundles the Worker as wrangler would: 'wasm-metrics' resolved with the
// workerd export condition (the build that imports its kernels as a .wasm
// module, since Workers refuse to compile WebAssembly from bytes), the .wasm
// copied beside the bundle, cloudflare:* left to the runtime. Needs the library
// built first (npm run build).
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Writes `<outdir>/index.js` and `<outdir>/kernels.simd.wasm`; returns their paths. */
export async function buildWorker(outdir = here('./dist')) {
  await esbuild.build({
    entryPoints: [here('./src/index.js')], outdir, bundle: true, format: 'esm', platform: 'neutral', target: 'es2022',
    conditions: ['workerd', 'worker'], external: ['cloudflare:*'], loader: { '.wasm': 'copy' }, assetNames: '[name]',
    logLevel: 'warning', legalComments: 'none',
  });
  return { script: `${outdir}/index.js`, wasm: `${outdir}/kernels.simd.wasm` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await buildWorker());
