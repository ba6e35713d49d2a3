/**
 * One (client, provider) pair in its own process: warm-up, sequential rounds for CPU per send,
 * then the concurrent phases. `node send-loop.js '<ClientTarget & { counts }>'`
 */
import { clientLoaders, type Send } from '../clients/index.js';
import type { PairCounts } from '../plan.js';
import { finish, readTarget } from './io.js';
import { measurePair } from './measure.js';
import type { ClientTarget } from './protocol.js';
import { redirectAndCount } from './tls-counter.js';

const target = readTarget<ClientTarget & { counts: PairCounts }>();

finish(target.resultFile, async () => {
  const tls = redirectAndCount(target.port);
  const loaded = await clientLoaders[target.client]({
    provider: target.provider,
    duanxinModule: target.duanxinModule,
    floorRequestsFile: target.floorRequestsFile,
  });
  const send: Send = loaded.createPerSend
    ? async (sequence) => (await loaded.create())(sequence)
    : await loaded.create();
  return measurePair(send, target.counts, tls);
});
