// Kernel source for Node, Deno, Bun, browsers and worker_threads: both builds
// are embedded as base64 and the SIMD one is chosen when the engine validates it.
import { simdBase64, scalarBase64 } from './generated/kernels.js';
import type { KernelBuild } from './exports.js';
import { registerKernelSource, type KernelSource } from './runtime.js';

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const bytes: Record<KernelBuild, Uint8Array<ArrayBuffer>> = { simd: decodeBase64(simdBase64), scalar: decodeBase64(scalarBase64) };

function scalarForced(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.WASM_METRICS_BUILD === 'scalar';
}

export const embeddedSource: KernelSource = {
  build: !scalarForced() && WebAssembly.validate(bytes.simd) ? 'simd' : 'scalar',
  instantiateSync(build) {
    try {
      return new WebAssembly.Instance(new WebAssembly.Module(bytes[build]), {});
    } catch (error) {
      // Browsers refuse synchronous compilation of modules over 4 KB on the main thread.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  },
  async instantiate(build) {
    return (await WebAssembly.instantiate(bytes[build], {})).instance;
  },
};

export const embeddedReady = registerKernelSource(embeddedSource);
