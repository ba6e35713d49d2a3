/**
 * Every client reaches the emulator the same way: `redirectTls` patches `tls.connect`, which
 * node:https (and so got, node-fetch and httpx) calls for each new connection. Counting there
 * gives connections and handshakes whatever the client's own agent does.
 */
import tls from 'node:tls';

// The module itself, not the package index: the index would load zod and the server into every
// client process and make the connectors' import times look shorter than they are.
import { redirectTls } from '../../../packages/emulator/src/redirect-tls.js';

export type TlsCounts = { opened: number; resumed: number };

export const redirectAndCount = (port: number): TlsCounts => {
  redirectTls({ port });
  const counts: TlsCounts = { opened: 0, resumed: 0 };
  const redirected = tls.connect;
  tls.connect = ((...args: Parameters<typeof tls.connect>) => {
    const socket = redirected(...args);
    counts.opened++;
    socket.once('secureConnect', () => {
      if (socket.isSessionReused()) {
        counts.resumed++;
      }
    });
    return socket;
  }) as typeof tls.connect;
  return counts;
};
