/**
 * The emulator in its own process, so that its work never lands on a client's CPU figures.
 * Built by build.ts, forked by emulator-handle.ts; exits when the parent disconnects.
 */
import { startEmulator } from '@duanxin/emulator';

import { benchSeed } from './fixtures.js';

export type EmulatorReady = { kind: 'ready'; port: number };
export type InboxTaken = { kind: 'taken'; count: number };
/** Counts the accepted messages and forgets them (and the request log), to bound memory. */
export type TakeInbox = { kind: 'take' };

const send = (message: EmulatorReady | InboxTaken) => process.send?.(message);

const emulator = await startEmulator({
  https: true,
  flowControl: false,
  seed: benchSeed,
});

process.on('message', (message: TakeInbox) => {
  if (message.kind === 'take') {
    const count = emulator.inbox.list().length;
    emulator.inbox.clear();
    emulator.requests.clear();
    send({ kind: 'taken', count });
  }
});
process.once('disconnect', () => {
  void emulator.close().then(() => process.exit(0));
});

send({ kind: 'ready', port: emulator.port });
