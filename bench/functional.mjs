// `node bench/functional.mjs` (after `npm run build`): the functional API
// (scikit-learn regression functions, DeLong intervals) against plain-JS
// baselines in the same process, at N = 10^6 float32 samples. Indicative
// ratios: one process, round-robin timing (see harness.mjs).
import {
  r2Score, explainedVarianceScore, meanSquaredError, medianAbsoluteError, rocAucConfidenceInterval,
  rocAucDifferenceTest,
} from '../dist/sklearn.js';
import { prepare, timeRounds } from './harness.mjs';
import { classificationData, regressionData } from './data.mjs';
import * as js from './baselines-js-functional.mjs';

const N = 1_000_000;
const regression = regressionData(N);
const classification = classificationData(N);
const labels = Uint8Array.from(classification.labels);
const scores = classification.predictions;
// A second score column correlated with the first, for the paired test.
const otherScores = Float32Array.from(scores, (score, i) => 0.7 * score + 0.3 * scores[(i * 7919) % N]);

const CASES = [
  {
    title: 'r2Score', inputs: [regression.targets, regression.predictions],
    library: (y, p) => () => r2Score(y, p), baseline: (y, p) => () => js.r2Score(y, p),
  },
  {
    title: 'explainedVarianceScore', inputs: [regression.targets, regression.predictions],
    library: (y, p) => () => explainedVarianceScore(y, p), baseline: (y, p) => () => js.explainedVarianceScore(y, p),
  },
  {
    title: 'meanSquaredError', inputs: [regression.targets, regression.predictions],
    library: (y, p) => () => meanSquaredError(y, p), baseline: (y, p) => () => js.meanSquaredError(y, p),
  },
  {
    title: 'medianAbsoluteError', inputs: [regression.targets, regression.predictions],
    library: (y, p) => () => medianAbsoluteError(y, p), baseline: (y, p) => () => js.medianAbsoluteError(y, p),
  },
  {
    title: 'rocAucConfidenceInterval', inputs: [labels, scores],
    library: (l, s) => () => rocAucConfidenceInterval(l, s).variance, baseline: (l, s) => () => js.delongVariance(l, s).variance,
  },
  {
    title: 'rocAucDifferenceTest', inputs: [labels, scores, otherScores],
    library: (l, a, b) => () => rocAucDifferenceTest(l, a, b).variance,
    baseline: (l, a, b) => () => js.delongVariance(l, a).variance + js.delongVariance(l, b).variance,
    note: 'baseline: two single-AUC variances (no covariance), a lower bound on a paired implementation',
  },
];

console.log(`N = ${N}, Node ${process.version}\n`);
console.log('| function | library ms | plain JS ms | plain JS / library |');
console.log('|---|---:|---:|---:|');
const notes = [];
for (const kase of CASES) {
  const [library, baseline] = timeRounds([prepare(kase.library, kase.inputs), prepare(kase.baseline, kase.inputs)]);
  const difference = Math.abs(library.value - baseline.value) / Math.abs(baseline.value);
  if (kase.title !== 'rocAucDifferenceTest' && difference > 1e-9) notes.push(`${kase.title}: results differ by ${difference.toExponential(2)} (relative)`);
  if (kase.note) notes.push(`${kase.title}: ${kase.note}`);
  console.log(`| ${kase.title} | ${library.medianMs.toFixed(1)} | ${baseline.medianMs.toFixed(1)} | ${(baseline.medianMs / library.medianMs).toFixed(2)} |`);
}
for (const note of notes) console.log(`\nNote: ${note}`);
