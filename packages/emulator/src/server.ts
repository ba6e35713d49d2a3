import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleControl } from './control.js';
import { FaultQueue, resetConnection, Timers, writeFaultAnswer, writeTrickle } from './faults.js';
import { FlowControl, NonceStore } from './flow-control.js';
import { Inbox, type InboxFilter, RequestLog } from './inbox.js';
import { builtinProviders } from './providers/index.js';
import { type EmulatorSeedInput, loadSeed } from './seed.js';
import {
  createTransport,
  notClaimed,
  readBody,
  requestUrl,
  send,
  serialise,
  tooLarge,
} from './transport.js';
import type {
  EmulatorRequest,
  EmulatorSeed,
  FaultRule,
  InboxMessage,
  ProviderAccount,
  ProviderContext,
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

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? Date.now;
  const providers = mergeProviders(builtinProviders, options.providers ?? []);
  const seed = loadSeed(providers, options.seed);
  if (options.flowControl === false) {
    for (const account of Object.values(seed)) {
      account.flowControl = false;
    }
  }
  const inbox = new Inbox();
  const requestLog = new RequestLog();
  const faults = new FaultQueue();
  const flow = new FlowControl();
  const nonces = new NonceStore();
  const timers = new Timers();
  const sockets = new Set<Socket>();

  const account = (name: string): ProviderAccount => {
    const found = seed[name];
    if (!found) {
      throw new Error(`unknown provider ${name} (known: ${Object.keys(seed).join(', ')})`);
    }
    return found;
  };
  const contextFor = (provider: ProviderDefinition): ProviderContext => ({
    account: account(provider.name),
    now,
    deliver(message) {
      const paying = account(provider.name);
      paying.balance = Math.max(0, paying.balance - 1);
      return inbox.add({ ...message, provider: provider.name, receivedAt: now() });
    },
    checkFlow: (number, key) =>
      flow.check(provider.name, account(provider.name).flowControl, number, key, now()),
    useNonce: (nonce, ttlSeconds) => nonces.use(provider.name, nonce, ttlSeconds, now()),
    sent: () => inbox.list({ provider: provider.name }),
  });

  async function handleProviderRequest(
    incoming: http.IncomingMessage,
    response: http.ServerResponse,
    url: URL
  ): Promise<void> {
    const entry = requestLog.start({
      provider: undefined,
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: incoming.headers,
      body: '',
      status: 0,
      at: now(),
    });
    const bodiless: EmulatorRequest = {
      method: entry.method,
      url,
      headers: incoming.headers,
      body: Buffer.alloc(0),
    };
    const early = faults.take(
      claim(providers, bodiless)?.name,
      (f) => f.kind === 'reset-before-body'
    );
    if (early) {
      resetConnection(incoming);
      return;
    }
    const body = await readBody(incoming);
    if (body === 'aborted') {
      return;
    }
    if (body === 'too-large') {
      entry.status = 413;
      send(response, serialise(tooLarge()), true);
      return;
    }
    entry.body = body.toString('utf8');
    const request: EmulatorRequest = { ...bodiless, body };
    const provider = claim(providers, request);
    entry.provider = provider?.name;

    const fault = faults.take(provider?.name);
    if (fault?.kind === 'hang') {
      return;
    }
    if (fault?.kind === 'reset-before-body' || fault?.kind === 'reset-after-body') {
      resetConnection(incoming);
      return;
    }
    if (fault?.kind === 'status' || fault?.kind === 'malformed' || fault?.kind === 'oversized') {
      entry.status = await writeFaultAnswer(fault, response);
      return;
    }
    const answer = serialise(
      provider
        ? await provider.handle(request, contextFor(provider))
        : notClaimed(request, providers)
    );
    entry.status = fault?.kind === 'trickle' ? (fault.status ?? answer.status) : answer.status;
    if (fault?.kind === 'delay') {
      await timers.sleep(fault.ms);
    }
    if (response.destroyed) {
      return;
    }
    if (fault?.kind === 'trickle') {
      await writeTrickle(
        { ...answer, status: entry.status },
        fault.bytesPerSecond,
        response,
        timers
      );
      return;
    }
    send(response, answer);
  }

  const onRequest = (incoming: http.IncomingMessage, response: http.ServerResponse): void => {
    const url = requestUrl(incoming, options.https === true);
    const work = url.pathname.startsWith('/_')
      ? readBody(incoming).then((body) =>
          handleControl({
            method: incoming.method ?? 'GET',
            url,
            body,
            inbox,
            requestLog,
            faults,
          }).then((answer) => send(response, serialise(answer)))
        )
      : handleProviderRequest(incoming, response, url);
    work.catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      send(
        response,
        serialise({ status: 500, body: { error: `emulator failure: ${String(error)}` } })
      );
    });
  };

  const { server, certificate } = await createTransport(
    options.https === true,
    onRequest,
    options.requestTimeoutMs
  );
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `${options.https ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    certificate,
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
    account,
    seed,
    providers,
    close: async () => {
      inbox.close();
      timers.clear();
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function mergeProviders(
  builtins: readonly ProviderDefinition[],
  extras: readonly ProviderDefinition[]
): ProviderDefinition[] {
  const replaced = builtins.map(
    (builtin) => extras.find((extra) => extra.name === builtin.name) ?? builtin
  );
  return [...replaced, ...extras.filter((extra) => !builtins.some((b) => b.name === extra.name))];
}

function claim(
  providers: readonly ProviderDefinition[],
  request: EmulatorRequest
): ProviderDefinition | undefined {
  return providers.find((provider) => {
    try {
      return provider.matches(request);
    } catch {
      return false;
    }
  });
}
