#!/usr/bin/env node
// Packs the library, installs the tarball into a throwaway consumer project and
// uses it the ways users do, each importing 'wasm-metrics' by name and computing
// one AUC: Node ESM and CommonJS, an esbuild browser bundle and a Vite build in
// headless Chromium, a Worker in workerd. Also checks which file each runtime's
// export conditions select, and runs publint and arethetypeswrong on the
// tarball. Needs a built dist/ (npm run build). Prints one line per check and
// exits 1 when any fails. `--keep` leaves the temporary directory in place.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { packAndInstall } from './consumers/install.mjs';
import { checkNodeConsumers } from './consumers/node.mjs';
import { checkBrowserConsumers } from './consumers/browser.mjs';
import { checkWorkerConsumer } from './consumers/worker.mjs';
import { checkResolution } from './consumers/resolution.mjs';
import { lintPackage } from './consumers/lint.mjs';

const repository = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const started = performance.now();

const { root, app, tarball } = await packAndInstall(repository);
let rows;
try {
  const groups = await Promise.all([
    checkNodeConsumers(app), checkResolution(app), lintPackage(tarball),
    checkBrowserConsumers(app), checkWorkerConsumer(app).then((row) => [row]),
  ].map((pending) => pending.catch((error) => [{ name: 'consumer check', problems: [String(error?.stack ?? error)] }])));
  rows = groups.flat();
} finally {
  if (!keep) await rm(root, { recursive: true, force: true });
}

for (const row of rows) {
  console.log(`${row.problems.length ? 'FAIL' : 'ok  '}  ${row.name}${row.detail ? `: ${row.detail}` : ''}`);
  for (const problem of row.problems) console.log(`        ${problem}`);
}
const failed = rows.filter((row) => row.problems.length).length;
console.log(`${rows.length - failed}/${rows.length} consumer checks passed in ${((performance.now() - started) / 1000).toFixed(1)} s` +
  `${keep ? `; consumers kept in ${root}` : ''}.`);
process.exitCode = failed ? 1 : 0;
