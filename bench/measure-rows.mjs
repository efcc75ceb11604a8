// Library rows for every case and size. Runs in the main process (SIMD build)
// and, through library-child.mjs, in a child process with the scalar build.
import { classificationData, regressionData } from './data.mjs';
import { measure, prepare } from './harness.mjs';
import { CASES, SIZES, libraryCall, inputsOf } from './cases.mjs';

export function generateData(n) {
  return { classification: classificationData(n), regression: regressionData(n) };
}

/** The library row of a case, primed and warmed up, ready for timeRounds. */
export function prepareLibrary(lib, kase, dataSets) {
  return prepare((truth, predictions) => libraryCall(lib, kase, truth, predictions), inputsOf(kase, dataSets[kase.data]));
}

export function measureLibrary(lib, kase, dataSets) {
  return measure((truth, predictions) => libraryCall(lib, kase, truth, predictions), inputsOf(kase, dataSets[kase.data]));
}

/** All library rows, keyed "caseId@n". */
export function measureAllLibraryRows(lib) {
  const rows = {};
  for (const n of SIZES) {
    const dataSets = generateData(n);
    for (const kase of CASES) rows[`${kase.id}@${n}`] = measureLibrary(lib, kase, dataSets);
  }
  return rows;
}
