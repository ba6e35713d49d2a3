/**
 * Load: many sends through one connector at a fixed concurrency, a new connector for every send
 * as Logto does, against an emulator in its own process (so its inbox does not weigh on this
 * heap). Reports lost and duplicated messages, sockets held and heap growth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';

import { emulatorConnectorConfigs, type InboxMessage } from '@duanxin/emulator';
import { agentSocketCounts, destroyAgents } from '@duanxin/shared';

import { ourClient, type ProviderName } from './clients.js';

export type LoadFigures = {
  provider: ProviderName;
  sends: number;
  concurrency: number;
  succeeded: number;
  failed: number;
  inbox: number;
  lost: number;
  duplicated: number;
  maxSockets: number;
  socketLimit: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  wallMs: number;
  firstError?: string;
};

const root = path.resolve(import.meta.dirname, '../..');
/** The per-origin keep-alive limit of duanxin's agents (packages/shared/src/http.ts). */
const socketLimit = 64;

const startEmulatorProcess = async (): Promise<{ url: string; child: ChildProcess }> => {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'packages/emulator/src/cli.ts'), '--port', '0', '--no-flow-control'],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  );
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const url = /listening on (http:\/\/[^\s]+)/.exec(output)?.[1];
    if (url) {
      child.stdout!.resume();
      return { url, child };
    }
  }
  throw new Error(`the emulator did not start: ${output}`);
};

const collectGarbage = (() => {
  v8.setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
})();

const heapMb = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

export const runLoad = async ({
  provider,
  sends,
  concurrency,
}: {
  provider: ProviderName;
  sends: number;
  concurrency: number;
}): Promise<LoadFigures> => {
  const { url, child } = await startEmulatorProcess();
  try {
    const client = ourClient(provider);
    const config = { ...emulatorConnectorConfigs(url)[provider], timeout: 10_000 };
    const heapBefore = heapMb();
    const started = performance.now();
    const succeededCodes: string[] = [];
    let failed = 0;
    let firstError: string | undefined;
    let maxSockets = 0;
    let next = 0;
    const worker = async () => {
      while (next < sends) {
        const code = String(next++).padStart(6, '0');
        const connector = await client.create({
          getConfig: async () => {
            throw new Error('config is passed with each send');
          },
        });
        try {
          await connector.sendMessage(
            { to: '8613800138000', type: 'SignIn' as never, payload: { code } },
            config
          );
          succeededCodes.push(code);
        } catch (error: unknown) {
          failed++;
          firstError ??= String(error);
        }
        const { active, idle } = agentSocketCounts();
        maxSockets = Math.max(maxSockets, active + idle);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const wallMs = performance.now() - started;
    destroyAgents();
    const heapAfter = heapMb();

    const response = await fetch(`${url}/_inbox?provider=${provider}`);
    const inbox = (await response.json()) as InboxMessage[];
    const delivered = new Map<string, number>();
    for (const message of inbox) {
      delivered.set(message.code ?? '', (delivered.get(message.code ?? '') ?? 0) + 1);
    }
    return {
      provider,
      sends,
      concurrency,
      succeeded: succeededCodes.length,
      failed,
      inbox: inbox.length,
      lost: succeededCodes.filter((code) => !delivered.has(code)).length,
      duplicated: [...delivered.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      maxSockets,
      socketLimit,
      heapBeforeMb: heapBefore,
      heapAfterMb: heapAfter,
      wallMs,
      ...(firstError && { firstError }),
    };
  } finally {
    child.kill();
    await once(child, 'exit');
  }
};
