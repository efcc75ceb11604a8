// Only in the forced-scalar project: the scalar kernels are really the ones in use.
import { expect, test } from 'vitest';
import { kernelBuild } from '../../src/index.js';

test('WASM_METRICS_BUILD=scalar makes the scalar build active', () => {
  expect(kernelBuild()).toBe('scalar');
});
