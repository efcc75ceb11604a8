// `npm run bench`: the library and plain-JS rows of every case in several fresh
// child processes per size (the scalar build's rows in their own children),
// then TF.js in this process, then start-up costs. Prints tables and writes
// bench/results.json.
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure } from './harness.mjs';
import { CASES, SIZES, inputsOf, relativeError, formatRelative } from './cases.mjs';
import { generateData } from './measure-rows.mjs';
import { runChildren } from './child-runs.mjs';
import { acrossProcesses, perProcessRatios, summarise } from './across-processes.mjs';
import { initTf, useBackend, BACKENDS } from './baselines-tf.mjs';
import { measureStartup } from './startup.mjs';
import { describeMachine, formatMachine, formatCaseTable, formatStartup, formatKeyRatios } from './report.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const progress = (message) => process.stderr.write(`[bench] ${message}\n`);
// V8's JIT decisions and the machine's background load differ per process, so
// one process's ratio can be off by 2x; these many fresh processes per size.
const PROCESSES = 5;
const SCALAR_PROCESSES = 3;
// TF.js cpu needs about a second per call at N = 1e7; a row slower than this is skipped.
const TF_SKIP_ABOVE_MS = 5000;
const TF_MIN_REPS = 3;

/** Library, scalar-build and plain-JS rows of one case, each combined across its processes. */
function childRows(kase, n, children) {
  const libraryRuns = children.simd.map((child) => child.cases[kase.id].library);
  const rows = [
    { implementation: `wasm-metrics (${children.simd[0].kernelBuild})`, kind: 'library', ...acrossProcesses(libraryRuns) },
    {
      implementation: `wasm-metrics (${children.scalar[0].kernelBuild})`, kind: 'library-scalar',
      ...acrossProcesses(children.scalar.map((child) => child.cases[kase.id].library)),
    },
  ];
  kase.js.forEach((variant, index) => {
    const runs = children.simd.map((child) => child.cases[kase.id].plainJs[index]);
    rows.push({ implementation: variant.name, kind: 'js', ...acrossProcesses(runs), speedupPerProcess: perProcessRatios(runs, libraryRuns) });
  });
  return rows;
}

async function tfRows(n, dataSets) {
  const rowsByCase = new Map(CASES.map((kase) => [kase.id, []]));
  for (const backend of BACKENDS) {
    await useBackend(backend);
    for (const kase of CASES) {
      progress(`N = ${n}: ${kase.title}: TF.js ${backend}`);
      const [truth, predictions] = inputsOf(kase, dataSets[kase.data]);
      const timing = measure((...inputs) => () => kase.tf(...inputs), [truth, predictions],
        { minReps: TF_MIN_REPS, skipIfFirstCallOverMs: TF_SKIP_ABOVE_MS });
      rowsByCase.get(kase.id).push({ implementation: `TF.js ${backend} backend`, kind: `tf-${backend}`, rangeOf: 'calls', ...timing });
    }
  }
  return rowsByCase;
}

