// Kernel registration for the default ESM entries ('wasm-metrics' and
// 'wasm-metrics/sklearn' in Node and Bun): the .wasm files beside the entry,
// or, where they are not there, the embedded text, which is loaded only then.
// WASM_METRICS_BUILD is honoured. Both entries call it; the first registers.
import { kernelSourceFromBytes } from './bytes-source.js';
import { kernelFilesIn } from './kernel-files.js';
import { registerKernelSource } from './runtime.js';
import { scalarRequested } from './scalar-requested.js';

let registration: Promise<void> | undefined;

async function register(directory: URL): Promise<void> {
  const preferScalar = scalarRequested();
  const files = kernelFilesIn(directory);
  if (files) return registerKernelSource(kernelSourceFromBytes(files, preferScalar));
  const { embeddedKernelBytes } = await import('./embedded-bytes.js');
  return registerKernelSource(kernelSourceFromBytes(embeddedKernelBytes, preferScalar));
}

/** Registers the kernels found beside the entry at `entryUrl` (its import.meta.url); resolves once they are instantiated. */
export function registerDefaultKernels(entryUrl: string): Promise<void> {
  return (registration ??= register(new URL('.', entryUrl)));
}
