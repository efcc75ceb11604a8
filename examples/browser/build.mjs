// Bundles the page's module script (app.js with wasm-metrics and csv-parse's
// browser build) into dist/app.js with the repository's esbuild. Needs the
// library built first (npm run build), since 'wasm-metrics' resolves to dist/.
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export async function buildPage() {
  await esbuild.build({
    entryPoints: [here('./app.js')], outfile: here('./dist/app.js'),
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'warning', legalComments: 'none',
  });
  return here('./dist/app.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(`built ${await buildPage()}`);
