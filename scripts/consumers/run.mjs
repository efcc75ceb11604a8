// Child processes for the consumer checks, with their output kept for the report.
import { execFile } from 'node:child_process';

/** Runs a command; resolves to { code, stdout, stderr } whatever its exit code. */
export function runAnyway(command, args, options = {}) {
  return new Promise((resolve) => {
    execFile(command, args, { maxBuffer: 1 << 26, ...options }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal) : 0, stdout, stderr });
    });
  });
}

/** Runs a command; resolves to { stdout, stderr }, rejects with both in the message when it fails. */
export async function run(command, args, options = {}) {
  const result = await runAnyway(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.stdout}${result.stderr}`);
  return result;
}
