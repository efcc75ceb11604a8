// `npm run bench`: the library and plain-JS rows of every case in several fresh
// child processes per size (the scalar build's rows in their own children),
// likewise the multiclass cases and the loss, correlation and reduction
// families (family-cases.mjs) at their own sizes, then TF.js in this
// process, then start-up costs, then worker threads (threads.mjs, in a child
// process). Prints tables and writes bench/results.json.
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measure } from './harness.mjs';
import { CASES, SIZES, inputsOf } from './cases.mjs';
import { MULTICLASS_CASES, generateMulticlassData, primeInputsOf } from './multiclass-cases.mjs';
import { FAMILY_CASES, generateFamilyData } from './family-cases.mjs';
import { generateData } from './measure-rows.mjs';
import { runChildren } from './child-runs.mjs';
import { childRows, annotate } from './case-rows.mjs';
import { initTf, useBackend, BACKENDS } from './baselines-tf.mjs';
import { measureStartup } from './startup.mjs';
import { measureSizes, formatSizes } from './sizes.mjs';
import { measureExactAuc, reportExactAuc } from './exact-auc.mjs';
import { EXACT_AUC_TARGET } from './exact-auc-cases.mjs';
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
// The goal for MeanIoU and CategoricalAccuracy: each at least this many times a plain-JS loop in the same run.
const MULTICLASS_TARGET = 3;

/** TF.js rows of the cases that have TF.js ops, timed in this process on both backends; keyed by case id. */
async function tfRows(label, cases, inputsFor, primeInputsFor = () => undefined) {
  const rowsByCase = new Map(cases.map((kase) => [kase.id, []]));
  for (const backend of BACKENDS) {
    await useBackend(backend);
    for (const kase of cases.filter((candidate) => candidate.tf)) {
      progress(`${label}: ${kase.title}: TF.js ${backend}`);
      const inputs = inputsFor(kase);
      const timing = measure((...arrays) => () => kase.tf(...arrays), inputs,
        { minReps: TF_MIN_REPS, skipIfFirstCallOverMs: TF_SKIP_ABOVE_MS, primeInputs: primeInputsFor(kase, inputs) });
      rowsByCase.get(kase.id).push({ implementation: `TF.js ${backend} backend`, kind: `tf-${backend}`, rangeOf: 'calls', ...timing });
    }
  }
  return rowsByCase;
}

/** Prints one case's table with its notes and warnings; returns its entry for results.json and its warnings. */
function reportCase(kase, n, rows, note) {
  const warnings = annotate(kase, n, rows);
  console.log(`\n${formatCaseTable(kase.title, n, rows)}`);
  for (const row of rows.filter((entry) => entry.skipped)) console.log(`Note: ${row.implementation} skipped: ${row.skipped}.`);
  if (note) console.log(`Note: ${note}`);
  for (const warning of warnings) console.log(warning);
  return { result: { caseId: kase.id, title: kase.title, n, rows, note }, warnings };
}

