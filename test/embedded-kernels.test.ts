// How the embedded kernels are chosen and loaded where the engine differs from
// Node's: no SIMD (the SIMD module fails to compile), and browsers' main threads
// that refuse to compile large modules synchronously (RangeError). Each test
// loads fresh copies of the loader modules with WebAssembly.Module replaced.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { simdKernels } from '../src/wasm/generated/kernels.js';

const RealModule = WebAssembly.Module;

/** Replaces WebAssembly.Module so that compiling the SIMD kernels synchronously throws `error`. */
function refuseSimdModule(error: () => Error): void {
  const Module = function Module(bytes: BufferSource) {
    if ((bytes as Uint8Array).length === simdKernels.length) throw error();
    return new RealModule(bytes);
  } as unknown as typeof WebAssembly.Module;
  Module.prototype = RealModule.prototype;
  WebAssembly.Module = Module;
}

/** Fresh loader and runtime modules, registered the way the entries do. */
async function freshRegistration() {
  vi.resetModules();
  const { registerEmbeddedKernels } = await import('../src/wasm/embedded.js');
  const runtime = await import('../src/wasm/runtime.js');
  const registered = registerEmbeddedKernels();
  return { runtime, registered };
}

afterEach(() => {
  WebAssembly.Module = RealModule;
  vi.resetModules();
});

describe('embedded kernel source', () => {
  test('an engine without SIMD gets the scalar build, which computes', async () => {
    refuseSimdModule(() => new WebAssembly.CompileError('invalid opcode 0xfd'));
    const { runtime, registered } = await freshRegistration();
    await registered;
    expect(runtime.kernelBuild()).toBe('scalar');
    const { AUC } = await import('../src/metrics/auc.js');
    const auc = new AUC();
    auc.updateState([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.65, 0.9]);
    expect(auc.result()).toBeCloseTo(7 / 9, 12);
  });

  test('where synchronous compilation is refused, the SIMD build arrives asynchronously before ready() resolves', async () => {
    refuseSimdModule(() => new RangeError('WebAssembly.Module(): Buffer size exceeds the limit for sync compile'));
    const { runtime, registered } = await freshRegistration();
    expect(() => runtime.arena()).toThrow(expect.objectContaining({ code: 'WASM_UNAVAILABLE' }));
    await runtime.ready();
    await registered;
    expect(runtime.kernelBuild()).toBe('simd');
    expect(runtime.arena()).toBeDefined();
  });
});
