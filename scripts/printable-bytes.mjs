// Build-time encoder for src/wasm/printable-bytes.ts: bytes as a string of
// printable ASCII that needs no escaping in a JS string literal. Each byte
// value always becomes the same one or two characters, so a repeated byte
// sequence stays a repeated character sequence and gzip finds the same matches
// as in the raw binary (base64 re-aligns bytes in groups of three and hides
// most of them).

const EXCLUDED = `"'\`\\$<`;

/** The characters in order: printable ASCII without quotes, backslash, `$` and `<`. */
export const ALPHABET = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index))
  .filter((character) => !EXCLUDED.includes(character)).join('');
export const RADIX = ALPHABET.length;
/** Characters that stand alone; the last two start two-character codes. */
export const SINGLES = RADIX - 2;

/** The 256 byte values ordered from most to least frequent in `buffers` (ties by value). */
export function byteOrderOf(buffers) {
  const counts = new Array(256).fill(0);
  for (const buffer of buffers) for (const byte of buffer) counts[byte]++;
  return counts.map((_, value) => value).sort((a, b) => counts[b] - counts[a] || a - b);
}

/** `bytes` encoded with their ranks in `byteOrder`: frequent values take one character, the rest two. */
export function encodePrintable(bytes, byteOrder) {
  const rankOf = new Array(256);
  byteOrder.forEach((value, rank) => (rankOf[value] = rank));
  let text = '';
  for (const byte of bytes) {
    const rank = rankOf[byte];
    if (rank < SINGLES) text += ALPHABET[rank];
    else text += ALPHABET[SINGLES + Math.floor((rank - SINGLES) / RADIX)] + ALPHABET[(rank - SINGLES) % RADIX];
  }
  return text;
}

/**
 * What the decoder needs to read texts made with `byteOrder`: the tables it
 * copies into the decoding module's memory (the alphabet digit of each ASCII
 * code, then the byte value of each rank) and the alphabet's shape.
 */
export function decodingOf(byteOrder) {
  const digits = new Array(128).fill(0);
  [...ALPHABET].forEach((character, digit) => (digits[character.charCodeAt(0)] = digit));
  return { tables: [...digits, ...byteOrder], singles: SINGLES, radix: RADIX };
}
