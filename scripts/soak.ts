/**
 * `pnpm test:soak`: 50,000 signed sends (`SOAK_SENDS` to change), round-robin over our connectors,
 * at concurrency 50, against an emulator in its own process. Reports, per block of 10,000, the
 * send rate and the emulator's own CPU per request (read from /proc), so a cost that grows with
 * the number of requests served (nonces kept, messages stored) shows as a later block costing
 * more than the first. Fails on a lost or failed send, or when the last block's emulator CPU per
 * request is more than 1.5× the cheapest block's (the first also pays for warm-up).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { emulatorConnectorConfigs } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { ourClient, providers } from '../test/reliability/clients.js';

const sends = Number(process.env.SOAK_SENDS ?? 50_000);
const block = 10_000;
const concurrency = 50;
const root = path.resolve(import.meta.dirname, '..');

/** user + system CPU of a process, in ms (Linux; clock ticks are 10 ms). */
const cpuMs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    path.join(root, 'packages/emulator/src/cli.ts'),
    '--port',
    '0',
    '--no-flow-control',
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] }
);
let banner = '';
let url: string | undefined;
for await (const chunk of child.stdout!) {
  banner += String(chunk);
  url = /listening on (http:\/\/\S+)/.exec(banner)?.[1];
  if (url) {
    child.stdout!.resume();
    break;
  }
}
if (!url) {
  throw new Error(`the emulator did not start: ${banner}`);
}

const configs = emulatorConnectorConfigs(url) as Record<string, Record<string, unknown>>;
const clients = providers.map((provider) => ({
  provider,
  client: ourClient(provider),
  config: { ...configs[provider], timeout: 10_000 },
}));

type Block = { ms: number; emulatorCpuMs: number };
const blocks: Block[] = [];
let failed = 0;
let firstError: string | undefined;
let next = 0;
let blockStart = { at: performance.now(), cpu: cpuMs(child.pid!) };
let doneInBlock = 0;

const worker = async () => {
  while (next < sends) {
    const index = next++;
    const { client, config } = clients[index % clients.length]!;
    const connector = await client.create({
      getConfig: async () => {
        throw new Error('config is passed with each send');
      },
    });
    try {
      await connector.sendMessage(
        {
          to: '8613800138000',
          type: 'SignIn' as never,
          payload: { code: String(index % 1_000_000).padStart(6, '0') },
        },
        config
      );
    } catch (error: unknown) {
      failed++;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
    if (++doneInBlock === block) {
      const now = { at: performance.now(), cpu: cpuMs(child.pid!) };
      blocks.push({ ms: now.at - blockStart.at, emulatorCpuMs: now.cpu - blockStart.cpu });
      blockStart = now;
      doneInBlock = 0;
    }
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
destroyAgents();

const inbox = (await (await fetch(`${url}/_inbox`)).json()) as unknown[];
child.kill();
await once(child, 'exit');

console.log(`${sends} sends over ${providers.join(', ')}, concurrency ${concurrency}`);
console.log('block        sends/s   emulator CPU µs/request');
blocks.forEach(({ ms, emulatorCpuMs }, index) => {
  const label = `${index * block + 1}–${(index + 1) * block}`.padEnd(12);
  console.log(
    `${label} ${(block / (ms / 1000)).toFixed(0).padStart(7)}   ${((emulatorCpuMs * 1000) / block).toFixed(0).padStart(6)}`
  );
});
// Against the cheapest block, not the first: the first also pays for warming up.
const cheapest = Math.min(...blocks.map((entry) => entry.emulatorCpuMs));
const last = blocks.at(-1);
const growth = last && cheapest > 0 ? last.emulatorCpuMs / cheapest : 1;
console.log(
  `inbox ${inbox.length}, failed ${failed}${firstError ? ` (${firstError})` : ''}; emulator CPU per request, last block / cheapest block: ${growth.toFixed(2)}×`
);
process.exitCode = failed > 0 || inbox.length !== sends || growth > 1.5 ? 1 : 0;
