// The test matrix: one vitest run for the projects in vitest.config.ts (node,
// node-scalar, chromium, workerd), then the portable suites under Bun and Deno.
// Prints one line per runtime and fails when a runtime fails, or runs no tests.
//
//   node scripts/test-matrix.mjs                  every runtime
//   node scripts/test-matrix.mjs chromium deno    only these
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const portableSuites = JSON.parse(readFileSync(join(root, 'test/runtimes/portable-suites.json'), 'utf8'));

const VITEST_RUNTIMES = ['node', 'node-scalar', 'chromium', 'workerd'];
const OTHER_RUNTIMES = { bun: runBun, deno: runDeno };
const ALL = [...VITEST_RUNTIMES, ...Object.keys(OTHER_RUNTIMES)];

/**
 * Runs a command and returns its output (colours off, for parsing). The output is
 * shown as it comes, or with `quiet` only when the command fails.
 */
function run(command, args, env = {}, quiet = false) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (stream) => (chunk) => {
      if (!quiet) stream.write(chunk);
      output += chunk;
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => {
      if (quiet && code !== 0) process.stdout.write(output);
      resolve({ code: code ?? -1, output });
    });
  });
}

const count = (output, pattern) => {
  const match = output.match(pattern);
  return match ? Number(match[1]) : undefined;
};

async function runVitest(projects) {
  const dir = mkdtempSync(join(tmpdir(), 'runtime-matrix-'));
  const resultsFile = join(dir, 'counts.json');
  try {
    const args = ['run', ...projects.flatMap((project) => ['--project', project])];
    const { code } = await run(bin('vitest'), args, { RUNTIME_MATRIX_RESULTS: resultsFile });
    const counts = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
    const results = projects.map((name) => {
      const entry = counts[name];
      const notes = [];
      if (entry?.brokenFiles) notes.push(`${entry.brokenFiles} test files failed to load`);
      if (name === 'chromium' && !entry && !existsSync('/usr/bin/chromium')) notes.push('/usr/bin/chromium is missing: apt-get install chromium');
      return { name, ...entry, exitCode: 0, notes };
    });
    // vitest's exit code covers every project: blame the projects that failed, or all when none did.
    if (code !== 0 && results.every((result) => verdict(result) === 'ok')) {
      for (const result of results) {
        result.exitCode = code;
        result.notes.push(`vitest exited with code ${code}`);
      }
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runBun() {
  // Bun's runner takes files importing 'vitest' as they are; paths need a ./ prefix.
  const { code, output } = await run(bin('bun'), ['test', '--only-failures', '--timeout', '30000', ...portableSuites.map((file) => `./${file}`)]);
  return {
    passed: count(output, /^\s*(\d+) pass$/m),
    failed: count(output, /^\s*(\d+) fail$/m),
    skipped: count(output, /^\s*(\d+) skip$/m) ?? 0,
    exitCode: code,
  };
}

async function runDeno() {
  console.log('\ndeno test: the portable suites (its report is shown if they fail)');
  // 'vitest' maps to a shim over Deno.test (test/runtimes/deno). Deno denies the
  // build override variable, as it would to a library run without --allow-env.
  // Its report lists every test, so it is shown only when something fails.
  const { code, output } = await run(bin('deno'), [
    'test', '--config', 'test/runtimes/deno/deno.json', '--no-check', '--allow-env', '--deny-env=WASM_METRICS_BUILD',
    ...portableSuites,
  ], { DENO_NO_UPDATE_CHECK: '1' }, true);
  const summary = output.match(/^(?:ok|FAILED) \| (\d+) passed.*?\| (\d+) failed(?:.*?\| (\d+) ignored)?/m);
  return {
    passed: summary ? Number(summary[1]) : undefined,
    failed: summary ? Number(summary[2]) : undefined,
    skipped: summary?.[3] ? Number(summary[3]) : 0,
    exitCode: code,
  };
}

function verdict(result) {
  if (result.passed === undefined || result.passed === 0) return 'did not run';
  if (result.failed > 0 || result.brokenFiles > 0 || result.exitCode !== 0) return 'FAILED';
  return 'ok';
}

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`unknown runtime ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
const selected = requested.length > 0 ? requested : ALL;

const results = [];
const vitestProjects = VITEST_RUNTIMES.filter((name) => selected.includes(name));
if (vitestProjects.length > 0) results.push(...await runVitest(vitestProjects));
for (const [name, runRuntime] of Object.entries(OTHER_RUNTIMES)) {
  if (selected.includes(name)) results.push({ name, notes: [], ...await runRuntime() });
}

console.log('\nRuntime matrix');
console.log(`  ${'runtime'.padEnd(12)}${'passed'.padStart(8)}${'failed'.padStart(8)}${'skipped'.padStart(9)}  result`);
for (const result of results) {
  const cell = (value, width) => String(value ?? '-').padStart(width);
  const line = `  ${result.name.padEnd(12)}${cell(result.passed, 8)}${cell(result.failed, 8)}${cell(result.skipped, 9)}  ${verdict(result)}`;
  console.log([line, ...result.notes].join('; '));
}
process.exit(results.every((result) => verdict(result) === 'ok') ? 0 : 1);
