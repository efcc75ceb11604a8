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
// The same conditions for 'wasm-metrics/sklearn', each reaching the file built with (or sharing a module with) the core's.
const SKLEARN_FILES = {
  'dist/index.js': 'dist/sklearn.js', 'dist/index.cjs': 'dist/sklearn.cjs', 'dist/portable.js': 'dist/sklearn-portable.js',
  'dist/portable.cjs': 'dist/sklearn-portable.cjs', 'dist/workerd.js': 'dist/sklearn-workerd.js',
};

async function resolveAs(app, { specifier, platform = 'neutral', conditions = [], kind }) {
  let resolved;
  await esbuild.build({
    stdin: { contents: '', resolveDir: app }, platform, conditions, write: false, logLevel: 'silent',
    plugins: [{
      name: 'resolve-probe',
      setup(build) {
        build.onStart(async () => {
          resolved = await build.resolve(specifier, { kind, resolveDir: app });
        });
      },
    }],
  });
  return resolved;
}

export async function checkResolution(app) {
  const rows = [];
  const cases = [
    ...CASES.map((testCase) => ({ ...testCase, specifier: 'wasm-metrics' })),
    ...CASES.map((testCase) => ({ ...testCase, specifier: 'wasm-metrics/sklearn', file: SKLEARN_FILES[testCase.file] })),
  ];
  for (const testCase of cases) {
    const { path, errors } = await resolveAs(app, testCase);
    const suffix = `/wasm-metrics/${testCase.file}`;
    const normalised = path?.replaceAll('\\', '/') ?? '';
    rows.push({
      name: `exports of ${testCase.specifier} for ${testCase.runtime}`,
      problems: errors.length ? errors.map((error) => error.text) : normalised.endsWith(suffix) ? [] : [`resolved ${path}, expected ${suffix}`],
      detail: testCase.file,
    });
  }
  return rows;
}
