// Child processes for the consumer checks, with their output kept for the report.
import { execFile } from 'node:child_process';

/** Runs a command; resolves to { stdout, stderr }, rejects with both in the message when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 1 << 26, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stdout}${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}
