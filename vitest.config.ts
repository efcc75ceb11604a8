import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import portableSuites from './test/runtimes/portable-suites.json' with { type: 'json' };

const workerdEntry = fileURLToPath(new URL('./src/workerd.ts', import.meta.url));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', include: ['test/*.test.ts'] } },
      { extends: true, test: { name: 'node-scalar', include: [...portableSuites, 'test/runtimes/scalar-build.test.ts'], env: { WASM_METRICS_BUILD: 'scalar' } } },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: portableSuites,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            instances: [{ browser: 'chromium' }],
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
          miniflare: { compatibilityDate: '2025-09-01', modulesRules: [{ type: 'CompiledWasm', include: ['**/*.wasm'] }] },
        })],
        resolve: { alias: [{ find: /^(\.\.\/)+src\/index\.js$/, replacement: workerdEntry }] },
        test: { name: 'workerd', include: portableSuites },
      },
    ],
  },
});
