// Child-process entry: measures the library rows with whatever kernel build
// the environment selects (run.mjs sets WASM_METRICS_BUILD=scalar) and prints
// them as JSON on stdout.
import * as lib from '../dist/index.js';
import { measureAllLibraryRows } from './library-rows.mjs';

const rows = measureAllLibraryRows(lib);
process.stdout.write(JSON.stringify({ kernelBuild: lib.kernelBuild(), rows }));
