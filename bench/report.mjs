// Text output: machine description, one table per case and size, start-up
// numbers and the headline ratios.
import os from 'node:os';
import { PRIME_CALLS, PRIME_LENGTH, WARMUP_MIN_CALLS, WARMUP_MIN_MS } from './harness.mjs';

const GIB = 1024 ** 3;

export function describeMachine(tfInfo, builds, loadAverageAtStart) {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown', logicalCores: cpus.length,
    totalMemoryGiB: +(os.totalmem() / GIB).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version, v8: process.versions.v8,
    kernelBuild: builds.simd, scalarKernelBuild: builds.scalar,
    tfjs: tfInfo,
    loadAverageAtStart,
  };
}

export function formatMachine(machine, { processes, scalarProcesses }) {
  const { tfjs } = machine;
  return [
    'wasm-metrics benchmark',
    `CPU: ${machine.cpuModel}, ${machine.logicalCores} logical cores, ${machine.totalMemoryGiB} GiB RAM, ${machine.os}`,
    `Node ${machine.node}, V8 ${machine.v8}, TF.js ${tfjs.version} (wasm backend: SIMD ${onOff(tfjs.wasmSimd)}, threads ${onOff(tfjs.wasmThreads)})`,
    `Library kernel build: ${machine.kernelBuild} (default child processes); ${machine.scalarKernelBuild} (child processes with WASM_METRICS_BUILD=scalar)`,
    `1-minute load average at start: ${machine.loadAverageAtStart.toFixed(2)} (other processes on the machine skew timings)`,
    'Method: library and plain-JS numbers come from fresh child processes, run one after another. Per size:',
    `  ${processes} processes of the default build time the library and plain-JS rows of every case, and`,
    `  ${scalarProcesses} processes with WASM_METRICS_BUILD=scalar time the library rows only (alternating with the former).`,
    '  TF.js rows are timed once, in the parent process. The same seeded data in every process.',
    '  The multiclass, crossentropy and hinge cases run the same way in their own child processes, each at its own size.',
    `  In a process each implementation is primed with ${PRIME_CALLS} calls on ${PRIME_LENGTH} samples (so V8 optimises it`,
    `  normally rather than by on-stack replacement), warmed up for >= ${WARMUP_MIN_CALLS} calls and >= ${WARMUP_MIN_MS} ms, then timed:`,
    '  median of 15 calls (9 for calls over 100 ms; 7, or 3 for TF.js, over 400 ms). Within a process the library and',
    '  plain-JS rows of a case are timed in interleaved rounds, so background load affects them alike.',
    '  "median ms" = median over processes of the per-process medians; "range ms" = min-max of those per-process medians',
    '  (TF.js rows: single process, min-max of its calls); "procs x reps" = processes x timed calls in each.',
    '  Library calls are resetState + updateState(Float32Arrays) + result, so they include the copy into wasm memory;',
    '  TF.js calls include creating the tensors from the same arrays.',
    '  "SIMD lib x" = how many times faster the SIMD library is. Plain-JS rows: median over processes of (plain-JS median /',
    '  library median in the same process), "x range" = min-max of those per-process ratios. Scalar and TF.js rows: the',
    '  row\'s median / the library\'s median across processes (timed in different processes).',
  ].join('\n');
}

const onOff = (flag) => (flag ? 'on' : 'off');

function formatMs(ms) {
  if (ms < 10) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(1);
}

function formatRate(samplesPerSecond) {
  const millions = samplesPerSecond / 1e6;
  return millions < 100 ? millions.toFixed(1) : millions.toFixed(0);
}

