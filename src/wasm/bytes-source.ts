// A kernel source over the modules' bytes, wherever they come from (embedded
// text, or the .wasm files beside the Node entries): the SIMD build is used
// where the engine compiles it, and only the builds in use are compiled (each once).
import type { KernelBuild } from './exports.js';
import { registerKernelSource, type KernelSource } from './runtime.js';
import { MetricError } from '../errors.js';

/** A build's module bytes; undefined when they are damaged. */
export type KernelBytes = (build: KernelBuild) => Uint8Array<ArrayBuffer> | undefined;

/** Browsers may refuse synchronous compilation and instantiation of large modules on the main thread (RangeError). */
function unlessRefused<T>(create: () => T): T | undefined {
  try {
    return create();
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

export function kernelSourceFromBytes(bytesOrUndefined: KernelBytes, preferScalar: boolean): KernelSource {
  const bytesOf = (build: KernelBuild) => {
    const bytes = bytesOrUndefined(build);
    if (!bytes) throw new MetricError('WASM_UNAVAILABLE', `The embedded ${build} kernels are damaged.`);
    return bytes;
  };
  const compiled = new Map<KernelBuild, WebAssembly.Module>();

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

/** Registers the kernels in `bytesOf`; resolves once they are instantiated (at once where synchronous compilation is allowed). */
export function registerKernelBytes(bytesOf: KernelBytes, preferScalar: boolean): Promise<void> {
  return registerKernelSource(kernelSourceFromBytes(bytesOf, preferScalar));
}
