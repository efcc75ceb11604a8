// The library row of every case at one size, each timed in interleaved rounds
// with that case's plain-JS rows (unless library-only, as for the scalar build).
// Runs inside rows-child.mjs and multiclass-child.mjs, one fresh process per measurement.
import { classificationData, regressionData } from './data.mjs';
import { prepare, timeRounds } from './harness.mjs';
import { CASES, libraryCall, inputsOf } from './cases.mjs';

export function generateData(n) {
  return { classification: classificationData(n), regression: regressionData(n) };
}

/**
 * One case: { library, plainJs: [one timing per plain-JS variant] }. `makeLibraryCall(...inputs)`
 * returns one library evaluation; `primeInputs` replaces the default priming slices.
 */
export function measureRows(makeLibraryCall, variants, inputs, { plainJs, primeInputs }) {
  const options = { primeInputs };
  const library = prepare(makeLibraryCall, inputs, options);
  const plain = plainJs ? variants.map((variant) => prepare((...arrays) => () => variant.run(...arrays), inputs, options)) : [];
  // Interleaved rounds, so that load from other processes hits the compared rows alike.
  const [libraryTiming, ...plainTimings] = timeRounds([library, ...plain]);
  return { library: libraryTiming, plainJs: plainTimings };
}

export function measureCase(lib, kase, dataSets, options) {
  return measureRows((truth, predictions) => libraryCall(lib, kase, truth, predictions), kase.js,
    inputsOf(kase, dataSets[kase.data]), options);
}

/** Every case at size n, keyed by case id. */
export function measureAllCases(lib, n, options) {
  const dataSets = generateData(n);
  const cases = {};
  for (const kase of CASES) cases[kase.id] = measureCase(lib, kase, dataSets, options);
  return cases;
}
