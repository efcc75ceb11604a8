// Which file each runtime's export conditions select, resolved by esbuild from
// the installed package (Deno and Bun are run by the runtime test matrix; here
// their conditions are checked to reach the embedded builds).
import * as esbuild from 'esbuild';

const CASES = [
  { runtime: 'Node import', platform: 'node', kind: 'import-statement', file: 'dist/index.js' },
  { runtime: 'Node require', platform: 'node', kind: 'require-call', file: 'dist/index.cjs' },
  { runtime: 'browser bundler', platform: 'browser', kind: 'import-statement', file: 'dist/portable.js' },
  { runtime: 'browser bundler, require', platform: 'browser', kind: 'require-call', file: 'dist/portable.cjs' },
  { runtime: 'Deno', conditions: ['deno'], kind: 'import-statement', file: 'dist/portable.js' },
  { runtime: 'Bun import', conditions: ['bun'], kind: 'import-statement', file: 'dist/index.js' },
  { runtime: 'Bun require', conditions: ['bun'], kind: 'require-call', file: 'dist/index.cjs' },
  // wrangler bundles with these conditions.
  { runtime: 'Cloudflare Workers', conditions: ['workerd', 'worker', 'browser'], kind: 'import-statement', file: 'dist/workerd.js' },
];

async function resolveAs(app, { platform = 'neutral', conditions = [], kind }) {
  let resolved;
  await esbuild.build({
    stdin: { contents: '', resolveDir: app }, platform, conditions, write: false, logLevel: 'silent',
    plugins: [{
      name: 'resolve-probe',
      setup(build) {
        build.onStart(async () => {
          resolved = await build.resolve('wasm-metrics', { kind, resolveDir: app });
        });
      },
    }],
  });
  return resolved;
}

export async function checkResolution(app) {
  const rows = [];
  for (const testCase of CASES) {
    const { path, errors } = await resolveAs(app, testCase);
    const suffix = `/wasm-metrics/${testCase.file}`;
    const normalised = path?.replaceAll('\\', '/') ?? '';
    rows.push({
      name: `exports for ${testCase.runtime}`,
      problems: errors.length ? errors.map((error) => error.text) : normalised.endsWith(suffix) ? [] : [`resolved ${path}, expected ${suffix}`],
      detail: testCase.file,
    });
  }
  return rows;
}
