// Streams a CSV file into fixed-size batches of (label, score) pairs. Only one
// batch is held at a time, so memory does not grow with the file.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { columnIndex } from './columns.js';
import { DataError } from './errors.js';
import { parseNumericCell } from './numeric-cell.js';

export interface BatchSource {
  readonly path: string;
  readonly labelColumn: string;
  readonly scoreColumn: string;
  readonly batchSize: number;
}

/**
 * One batch. `labels` and `scores` are views of buffers reused by the next
 * batch: consume them before asking for it.
 */
export interface Batch {
  readonly labels: Float64Array;
  readonly scores: Float64Array;
  /** Data rows read before this batch, so the batch starts at data row firstRow + 1. */
  readonly firstRow: number;
}

const CSV_OPTIONS: Options = { bom: true, skip_empty_lines: true };

function openRecords(path: string, options: Options = CSV_OPTIONS): AsyncIterable<string[]> {
  // pipeline forwards a read error (missing file, ...) to the parser, whose iteration then throws it.
  return pipeline(createReadStream(path), parse(options), () => {});
}

/**
 * The line on which record `recordIndex` (0 is the header) ends. Per-record line
 * numbers make csv-parse several times slower, so they are looked up again only
 * when a message needs one.
 */
export async function lineOfRecord(path: string, recordIndex: number): Promise<number> {
  let index = 0;
  for await (const { info } of openRecords(path, { ...CSV_OPTIONS, info: true }) as AsyncIterable<{ info: { lines: number } }>) {
    if (index++ === recordIndex) return info.lines;
  }
  throw new Error(`${path} changed while it was read: record ${recordIndex} is gone.`);
}

async function badCell(path: string, recordIndex: number, column: string, cell: string | undefined): Promise<DataError> {
  const text = (cell ?? '').trim();
  const shown = text === '' ? 'an empty cell' : `'${text.length > 40 ? `${text.slice(0, 40)}...` : text}'`;
  const line = await lineOfRecord(path, recordIndex);
  return new DataError(`line ${line}, column '${column}': expected a finite number, found ${shown}.`);
}

/** Yields batches of at most `batchSize` rows; throws DataError or UsageError on bad input. */
export async function* readBatches(source: BatchSource): AsyncGenerator<Batch, void, undefined> {
  const labels = new Float64Array(source.batchSize);
  const scores = new Float64Array(source.batchSize);
  let labelAt = -1, scoreAt = -1;
  let header: string[] | undefined;
  let rows = 0, count = 0;

  for await (const record of openRecords(source.path)) {
    if (header === undefined) {
      header = record.map((name) => name.trim());
      labelAt = columnIndex(header, source.labelColumn, '--label');
      scoreAt = columnIndex(header, source.scoreColumn, '--score');
      continue;
    }
    const label = parseNumericCell(record[labelAt]);
    const score = parseNumericCell(record[scoreAt]);
    if (label === undefined) throw await badCell(source.path, rows + 1, source.labelColumn, record[labelAt]);
    if (score === undefined) throw await badCell(source.path, rows + 1, source.scoreColumn, record[scoreAt]);
    labels[count] = label;
    scores[count] = score;
    rows++;
    if (++count === source.batchSize) {
      yield { labels, scores, firstRow: rows - count };
      count = 0;
    }
  }

  if (header === undefined) throw new DataError(`${source.path} is empty: expected a header row and data rows.`);
  if (count > 0) yield { labels: labels.subarray(0, count), scores: scores.subarray(0, count), firstRow: rows - count };
}
