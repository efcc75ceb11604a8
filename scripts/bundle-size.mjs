// The size budget's measure: an entry bundled and minified by esbuild (what a
// consumer's bundler ships), then gzip at level 9. Deterministic for given sources.
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/**
 * The budget for each entry that embeds both kernel builds, enforced by
 * test/bundle-size.test.ts and reported by bench/sizes.mjs.
 */
export const BUNDLE_BUDGET_GZIP_BYTES = 60_000;

/**
 * Bytes of `entry` bundled and minified, and of that gzipped at level 9. `entry`
 * is a path, or several paths bundled as one module re-exporting them all.
 */
export async function bundleSize(entry) {
  const entries = Array.isArray(entry) ? entry : [entry];
  const input = entries.length === 1 ? { entryPoints: entries }
    : { stdin: { contents: entries.map((path) => `export * from ${JSON.stringify(path)};`).join('\n'), resolveDir: '.' } };
  const result = await esbuild.build({
    ...input, bundle: true, minify: true, format: 'esm', platform: 'neutral', target: 'es2022',
    legalComments: 'none', write: false, logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { code: result.outputFiles[0].text, minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

// `node scripts/bundle-size.mjs [entry...]` prints the sizes.
if (import.meta.url === `file://${process.argv[1]}`) {
  // A '+' joins entries measured as one bundle: src/index.ts+src/sklearn.ts.
  const entries = process.argv.length > 2 ? process.argv.slice(2) : ['src/index.ts', 'src/portable.ts', 'src/index.ts+src/sklearn.ts'];
  for (const entry of entries) {
    const { minified, gzip } = await bundleSize(entry.split('+').map((path) => resolve(path)));
    console.log(`${entry}: ${minified} B minified, ${gzip} B gzip -9`);
  }
}
