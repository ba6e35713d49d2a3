import type { Reporter, TestModule } from 'vitest/node';

/** Ends the run with one plain `Tests: N passed, N failed[, N skipped]` line, for CI logs. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed' || state === 'failed') {
          counts[state]++;
        } else {
          counts.skipped++;
        }
      }
      if (testModule.state() === 'failed' && testModule.children.size === 0) {
        counts.failed++;
      }
    }
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\nTests: ${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
