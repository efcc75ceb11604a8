// The exact ROC AUC section of `npm run bench`, also runnable alone after a
// build: `node bench/exact-auc.mjs`. Times the cases of exact-auc-cases.mjs in
// fresh child processes (default build: library and plain JS interleaved;
// scalar build: library only), measures the wasm memory each case grows by in
// one more fresh process per case, prints one table per case and returns the
// results for results.json.
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { runChildren } from './child-runs.mjs';
import { childRows } from './case-rows.mjs';
import { summarise } from './across-processes.mjs';
import { relativeError, formatRelative } from './cases.mjs';
import { formatCaseTable, formatRatio } from './report.mjs';
import { EXACT_AUC_CASES, EXACT_AUC_N, EXACT_AUC_TARGET } from './exact-auc-cases.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
export const EXACT_AUC_PROCESSES = 3;
export const EXACT_AUC_SCALAR_PROCESSES = 2;

/** Growth of wasm memory for one call of the case, measured in a fresh process. */
function memoryOf(kase) {
  const output = execFileSync(process.execPath, ['--expose-gc', here('./exact-auc-child.mjs'), '--memory', kase.id],
    { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, WASM_METRICS_BUILD: undefined } });
  return JSON.parse(output);
}

/**
 * Throughput, speed-ups and checks: plain-JS rows against the library (exact for
 * unweighted sums, 1e-9 relative when weighted), the scalar build bit-identical
 * to the SIMD build. Returns warnings.
 */
function annotateRows(kase, rows) {
  const warnings = [];
  const library = rows.find((row) => row.kind === 'library');
  for (const row of rows) {
    row.samplesPerSecond = EXACT_AUC_N / (row.medianMs / 1000);
    if (row.valuesAgree === false) warnings.push(`WARNING: ${kase.title}: ${row.implementation} computed different values in different processes.`);
    if (row.kind === 'library') {
      row.check = 'reference for the speed-ups';
    } else if (row.kind === 'library-scalar') {
      row.speedup = row.medianMs / library.medianMs;
      row.check = Object.is(row.value, library.value) ? '= SIMD build (exact)' : 'MISMATCH with the SIMD build';
      if (!Object.is(row.value, library.value)) warnings.push(`WARNING: ${kase.title}: scalar build ${row.value}, SIMD build ${library.value}.`);
    } else {
      Object.assign(row, (({ median, min, max }) => ({ speedup: median, speedupMin: min, speedupMax: max }))(summarise(row.speedupPerProcess)));
      const error = relativeError(library.value, row.value);
      row.check = error <= kase.tolerance ? `= library (${error === 0 ? 'exact' : `rel ${formatRelative(error)}`})` : `MISMATCH: rel ${formatRelative(error)}`;
      if (error > kase.tolerance) warnings.push(`WARNING: ${kase.title}: ${row.implementation} = ${row.value}, library = ${library.value}.`);
    }
  }
  return warnings;
}

/** The float32 case against its fastest native-sort row and against the plain-JS radix sort, per process. */
function headline(results) {
  const rows = results.find((result) => result.caseId === 'exact-auc-f32').rows;
  const native = rows.filter((row) => row.nativeSort).sort((a, b) => a.medianMs - b.medianMs)[0];
  const radix = rows.find((row) => row.kind === 'js' && !row.nativeSort);
  const describe = (row) => `${formatRatio(row.speedup)} (range ${formatRatio(row.speedupMin)}-${formatRatio(row.speedupMax)} over ${row.speedupPerProcess.length} processes) vs "${row.implementation}"`;
  return [
    `Exact ROC AUC, float32, N = ${EXACT_AUC_N.toLocaleString('en-US')}, copy into wasm included:`,
    `  ${describe(native)}: target >= ${EXACT_AUC_TARGET}x ${native.speedup >= EXACT_AUC_TARGET ? 'met' : 'NOT met'}`,
    `  ${describe(radix)}`,
  ].join('\n');
}

/** The child processes of the section (timings, then wasm memory per case); run before anything else loads the parent. */
export function measureExactAuc({ progress = () => {} } = {}) {
  const children = runChildren('./exact-auc-child.mjs', [], {
    processes: EXACT_AUC_PROCESSES, scalarProcesses: EXACT_AUC_SCALAR_PROCESSES,
    onStart: (what) => progress(`exact ROC AUC: ${what}`),
  });
  const memory = new Map();
  for (const kase of EXACT_AUC_CASES) {
    progress(`exact ROC AUC: ${kase.id}: wasm memory in a fresh process`);
    memory.set(kase.id, memoryOf(kase));
  }
  return { children, memory };
}

/** Prints the section's tables and headline; returns { results, warnings } for results.json. */
export function reportExactAuc({ children, memory }) {
  const results = [], warnings = [];
  for (const kase of EXACT_AUC_CASES) {
    const rows = childRows(kase, children);
    kase.js.forEach((variant, index) => { rows[2 + index].nativeSort = Boolean(variant.nativeSort); });
    warnings.push(...annotateRows(kase, rows));
    const library = rows.find((row) => row.kind === 'library');
    const grown = memory.get(kase.id);
    if (!Object.is(grown.value, library.value)) warnings.push(`WARNING: ${kase.title}: the memory process computed ${grown.value}.`);
    const note = `wasm memory grown by the call: ${(grown.grownBytes / 2 ** 20).toFixed(1)} MiB, ` +
      `${grown.bytesPerSample.toFixed(2)} bytes per sample (fresh process; the sort's buffers and the input copies).`;
    console.log(`\n${formatCaseTable(kase.title, EXACT_AUC_N, rows)}\nNote: ${note}`);
    results.push({ caseId: kase.id, title: kase.title, n: EXACT_AUC_N, rows, note, memory: grown });
  }
  for (const warning of warnings) console.log(warning);
  console.log(`\n${headline(results)}`);
  return { results, warnings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  reportExactAuc(measureExactAuc({ progress: (message) => process.stderr.write(`[bench] ${message}\n`) }));
}
