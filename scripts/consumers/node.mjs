// Node consumers: an ES module importing and a CommonJS module requiring the package by name.
import { join } from 'node:path';
import { run } from './run.mjs';
import { aucProblems } from './expectations.mjs';

async function nodeConsumer(app, name, file, expectedFile, expectedSklearnFile) {
  try {
    const { stdout } = await run(process.execPath, [file], { cwd: app });
    const result = JSON.parse(stdout);
    const problems = aucProblems(result);
    if (!String(result.resolved).endsWith(expectedFile)) problems.push(`resolved ${result.resolved}, expected ${expectedFile}`);
    if (!String(result.resolvedSklearn).endsWith(expectedSklearnFile)) {
      problems.push(`resolved ${result.resolvedSklearn}, expected ${expectedSklearnFile}`);
    }
    return { name, problems, detail: `AUC ${result.value} (${result.build}) from ${expectedFile}, rocAucScore ${result.sklearnValue} from ${expectedSklearnFile}` };
  } catch (error) {
    return { name, problems: [error.message] };
  }
}

export function checkNodeConsumers(app) {
  return Promise.all([
    nodeConsumer(app, 'Node ESM import', 'node-esm.mjs', join('wasm-metrics', 'dist', 'index.js'), join('wasm-metrics', 'dist', 'sklearn.js')),
    nodeConsumer(app, 'Node CommonJS require', 'node-cjs.cjs', join('wasm-metrics', 'dist', 'index.cjs'),
      join('wasm-metrics', 'dist', 'sklearn.cjs')),
  ]);
}
