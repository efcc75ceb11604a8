// What each runtime of the test matrix loads: every target validates the SIMD
// build, so it is active unless the run forces the scalar one; on workerd the
// kernels come from the Workers entry's compiled module, since compiling bytes is refused.
import { describe, expect, test } from 'vitest';
import { AUC, kernelBuild } from '../src/index.js';
import { initialKernelBuild } from './support/kernel-builds.js';
import { runtimeName, scalarForced } from './support/runtime.js';

const runtime = runtimeName();

describe(`kernels on ${runtime}`, () => {
  test(`the ${scalarForced() ? 'scalar (forced)' : 'SIMD'} build is active`, () => {
    expect(initialKernelBuild).toBe(scalarForced() ? 'scalar' : 'simd');
    expect(kernelBuild()).toBe(initialKernelBuild);
  });

  test('a metric computes right after import', () => {
    const auc = new AUC({ numThresholds: 3 });
    auc.updateState([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    // Thresholds (-eps, 0.5, 1 + eps): TPR (1, 1/2, 0), FPR (1, 0, 0); trapezoids (1 - 0)(1 + 1/2)/2 + 0 = 0.75.
    expect(auc.result()).toBeCloseTo(0.75, 12);
  });

  test.skipIf(runtime !== 'workerd')('workerd refuses to compile WebAssembly from bytes', async () => {
    const emptyModule = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await expect(WebAssembly.compile(emptyModule)).rejects.toThrow(/disallowed/);
  });
});
