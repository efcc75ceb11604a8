// The kernels as the .wasm files the package ships beside its Node entries
// (dist/kernels.simd.wasm and dist/kernels.scalar.wasm), read synchronously:
// reading 57 KB costs less at start-up than V8 parsing the same bytes embedded
// as text and decoding them.
import type { KernelBuild } from './exports.js';
import type { KernelBytes } from './bytes-source.js';

interface FileSystem {
  readFileSync(path: URL): Uint8Array<ArrayBuffer>;
}

type ProcessWithBuiltins = { getBuiltinModule?(id: string): unknown };

/**
 * Node's fs, found at run time rather than imported: the default entry is also
 * what other runtimes and bundlers may resolve, where 'node:fs' does not exist
 * (and in Node an ES import of it builds its module facade, loading Node's streams).
 */
function fileSystem(): FileSystem | undefined {
  return (globalThis as { process?: ProcessWithBuiltins }).process?.getBuiltinModule?.('fs') as FileSystem | undefined;
}

/**
 * The bytes of `kernels.<build>.wasm` in `directory`, or undefined where they
 * cannot be read: no `process.getBuiltinModule` (Node before 20.16), or no such
 * files (the library bundled into an application, or run from its sources).
 */
export function kernelFilesIn(directory: URL): KernelBytes | undefined {
  const fs = fileSystem();
  if (!fs) return undefined;
  const read = (build: KernelBuild) => fs.readFileSync(new URL(`kernels.${build}.wasm`, directory));
  let simd: Uint8Array<ArrayBuffer>;
  try {
    simd = read('simd');
  } catch {
    return undefined;
  }
  return (build) => (build === 'simd' ? simd : read(build));
}
