/**
 * Node start → modules imported → connector (or SDK client) created → first send done, in a fresh
 * process that has loaded nothing but this script. `node cold-start.js '<ClientTarget>'`
 */
import { performance } from 'node:perf_hooks';

import { clientLoaders } from '../clients/index.js';
import { finish, readTarget } from './io.js';
import type { ClientTarget, ColdStartResult } from './protocol.js';
import { redirectAndCount } from './tls-counter.js';

const bootMs = performance.now();
const target = readTarget<ClientTarget>();

finish(target.resultFile, async (): Promise<ColdStartResult> => {
  redirectAndCount(target.port);
  const started = performance.now();
  const loaded = await clientLoaders[target.client]({
    provider: target.provider,
    duanxinModule: target.duanxinModule,
    floorRequestsFile: target.floorRequestsFile,
  });
  const imported = performance.now();
  const send = await loaded.create();
  const created = performance.now();
  await send(0);
  const done = performance.now();
  return {
    bootMs,
    importMs: imported - started,
    createMs: created - imported,
    firstSendMs: done - created,
    totalMs: done,
  };
});
