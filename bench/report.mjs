// Text output: machine description, one table per case and size, start-up
// numbers and the headline ratios.
import os from 'node:os';
import { PRIME_CALLS, PRIME_LENGTH, WARMUP_MIN_CALLS, WARMUP_MIN_MS } from './harness.mjs';

const GIB = 1024 ** 3;

export function describeMachine(lib, tfInfo) {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown', logicalCores: cpus.length,
    totalMemoryGiB: +(os.totalmem() / GIB).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version, v8: process.versions.v8,
    kernelBuild: lib.kernelBuild(),
    tfjs: tfInfo,
    loadAverageAtStart: os.loadavg()[0],
  };
}

export function formatMachine(machine, scalarBuild) {
  const { tfjs } = machine;
  return [
    'wasm-metrics benchmark',
    `CPU: ${machine.cpuModel}, ${machine.logicalCores} logical cores, ${machine.totalMemoryGiB} GiB RAM, ${machine.os}`,
    `Node ${machine.node}, V8 ${machine.v8}, TF.js ${tfjs.version} (wasm backend: SIMD ${onOff(tfjs.wasmSimd)}, threads ${onOff(tfjs.wasmThreads)})`,
    `Library kernel build: ${machine.kernelBuild} (main process); ${scalarBuild} (child process, WASM_METRICS_BUILD=scalar)`,
    `1-minute load average at start: ${machine.loadAverageAtStart.toFixed(2)} (other processes on the machine skew timings)`,
    'Method: same process and data for every row; each implementation is first primed with',
    `  ${PRIME_CALLS} calls on ${PRIME_LENGTH} samples (so V8 optimises it normally rather than by on-stack replacement),`,
    `  then warmed up for >= ${WARMUP_MIN_CALLS} calls and >= ${WARMUP_MIN_MS} ms,`,
    '  then timed: median of 15 calls (9 for calls over 100 ms; 7, or 3 for TF.js, over 400 ms). The library and plain-JS',
    '  rows of a case are timed in interleaved rounds, so background load on the machine affects them alike.',
    '  Library calls are resetState + updateState(Float32Arrays) + result, so they include the copy into wasm memory;',
    '  TF.js calls include creating the tensors from the same arrays.',
    '  "SIMD lib x" = this row\'s median / the SIMD library\'s median (how many times faster the library is).',
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

export function formatCaseTable(title, n, rows) {
  const headers = ['implementation', 'median ms', 'min-max ms', 'reps', 'M samples/s', 'SIMD lib x', 'result', 'check'];
  const lines = rows.map((row) => row.skipped
    ? [row.implementation, 'skipped', '', '', '', '', '', row.skipped]
    : [
      row.implementation, formatMs(row.medianMs), `${formatMs(row.minMs)}-${formatMs(row.maxMs)}`, String(row.reps),
      formatRate(row.samplesPerSecond), row.speedup === undefined ? '' : formatRatio(row.speedup), String(row.value), row.check,
    ]);
  const heading = `${title} -- N = ${n.toLocaleString('en-US')}`;
  return `${heading}\n${table(headers, lines, [false, true, true, true, true, true, false, false])}`;
}

export function formatStartup(startup) {
  const describe = (entry) => `${entry.median.toFixed(2)} ms (min ${entry.min.toFixed(2)}, max ${entry.max.toFixed(2)})`;
  return [
    `Start-up, median over ${startup.library.processes} fresh node processes:`,
    `  (a) import('../dist/index.js') -> first AUC result on 1000 samples: ${describe(startup.library.ms)}`,
    `      of which the import itself:                                 ${describe(startup.library.importMs)}`,
    `  (b) WebAssembly.instantiate(build/kernels.simd.wasm bytes):        ${describe(startup.wasm.ms)}`,
    `  (c) @assemblyscript/loader instantiate(same bytes):                ${describe(startup.loader.ms)}`,
    `      (importing @assemblyscript/loader beforehand, not included:   ${describe(startup.loader.importMs)})`,
  ].join('\n');
}

export function formatKeyRatios(ratios) {
  return ['Key ratios at N = 10,000,000 (median time of the baseline / median time of the SIMD library):',
    ...ratios.map(({ label, ratio }) => `  ${label.padEnd(62)} ${ratio === undefined ? 'n/a' : formatRatio(ratio)}`)].join('\n');
}
