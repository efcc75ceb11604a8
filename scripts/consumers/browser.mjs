// Browser consumers: the app bundled by esbuild (platform browser) and built by
// Vite, each page loaded in headless Chromium.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { chromium } from 'playwright';
import { serveDirectory } from './static-server.mjs';
import { aucProblems, nodeOnlyCode } from './expectations.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE_TIMEOUT_MS = 20_000;

async function bundleWithEsbuild(app, entry, name) {
  const outdir = join(app, `esbuild-dist-${entry.replace(/\W/g, '-')}`);
  const result = await esbuild.build({
    entryPoints: [join(app, entry)], bundle: true, minify: true, format: 'esm', platform: 'browser',
    outdir, entryNames: 'browser', metafile: true, logLevel: 'silent',
  });
  await writeFile(join(outdir, 'index.html'), await readFile(join(app, 'index.html'), 'utf8'));
  const expected = entry.endsWith('.cjs') ? ['dist/portable.cjs', 'dist/sklearn-portable.cjs'] : ['dist/portable.js', 'dist/sklearn-portable.js'];
  const inputs = Object.keys(result.metafile.inputs);
  return {
    name, outdir,
    code: await readFile(join(outdir, 'browser.js'), 'utf8'),
    problems: expected.filter((file) => !inputs.some((input) => input.endsWith(`wasm-metrics/${file}`))).map((file) => `did not bundle ${file}`),
  };
}

async function buildWithVite(app) {
  const outdir = join(app, 'vite-dist');
  await viteBuild({ root: app, configFile: false, logLevel: 'silent', build: { outDir: outdir, emptyOutDir: true } });
  const assets = join(outdir, 'assets');
  const scripts = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  const code = (await Promise.all(scripts.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
  return { name: 'Vite build', outdir, code, problems: [] };
}

async function resultOfPage(browser, directory) {
  const server = await serveDirectory(directory);
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.consumerResult !== undefined, null, { timeout: PAGE_TIMEOUT_MS });
    return await page.evaluate(() => window.consumerResult);
  } catch (error) {
    return { error: [String(error), ...pageErrors].join('; ') };
  } finally {
    await page.close();
    await server.close();
  }
}

export async function checkBrowserConsumers(app) {
  const bundles = await Promise.all([
    bundleWithEsbuild(app, 'browser.js', 'esbuild browser bundle (import)'),
    bundleWithEsbuild(app, 'browser-require.cjs', 'esbuild browser bundle (require)'),
    buildWithVite(app),
  ].map((pending) =>
    pending.catch((error) => ({ name: 'browser bundle', problems: [String(error)] }))));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const rows = [];
    for (const bundle of bundles) {
      if (!bundle.outdir) {
        rows.push(bundle);
        continue;
      }
      const result = await resultOfPage(browser, bundle.outdir);
      const leaked = nodeOnlyCode(bundle.code);
      rows.push({
        name: `${bundle.name} in Chromium ${browser.version()}`,
        problems: [...bundle.problems, ...aucProblems(result), ...leaked.map((found) => `bundle contains ${found}`)],
        detail: `AUC ${result.value} (${result.build}), ${bundle.code.length} B of JS`,
      });
    }
    return rows;
  } finally {
    await browser.close();
  }
}
