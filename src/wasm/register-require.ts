// Kernel registration for the CommonJS module behind the require() entries in
// Node and Bun (dist/chunks/require.cjs): the .wasm files in dist/, or, where
// they are not there, the embedded text from dist/chunks/embedded-bytes.cjs,
// which is required only then. Synchronous, as require() is.
import { registerKernelBytes, type KernelBytes } from './bytes-source.js';
import { kernelFilesIn } from './kernel-files.js';
import { scalarRequested } from './scalar-requested.js';

type EmbeddedBytesModule = { embeddedKernelBytes: KernelBytes };

export function registerRequireKernels(): void {
  const { pathToFileURL } = require('node:url') as typeof import('node:url');
  // This module is bundled into dist/chunks/require.cjs: the kernels are one directory up.
  const files = kernelFilesIn(new URL('..', pathToFileURL(__filename)));
  // Left to require() at run time by the build (and to the bundler of an application that bundles this one).
  const bytes = files ?? (require('./embedded-bytes.cjs') as EmbeddedBytesModule).embeddedKernelBytes;
  void registerKernelBytes(bytes, scalarRequested());
}
