// Renders an evaluation as a table for people or as one JSON object for programs.
// The table is uncoloured so that it reads the same in a terminal, a pipe or a log.
import Table from 'cli-table3';
import type { Evaluation } from './evaluate.js';

export type OutputFormat = 'table' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json'];

/** One JSON object, metric name to number or array; NaN and ±Infinity become null, as JSON has no such numbers. */
export function formatJson(evaluation: Evaluation): string {
  const object = Object.fromEntries(evaluation.results.map(({ name, value }) => [name, value]));
  return `${JSON.stringify(object)}\n`;
}

export function formatTable(evaluation: Evaluation, path: string): string {
  const table = new Table({
    head: ['metric', 'value'],
    style: { head: [], border: [] },
    // No rule between body rows: one line per metric.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const { name, value } of evaluation.results) {
    table.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  const rows = `${evaluation.rows} ${evaluation.rows === 1 ? 'row' : 'rows'}`;
  return `${path}: ${rows}\n${table.toString()}\n`;
}

export function formatEvaluation(evaluation: Evaluation, format: OutputFormat, path: string): string {
  return format === 'json' ? formatJson(evaluation) : formatTable(evaluation, path);
}
