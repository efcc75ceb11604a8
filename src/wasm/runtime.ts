// Holds the instantiated kernels. Entry points register how to obtain the
// module (embedded bytes, or a precompiled WebAssembly.Module on Workers);
// metrics ask for the arena when they first compute.
import { Arena } from './arena.js';
import type { KernelBuild, KernelExports } from './exports.js';
import { MetricError } from '../errors.js';

export interface KernelSource {
  /** The preferred build for this runtime: SIMD where supported, else scalar. */
  readonly build: KernelBuild;
  /** Synchronous instantiation, or undefined where the runtime forbids it (large modules on a browser main thread). */
  instantiateSync(build: KernelBuild): WebAssembly.Instance | undefined;
  instantiate(build: KernelBuild): Promise<WebAssembly.Instance>;
}

let source: KernelSource | undefined;
const arenas = new Map<KernelBuild, Arena>();
let activeBuild: KernelBuild | undefined;
let pending: Promise<void> | undefined;

function arenaOf(instance: WebAssembly.Instance): Arena {
  return new Arena(instance.exports as unknown as KernelExports);
}

/** Registers the module source and instantiates the preferred build (synchronously when allowed). */
export function registerKernelSource(kernelSource: KernelSource): Promise<void> {
  source = kernelSource;
  activeBuild = kernelSource.build;
  const instance = kernelSource.instantiateSync(activeBuild);
  if (instance) {
    arenas.set(activeBuild, arenaOf(instance));
    pending = Promise.resolve();
  } else {
    const build = activeBuild;
    pending = kernelSource.instantiate(build).then((asyncInstance) => {
      arenas.set(build, arenaOf(asyncInstance));
    });
  }
  return pending;
}

/** Resolves once the kernels are ready. Only needed where synchronous compilation is not allowed. */
export function ready(): Promise<void> {
  return pending ?? Promise.reject(new MetricError('WASM_UNAVAILABLE', 'No WebAssembly kernel source is registered.'));
}

/** Which kernel build metrics use now. */
export function kernelBuild(): KernelBuild {
  if (!activeBuild) throw new MetricError('WASM_UNAVAILABLE', 'No WebAssembly kernel source is registered.');
  return activeBuild;
}

/** Switches every metric to the given build (for testing and benchmarking the scalar fallback). */
export function useKernelBuild(build: KernelBuild): void {
  if (!source) throw new MetricError('WASM_UNAVAILABLE', 'No WebAssembly kernel source is registered.');
  if (!arenas.has(build)) {
    const instance = source.instantiateSync(build);
    if (!instance) throw new MetricError('WASM_UNAVAILABLE', `The ${build} build cannot be instantiated synchronously here.`);
    arenas.set(build, arenaOf(instance));
  }
  activeBuild = build;
}

/** The arena of the active build. */
export function arena(): Arena {
  const current = activeBuild && arenas.get(activeBuild);
  if (!current) {
    throw new MetricError('WASM_UNAVAILABLE',
      'The WebAssembly kernels are still loading; `await ready()` (exported by wasm-metrics) before the first update.');
  }
  return current;
}
