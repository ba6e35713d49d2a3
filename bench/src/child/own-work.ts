/**
 * duanxin's own work per send, outside got: the connector bundle rebuilt with `got` replaced by a
 * stub that answers at once (stub-got.ts), called as Logto calls it. What remains is config
 * lookup, number parsing, template choice, signing, request building and answer checking.
 * `node own-work.js '<{ duanxinModule, resultFile, counts }>'`
 */
import { clientLoaders } from '../clients/index.js';
import type { BenchPlan } from '../plan.js';
import { cpuSince, median } from '../stats.js';
import { finish, readTarget } from './io.js';
import { createSequence, monotonicUs, sendSequentially } from './measure.js';
import type { ClientTarget, OwnWorkResult } from './protocol.js';

const target = readTarget<ClientTarget & { counts: BenchPlan['ownWork'] }>();

finish(target.resultFile, async (): Promise<OwnWorkResult> => {
  const loaded = await clientLoaders.duanxin({
    provider: target.provider,
    duanxinModule: target.duanxinModule,
    floorRequestsFile: undefined,
  });
  const send = async (sequence: number) => (await loaded.create())(sequence);
  const sequence = createSequence();
  await sendSequentially(send, sequence, target.counts.warmup);
  const measuredFromUs = monotonicUs();
  const roundsUs: number[] = [];
  for (let round = 0; round < target.counts.rounds; round++) {
    const cpu = process.cpuUsage();
    await sendSequentially(send, sequence, target.counts.perRound);
    roundsUs.push(cpuSince(cpu) / target.counts.perRound);
  }
  return { usPerSend: median(roundsUs), roundsUs, measuredFromUs };
});
