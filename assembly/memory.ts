// Linear-memory management for the scratch arena. Kernels never allocate; the
// TypeScript side reserves one region once and grows it only when a larger
// row or threshold count is configured.

/** First 16-byte-aligned address after the module's static data. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

/** Grows linear memory so that addresses below `endAddress` are usable. Returns the memory size in bytes. */
export function ensureMemory(endAddress: usize): usize {
  const have = <usize>memory.size() << 16;
  if (endAddress > have) {
    const pages = <i32>((endAddress - have + 0xffff) >>> 16);
    if (memory.grow(pages) < 0) return 0;
  }
  return <usize>memory.size() << 16;
}
