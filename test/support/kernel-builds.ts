// Kernel builds in tests. A comparison runs each build through withKernelBuild,
// which restores the build that was active before, so a run that starts scalar
// (WASM_METRICS_BUILD=scalar) stays scalar. The Workers entry ships only the SIMD
// module: there the SIMD = scalar comparisons are skipped, not faked.
import { MetricError } from '../../src/index.js';
import type { KernelBuild } from '../../src/wasm/exports.js';
import { kernelBuild, useKernelBuild } from '../../src/wasm/runtime.js';

/** The build this runtime started with: its own choice, or scalar when forced. */
export const initialKernelBuild: KernelBuild = kernelBuild();

/** Runs `action` with `build` active, then switches back to the build active before. */
export function withKernelBuild<T>(build: KernelBuild, action: () => T): T {
  const previous = kernelBuild();
  useKernelBuild(build);
  try {
    return action();
  } finally {
    useKernelBuild(previous);
  }
}

function available(build: KernelBuild): boolean {
  try {
    withKernelBuild(build, () => undefined);
    return true;
  } catch (error) {
    if (error instanceof MetricError && error.code === 'WASM_UNAVAILABLE') return false;
    throw error;
  }
}

/** Whether both builds load here, so SIMD = scalar can be checked. */
export const bothKernelBuilds: boolean = available('simd') && available('scalar');
