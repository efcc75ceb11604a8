// Runs rows-child.mjs in fresh node processes, one after another (never in
// parallel: on 2 cores concurrent children would time each other's load).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./rows-child.mjs', import.meta.url));

/** One child at size n; build 'scalar' forces the scalar kernels, 'default' leaves the library's choice (SIMD). */
export function runChild(n, build) {
  const args = [CHILD, String(n)];
  if (build === 'scalar') args.push('--library-only');
  // An undefined value removes the variable, so a WASM_METRICS_BUILD set by the caller cannot leak in.
  const env = { ...process.env, WASM_METRICS_BUILD: build === 'scalar' ? 'scalar' : undefined };
  return JSON.parse(execFileSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 24 }));
}

/**
 * `processes` default-build children (library + plain JS) and `scalarProcesses`
 * scalar-build children (library only) at size n, alternating between the two
 * kinds so that slow drifts in background load spread over both.
 */
export function runChildren(n, { processes, scalarProcesses, onStart = () => {} }) {
  const simd = [], scalar = [];
  for (let index = 0; index < Math.max(processes, scalarProcesses); index++) {
    if (index < processes) {
      onStart(`default build, library + plain JS, process ${index + 1}/${processes}`);
      simd.push(runChild(n, 'default'));
    }
    if (index < scalarProcesses) {
      onStart(`scalar build, library only, process ${index + 1}/${scalarProcesses}`);
      scalar.push(runChild(n, 'scalar'));
    }
  }
  return { simd, scalar };
}
