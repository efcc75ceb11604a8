// `npm run bench`: every case at every size against plain JS and TF.js in one
// process, the scalar build's rows from a child process, then start-up costs.
// Prints tables and writes bench/results.json.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as lib from '../dist/index.js';
import { measure, prepare, timeRounds } from './harness.mjs';
import { CASES, SIZES, inputsOf, relativeError, formatRelative } from './cases.mjs';
import { generateData, prepareLibrary } from './library-rows.mjs';
import { initTf, useBackend, BACKENDS } from './baselines-tf.mjs';
import { measureStartup } from './startup.mjs';
import { describeMachine, formatMachine, formatCaseTable, formatStartup, formatKeyRatios } from './report.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);
// TF.js cpu needs about a second per call at N = 1e7; a row slower than this is skipped.
const TF_SKIP_ABOVE_MS = 5000;
const TF_MIN_REPS = 3;

function runScalarChild() {
  const output = execFileSync(process.execPath, [here('./library-child.mjs')], {
    env: { ...process.env, WASM_METRICS_BUILD: 'scalar' }, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  return JSON.parse(output);
}

/** Adds throughput, the SIMD library's speed-up and the correctness check to each row; returns warnings. */
function annotate(kase, n, rows) {
  const warnings = [];
  const library = rows.find((row) => row.kind === 'library');
  const reference = rows.find((row) => row.kind === 'js');
  for (const row of rows) {
    if (row.skipped) continue;
    row.samplesPerSecond = n / (row.medianMs / 1000);
    if (row.kind !== 'library') row.speedup = row.medianMs / library.medianMs;
    if (row.kind === 'library') {
      row.check = 'reference for the speed-ups';
    } else if (row.kind === 'js' || row.kind === 'library-scalar') {
      const [against, name] = row.kind === 'js' ? [library.value, 'library'] : [reference.value, 'plain JS'];
      const error = relativeError(against, row.value);
      if (error <= kase.tolerance) {
        row.check = `= ${name} (${error === 0 ? 'exact' : `rel ${formatRelative(error)}`})`;
      } else {
        row.check = `MISMATCH: rel ${formatRelative(error)}`;
        warnings.push(`WARNING: ${kase.title}, N=${n}: ${row.implementation} = ${row.value} but ${name} = ${against} ` +
          `(relative difference ${formatRelative(error)}, allowed ${kase.tolerance === 0 ? 'none' : kase.tolerance}).`);
      }
    } else {
      row.check = `float32: rel err ${formatRelative(relativeError(library.value, row.value))}`;
    }
  }
  return warnings;
}

function measureSize(n, scalar) {
  progress(`N = ${n}: generating data`);
  const dataSets = generateData(n);
  const rowsByCase = new Map(CASES.map((kase) => [kase.id, []]));
  // Library and plain-JS rows first, before TF.js fills the heap with garbage;
  // they are timed in interleaved rounds because their ratios are the headline.
  for (const kase of CASES) {
    progress(`N = ${n}: ${kase.title}: library and plain JS`);
    const inputs = inputsOf(kase, dataSets[kase.data]);
    const plainCalls = kase.js.map((variant) => prepare((...arrays) => () => variant.run(...arrays), inputs));
    const [library, ...plain] = timeRounds([prepareLibrary(lib, kase, dataSets), ...plainCalls]);
    const rows = rowsByCase.get(kase.id);
    rows.push({ implementation: `wasm-metrics (${lib.kernelBuild()})`, kind: 'library', ...library });
    rows.push({ implementation: `wasm-metrics (${scalar.kernelBuild}, child process)`, kind: 'library-scalar', ...scalar.rows[`${kase.id}@${n}`] });
    kase.js.forEach((variant, index) => rows.push({ implementation: variant.name, kind: 'js', ...plain[index] }));
  }
  return { dataSets, rowsByCase };
}

async function measureTfRows(n, { dataSets, rowsByCase }) {
  for (const backend of BACKENDS) {
    await useBackend(backend);
    for (const kase of CASES) {
      progress(`N = ${n}: ${kase.title}: TF.js ${backend}`);
      const [truth, predictions] = inputsOf(kase, dataSets[kase.data]);
      const timing = measure((...inputs) => () => kase.tf(...inputs), [truth, predictions],
        { minReps: TF_MIN_REPS, skipIfFirstCallOverMs: TF_SKIP_ABOVE_MS });
      rowsByCase.get(kase.id).push({ implementation: `TF.js ${backend} backend`, kind: `tf-${backend}`, ...timing });
    }
  }
}

function keyRatios(results) {
  const at = (caseId, implementation) => {
    const entry = results.find((result) => result.caseId === caseId && result.n === 10_000_000);
    return entry?.rows.find((row) => row.implementation.startsWith(implementation) && !row.skipped)?.speedup;
  };
  return [
    { label: 'Precision (1 threshold) vs plain JS, branch-free', ratio: at('precision', 'plain JS, branch-free') },
    { label: 'Precision (1 threshold) vs plain JS, if/else', ratio: at('precision', 'plain JS, if/else') },
    { label: 'AUC (200) vs plain-JS bucketed, branch-free', ratio: at('auc', 'plain JS, bucketed, branch-free') },
    { label: 'AUC (200) vs plain-JS bucketed, if/else', ratio: at('auc', 'plain JS, bucketed, if/else') },
    { label: 'AUC (200) vs TF.js wasm', ratio: at('auc', 'TF.js wasm') },
    { label: 'AUC (200) vs TF.js cpu', ratio: at('auc', 'TF.js cpu') },
    { label: 'R2Score vs plain JS', ratio: at('r2', 'plain JS') },
  ];
}

const startedAt = Date.now();
const tfInfo = await initTf();
const machine = describeMachine(lib, tfInfo);
progress('scalar build: library rows in a child process');
const scalar = runScalarChild();
console.log(formatMachine(machine, scalar.kernelBuild));
const warnings = [];
if (scalar.kernelBuild !== 'scalar') warnings.push(`WARNING: the child process ran the ${scalar.kernelBuild} build, not scalar.`);

const results = [];
for (const n of SIZES) {
  const measured = measureSize(n, scalar);
  await measureTfRows(n, measured);
  for (const kase of CASES) {
    const rows = measured.rowsByCase.get(kase.id);
    const caseWarnings = annotate(kase, n, rows);
    const library = rows.find((row) => row.kind === 'library');
    const note = kase.note?.(measured.dataSets[kase.data], library.value);
    console.log(`\n${formatCaseTable(kase.title, n, rows)}`);
    for (const row of rows.filter((entry) => entry.skipped)) console.log(`Note: ${row.implementation} skipped: ${row.skipped}.`);
    if (note) console.log(`Note: ${note}`);
    for (const warning of caseWarnings) console.log(warning);
    warnings.push(...caseWarnings);
    results.push({ caseId: kase.id, title: kase.title, n, rows, note });
  }
}

progress('start-up: fresh node processes');
const startup = measureStartup();
console.log(`\n${formatStartup(startup)}`);
const ratios = keyRatios(results);
console.log(`\n${formatKeyRatios(ratios)}`);
const totalSeconds = (Date.now() - startedAt) / 1000;
const loadAverageAtEnd = os.loadavg()[0];
console.log(`\n${warnings.length ? `${warnings.length} correctness warning(s), see above.` : 'All plain-JS results equal the library results.'} ` +
  `Total time ${totalSeconds.toFixed(0)} s; 1-minute load average at the end ${loadAverageAtEnd.toFixed(2)}.`);

writeFileSync(here('./results.json'), `${JSON.stringify({
  generatedAt: new Date().toISOString(), machine, scalarKernelBuild: scalar.kernelBuild,
  sizes: SIZES, results, startup, keyRatios: ratios, warnings, totalSeconds, loadAverageAtEnd,
}, null, 2)}\n`);
progress('wrote bench/results.json');
