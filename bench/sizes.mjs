// Bundle sizes against the budget test/bundle-size.test.ts enforces: the
// entries that embed both kernel builds, bundled and minified by esbuild and
// gzipped at level 9, and the published files as they are.
// `node bench/sizes.mjs` (after npm run build) prints this section alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { BUNDLE_BUDGET_GZIP_BYTES, bundleSize } from '../scripts/bundle-size.mjs';

const at = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const PUBLISHED = ['dist/index.js', 'dist/index.cjs', 'dist/portable.js', 'dist/workerd.js', 'dist/kernels.simd.wasm',
  'dist/sklearn.js', 'dist/chunks/require.cjs'];
// The core with the 'wasm-metrics/sklearn' entry: reported, not held to the budget.
const COMBINED = ['src/index.ts', 'src/sklearn.ts'];

export async function measureSizes() {
  const bundles = [];
  for (const entry of ['src/index.ts', 'src/portable.ts']) {
    const { minified, gzip } = await bundleSize(at(entry));
    bundles.push({ entry, minified, gzip });
  }
  const combined = await bundleSize(COMBINED.map(at));
  const withSklearn = { entry: COMBINED.join('+'), minified: combined.minified, gzip: combined.gzip };
  const published = PUBLISHED.map((file) => {
    const bytes = readFileSync(at(file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { budgetGzipBytes: BUNDLE_BUDGET_GZIP_BYTES, bundles, withSklearn, published };
}

export function formatSizes({ budgetGzipBytes, bundles, withSklearn, published }) {
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const against = (gzip, limit) => `${gzip <= limit ? 'within' : 'OVER'} by ${kb(Math.abs(limit - gzip))}`;
  return [
    `Core bundle (esbuild --bundle --minify, gzip -9; both kernel builds embedded): budget ${kb(budgetGzipBytes)}, ` +
      'enforced by test/bundle-size.test.ts:',
    ...bundles.map(({ entry, minified, gzip }) =>
      `  ${entry.padEnd(16)} ${kb(minified).padStart(9)} minified, ${kb(gzip).padStart(8)} gzip: budget ${against(gzip, budgetGzipBytes)}`),
    ...(withSklearn ? [`  ${withSklearn.entry} (core and 'wasm-metrics/sklearn' together): ${kb(withSklearn.minified)} minified, ` +
      `${kb(withSklearn.gzip)} gzip`] : []),
    'Published files (gzip -9):',
    ...published.map(({ file, bytes, gzip }) => `  ${file.padEnd(22)} ${kb(bytes).padStart(9)}, ${kb(gzip).padStart(8)} gzip`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatSizes(await measureSizes()));
