// Errors the command line reports itself, each carrying its exit code.

/** Exit codes: 1 for unreadable or invalid input data, 2 for a wrong command line. */
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE_ERROR = 2;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A problem with the arguments: a column or metric that does not exist. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE_ERROR);
  }
}

/** A problem with the file's contents. */
export class DataError extends CliError {
  constructor(message: string) {
    super(message, EXIT_DATA_ERROR);
  }
}
