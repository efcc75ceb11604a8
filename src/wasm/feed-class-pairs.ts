// Weighted confusion matrix of two class-id columns for the scikit-learn
// functional API: each chunk's labels are staged (and mapped through their
// tables) as int32 ids, then counted by confusionMatrixCounts.
import { arena } from './runtime.js';
import { CHUNK_ELEMENTS } from './arena.js';
import { stageClassIds, copyTable, LABEL_WINDOW, type ClassIds } from './feed-labels.js';
import { CLASS_ID_KIND } from './feed-pairs.js';

/** Row-major C×C f64 matrix: rows are `first`'s class ids, columns `second`'s; ids outside [0, C) are dropped. */
export function countClassPairs(first: ClassIds, second: ClassIds, weights: Float64Array | undefined, classes: number): Float64Array {
  const a = arena();
  const cells = classes * classes;
  a.reserve(CHUNK_ELEMENTS, (cells + 1) * 8);
  const firstIds = a.address('labels'), secondIds = a.address('predictions'), W = a.address('weights');
  const staging = a.address('columnLabels');
  // The two tables share one region (LABEL_WINDOW int32 each); the kernel's own scratch is 'scratch'.
  const firstTable = a.address('columnWeights'), secondTable = firstTable + LABEL_WINDOW * 4;
  copyTable(a, first, firstTable);
  copyTable(a, second, secondTable);
  a.clearOutput(cells + 1);
  const samples = first.data.length;
  for (let start = 0; start < samples; start += CHUNK_ELEMENTS) {
    const count = Math.min(CHUNK_ELEMENTS, samples - start);
    stageClassIds(a, first, start, count, firstIds, staging, firstTable);
    stageClassIds(a, second, start, count, secondIds, staging, secondTable);
    if (weights) a.f64.set(weights.subarray(start, start + count), W >>> 3);
    a.kernels.confusionMatrixCounts(firstIds, CLASS_ID_KIND.idsI32, 1, secondIds, CLASS_ID_KIND.idsI32, 1, weights ? W : 0, count,
      classes, 0, 0, 0, a.address('columnLabels'), a.address('columnPredictions'), a.address('scratch'), a.output);
  }
  return a.readOutput(cells);
}