function keyRatios(results) {
  const at = (caseId, implementation, n = 10_000_000) => {
    const entry = results.find((result) => result.caseId === caseId && result.n === n);
    const row = entry?.rows.find((candidate) => candidate.implementation.startsWith(implementation) && !candidate.skipped);
    if (!row) return { ratio: undefined };
    return row.speedupPerProcess
      ? { ratio: row.speedup, min: row.speedupMin, max: row.speedupMax, perProcess: row.speedupPerProcess, basis: 'per-process' }
      : { ratio: row.speedup, basis: 'single TF.js process vs the library median across processes' };
  };
  const rows = MULTICLASS_CASES.find((kase) => kase.id === 'categorical-accuracy').n;
  return [
    { label: 'Precision (1 threshold) vs plain JS, branch-free', ...at('precision', 'plain JS, branch-free') },
    { label: 'Precision (1 threshold) vs plain JS, if/else', ...at('precision', 'plain JS, if/else') },
    { label: 'AUC (200) vs plain-JS bucketed, branch-free', ...at('auc', 'plain JS, bucketed, branch-free') },
    { label: 'AUC (200) vs plain-JS bucketed, if/else', ...at('auc', 'plain JS, bucketed, if/else') },
    { label: 'AUC (200) vs TF.js wasm', ...at('auc', 'TF.js wasm') },
    { label: 'AUC (200) vs TF.js cpu', ...at('auc', 'TF.js cpu') },
    { label: 'SensitivityAtSpecificity (200) vs plain JS, branch-free', ...at('sensitivity-at-specificity', 'plain JS, bucketed, branch-free') },
    { label: 'R2Score vs plain JS, 2 accumulators', ...at('r2', 'plain JS, f64 sums, 2') },
    { label: 'R2Score vs plain JS, 1 accumulator each', ...at('r2', 'plain JS, f64 sums, 1') },
    { label: 'MeanIoU (10-class matrix) vs plain JS, Float64Array', target: MULTICLASS_TARGET, ...at('mean-iou', 'plain JS, Float64Array') },
    { label: 'MeanIoU (10-class matrix) vs plain JS, Int32Array', target: MULTICLASS_TARGET, ...at('mean-iou', 'plain JS, Int32Array') },
    { label: 'MeanIoU (10-class matrix) vs TF.js wasm bincount', ...at('mean-iou', 'TF.js wasm') },
    { label: 'CategoricalAccuracy (10^6 x 10) vs plain JS, argmax', target: MULTICLASS_TARGET, ...at('categorical-accuracy', 'plain JS, argmax', rows) },
    { label: 'CategoricalAccuracy (10^6 x 10) vs plain JS, target rank', target: MULTICLASS_TARGET, ...at('categorical-accuracy', 'plain JS, label argmax', rows) },
    { label: 'CategoricalAccuracy (10^6 x 10) vs TF.js wasm', ...at('categorical-accuracy', 'TF.js wasm', rows) },
    { label: 'Mean (10^7 values) vs plain JS, 4 accumulators', ...at('mean', 'plain JS, f64 sum, 4') },
    { label: 'Mean (10^7 values) vs plain JS, 1 accumulator', ...at('mean', 'plain JS, f64 sum, 1') },
    { label: 'Exact ROC AUC (float32) vs plain JS, native sort per class', target: EXACT_AUC_TARGET, ...at('exact-auc-f32', 'plain JS, native sort per class') },
    { label: 'Exact ROC AUC (float32) vs plain JS, native packed sort', target: EXACT_AUC_TARGET, ...at('exact-auc-f32', 'plain JS, native sort of packed') },
    { label: 'Exact ROC AUC (float32) vs plain JS, LSD radix sort', ...at('exact-auc-f32', 'plain JS, LSD radix sort') },
  ];
}

const startedAt = Date.now();
const loadAverageAtStart = os.loadavg()[0];
const tfInfo = await initTf();

// All child processes first, while this process holds no large data or TF.js garbage.
const childOptions = (label) => ({
  processes: PROCESSES, scalarProcesses: SCALAR_PROCESSES, onStart: (what) => progress(`${label}: ${what}`),
});
const childrenBySize = new Map();
for (const n of SIZES) childrenBySize.set(n, runChildren('./rows-child.mjs', [String(n)], childOptions(`N = ${n}`)));
const multiclassChildren = runChildren('./multiclass-child.mjs', [], childOptions('multiclass cases'));
const familyChildren = runChildren('./family-child.mjs', [], childOptions('loss, correlation and reduction cases'));
const exactAucMeasured = measureExactAuc({ progress });

const firstChildren = childrenBySize.get(SIZES[0]);
const builds = { simd: firstChildren.simd[0].kernelBuild, scalar: firstChildren.scalar[0].kernelBuild };
const machine = describeMachine(tfInfo, builds, loadAverageAtStart);
console.log(formatMachine(machine, { processes: PROCESSES, scalarProcesses: SCALAR_PROCESSES }));

const warnings = [];
const childGroups = [...[...childrenBySize].map(([n, children]) => [`N=${n}`, children]), ['multiclass cases', multiclassChildren],
  ['family cases', familyChildren]];
for (const [label, children] of childGroups) {
  for (const [kind, expected] of [['simd', 'simd'], ['scalar', 'scalar']]) {
    const other = children[kind].find((child) => child.kernelBuild !== expected);
    if (other) warnings.push(`WARNING: ${label}: a ${kind} child process ran the ${other.kernelBuild} build.`);
  }
}
for (const warning of warnings) console.log(warning);

