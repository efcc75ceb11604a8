// Package lints on the packed tarball: publint (package.json and files) and
// arethetypeswrong (types for every resolution mode).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { runAnyway } from './run.mjs';

async function checkPublint(tarball) {
  const bytes = await readFile(tarball);
  const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }, level: 'suggestion' });
  const described = (type) => messages.filter((message) => message.type === type).map((message) => formatMessage(message, pkg));
  const suggestions = described('suggestion');
  return {
    name: 'publint',
    problems: [...described('error'), ...described('warning')],
    detail: suggestions.length ? `suggestions: ${suggestions.join('; ')}` : 'no errors, warnings or suggestions',
  };
}

async function checkTypes(tarball) {
  const manifest = createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json');
  const cli = join(dirname(manifest), JSON.parse(await readFile(manifest, 'utf8')).bin.attw);
  // --no-definitely-typed: judge only the package's own declarations, with no registry lookup.
  // It exits 1 when it finds problems; the JSON report lists them either way.
  const output = await runAnyway(process.execPath, [cli, tarball, '--format', 'json', '--no-definitely-typed']);
  let report;
  try {
    report = JSON.parse(output.stdout);
  } catch {
    return { name: 'arethetypeswrong', problems: [`no report (exit ${output.code}): ${output.stdout}${output.stderr}`.slice(0, 2000)] };
  }
  const problems = report.analysis?.problems ?? [];
  return {
    name: 'arethetypeswrong',
    problems: problems.map((problem) => `${problem.kind}${problem.entrypoint ? ` at ${problem.entrypoint}` : ''}${problem.resolutionKind ? ` (${problem.resolutionKind})` : ''}`),
    detail: `entrypoints ${Object.keys(report.analysis?.entrypoints ?? {}).join(', ')}`,
  };
}

export function lintPackage(tarball) {
  return Promise.all([checkPublint(tarball), checkTypes(tarball)]);
}
