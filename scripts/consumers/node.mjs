// Node consumers: an ES module importing and a CommonJS module requiring the package by name.
import { join } from 'node:path';
import { run } from './run.mjs';
import { aucProblems } from './expectations.mjs';

async function nodeConsumer(app, name, file, expectedFile) {
  try {
    const { stdout } = await run(process.execPath, [file], { cwd: app });
    const result = JSON.parse(stdout);
    const problems = aucProblems(result);
    if (!String(result.resolved).endsWith(expectedFile)) problems.push(`resolved ${result.resolved}, expected ${expectedFile}`);
    return { name, problems, detail: `AUC ${result.value} (${result.build}) from ${expectedFile}` };
  } catch (error) {
    return { name, problems: [error.message] };
  }
}

export function checkNodeConsumers(app) {
  return Promise.all([
    nodeConsumer(app, 'Node ESM import', 'node-esm.mjs', join('wasm-metrics', 'dist', 'index.js')),
    nodeConsumer(app, 'Node CommonJS require', 'node-cjs.cjs', join('wasm-metrics', 'dist', 'index.cjs')),
  ]);
}
