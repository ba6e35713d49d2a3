/**
 * `pnpm bench` runs end to end with a handful of sends: every client process starts, sends
 * through the emulator and is accepted, and the report renders. No timing is asserted: figures
 * from a test run mean nothing.
 */
import { expect, it } from 'vitest';

import { runBenchmarks } from '../bench/src/bench.js';
import { allPairs, providers } from '../bench/src/matrix.js';
import { smokePlan } from '../bench/src/plan.js';
import { renderReport } from '../bench/src/report.js';
import { replaceVerifierSection } from '../bench/src/verifier/report.js';

it('runs every client against the emulator and renders the report', async () => {
  const results = await runBenchmarks({ plan: smokePlan, mode: 'smoke', log: () => undefined });

  expect(results.pairs.map(({ pair }) => pair)).toEqual(allPairs);
  for (const measured of results.pairs) {
    expect(measured.cpuPerSendUs).toBeGreaterThan(0);
    expect(measured.concurrent.map((phase) => phase.concurrency)).toEqual([8, 64]);
  }
  for (const provider of providers) {
    expect(results.ownWork[provider].usPerSend).toBeGreaterThan(0);
    expect(results.ownWork[provider].bySource.length).toBeGreaterThan(0);
  }
  expect(results.profiles).toHaveLength(providers.length * 2);
  expect(results.coldStarts.length).toBeGreaterThan(0);
  expect(results.bundles).toHaveLength(providers.length * 2);

  expect(results.verifier.memory.phases.map((phase) => phase.concurrency)).toEqual([1, 64]);
  if (results.verifier.redis) {
    expect(results.verifier.redis.roundTrips).toEqual({ send: 2, verify: 2 });
    expect(results.verifier.outage?.killed.send).toHaveLength(1);
  }

  const report = renderReport(results);
  for (const section of [
    '## Summary',
    '## 1.',
    '## 2.',
    '## 3.',
    '## 4.',
    '## 5.',
    '## 6.',
    '## 7.',
  ]) {
    expect(report).toContain(section);
  }
  // `--only verifier` rewrites §7 and nothing else.
  const withoutVerifier = (text: string) => text.replace(/## 7\.[\s\S]*?\n## Notes/, '');
  const replaced = replaceVerifierSection(report, '## 7. Verifier (@duanxin/verification)\n\nnew');
  expect(withoutVerifier(replaced)).toBe(withoutVerifier(report));
  expect(replaced).toContain('(@duanxin/verification)\n\nnew\n\n## Notes');
}, 300_000);
