export declare const ALPHABET: string;
export declare const RADIX: number;
export declare const SINGLES: number;
export declare function byteOrderOf(buffers: Iterable<Uint8Array>): number[];
export declare function encodePrintable(bytes: Uint8Array, byteOrder: readonly number[]): string;
export declare function decodingOf(byteOrder: readonly number[]): { tables: number[]; singles: number; radix: number };
