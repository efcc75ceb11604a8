// Start-up cost, as the median over fresh node processes (a warm process
// would hide module compilation and lazy loading).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './harness.mjs';

const PROBE = fileURLToPath(new URL('./startup-probe.mjs', import.meta.url));
export const STARTUP_PROCESSES = 9;

function runProbe(mode) {
  return JSON.parse(execFileSync(process.execPath, [PROBE, mode], { encoding: 'utf8' }));
}

function summarise(samples, field) {
  const values = samples.map((sample) => sample[field]);
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function measureStartup(processes = STARTUP_PROCESSES) {
  const results = {};
  for (const mode of ['library', 'wasm', 'loader']) {
    const samples = Array.from({ length: processes }, () => runProbe(mode));
    results[mode] = { processes, ms: summarise(samples, 'ms'), samples };
    if ('importMs' in samples[0]) results[mode].importMs = summarise(samples, 'importMs');
  }
  return results;
}
