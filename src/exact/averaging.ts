// scikit-learn's averaging of a binary ranking metric over the columns (or rows)
// of a label-indicator table (_average_binary_score), and Hand & Till's
// one-vs-one average for multiclass ROC AUC (_average_multiclass_ovo_score).
import { rocAuc, type BinaryProblem } from './binary-ranking.js';

/** Rows × columns of scores and 0/1 labels, row-major; weights per row (sklearn) or per element (Keras). */
export interface LabelTable {
  readonly rows: number;
  readonly columns: number;
  readonly scores: Float32Array | Float64Array;
  readonly labels: Uint8Array;
  readonly rowWeights?: Float64Array | undefined;
  readonly elementWeights?: Float64Array | undefined;
}

export type ColumnAverage = 'micro' | 'macro' | 'weighted' | 'samples' | null;

export type BinaryMetric = (problem: BinaryProblem) => number;

/** Every `stride`-th value from `start`, `count` of them, in the same array type. */
function strided<T extends Float32Array | Float64Array | Uint8Array>(values: T, start: number, stride: number, count: number): T {
  const out = new (values.constructor as new (length: number) => T)(count);
  for (let k = 0, i = start; k < count; k++, i += stride) out[k] = values[i]!;
  return out;
}

/** Column c as a binary problem. */
export function tableColumn(table: LabelTable, c: number): BinaryProblem {
  const { rows, columns } = table;
  const weights = table.elementWeights ? strided(table.elementWeights, c, columns, rows) : table.rowWeights;
  return { scores: strided(table.scores, c, columns, rows), labels: strided(table.labels, c, columns, rows), weights };
}

/** Every element as one sample; a row weight repeats along its row. */
export function tableRavel(table: LabelTable): BinaryProblem {
  const { rows, columns, rowWeights, elementWeights } = table;
  let weights = elementWeights;
  if (!weights && rowWeights) {
    weights = new Float64Array(rows * columns);
    for (let r = 0; r < rows; r++) weights.fill(rowWeights[r]!, r * columns, (r + 1) * columns);
  }
  return { scores: table.scores, labels: table.labels, weights };
}

/** numpy.average: plain mean, or Σ value·weight / Σ weight (NaN where numpy raises on a zero weight sum). */
function average(values: readonly number[], weights?: readonly number[]): number {
  if (!weights) return values.reduce((sum, value) => sum + value, 0) / values.length;
  let weighted = 0, total = 0;
  values.forEach((value, i) => {
    weighted += value * weights[i]!;
    total += weights[i]!;
  });
  return total === 0 ? NaN : weighted / total;
}

/**
 * _average_binary_score for a multilabel (or binarised multiclass) table:
 * 'micro' ravels the table, 'macro' is the plain mean over columns (a NaN
 * column makes it NaN), 'weighted' weighs columns by their positive weight
 * (0 when that totals ~0; zero-weight columns count as 0), 'samples' averages
 * per-row scores weighted by the sample weights, null returns every column.
 */
export function averageOverColumns(metric: BinaryMetric, table: LabelTable, mode: ColumnAverage): number | number[] {
  if (mode === 'micro') return metric(tableRavel(table));
  if (mode === 'samples') {
    const scores = Array.from({ length: table.rows }, (_, r) => metric({
      scores: table.scores.subarray(r * table.columns, (r + 1) * table.columns),
      labels: table.labels.subarray(r * table.columns, (r + 1) * table.columns),
    }));
    const weights = table.rowWeights ? Array.from(table.rowWeights) : undefined;
    return average(weights ? scores.map((score, r) => (weights[r] === 0 ? 0 : score)) : scores, weights);
  }
  let columnWeights: number[] | undefined;
  if (mode === 'weighted') {
    columnWeights = new Array<number>(table.columns).fill(0);
    for (let r = 0; r < table.rows; r++) {
      for (let c = 0; c < table.columns; c++) {
        const i = r * table.columns + c;
        const weight = table.elementWeights ? table.elementWeights[i]! : table.rowWeights ? table.rowWeights[r]! : 1;
        columnWeights[c]! += table.labels[i]! * weight;
      }
    }
    // np.isclose(sum, 0): scikit-learn returns 0 when there is (almost) no positive weight at all.
    if (Math.abs(columnWeights.reduce((sum, weight) => sum + weight, 0)) <= 1e-8) return 0;
  }
  const scores = Array.from({ length: table.columns }, (_, c) => metric(tableColumn(table, c)));
  if (mode === null) return scores;
  if (!columnWeights) return average(scores);
  return average(scores.map((score, c) => (columnWeights![c] === 0 ? 0 : score)), columnWeights);
}

/**
 * Hand & Till's multiclass ROC AUC: for each pair of classes present in
 * classIds, the mean of AUC(a vs b by column a) and AUC(b vs a by column b) over
 * the samples of a or b; 'macro' averages pairs plainly, 'weighted' by the share
 * of samples in the pair. NaN with fewer than two classes present.
 */
export function oneVsOneRocAuc(classIds: Int32Array, scores: Float32Array | Float64Array, columns: number, mode: 'macro' | 'weighted'): number {
  const rows = classIds.length;
  const present = [...new Set(classIds)].sort((a, b) => a - b);
  const pairScores: number[] = [], prevalence: number[] = [];
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const a = present[i]!, b = present[j]!;
      const members: number[] = [];
      for (let r = 0; r < rows; r++) if (classIds[r] === a || classIds[r] === b) members.push(r);
      const side = (cls: number): BinaryProblem => {
        const column = new (scores.constructor as new (length: number) => Float32Array | Float64Array)(members.length);
        const labels = new Uint8Array(members.length);
        members.forEach((r, k) => {
          column[k] = scores[r * columns + cls]!;
          labels[k] = classIds[r] === cls ? 1 : 0;
        });
        return { scores: column, labels };
      };
      pairScores.push((rocAuc(side(a)) + rocAuc(side(b))) / 2);
      prevalence.push(members.length / rows);
    }
  }
  if (pairScores.length === 0) return NaN;
  return average(pairScores, mode === 'weighted' ? prevalence : undefined);
}

/** Class ids (0..columns-1) as a one-hot label table beside their score rows. */
export function oneHotTable(classIds: Int32Array, scores: Float32Array | Float64Array, columns: number, rowWeights?: Float64Array): LabelTable {
  const labels = new Uint8Array(classIds.length * columns);
  classIds.forEach((id, r) => { labels[r * columns + id] = 1; });
  return { rows: classIds.length, columns, scores, labels, rowWeights };
}
