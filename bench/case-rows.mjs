// One case's table rows: the library, scalar-build and plain-JS rows combined
// across their child processes, then throughput, the SIMD library's speed-up
// and the correctness checks added to every row (TF.js rows included).
import { acrossProcesses, perProcessRatios, summarise } from './across-processes.mjs';
import { relativeError, formatRelative } from './cases.mjs';

/** Library, scalar-build and plain-JS rows of one case, each combined across its processes. */
export function childRows(kase, children) {
  const libraryRuns = children.simd.map((child) => child.cases[kase.id].library);
  const rows = [
    { implementation: `wasm-metrics (${children.simd[0].kernelBuild})`, kind: 'library', ...acrossProcesses(libraryRuns) },
    {
      implementation: `wasm-metrics (${children.scalar[0].kernelBuild})`, kind: 'library-scalar',
      ...acrossProcesses(children.scalar.map((child) => child.cases[kase.id].library)),
    },
  ];
  kase.js.forEach((variant, index) => {
    const runs = children.simd.map((child) => child.cases[kase.id].plainJs[index]);
    rows.push({ implementation: variant.name, kind: 'js', ...acrossProcesses(runs), speedupPerProcess: perProcessRatios(runs, libraryRuns) });
  });
  return rows;
}

/** Adds throughput, the SIMD library's speed-up and the correctness checks to each row; returns warnings. */
export function annotate(kase, n, rows) {
  const warnings = [];
  const library = rows.find((row) => row.kind === 'library');
  const reference = rows.find((row) => row.kind === 'js');
  for (const row of rows) {
    if (row.skipped) continue;
    row.samplesPerSecond = n / (row.medianMs / 1000);
    if (row.speedupPerProcess) {
      const ratios = summarise(row.speedupPerProcess);
      Object.assign(row, { speedup: ratios.median, speedupMin: ratios.min, speedupMax: ratios.max });
    } else if (row.kind !== 'library') {
      row.speedup = row.medianMs / library.medianMs;
    }
    if (row.valuesAgree === false) {
      warnings.push(`WARNING: ${kase.title}, N=${n}: ${row.implementation} computed different values in different processes ` +
        `(${row.perProcess.map((run) => run.value).join(', ')}).`);
    }
    if (row.kind === 'library') {
      row.check = 'reference for the speed-ups';
    } else if (row.kind === 'js' || row.kind === 'library-scalar') {
      const [against, name] = row.kind === 'js' ? [library.value, 'library'] : [reference.value, 'plain JS'];
      const error = relativeError(against, row.value);
      if (error <= kase.tolerance) {
        row.check = `= ${name} (${error === 0 ? 'exact' : `rel ${formatRelative(error)}`})`;
      } else {
        row.check = `MISMATCH: rel ${formatRelative(error)}`;
        warnings.push(`WARNING: ${kase.title}, N=${n}: ${row.implementation} = ${row.value} but ${name} = ${against} ` +
          `(relative difference ${formatRelative(error)}, allowed ${kase.tolerance === 0 ? 'none' : kase.tolerance}).`);
      }
    } else {
      row.check = `float32: rel err ${formatRelative(relativeError(library.value, row.value))}`;
    }
  }
  return warnings;
}
