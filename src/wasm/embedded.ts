// Kernel source for every runtime that may compile WebAssembly from bytes
// (Node, Deno, Bun, browsers, worker threads): both builds are embedded as
// text; the SIMD one is used where the engine compiles it, and only the
// builds in use are decoded and compiled (each once).
import { scalarKernels, simdKernels } from './generated/kernels.js';
import type { KernelBuild } from './exports.js';
import { decodePrintable } from './printable-bytes.js';
import { registerKernelSource, type KernelSource } from './runtime.js';

const encoded = { simd: simdKernels, scalar: scalarKernels };
const decoded = new Map<KernelBuild, Uint8Array<ArrayBuffer>>();
const compiled = new Map<KernelBuild, WebAssembly.Module>();

function bytesOf(build: KernelBuild): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(build);
  if (!bytes) decoded.set(build, (bytes = decodePrintable(encoded[build].text, encoded[build].length)));
  return bytes;
}

/** Browsers may refuse synchronous compilation and instantiation of large modules on the main thread (RangeError). */
function unlessRefused<T>(create: () => T): T | undefined {
  try {
    return create();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function compileSync(build: KernelBuild): WebAssembly.Module | undefined {
  let module = compiled.get(build);
  if (!module) {
    module = unlessRefused(() => new WebAssembly.Module(bytesOf(build)));
    if (module) compiled.set(build, module);
  }
  return module;
}

/** Compiling the SIMD build is the feature test (one compilation instead of a validation and a compilation). */
function simdSupported(): boolean {
  try {
    return compileSync('simd') !== undefined || WebAssembly.validate(bytesOf('simd'));
  } catch (error) {
    if (error instanceof WebAssembly.CompileError) return false;
    throw error;
  }
}

function embeddedSource(preferScalar: boolean): KernelSource {
  return {
    build: !preferScalar && simdSupported() ? 'simd' : 'scalar',
    instantiateSync(build) {
      const module = compileSync(build);
      return module && unlessRefused(() => new WebAssembly.Instance(module, {}));
    },
    async instantiate(build) {
      const module = compiled.get(build);
      if (module) return WebAssembly.instantiate(module, {});
      return (await WebAssembly.instantiate(bytesOf(build), {})).instance;
    },
  };
}

/** Registers the embedded kernels; resolves once they are instantiated (at once where synchronous compilation is allowed). */
export function registerEmbeddedKernels(preferScalar = false): Promise<void> {
  return registerKernelSource(embeddedSource(preferScalar));
}
