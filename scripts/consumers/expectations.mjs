// What every consumer must report: the hand-derived AUC, computed by the SIMD
// kernels (every runtime checked here supports them).
import { expectedAuc } from './app/auc-case.js';

const TOLERANCE = 1e-12;

/** Problems with a consumer's { value, build } (or { error }); empty when it is right. */
export function aucProblems(result) {
  if (result?.error) return [result.error];
  const problems = [];
  if (!(Math.abs(result?.value - expectedAuc) <= TOLERANCE)) problems.push(`AUC ${result?.value}, expected ${expectedAuc}`);
  if (result?.build !== 'simd') problems.push(`kernel build ${result?.build}, expected simd`);
  return problems;
}

/** References to Node's globals or its build switch, which a browser bundle must not contain. */
export function nodeOnlyCode(code) {
  return [...new Set(code.match(/\bprocess\b|\bBuffer\b|WASM_METRICS_BUILD|\bnode:[a-z_]+/g) ?? [])];
}
