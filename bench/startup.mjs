// Start-up cost, as the median over fresh node processes (a warm process
// would hide module compilation and lazy loading). The probes of one round run
// back to back, so background load affects them alike.
// `node bench/startup.mjs` (after npm run build) prints this section alone.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './harness.mjs';

const PROBE = fileURLToPath(new URL('./startup-probe.mjs', import.meta.url));
export const STARTUP_PROCESSES = 15;
/** Budget from import to the first AUC result, for each way of loading the library. */
export const STARTUP_BUDGET_MS = 10;
const MODES = ['library', 'require', 'portable', 'wasm', 'loader', 'empty', 'compile'];
const NODE_FLAGS = { compile: ['--experimental-vm-modules', '--no-warnings'] };

function runProbe(mode) {
  return JSON.parse(execFileSync(process.execPath, [...(NODE_FLAGS[mode] ?? []), PROBE, mode], { encoding: 'utf8' }));
}

function summarise(samples, field) {
  const values = samples.map((sample) => sample[field]);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function measureStartup(processes = STARTUP_PROCESSES) {
  const loadAverageAtStart = os.loadavg()[0];
  const samplesByMode = Object.fromEntries(MODES.map((mode) => [mode, []]));
  for (let round = 0; round < processes; round++) {
    for (const mode of MODES) samplesByMode[mode].push(runProbe(mode));
  }
  const results = { budgetMs: STARTUP_BUDGET_MS, loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg()[0] } };
  for (const mode of MODES) {
    const samples = samplesByMode[mode];
    results[mode] = { processes, ms: summarise(samples, 'ms'), samples };
    if ('importMs' in samples[0]) results[mode].importMs = summarise(samples, 'importMs');
    if ('cpuMs' in samples[0]) results[mode].cpuMs = summarise(samples, 'cpuMs');
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { formatStartup } = await import('./report.mjs');
  console.log(formatStartup(measureStartup()));
}
