export declare const ALPHABET: string;
export declare function byteOrderOf(buffers: Iterable<Uint8Array>): string;
export declare function encodePrintable(bytes: Uint8Array, byteOrder: string): string;
