// The command line grammar: commands, options and their validation.
import { Command, InvalidArgumentError, Option } from 'commander';
import { version } from '../../package.json';
import { OUTPUT_FORMATS, type OutputFormat } from './format.js';

export const DEFAULT_METRICS = ['auc', 'precision', 'recall', 'binary_accuracy'];
export const DEFAULT_BATCH_SIZE = 65536;
/** 2^24 rows: two Float64Array buffers of 128 MiB each, a generous ceiling against typos. */
const MAX_BATCH_SIZE = 2 ** 24;

export interface EvalOptions {
  readonly file: string;
  readonly label: string;
  readonly score: string;
  readonly metrics: string[];
  readonly format: OutputFormat;
  readonly batchSize: number;
}

export function parseBatchSize(text: string): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < 1 || value > MAX_BATCH_SIZE) {
    throw new InvalidArgumentError(`expected an integer from 1 to ${MAX_BATCH_SIZE}.`);
  }
  return value;
}

export function parseMetricList(text: string): string[] {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new InvalidArgumentError('expected at least one metric name, such as auc,precision.');
  return names;
}

/** The program; `runEval` receives validated options. Commander errors are thrown, not exited on. */
export function buildProgram(runEval: (options: EvalOptions) => Promise<void>): Command {
  const program = new Command('wasm-metrics')
    .description('Keras-compatible metrics over CSV files, computed with WebAssembly kernels.')
    .version(version)
    // Throw instead of exiting so that main decides the exit code (2 for usage errors).
    .exitOverride();

  program.command('eval')
    .description('Evaluate metrics over a CSV file of labels and scores, streamed in batches.')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--label <column>', 'column holding the true labels')
    .requiredOption('--score <column>', 'column holding the predicted scores')
    .addOption(new Option('--metrics <names>', 'comma-separated Keras metric identifiers')
      .argParser(parseMetricList).default(DEFAULT_METRICS, DEFAULT_METRICS.join(',')))
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
    .option('--batch-size <rows>', 'rows per batch fed to the metrics', parseBatchSize, DEFAULT_BATCH_SIZE)
    .action(async (file: string, options: Omit<EvalOptions, 'file'>) => {
      await runEval({ ...options, file });
    });

  return program;
}
