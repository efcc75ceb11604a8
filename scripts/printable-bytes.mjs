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
const RADIX = ALPHABET.length;
// The last two characters start two-character codes; the others stand alone.
const SINGLES = RADIX - 2;

/** Byte values ordered from most to least frequent in `buffers` (ties by value), as 512 hex digits. */
export function byteOrderOf(buffers) {
  const counts = new Array(256).fill(0);
  for (const buffer of buffers) for (const byte of buffer) counts[byte]++;
  const order = counts.map((_, value) => value).sort((a, b) => counts[b] - counts[a] || a - b);
  return order.map((value) => value.toString(16).padStart(2, '0')).join('');
}

/** `bytes` encoded with the ranks of `byteOrder`: frequent values take one character, the rest two. */
export function encodePrintable(bytes, byteOrder) {
  const rankOf = new Array(256);
  for (let rank = 0; rank < 256; rank++) rankOf[parseInt(byteOrder.slice(2 * rank, 2 * rank + 2), 16)] = rank;
  let text = '';
  for (const byte of bytes) {
    const rank = rankOf[byte];
    if (rank < SINGLES) text += ALPHABET[rank];
    else text += ALPHABET[SINGLES + Math.floor((rank - SINGLES) / RADIX)] + ALPHABET[(rank - SINGLES) % RADIX];
  }
  return text;
}
