// Runs a child entry (rows-child.mjs or multiclass-child.mjs) in fresh node
// processes, one after another (never in parallel: on 2 cores concurrent
// children would time each other's load).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const childPath = (entry) => fileURLToPath(new URL(entry, import.meta.url));

/** One child; build 'scalar' forces the scalar kernels, 'default' leaves the library's choice (SIMD). */
export function runChild(entry, args, build) {
  const childArgs = [childPath(entry), ...args];
  if (build === 'scalar') childArgs.push('--library-only');
  // An undefined value removes the variable, so a WASM_METRICS_BUILD set by the caller cannot leak in.
  const env = { ...process.env, WASM_METRICS_BUILD: build === 'scalar' ? 'scalar' : undefined };
  return JSON.parse(execFileSync(process.execPath, childArgs, { env, encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/**
 * `processes` default-build children (library + plain JS) and `scalarProcesses`
 * scalar-build children (library only) of `entry` with `args`, alternating
 * between the two kinds so that slow drifts in background load spread over both.
 */
export function runChildren(entry, args, { processes, scalarProcesses, onStart = () => {} }) {
  const simd = [], scalar = [];
  for (let index = 0; index < Math.max(processes, scalarProcesses); index++) {
    if (index < processes) {
      onStart(`default build, library + plain JS, process ${index + 1}/${processes}`);
      simd.push(runChild(entry, args, 'default'));
    }
    if (index < scalarProcesses) {
      onStart(`scalar build, library only, process ${index + 1}/${scalarProcesses}`);
      scalar.push(runChild(entry, args, 'scalar'));
    }
  }
  return { simd, scalar };
}
