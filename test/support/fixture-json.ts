// Reading the JSON fixtures that scripts/sklearn_fixtures/*.py write (through
// fixture_json.py): JSON has no literal for NaN or the infinities, so they are
// the strings "NaN", "Infinity" and "-Infinity"; null is a missing value.

const NON_FINITE: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** One encoded number: a JSON number, or the string naming a non-finite one. */
export function decodeNumber(value: unknown): number {
  if (typeof value === 'string' && Object.hasOwn(NON_FINITE, value)) return NON_FINITE[value]!;
  if (typeof value !== 'number') throw new Error(`not an encoded number: ${JSON.stringify(value)}`);
  return value;
}

export function decodeNumbers(record: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, decodeNumber(value)]));
}

/** A fixture value with every non-finite string, however deeply nested, turned back into its number. */
export function decode<T = unknown>(value: unknown): T {
  if (typeof value === 'string' && Object.hasOwn(NON_FINITE, value)) return NON_FINITE[value] as T;
  if (Array.isArray(value)) return value.map((inner) => decode(inner)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, decode(inner)])) as T;
  }
  return value as T;
}
