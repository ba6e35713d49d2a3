import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dispatcher } from './dispatch.js';
import type { InboxFilter } from './inbox.js';
import type { EmulatorSeedInput } from './seed.js';
import { createState, type EmulatorState } from './state.js';
import { createTransport } from './transport.js';
import type {
  EmulatorSeed,
  FaultRule,
  InboxMessage,
  ProviderAccount,
  ProviderDefinition,
  RequestLogEntry,
} from './types.js';

export type EmulatorOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the emulator is for loopback use. */
  host?: string;
  /** Serve HTTPS with a self-signed certificate made at start-up (for localhost and 127.0.0.1). */
  https?: boolean;
  /** Merged over each provider's default account: an object, or the path of a JSON file. */
  seed?: EmulatorSeedInput | string;
  /** Default true; false switches off every provider's per-number flow control. */
  flowControl?: boolean;
  /** The emulator's clock (ms since epoch), e.g. pinned to replay signed requests. */
  now?: () => number;
  /** Extra providers; one named like a built-in provider replaces it. */
  providers?: ProviderDefinition[];
  /**
   * Time a client has to send a whole request, default 10 s; a slower or incomplete request
   * (a `Content-Length` larger than its body) gets 408 and a closed connection.
   */
  requestTimeoutMs?: number;
};

export type Emulator = {
  /** Origin to use as a connector's `endpoint`, e.g. `http://127.0.0.1:54321`. */
  url: string;
  port: number;
  /** PEM certificate of the HTTPS server (trust it, or use rejectUnauthorized: false). */
  certificate: string | undefined;
  inbox: {
    list(filter?: InboxFilter): InboxMessage[];
    clear(): void;
    /** The latest matching message, or the next one to arrive (default timeout 5 s). */
    waitFor(filter?: InboxFilter, options?: { timeoutMs?: number }): Promise<InboxMessage>;
  };
  requests: { list(): RequestLogEntry[]; clear(): void };
  faults: { inject(rule: FaultRule): void; clear(): void; list(): FaultRule[] };
  /** The live account: changes (e.g. `balance = 0`) apply to the next request. */
  account(provider: string): ProviderAccount;
  /** The effective seed (same objects as `account()`), e.g. to print the credentials. */
  seed: EmulatorSeed;
  providers: readonly ProviderDefinition[];
  close(): Promise<void>;
};

/** The open sockets, so that close() need not wait for idle keep-alive connections. */
const trackSockets = (server: http.Server): Set<Socket> => {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
};

const listen = (server: http.Server, port: number, host: string): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

const close = async (
  state: EmulatorState,
  server: http.Server,
  sockets: Set<Socket>
): Promise<void> => {
  state.inbox.close();
  state.timers.clear();
  for (const socket of sockets) {
    socket.destroy();
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
};

/** The handle given to the caller: the server's address and the state's public side. */
const emulatorHandle = (
  state: EmulatorState,
  listening: { url: string; port: number; certificate: string | undefined },
  stop: () => Promise<void>
): Emulator => {
  const { inbox, requestLog, faults } = state;
  return {
    ...listening,
    inbox: {
      list: (filter) => inbox.list(filter),
      clear: () => inbox.clear(),
      waitFor: (filter, waitOptions) => inbox.waitFor(filter, waitOptions),
    },
    requests: { list: () => requestLog.list(), clear: () => requestLog.clear() },
    faults: {
      inject: (rule) => faults.inject(rule),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    account: state.account,
    seed: state.seed,
    providers: state.providers,
    close: stop,
  };
};

export const startEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  const state = createState(options);
  const secure = options.https === true;
  const { server, certificate } = await createTransport(
    secure,
    dispatcher(state, secure),
    options.requestTimeoutMs
  );
  const sockets = trackSockets(server);
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `${options.https ? 'https' : 'http'}://${urlHost}:${port}`;
  return emulatorHandle(state, { url, port, certificate }, () => close(state, server, sockets));
};
