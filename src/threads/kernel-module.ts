// The kernels for the workers: the build the main thread uses, read from the
// .wasm file beside this bundle and compiled once per pool.
import { readFile } from 'node:fs/promises';
import { kernelBuild } from '../index.js';
import type { KernelWorkerData } from './protocol.js';

export async function compileKernels(): Promise<KernelWorkerData> {
  const build = kernelBuild();
  const bytes = await readFile(new URL(`./kernels.${build}.wasm`, import.meta.url));
  return { build, module: await WebAssembly.compile(new Uint8Array(bytes)) };
}

/** The worker entry beside this bundle. */
export const workerEntry = new URL('./threads-worker.js', import.meta.url).href;