const results = [];
const record = ({ result, warnings: caseWarnings }) => {
  results.push(result);
  warnings.push(...caseWarnings);
};
for (const [n, children] of childrenBySize) {
  progress(`N = ${n}: generating data for TF.js`);
  const dataSets = generateData(n);
  const tfByCase = await tfRows(`N = ${n}`, CASES, (kase) => inputsOf(kase, dataSets[kase.data]));
  for (const kase of CASES) {
    const rows = [...childRows(kase, children), ...tfByCase.get(kase.id)];
    const library = rows.find((row) => row.kind === 'library');
    record(reportCase(kase, n, rows, kase.note?.(dataSets[kase.data], library.value)));
  }
}

progress('multiclass cases: generating data for TF.js');
const multiclassData = generateMulticlassData();
const multiclassInputs = (kase) => kase.inputs(multiclassData[kase.data]);
const multiclassTf = await tfRows('multiclass cases', MULTICLASS_CASES, multiclassInputs, primeInputsOf);
for (const kase of MULTICLASS_CASES) {
  const rows = [...childRows(kase, multiclassChildren), ...multiclassTf.get(kase.id)];
  record(reportCase(kase, kase.n, rows, kase.note?.()));
}

progress('loss, correlation and reduction cases: generating data for TF.js');
const familyData = generateFamilyData();
const familyInputs = (kase) => kase.inputs(familyData[kase.data]);
const familyTf = await tfRows('loss, correlation and reduction cases', FAMILY_CASES, familyInputs, primeInputsOf);
for (const kase of FAMILY_CASES) {
  const rows = [...childRows(kase, familyChildren), ...familyTf.get(kase.id)];
  record(reportCase(kase, kase.n, rows, kase.note?.()));
}

const exactAuc = reportExactAuc(exactAucMeasured);
results.push(...exactAuc.results);
warnings.push(...exactAuc.warnings);

progress('start-up: fresh node processes');
const startup = measureStartup();
console.log(`\n${formatStartup(startup)}`);
const bundleSizes = await measureSizes();
console.log(`\n${formatSizes(bundleSizes)}`);
progress('worker threads: bench/threads.mjs in a child process');
// Its own process: the worker pools and 10^7-sample arrays stay out of this one.
const threadsOutput = execFileSync(process.execPath, [here('./threads.mjs'), '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  .trimEnd().split('\n');
const threads = JSON.parse(threadsOutput.pop());
console.log(`\n${threadsOutput.join('\n')}`);
const ratios = keyRatios(results);
console.log(`\n${formatKeyRatios(ratios, PROCESSES)}`);
const totalSeconds = (Date.now() - startedAt) / 1000;
const loadAverageAtEnd = os.loadavg()[0];
console.log(`\n${warnings.length ? `${warnings.length} warning(s), see above.` : 'All plain-JS results equal the library results.'} ` +
  `Total time ${totalSeconds.toFixed(0)} s; 1-minute load average at the end ${loadAverageAtEnd.toFixed(2)}.`);

const loadOf = (children) => ({
  simd: children.simd.map((child) => child.loadAverageAtEnd), scalar: children.scalar.map((child) => child.loadAverageAtEnd),
});
const childLoad = { ...Object.fromEntries([...childrenBySize].map(([n, children]) => [n, loadOf(children)])), multiclass: loadOf(multiclassChildren), families: loadOf(familyChildren) };
writeFileSync(here('./results.json'), `${JSON.stringify({
  generatedAt: new Date().toISOString(), machine, processesPerSize: PROCESSES, scalarProcessesPerSize: SCALAR_PROCESSES,
  sizes: SIZES, multiclassSizes: Object.fromEntries(MULTICLASS_CASES.map((kase) => [kase.id, kase.n])),
  familySizes: Object.fromEntries(FAMILY_CASES.map((kase) => [kase.id, kase.n])),
  results, startup, bundleSizes, keyRatios: ratios, warnings, totalSeconds, threads,
  loadAverageAtEndOfEachChild: childLoad, loadAverageAtEnd,
}, null, 2)}\n`);
progress('wrote bench/results.json');
