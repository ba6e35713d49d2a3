/** Node start → import → connector (or SDK client) created → first send done, fresh each time. */
import type { ColdStartResult } from './child/protocol.js';
import { runClientProcess } from './client-process.js';
import { expectAccepted, type BenchContext } from './context.js';
import { isFloor, pairName, type Pair } from './matrix.js';
import { median } from './stats.js';

export type ColdStartMeasurement = { pair: Pair; runs: number } & ColdStartResult;

const medianOf = (results: ColdStartResult[], key: keyof ColdStartResult) =>
  median(results.map((result) => result[key]));

export const measureColdStarts = async (
  context: BenchContext,
  pairs: readonly Pair[]
): Promise<ColdStartMeasurement[]> => {
  const measured: ColdStartMeasurement[] = [];
  // The floors have nothing to start: they are the transport the others are built on.
  for (const pair of pairs.filter((candidate) => !isFloor(candidate.client))) {
    context.log(`  ${pairName(pair)}`);
    const results: ColdStartResult[] = [];
    for (let run = 0; run < context.plan.coldStartRuns; run++) {
      results.push(
        await runClientProcess<ColdStartResult>({
          script: context.built.children.coldStart,
          target: {
            ...pair,
            port: context.emulator.port,
            duanxinModule: context.built.connectors[pair.provider],
          },
          name: `cold-${pair.client}-${pair.provider}-${run}`,
          workDir: context.workDir,
          timeoutMs: 60_000,
        })
      );
    }
    await expectAccepted(context, `cold start of ${pairName(pair)}`, results.length);
    measured.push({
      pair,
      runs: results.length,
      bootMs: medianOf(results, 'bootMs'),
      importMs: medianOf(results, 'importMs'),
      createMs: medianOf(results, 'createMs'),
      firstSendMs: medianOf(results, 'firstSendMs'),
      totalMs: medianOf(results, 'totalMs'),
    });
  }
  return measured;
};
