// Child-process entry: `node multiclass-child.mjs [--library-only]`. Times
// every case of multiclass-cases.mjs at its own size in this fresh process and
// prints the per-process medians as JSON on stdout, like rows-child.mjs.
import os from 'node:os';
import * as lib from '../dist/index.js';
import { measureRows } from './measure-rows.mjs';
import { MULTICLASS_CASES, generateMulticlassData, primeInputsOf } from './multiclass-cases.mjs';

const plainJs = !process.argv.includes('--library-only');
const dataSets = generateMulticlassData();
const cases = {};
for (const kase of MULTICLASS_CASES) {
  const inputs = kase.inputs(dataSets[kase.data]);
  cases[kase.id] = measureRows((...arrays) => kase.library(lib, ...arrays), kase.js, inputs,
    { plainJs, primeInputs: primeInputsOf(kase, inputs) });
}
process.stdout.write(JSON.stringify({ kernelBuild: lib.kernelBuild(), plainJs, loadAverageAtEnd: os.loadavg()[0], cases }));
