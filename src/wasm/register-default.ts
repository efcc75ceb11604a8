// Kernel registration for the default ESM entries ('wasm-metrics' and
// 'wasm-metrics/sklearn' in Node and Bun): the .wasm files beside the entry,
// or, where they are not there, the embedded text, which is loaded only then.
// WASM_METRICS_BUILD is honoured. Both entries call it; the first registers.
import { registerKernelBytes } from './bytes-source.js';
import { kernelFilesIn } from './kernel-files.js';
import { scalarRequested } from './scalar-requested.js';

let registration: Promise<void> | undefined;

async function register(directory: URL): Promise<void> {
  const bytes = kernelFilesIn(directory) ?? (await import('./embedded-bytes.js')).embeddedKernelBytes;
  return registerKernelBytes(bytes, scalarRequested());
}

/** Registers the kernels found beside the entry at `entryUrl` (its import.meta.url); resolves once they are instantiated. */
export function registerDefaultKernels(entryUrl: string): Promise<void> {
  return (registration ??= register(new URL('.', entryUrl)));
}
