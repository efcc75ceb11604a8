// Decoder for the text form in which the kernels are embedded (see
// src/wasm/printable-bytes.ts). A separate, tiny module: decoding ~40 KB in a
// JavaScript loop costs milliseconds at start-up, here a fraction of one.
// The caller fills memory first: at DIGITS the alphabet digit of each ASCII
// code, at BYTES the byte value of each frequency rank, then the text's codes.

// @ts-ignore: decorator
@inline const DIGITS: usize = 0;
// @ts-ignore: decorator
@inline const BYTES: usize = 128;

/** Decodes the `codeCount` codes at `codes` into bytes from `out` on; returns the number of bytes written. */
export function decodePrintable(codes: usize, codeCount: i32, out: usize, singles: i32, radix: i32): i32 {
  const end = codes + <usize>codeCount;
  let code = codes;
  let byte = out;
  while (code < end) {
    let rank = <i32>load<u8>(DIGITS + <usize>load<u8>(code));
    code++;
    if (rank >= singles) {
      rank = singles + (rank - singles) * radix + <i32>load<u8>(DIGITS + <usize>load<u8>(code));
      code++;
    }
    store<u8>(byte, load<u8>(BYTES + <usize>rank));
    byte++;
  }
  return <i32>(byte - out);
}
