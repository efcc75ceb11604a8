// Brute-force references for the classification functional API, written from
// scikit-learn's definitions with plain loops, Maps and sorts: no chunks, no
// tables, no kernels. Tests compare the library with them on inputs larger
// than a chunk and with every label encoding path.

export type RefLabel = number | string;

function order(a: RefLabel, b: RefLabel): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** Sorted union of the labels and the weighted confusion matrix over it. */
export function referenceConfusion(yTrue: readonly RefLabel[], yPred: readonly RefLabel[], weights?: readonly number[]):
  { classes: RefLabel[]; matrix: number[][] } {
  const classes = [...new Set([...yTrue, ...yPred])].sort(order);
  const index = new Map(classes.map((label, i) => [label, i]));
  const matrix = classes.map(() => classes.map(() => 0));
  yTrue.forEach((label, i) => {
    matrix[index.get(label)!]![index.get(yPred[i]!)!]! += weights ? weights[i]! : 1;
  });
  return { classes, matrix };
}

/** Per-class F1 = 2·tp / (2·tp + fp + fn) from a confusion matrix, and its macro average (classes all defined). */
export function referenceMacroF1(matrix: readonly number[][]): number {
  const scores = matrix.map((row, c) => {
    const tp = row[c]!;
    const actual = row.reduce((sum, value) => sum + value, 0);
    const predicted = matrix.reduce((sum, other) => sum + other[c]!, 0);
    return (2 * tp) / (actual + predicted);
  });
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** -Σ w·log(clip(p[row][target])) / Σ w. */
export function referenceLogLoss(targets: readonly number[], rows: readonly number[][], epsilon: number, weights?: readonly number[]): number {
  let total = 0, weightTotal = 0;
  targets.forEach((target, i) => {
    const w = weights ? weights[i]! : 1;
    total += -w * Math.log(Math.min(Math.max(rows[i]![target]!, epsilon), 1 - epsilon));
    weightTotal += w;
  });
  return total / weightTotal;
}

/** Σ w·Σ_k (p_k - [k = target])² / Σ w. */
export function referenceBrier(targets: readonly number[], rows: readonly number[][], weights?: readonly number[]): number {
  let total = 0, weightTotal = 0;
  targets.forEach((target, i) => {
    const w = weights ? weights[i]! : 1;
    total += w * rows[i]!.reduce((sum, p, k) => sum + (p - (k === target ? 1 : 0)) ** 2, 0);
    weightTotal += w;
  });
  return total / weightTotal;
}

/**
 * scikit-learn's ranking: a stable ascending sort of class indices by score,
 * reversed; a hit when the target is among the first k.
 */
export function referenceTopK(targets: readonly number[], rows: readonly number[][], k: number, weights?: readonly number[]): number {
  let hits = 0, weightTotal = 0;
  targets.forEach((target, i) => {
    const w = weights ? weights[i]! : 1;
    const ascending = rows[i]!.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score || a.index - b.index);
    const top = ascending.reverse().slice(0, k).map((entry) => entry.index);
    if (top.includes(target)) hits += w;
    weightTotal += w;
  });
  return hits / weightTotal;
}

/** Multilabel: per-column [tp, predicted, actual] (weighted) and the weighted subset accuracy. */
export function referenceMultilabel(yTrue: readonly number[][], yPred: readonly number[][], weights?: readonly number[]):
  { columns: number[][]; subsetAccuracy: number } {
  const width = yTrue[0]!.length;
  const columns = Array.from({ length: width }, () => [0, 0, 0]);
  let hits = 0, weightTotal = 0;
  yTrue.forEach((row, i) => {
    const w = weights ? weights[i]! : 1;
    row.forEach((y, c) => {
      const p = yPred[i]![c]!;
      columns[c]![0]! += w * y * p;
      columns[c]![1]! += w * p;
      columns[c]![2]! += w * y;
    });
    if (row.every((y, c) => y === yPred[i]![c])) hits += w;
    weightTotal += w;
  });
  return { columns, subsetAccuracy: hits / weightTotal };
}