export function formatRatio(ratio) {
  return ratio < 10 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(1)}x`;
}

function table(headers, lines, rightAligned) {
  const widths = headers.map((header, column) => Math.max(header.length, ...lines.map((line) => line[column].length)));
  const render = (cells) => cells.map((cell, column) =>
    rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])).join('  ').trimEnd();
  return [render(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(render)].join('\n');
}

function formatRuns(row) {
  if (row.rangeOf !== 'processes') return `1x${row.reps}`;
  const low = Math.min(...row.reps), high = Math.max(...row.reps);
  return `${row.processCount}x${low === high ? low : `${low}-${high}`}`;
}

export function formatCaseTable(title, n, rows) {
  const headers = ['implementation', 'median ms', 'range ms', 'procs x reps', 'M samples/s', 'SIMD lib x', 'x range', 'result', 'check'];
  const lines = rows.map((row) => row.skipped
    ? [row.implementation, 'skipped', '', '', '', '', '', '', row.skipped]
    : [
      row.implementation, formatMs(row.medianMs), `${formatMs(row.minMs)}-${formatMs(row.maxMs)}`, formatRuns(row),
      formatRate(row.samplesPerSecond), row.speedup === undefined ? '' : formatRatio(row.speedup),
      row.speedupMin === undefined ? '' : `${formatRatio(row.speedupMin)}-${formatRatio(row.speedupMax)}`,
      String(row.value), row.check,
    ]);
  const heading = `${title} -- N = ${n.toLocaleString('en-US')}`;
  return `${heading}\n${table(headers, lines, [false, true, true, true, true, true, true, false, false])}`;
}

export function formatStartup(startup) {
  const describe = (entry) => `${entry.median.toFixed(2)} ms (min ${entry.min.toFixed(2)}, max ${entry.max.toFixed(2)})`;
  const budget = (entry) => `${entry.median <= startup.budgetMs ? 'within' : 'OVER'} the ${startup.budgetMs} ms budget`;
  const firstResult = (label, entry) => [
    `  ${label} ${describe(entry.ms)}, ${budget(entry.ms)}`,
    `      of which the import itself:                                 ${describe(entry.importMs)}`,
    `      CPU time of the process's threads over the same span:       ${describe(entry.cpuMs)}`,
  ];
  const load = `1-minute load average ${startup.loadAverage.atStart.toFixed(2)} at the start, ${startup.loadAverage.atEnd.toFixed(2)} at the end`;
  return [
    `Start-up, median over ${startup.library.processes} fresh node processes (${load}):`,
    ...firstResult('(a) import(\'../dist/index.js\') -> first AUC result on 1000 samples:', startup.library),
    ...firstResult('(b) require(\'../dist/index.cjs\') -> first AUC result:           ', startup.require),
    ...firstResult('(c) import(\'../dist/portable.js\') -> first AUC result:          ', startup.portable),
    `  (d) WebAssembly.instantiate(build/kernels.simd.wasm bytes):        ${describe(startup.wasm.ms)}`,
    `  (e) @assemblyscript/loader instantiate(same bytes):                ${describe(startup.loader.ms)}`,
    `      (importing @assemblyscript/loader beforehand, not included:   ${describe(startup.loader.importMs)})`,
    'Where (a) goes, measured apart in fresh processes (the floor the bundle\'s size and Node set):',
    `  (f) import() of a module file exporting one constant:               ${describe(startup.empty.ms)}`,
    `  (g) V8 compiling dist/index.js and its chunk, not running them:    ${describe(startup.compile.ms)}` +
      ` (${(startup.compile.samples[0].characters / 1000).toFixed(0)} K characters)`,
  ].join('\n');
}

export function formatKeyRatios(ratios, processes) {
  const describe = ({ ratio, min, max, perProcess, target }) => {
    if (ratio === undefined) return 'n/a';
    const goal = target === undefined ? '' : `  (target >= ${target}x: ${ratio >= target ? 'met' : 'not met'})`;
    if (perProcess) return `${formatRatio(ratio).padStart(6)}  range ${formatRatio(min)}-${formatRatio(max)} over ${perProcess.length} processes${goal}`;
    return `${formatRatio(ratio).padStart(6)}  (TF.js: single process)`;
  };
  return [
    'Key ratios at N = 10,000,000 samples, CategoricalAccuracy at 1,000,000 rows x 10 classes (how many times faster the SIMD library is):',
    `  vs plain JS: median over ${processes} processes of (plain-JS median / library median in the same process), min-max over those processes;`,
    `  vs TF.js: TF.js median (one run in the parent process) / the library's median across the ${processes} processes.`,
    ...ratios.map((entry) => `  ${entry.label.padEnd(58)} ${describe(entry)}`),
  ].join('\n');
}
