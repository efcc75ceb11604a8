// A vitest reporter that counts tests per project (one project per runtime) and
// prints one line each. With RUNTIME_MATRIX_RESULTS set, it also writes the counts
// there as JSON for scripts/test-matrix.mjs, which adds Bun and Deno.
import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

export interface RuntimeCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Files that failed outside any test (import or startup errors). */
  brokenFiles: number;
}

export class RuntimeSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = new Map<string, RuntimeCounts>();
    for (const module of testModules) {
      const name = module.project.name;
      let entry = counts.get(name);
      if (!entry) counts.set(name, (entry = { passed: 0, failed: 0, skipped: 0, brokenFiles: 0 }));
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') entry.passed++;
        else if (state === 'failed') entry.failed++;
        else entry.skipped++;
      }
      if (module.errors().length > 0) entry.brokenFiles++;
    }
    for (const [name, entry] of counts) {
      console.log(`runtime ${name}: ${entry.passed} passed, ${entry.failed} failed, ${entry.skipped} skipped` +
        (entry.brokenFiles ? `, ${entry.brokenFiles} files not run` : ''));
    }
    const output = process.env.RUNTIME_MATRIX_RESULTS;
    if (output) writeFileSync(output, JSON.stringify(Object.fromEntries(counts)));
  }
}
