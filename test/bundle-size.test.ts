// Size of the core bundle: the entries that embed the kernels, bundled and
// minified by esbuild and gzipped at level 9, with both kernel builds in, held to
// the 60 KB budget (scripts/bundle-size.mjs). The scikit-learn functions are the
// 'wasm-metrics/sklearn' entry and must stay out of it.
import { describe, expect, test } from 'vitest';
import { BUNDLE_BUDGET_GZIP_BYTES, bundleSize } from '../scripts/bundle-size.mjs';
import { scalarKernels, simdKernels } from '../src/wasm/generated/kernels.js';

describe('core bundle size', () => {
  for (const entry of ['src/index.ts', 'src/portable.ts']) {
    test(`${entry} stays within ${BUNDLE_BUDGET_GZIP_BYTES} bytes gzipped`, async () => {
      const { code, gzip } = await bundleSize(new URL(`../${entry}`, import.meta.url).pathname);
      expect(code.includes(simdKernels.text), 'SIMD kernels embedded').toBe(true);
      expect(code.includes(scalarKernels.text), 'scalar kernels embedded').toBe(true);
      expect(code.includes('rocAucConfidenceInterval'), 'no scikit-learn functions').toBe(false);
      expect(gzip).toBeLessThanOrEqual(BUNDLE_BUDGET_GZIP_BYTES);
    });
  }
});
