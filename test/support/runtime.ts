// Which JavaScript runtime the tests run in, from globals each one defines.

export type RuntimeName = 'node' | 'bun' | 'deno' | 'workerd' | 'browser';

export function runtimeName(): RuntimeName {
  const global = globalThis as { Bun?: unknown; Deno?: unknown; navigator?: { userAgent?: string }; document?: unknown; process?: { versions?: { node?: string } } };
  if (global.Bun) return 'bun';
  if (global.Deno) return 'deno';
  if (global.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (global.document) return 'browser';
  if (global.process?.versions?.node) return 'node';
  throw new Error('unknown JavaScript runtime');
}

/** True when the run forces the scalar kernels (WASM_METRICS_BUILD=scalar, where there is an environment). */
export function scalarForced(): boolean {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.WASM_METRICS_BUILD === 'scalar';
  } catch {
    // Deno without --allow-env: the library cannot read the variable either.
    return false;
  }
}
