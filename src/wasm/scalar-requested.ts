// WASM_METRICS_BUILD=scalar selects the scalar kernels in Node and Bun (for
// benchmarking the fallback). Only the entries for those runtimes read it: Deno
// would ask for an environment permission, and browsers have no process.

type ProcessLike = { env?: Record<string, string | undefined> };

export function scalarRequested(): boolean {
  return (globalThis as { process?: ProcessLike }).process?.env?.WASM_METRICS_BUILD === 'scalar';
}
