// Strict parsing of one CSV cell: Number() alone would accept '', '0x1f' and 'Infinity'.

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The finite number written in `cell`, or undefined when it holds anything else. */
export function parseNumericCell(cell: string | undefined): number | undefined {
  const text = (cell ?? '').trim();
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
