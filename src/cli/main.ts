// Entry point of the wasm-metrics command: runs the program and turns every
// failure into a message on stderr and an exit code.
import { CommanderError } from 'commander';
import { CsvError } from 'csv-parse';
import { buildProgram, type EvalOptions } from './args.js';
import { CliError, EXIT_DATA_ERROR, EXIT_USAGE_ERROR } from './errors.js';
import { evaluate, resolveMetrics } from './evaluate.js';
import { formatEvaluation } from './format.js';

async function runEval(options: EvalOptions): Promise<void> {
  // Resolve metrics before reading so that a typo fails without touching the file.
  const metrics = resolveMetrics(options.metrics);
  const evaluation = await evaluate(metrics, {
    path: options.file, labelColumn: options.label, scoreColumn: options.score, batchSize: options.batchSize,
  });
  process.stdout.write(formatEvaluation(evaluation, options.format, options.file));
}

function describeFailure(error: unknown, file: string | undefined): { message: string; exitCode: number } {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof CsvError) return { message: `${file ?? 'CSV'}: ${error.message}`, exitCode: EXIT_DATA_ERROR };
  // File system errors (missing file, a directory, no permission) carry the failing syscall.
  if (error instanceof Error && 'syscall' in error) {
    return { message: `cannot read ${file ?? 'the file'}: ${error.message}`, exitCode: EXIT_DATA_ERROR };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: EXIT_DATA_ERROR };
}

async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  const program = buildProgram((options) => {
    file = options.file;
    return runEval(options);
  });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    // Commander has already printed its message (or the help); only the exit code is left.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE_ERROR;
    const failure = describeFailure(error, file);
    process.stderr.write(`error: ${failure.message}\n`);
    return failure.exitCode;
  }
}

process.exitCode = await main(process.argv);
