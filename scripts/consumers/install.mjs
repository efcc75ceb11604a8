// Packs the library as it would be published and installs the tarball into a
// copy of the consumer project (app/) in a temporary directory.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * npm scripts export their resolved configuration as npm_config_* variables;
 * a prefix among them would make the inner npm install into this repository.
 */
function npmEnvironment() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(local_prefix|prefix|global_prefix)$/i.test(key)) delete env[key];
  return env;
}

/** Returns { root, app, tarball }: the temporary directory, the installed consumer project and the packed .tgz. */
export async function packAndInstall(repository) {
  const root = await mkdtemp(join(tmpdir(), 'wasm-metrics-consumers-'));
  const env = npmEnvironment();
  const packed = await run(npm, ['pack', '--json', '--pack-destination', root], { cwd: repository, env });
  const tarball = join(root, JSON.parse(packed.stdout)[0].filename);
  const app = join(root, 'app');
  await cp(new URL('./app', import.meta.url), app, { recursive: true });
  // Only the tarball is new; its few dependencies (the command line's) come from npm's cache when present.
  await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball],
    { cwd: app, env });
  return { root, app, tarball };
}
