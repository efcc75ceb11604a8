// Child-process entry: `node rows-child.mjs <n> [--library-only]`. Times every
// case at size n in this fresh process, with whatever kernel build the
// environment selects (run.mjs sets WASM_METRICS_BUILD=scalar for the scalar
// build), and prints the per-process medians as JSON on stdout. A fresh process
// per measurement samples V8's per-process JIT decisions instead of trusting one.
import os from 'node:os';
import * as lib from '../dist/index.js';
import { measureAllCases } from './measure-rows.mjs';

const n = Number(process.argv[2]);
if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`usage: node rows-child.mjs <n> [--library-only], got ${process.argv[2]}`);
const plainJs = !process.argv.includes('--library-only');

const cases = measureAllCases(lib, n, { plainJs });
process.stdout.write(JSON.stringify({ kernelBuild: lib.kernelBuild(), n, plainJs, loadAverageAtEnd: os.loadavg()[0], cases }));
