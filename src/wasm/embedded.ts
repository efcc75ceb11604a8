// Kernel source for Node, Deno, Bun, browsers and worker_threads: both builds
// are embedded as base64; the SIMD one is chosen when the engine validates it,
// and only the build in use is decoded.
import { simdBase64, scalarBase64 } from './generated/kernels.js';
import type { KernelBuild } from './exports.js';
import { registerKernelSource, type KernelSource } from './runtime.js';

type NodeBuffer = { from(text: string, encoding: 'base64'): Uint8Array };

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  // Node's Buffer decodes natively; elsewhere atob is the portable way.
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (buffer) return new Uint8Array(buffer.from(text, 'base64'));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const encoded: Record<KernelBuild, string> = { simd: simdBase64, scalar: scalarBase64 };
const decoded = new Map<KernelBuild, Uint8Array<ArrayBuffer>>();

function bytesOf(build: KernelBuild): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(build);
  if (!bytes) decoded.set(build, (bytes = decodeBase64(encoded[build])));
  return bytes;
}

function scalarForced(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return env?.WASM_METRICS_BUILD === 'scalar';
  } catch {
    // Deno's process.env throws without --allow-env; no permission means no override.
    return false;
  }
}

export const embeddedSource: KernelSource = {
  build: !scalarForced() && WebAssembly.validate(bytesOf('simd')) ? 'simd' : 'scalar',
  instantiateSync(build) {
    try {
      return new WebAssembly.Instance(new WebAssembly.Module(bytesOf(build)), {});
    } catch (error) {
      // Browsers refuse synchronous compilation of modules over 4 KB on the main thread.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  },
  async instantiate(build) {
    return (await WebAssembly.instantiate(bytesOf(build), {})).instance;
  },
};

export const embeddedReady = registerKernelSource(embeddedSource);
