/** Starts the emulator process and asks it how many messages it accepted. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

import type { EmulatorReady, InboxTaken, TakeInbox } from './emulator-process.js';
import { repoRoot } from './paths.js';

export type EmulatorHandle = {
  port: number;
  /** Messages accepted since the last call. */
  takeInbox: () => Promise<number>;
  stop: () => Promise<void>;
};

const nextMessage = async <T>(child: ChildProcess, kind: string, timeoutMs: number): Promise<T> => {
  const signal = AbortSignal.timeout(timeoutMs);
  for (;;) {
    const [message] = (await once(child, 'message', { signal })) as [{ kind: string }];
    if (message.kind === kind) {
      return message as T;
    }
  }
};

/** `script`: emulator-process.ts as built by build.ts. */
export const startEmulatorProcess = async (script: string): Promise<EmulatorHandle> => {
  const child = fork(script, [], {
    cwd: repoRoot,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const { port } = await Promise.race([
    nextMessage<EmulatorReady>(child, 'ready', 60_000),
    exited.then(() => {
      throw new Error('the emulator process exited before it was ready');
    }),
  ]);
  return {
    port,
    takeInbox: async () => {
      const taken = nextMessage<InboxTaken>(child, 'taken', 30_000);
      child.send({ kind: 'take' } satisfies TakeInbox);
      return (await taken).count;
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.disconnect();
        await exited;
      }
    },
  };
};
