// Plain two-pass references for the regression functions, written from
// scikit-learn's definitions with no kernels, for inputs too large for a
// committed fixture (several chunks of the arena).

export interface Columns {
  /** columns[k][i]: output k of sample i. */
  readonly yTrue: number[][];
  readonly yPred: number[][];
  readonly weights: number[];
}

function weightedMean(values: number[], weights: number[]): number {
  let sum = 0, total = 0;
  values.forEach((value, i) => { sum += weights[i]! * value; total += weights[i]!; });
  return sum / total;
}

export function referenceR2(columns: Columns): number[] {
  return columns.yTrue.map((y, k) => {
    const p = columns.yPred[k]!, mean = weightedMean(y, columns.weights);
    let numerator = 0, denominator = 0;
    y.forEach((value, i) => {
      numerator += columns.weights[i]! * (value - p[i]!) ** 2;
      denominator += columns.weights[i]! * (value - mean) ** 2;
    });
    return 1 - numerator / denominator;
  });
}

export function referenceExplainedVariance(columns: Columns): number[] {
  return columns.yTrue.map((y, k) => {
    const errors = y.map((value, i) => value - columns.yPred[k]![i]!);
    const errorMean = weightedMean(errors, columns.weights), targetMean = weightedMean(y, columns.weights);
    const numerator = weightedMean(errors.map((e) => (e - errorMean) ** 2), columns.weights);
    const denominator = weightedMean(y.map((value) => (value - targetMean) ** 2), columns.weights);
    return 1 - numerator / denominator;
  });
}

export function referenceErrorMean(columns: Columns, error: (y: number, p: number) => number): number[] {
  return columns.yTrue.map((y, k) => weightedMean(y.map((value, i) => error(value, columns.yPred[k]![i]!)), columns.weights));
}
