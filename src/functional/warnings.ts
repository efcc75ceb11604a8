// How the functional API reports what scikit-learn reports as a Python
// warning: nothing is printed; a caller who wants the warnings passes
// `onWarning` and receives each one (category and scikit-learn's message).

/** scikit-learn's warning classes that the functional API reproduces. */
export type WarningCategory = 'UndefinedMetricWarning' | 'UserWarning';

export interface ClassificationWarning {
  readonly category: WarningCategory;
  readonly message: string;
}

export type WarningHandler = (warning: ClassificationWarning) => void;

export interface WarningOptions {
  /** Receives scikit-learn's warnings (ill-defined scores, ignored options); they are dropped when absent. */
  onWarning?: WarningHandler;
}

export function warn(options: WarningOptions, category: WarningCategory, message: string): void {
  options.onWarning?.({ category, message });
}
