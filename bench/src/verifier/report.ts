/** Section 7 of docs/benchmarks.md: @duanxin/verification. */
import type { VerifierResult } from '../child/protocol.js';
import { ms, table, us } from '../markdown.js';
import type { BenchPlan } from '../plan.js';
import { median } from '../stats.js';
import type { OutageTimings, VerifierMeasurement } from './measure.js';

const phaseCells = (result: VerifierResult) =>
  [1, 64].map((concurrency) => {
    const phase = result.phases.find((each) => each.concurrency === concurrency);
    return phase
      ? `${phase.throughputPerSecond.toFixed(0)} / ${ms(phase.p50Ms)} / ${ms(phase.p99Ms)}`
      : '–';
  });

const cpuPerPair = (result: VerifierResult) =>
  us(result.phases.find((phase) => phase.concurrency === 1)?.cpuPerSendUs ?? Number.NaN);

const spread = (samples: number[]) =>
  samples.length > 1
    ? `${median(samples).toFixed(0)} (${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)})`
    : (samples[0] ?? Number.NaN).toFixed(0);

const outageTable = (outage: OutageTimings) =>
  table(
    ['Redis', 'send() → STORE_UNAVAILABLE (ms)', 'verify() → STORE_UNAVAILABLE (ms)'],
    [
      ['killed (SIGKILL)', spread(outage.killed.send), spread(outage.killed.verify)],
      ['frozen (SIGSTOP)', spread(outage.frozen.send), spread(outage.frozen.verify)],
    ]
  );

/** When §7 was measured on its own (`--only verifier`), not in the run described above. */
export type SeparateRun = { startedAt: string; load: { start: number; end: number } };

const heading = '## 7. Verifier (@duanxin/verification)';

export const verifierSection = (
  verifier: VerifierMeasurement,
  plan: BenchPlan,
  separately?: SeparateRun
): string => {
  const { warmup, pairs, outageRounds } = plan.verifier;
  const rows = [['memory store', ...phaseCells(verifier.memory), cpuPerPair(verifier.memory)]];
  if (verifier.redis) {
    rows.push([
      'Redis store (redis-server on loopback)',
      ...phaseCells(verifier.redis),
      cpuPerPair(verifier.redis),
    ]);
  }
  const trips = verifier.redis?.roundTrips;
  return [
    heading,
    '',
    ...(separately
      ? [
          `Measured on its own (\`pnpm bench --only verifier\`), started ${separately.startedAt}, on the`,
          `machine above; 1-minute load average ${separately.load.start.toFixed(1)} at the start, ` +
            `${separately.load.end.toFixed(1)} at the end.`,
          '',
        ]
      : []),
    'A pair is `send()` then `verify()` of the code it sent: a new number, IP address and subject',
    `each time, every default limit on (only the ceiling on all sends raised to fit the run). ${pairs}`,
    `pairs per concurrency after ${warmup} warm-up pairs, in a process of their own. The connector`,
    'hands the code straight back: this is the verifier and its store, not an SMS provider.',
    '',
    'pairs/s / p50 ms / p99 ms per pair, and CPU per pair of the app process (Redis works in its own):',
    '',
    table(['store', 'concurrency 1', 'concurrency 64', 'CPU/pair (µs), c1'], rows),
    '',
    trips
      ? `Redis round trips (commands; nothing is pipelined) per operation: send ${trips.send.toFixed(2)}, ` +
        `verify ${trips.verify.toFixed(2)} (at most 2 each: one Lua script per step).`
      : '**Redis rows skipped: redis-server is not installed** (`apt-get install -y redis-server`).',
    ...(verifier.outage
      ? [
          '',
          `Store outage, default \`createRedisStore({ url })\` (1 s timeouts): ms from the request to its`,
          `\`STORE_UNAVAILABLE\`, median (range) of ${outageRounds} outage(s). Against a killed server, a`,
          'request fails at once while the client has not yet seen its connection close, then after',
          'waiting up to the timeout for a reconnection; against a frozen one (connections open,',
          'nothing answered) at the command timeout.',
          '',
          outageTable(verifier.outage),
          '',
          `After the killed server was started again, the first send succeeded after ${spread(verifier.outage.recovery)} ms.`,
        ]
      : []),
  ].join('\n');
};

/** `report` with its §7 replaced by `section` (or added before the notes). */
export const replaceVerifierSection = (report: string, section: string): string => {
  const start = report.indexOf(heading);
  if (start === -1) {
    const notes = report.indexOf('## Notes');
    return notes === -1
      ? `${report.trimEnd()}\n\n${section}\n`
      : `${report.slice(0, notes)}${section}\n\n${report.slice(notes)}`;
  }
  const next = report.indexOf('\n## ', start + heading.length);
  return `${report.slice(0, start)}${section}\n${next === -1 ? '' : report.slice(next)}`;
};
