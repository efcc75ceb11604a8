// Exact ROC AUC cases at N = 10^7: the library's rocAucScore (sort in
// WebAssembly, copy into wasm memory included) against plain-JS sort-based
// implementations, on scores held the way a model's output is (a Float32Array,
// or a Float64Array) with labels in a Uint8Array.
import { mulberry32 } from './data.mjs';
import * as js from './baselines-js-ranking.mjs';

export const EXACT_AUC_N = 10_000_000;
/** The acceptance bar: the float32 case at least this many times faster than a native-sort baseline. */
export const EXACT_AUC_TARGET = 10;

/**
 * Scores uniform in [0, 1): one uniform per sample, rounded to float32, and
 * extended with 32 more random bits to a float64; labels with P(y = 1) = 0.2 +
 * 0.6·score; weights 0 for about 10% of samples and uniform in [0.5, 1.5)
 * otherwise. Seeded, so every process sees the same data.
 */
export function exactAucData(n = EXACT_AUC_N, seed = 7) {
  const random = mulberry32(seed);
  const float32 = new Float32Array(n);
  const float64 = new Float64Array(n);
  const labels = new Uint8Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = random();
    float32[i] = u;
    float64[i] = u + random() * 2 ** -32;
    labels[i] = random() < 0.2 + 0.6 * float32[i] ? 1 : 0;
    weights[i] = random() < 0.1 ? 0 : 0.5 + random();
  }
  return { float32, float64, labels, weights };
}

/** The public function, input validation included: rocAucScore from wasm-metrics/sklearn. */
const libraryAuc = (lib) => (scores, labels, weights) =>
  lib.rocAucScore(labels, scores, weights ? { sampleWeight: weights } : {});

const EXACT = 0;
const WEIGHTED_SUMS = 1e-9;

export const EXACT_AUC_CASES = [
  {
    id: 'exact-auc-f32', title: 'Exact ROC AUC, float32 scores, unweighted (rocAucScore)', tolerance: EXACT,
    inputs: (data) => [data.float32, data.labels],
    library: libraryAuc,
    js: [
      { name: 'plain JS, native sort per class + merge', run: js.aucSortPerClass, nativeSort: true },
      { name: 'plain JS, native sort of packed float64 (label bit)', run: js.aucPackedSort, nativeSort: true },
      { name: 'plain JS, LSD radix sort (label bit)', run: js.aucRadixSort },
    ],
  },
  {
    id: 'exact-auc-f64', title: 'Exact ROC AUC, float64 scores, unweighted (rocAucScore)', tolerance: EXACT,
    inputs: (data) => [data.float64, data.labels],
    library: libraryAuc,
    js: [{ name: 'plain JS, native sort per class + merge', run: js.aucSortPerClass, nativeSort: true }],
  },
  {
    id: 'exact-auc-f32-weighted', title: 'Exact ROC AUC, float32 scores, weighted (rocAucScore)', tolerance: WEIGHTED_SUMS,
    inputs: (data) => [data.float32, data.labels, data.weights],
    library: libraryAuc,
    js: [
      { name: 'plain JS, native sort of packed float64 (index bits)', run: js.aucPackedSortWeighted, nativeSort: true },
      { name: 'plain JS, LSD radix sort (weights moved)', run: js.aucRadixSortWeighted },
    ],
  },
  {
    // No plain-JS row: a float64 score leaves no spare bits for an index, so the JS ways
    // are a comparator sort of indices (seconds per call at this size) or a 64-bit radix
    // sort in 32-bit halves.
    id: 'exact-auc-f64-weighted', title: 'Exact ROC AUC, float64 scores, weighted (rocAucScore)', tolerance: WEIGHTED_SUMS,
    inputs: (data) => [data.float64, data.labels, data.weights],
    library: libraryAuc,
    js: [],
  },
];
