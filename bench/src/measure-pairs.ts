/** CPU per send, throughput, latency and connections of every (client, provider) pair. */
import { writeFileSync } from 'node:fs';

import type { ConnectionCounts, LatencySummary, PairResult } from './child/protocol.js';
import { resultPath, runClientProcess } from './client-process.js';
import { expectAccepted, type BenchContext } from './context.js';
import { presignFloorRequests } from './floor-requests.js';
import { isFloor, pairName, type Pair } from './matrix.js';
import { pairSends, type PairCounts } from './plan.js';
import { median, percentile } from './stats.js';

export type PairMeasurement = {
  pair: Pair;
  cpuPerSendUs: number;
  /** Quartiles of the per-round figures, over every pass. */
  cpuQuartilesUs: [number, number];
  rounds: number;
  sequential: LatencySummary;
  concurrent: PairResult['concurrent'];
  connections: ConnectionCounts;
  allConnections: ConnectionCounts;
};

const runPairProcess = async (
  context: BenchContext,
  pair: Pair,
  counts: PairCounts,
  name: string
): Promise<PairResult> => {
  let floorRequestsFile: string | undefined;
  if (isFloor(pair.client)) {
    floorRequestsFile = resultPath(context.workDir, `${name}.requests.json`);
    writeFileSync(
      floorRequestsFile,
      JSON.stringify(presignFloorRequests(pair.provider, pairSends(counts)))
    );
  }
  const result = await runClientProcess<PairResult>({
    script: context.built.children.sendLoop,
    target: {
      ...pair,
      port: context.emulator.port,
      duanxinModule: context.built.connectors[pair.provider],
      floorRequestsFile,
      counts,
    },
    name,
    workDir: context.workDir,
    timeoutMs: 600_000,
  });
  await expectAccepted(context, name, result.sends);
  return result;
};

const addCounts = (counts: ConnectionCounts[]): ConnectionCounts =>
  counts.reduce(
    (sum, count) => ({
      sends: sum.sends + count.sends,
      opened: sum.opened + count.opened,
      resumed: sum.resumed + count.resumed,
    }),
    { sends: 0, opened: 0, resumed: 0 }
  );

const combine = (pair: Pair, passes: PairResult[]): PairMeasurement => {
  const [first] = passes;
  if (!first) {
    throw new Error(`no pass of ${pairName(pair)}`);
  }
  const rounds = passes.flatMap((pass) => pass.sequential.cpuRoundsUs);
  const middle = (pick: (summary: LatencySummary) => number) =>
    median(passes.map((pass) => pick(pass.sequential)));
  return {
    pair,
    cpuPerSendUs: median(rounds),
    cpuQuartilesUs: [percentile(rounds, 0.25), percentile(rounds, 0.75)],
    rounds: rounds.length,
    sequential: {
      throughputPerSecond: middle((summary) => summary.throughputPerSecond),
      p50Ms: middle((summary) => summary.p50Ms),
      p99Ms: middle((summary) => summary.p99Ms),
    },
    concurrent: first.concurrent,
    connections: addCounts(passes.map((pass) => pass.connections)),
    allConnections: addCounts(passes.map((pass) => pass.allConnections)),
  };
};

export const measurePairs = async (
  context: BenchContext,
  pairs: readonly Pair[]
): Promise<PairMeasurement[]> => {
  const passes = new Map<Pair, PairResult[]>(pairs.map((pair) => [pair, []]));
  for (let pass = 0; pass < context.plan.passes; pass++) {
    const order = pass % 2 === 0 ? pairs : [...pairs].reverse();
    for (const pair of order) {
      context.log(`  pass ${pass + 1}/${context.plan.passes}  ${pairName(pair)}`);
      const counts = pass === 0 ? context.plan.pair : { ...context.plan.pair, concurrent: [] };
      const name = `pair-${pair.client}-${pair.provider}-${pass}`;
      await context.restartEmulator();
      passes.get(pair)?.push(await runPairProcess(context, pair, counts, name));
    }
  }
  return pairs.map((pair) => combine(pair, passes.get(pair) ?? []));
};
