// A client: scores rows [from, to) of a label,score CSV with the shared metric
// set and POSTs the saved states to a run.
//   node examples/worker/client.mjs http://127.0.0.1:8787/runs/demo examples/breast_cancer_predictions.csv 0 190
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMetrics } from './src/metric-set.js';
import { stateForm } from './src/state-form.js';

/** Labels and scores of rows [from, to) of a CSV whose first two columns are label and score. */
export function readRows(path, from = 0, to = Infinity) {
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1).slice(from, to);
  const rows = lines.map((line) => line.split(',').map(Number));
  return { labels: Float64Array.from(rows, (row) => row[0]), scores: Float64Array.from(rows, (row) => row[1]) };
}

/** Metrics over the rows, as one client would hold them. */
export function scoreRows({ labels, scores }) {
  const metrics = createMetrics();
  // [n, 1]: one sample per row.
  metrics.updateState({ data: labels, shape: [labels.length, 1] }, { data: scores, shape: [scores.length, 1] });
  return metrics;
}

/** POSTs the metrics' states to `runUrl`; resolves to the Worker's JSON answer (or its error). */
export async function sendStates(runUrl, metrics) {
  const response = await fetch(runUrl, { method: 'POST', body: stateForm(metrics) });
  return { status: response.status, body: await response.json() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [runUrl, path, from = '0', to = 'Infinity'] = process.argv.slice(2);
  if (!runUrl || !path) {
    console.error('usage: node examples/worker/client.mjs <run url> <csv> [from row] [to row]');
    process.exit(2);
  }
  const { status, body } = await sendStates(runUrl, scoreRows(readRows(path, Number(from), Number(to))));
  console.log(status, JSON.stringify(body));
  if (status !== 200) process.exitCode = 1;
}
