// Child-process entry: `node family-child.mjs [--library-only]`. Times every
// case of family-cases.mjs at its own size in this fresh process and prints
// the per-process medians as JSON on stdout, like multiclass-child.mjs.
import os from 'node:os';
import * as lib from '../dist/index.js';
import { measureRows } from './measure-rows.mjs';
import { FAMILY_CASES, generateFamilyData, primeInputsOf } from './family-cases.mjs';

const plainJs = !process.argv.includes('--library-only');
const dataSets = generateFamilyData();
const cases = {};
for (const kase of FAMILY_CASES) {
  const inputs = kase.inputs(dataSets[kase.data]);
  cases[kase.id] = measureRows((...arrays) => kase.library(lib, ...arrays), kase.js, inputs,
    { plainJs, primeInputs: primeInputsOf(kase, inputs) });
}
process.stdout.write(JSON.stringify({ kernelBuild: lib.kernelBuild(), plainJs, loadAverageAtEnd: os.loadavg()[0], cases }));
