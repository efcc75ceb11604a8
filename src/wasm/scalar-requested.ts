// WASM_METRICS_BUILD=scalar selects the scalar kernels in Node and Bun (for
// benchmarking the fallback). Browsers have no process, and Deno's process.env
// throws without --allow-env; either way there is no override.

type ProcessLike = { env?: Record<string, string | undefined> };

export function scalarRequested(): boolean {
  try {
    return (globalThis as { process?: ProcessLike }).process?.env?.WASM_METRICS_BUILD === 'scalar';
  } catch {
    return false;
  }
}
