/** The timed loops of a client process. */
import { performance } from 'node:perf_hooks';

import type { Send } from '../clients/index.js';
import type { ConcurrentPhase, PairCounts } from '../plan.js';
import { cpuSince, median, percentile } from '../stats.js';
import type { LatencySummary, PairResult } from './protocol.js';
import type { TlsCounts } from './tls-counter.js';

/** Hands out send numbers: each send gets its own code (and, for floors, its own request). */
export type Sequence = { next: () => number; readonly used: number };

export const createSequence = (): Sequence => {
  let used = 0;
  return {
    next: () => used++,
    get used() {
      return used;
    },
  };
};

const summarise = (latencies: Float64Array, wallMs: number): LatencySummary => ({
  throughputPerSecond: (latencies.length / wallMs) * 1000,
  p50Ms: percentile(latencies, 0.5),
  p99Ms: percentile(latencies, 0.99),
});

/** On the clock of `--cpu-prof` profiles (both monotonic, in µs). */
export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

export const sendSequentially = async (send: Send, sequence: Sequence, count: number) => {
  for (let index = 0; index < count; index++) {
    await send(sequence.next());
  }
};

const runConcurrently = async (
  send: Send,
  sequence: Sequence,
  concurrency: number,
  count: number
) => {
  const latencies = new Float64Array(count);
  let issued = 0;
  const worker = async () => {
    while (issued < count) {
      const index = issued++;
      const started = performance.now();
      await send(sequence.next());
      latencies[index] = performance.now() - started;
    }
  };
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: performance.now() - started, cpuUs: cpuSince(cpu) };
};

const sequentialRounds = async (
  send: Send,
  sequence: Sequence,
  counts: PairCounts,
  tls: TlsCounts
): Promise<Pick<PairResult, 'sequential' | 'connections'>> => {
  const latencies = new Float64Array(counts.rounds * counts.perRound);
  const cpuRoundsUs: number[] = [];
  const before = { ...tls };
  let wallMs = 0;
  for (let round = 0; round < counts.rounds; round++) {
    const {
      latencies: roundLatencies,
      wallMs: roundWall,
      cpuUs,
    } = await runConcurrently(send, sequence, 1, counts.perRound);
    latencies.set(roundLatencies, round * counts.perRound);
    cpuRoundsUs.push(cpuUs / counts.perRound);
    wallMs += roundWall;
  }
  return {
    sequential: { ...summarise(latencies, wallMs), cpuPerSendUs: median(cpuRoundsUs), cpuRoundsUs },
    connections: {
      sends: latencies.length,
      opened: tls.opened - before.opened,
      resumed: tls.resumed - before.resumed,
    },
  };
};

/** Warm-up at the phase's concurrency, then its timed sends. */
export const concurrentPhase = async (send: Send, sequence: Sequence, phase: ConcurrentPhase) => {
  await runConcurrently(send, sequence, phase.concurrency, phase.warmup);
  const { latencies, wallMs, cpuUs } = await runConcurrently(
    send,
    sequence,
    phase.concurrency,
    phase.sends
  );
  return {
    concurrency: phase.concurrency,
    ...summarise(latencies, wallMs),
    cpuPerSendUs: cpuUs / phase.sends,
  };
};

export const measurePair = async (
  send: Send,
  counts: PairCounts,
  tls: TlsCounts
): Promise<PairResult> => {
  const sequence = createSequence();
  await sendSequentially(send, sequence, counts.warmup);
  const measuredFromUs = monotonicUs();
  const { sequential, connections } = await sequentialRounds(send, sequence, counts, tls);
  const concurrent = [];
  for (const phase of counts.concurrent) {
    concurrent.push(await concurrentPhase(send, sequence, phase));
  }
  return {
    sends: sequence.used,
    sequential,
    concurrent,
    connections,
    allConnections: { sends: sequence.used, ...tls },
    measuredFromUs,
  };
};
