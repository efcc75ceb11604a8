// The packed library installed and used by consumer projects (Node ESM and
// CommonJS, esbuild and Vite bundles in Chromium, a Worker in workerd), plus
// publint and arethetypeswrong: scripts/check-consumers.mjs, on the built dist/.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const script = fileURLToPath(new URL('../scripts/check-consumers.mjs', import.meta.url));

test('consumers resolve, bundle and run the packed library', async () => {
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(process.execPath, [script], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
  expect(output).toMatch(/consumer checks passed/);
  expect(code, output).toBe(0);
}, 180_000);
