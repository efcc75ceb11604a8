// One project per runtime of the test matrix (scripts/test-matrix.mjs adds Bun and
// Deno). The portable suites run everywhere; the rest needs Node (files, processes, TF.js).
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import portableSuites from './test/runtimes/portable-suites.json' with { type: 'json' };
import { RuntimeSummaryReporter } from './test/runtimes/runtime-summary-reporter.js';

const workerdEntry = fileURLToPath(new URL('./src/workerd.ts', import.meta.url));
const workerdSklearnEntry = fileURLToPath(new URL('./src/sklearn-workerd.ts', import.meta.url));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ['default', new RuntimeSummaryReporter()],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/runtimes/**'] },
      },
      {
        extends: true,
        test: {
          name: 'node-scalar',
          include: [...portableSuites, 'test/runtimes/scalar-build.test.ts'],
          env: { WASM_METRICS_BUILD: 'scalar' },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: portableSuites,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium', name: 'chromium' }],
            // Debian's chromium: Playwright's own browser download is never needed.
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync'],
              },
            }),
          },
        },
      },
      {
        extends: true,
        plugins: [cloudflareTest({
          // Without a wrangler config the .wasm rule must be given, or Vite's own wasm plugin takes the import.
          miniflare: { compatibilityDate: '2025-09-01', modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }] },
        })],
        // The Workers entries (kernels imported as a compiled module) wherever the tests import the default ones.
        resolve: {
          alias: [
            { find: /^(\.\.\/)+src\/index\.js$/, replacement: workerdEntry },
            { find: /^(\.\.\/)+src\/sklearn\.js$/, replacement: workerdSklearnEntry },
          ],
        },
        test: { name: 'workerd', include: portableSuites },
      },
    ],
  },
});