/** Adds throughput, the SIMD library's speed-up and the correctness checks to each row; returns warnings. */
function annotate(kase, n, rows) {
  const warnings = [];
  const library = rows.find((row) => row.kind === 'library');
  const reference = rows.find((row) => row.kind === 'js');
  for (const row of rows) {
    if (row.skipped) continue;
    row.samplesPerSecond = n / (row.medianMs / 1000);
    if (row.speedupPerProcess) {
      const ratios = summarise(row.speedupPerProcess);
      Object.assign(row, { speedup: ratios.median, speedupMin: ratios.min, speedupMax: ratios.max });
    } else if (row.kind !== 'library') {
      row.speedup = row.medianMs / library.medianMs;
    }
    if (row.valuesAgree === false) {
      warnings.push(`WARNING: ${kase.title}, N=${n}: ${row.implementation} computed different values in different processes ` +
        `(${row.perProcess.map((run) => run.value).join(', ')}).`);
    }
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

function keyRatios(results) {
  const at = (caseId, implementation) => {
    const entry = results.find((result) => result.caseId === caseId && result.n === 10_000_000);
    const row = entry?.rows.find((candidate) => candidate.implementation.startsWith(implementation) && !candidate.skipped);
    if (!row) return { ratio: undefined };
    return row.speedupPerProcess
      ? { ratio: row.speedup, min: row.speedupMin, max: row.speedupMax, perProcess: row.speedupPerProcess, basis: 'per-process' }
      : { ratio: row.speedup, basis: 'single TF.js process vs the library median across processes' };
  };
  return [
    { label: 'Precision (1 threshold) vs plain JS, branch-free', ...at('precision', 'plain JS, branch-free') },
    { label: 'Precision (1 threshold) vs plain JS, if/else', ...at('precision', 'plain JS, if/else') },
    { label: 'AUC (200) vs plain-JS bucketed, branch-free', ...at('auc', 'plain JS, bucketed, branch-free') },
    { label: 'AUC (200) vs plain-JS bucketed, if/else', ...at('auc', 'plain JS, bucketed, if/else') },
    { label: 'AUC (200) vs TF.js wasm', ...at('auc', 'TF.js wasm') },
    { label: 'AUC (200) vs TF.js cpu', ...at('auc', 'TF.js cpu') },
    { label: 'R2Score vs plain JS', ...at('r2', 'plain JS') },
  ];
}

const startedAt = Date.now();
const loadAverageAtStart = os.loadavg()[0];
const tfInfo = await initTf();

// All child processes first, while this process holds no large data or TF.js garbage.
const childrenBySize = new Map();
for (const n of SIZES) {
  childrenBySize.set(n, runChildren(n, {
    processes: PROCESSES, scalarProcesses: SCALAR_PROCESSES, onStart: (what) => progress(`N = ${n}: ${what}`),
  }));
}
const firstChildren = childrenBySize.get(SIZES[0]);
const builds = { simd: firstChildren.simd[0].kernelBuild, scalar: firstChildren.scalar[0].kernelBuild };
const machine = describeMachine(tfInfo, builds, loadAverageAtStart);
console.log(formatMachine(machine, { processes: PROCESSES, scalarProcesses: SCALAR_PROCESSES }));

const warnings = [];
for (const [n, children] of childrenBySize) {
  for (const [kind, expected] of [['simd', 'simd'], ['scalar', 'scalar']]) {
    const other = children[kind].find((child) => child.kernelBuild !== expected);
    if (other) warnings.push(`WARNING: N=${n}: a ${kind} child process ran the ${other.kernelBuild} build.`);
  }
}
for (const warning of warnings) console.log(warning);

const results = [];
for (const [n, children] of childrenBySize) {
  progress(`N = ${n}: generating data for TF.js`);
  const dataSets = generateData(n);
  const tfByCase = await tfRows(n, dataSets);
  for (const kase of CASES) {
    const rows = [...childRows(kase, n, children), ...tfByCase.get(kase.id)];
    const caseWarnings = annotate(kase, n, rows);
    const library = rows.find((row) => row.kind === 'library');
    const note = kase.note?.(dataSets[kase.data], library.value);
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
console.log(`\n${formatKeyRatios(ratios, PROCESSES)}`);
const totalSeconds = (Date.now() - startedAt) / 1000;
const loadAverageAtEnd = os.loadavg()[0];
console.log(`\n${warnings.length ? `${warnings.length} warning(s), see above.` : 'All plain-JS results equal the library results.'} ` +
  `Total time ${totalSeconds.toFixed(0)} s; 1-minute load average at the end ${loadAverageAtEnd.toFixed(2)}.`);

const childLoad = Object.fromEntries([...childrenBySize].map(([n, children]) => [n, {
  simd: children.simd.map((child) => child.loadAverageAtEnd), scalar: children.scalar.map((child) => child.loadAverageAtEnd),
}]));
writeFileSync(here('./results.json'), `${JSON.stringify({
  generatedAt: new Date().toISOString(), machine, processesPerSize: PROCESSES, scalarProcessesPerSize: SCALAR_PROCESSES,
  sizes: SIZES, results, startup, keyRatios: ratios, warnings, totalSeconds,
  loadAverageAtEndOfEachChild: childLoad, loadAverageAtEnd,
}, null, 2)}\n`);
progress('wrote bench/results.json');
