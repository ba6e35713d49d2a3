/**
 * Runs one client through one fault case against the emulator and records what happened: how
 * the send ended, how many connection attempts it made, how many messages the phone received,
 * how long it took, and whether anything sensitive was printed or thrown.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { inspect } from 'node:util';

import { providerHosts, redirectTls, startEmulator, type Emulator } from '@duanxin/emulator';
import { agentSocketCounts, destroyAgents } from '@duanxin/shared';

import type { Client } from './clients.js';
import type { FaultCase } from './fault-cases.js';

export type Observation = {
  resolved: 'success' | 'error' | 'no answer';
  code?: string;
  outcome?: string;
  description?: string;
  attempts: number;
  deliveries: number;
  elapsedMs: number;
  /** Sockets still in use by duanxin's agents once the send ended (idle keep-alive excluded). */
  activeSockets: number;
  /** Every rendering of the error and everything printed to the console during the send. */
  printed: string;
};

export type Environment = {
  emulator: Emulator;
  closedPort: number;
  resetPort: number;
  close(): Promise<void>;
};

const unresolvable = 'unresolvable.localhost';

export const startEnvironment = async (): Promise<Environment> => {
  const emulator = await startEmulator({ port: 0, https: true, flowControl: false });
  const reset = net.createServer((socket) => socket.resetAndDestroy());
  reset.listen(0, '127.0.0.1');
  await once(reset, 'listening');
  const closed = net.createServer();
  closed.listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const closedPort = (closed.address() as AddressInfo).port;
  closed.close();
  await once(closed, 'close');
  return {
    emulator,
    closedPort,
    resetPort: (reset.address() as AddressInfo).port,
    close: async () => {
      reset.close();
      await emulator.close();
      destroyAgents();
    },
  };
};

/** Lookups of the unresolvable name fail at once, without asking any DNS server. */
const failLookups = () => {
  const original = dns.lookup;
  const patched = ((hostname: string, ...rest: unknown[]) => {
    if (hostname !== unresolvable) {
      return (original as (...args: unknown[]) => void)(hostname, ...rest);
    }
    const callback = rest.at(-1) as (error: Error) => void;
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      hostname,
    });
    process.nextTick(() => callback(error));
  }) as typeof dns.lookup;
  dns.lookup = patched;
  return () => {
    dns.lookup = original;
  };
};

/** Counts TLS connections opened for the provider hosts (each send attempt opens one). */
const countConnections = () => {
  const original = tls.connect;
  const hosts = new Set<string>(providerHosts);
  let count = 0;
  tls.connect = ((...args: Parameters<typeof tls.connect>) => {
    const options = args[0] as tls.ConnectionOptions;
    if (typeof options === 'object' && hosts.has(options.servername ?? options.host ?? '')) {
      count++;
    }
    return (original as (...a: unknown[]) => tls.TLSSocket)(...args);
  }) as typeof tls.connect;
  return { count: () => count, restore: () => (tls.connect = original) };
};

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug'] as const;

const captureConsole = () => {
  const lines: string[] = [];
  const originals = consoleMethods.map((method) => console[method]);
  for (const method of consoleMethods) {
    console[method] = (...args: unknown[]) => lines.push(args.map((arg) => inspect(arg)).join(' '));
  }
  return {
    lines,
    restore: () => consoleMethods.forEach((method, index) => (console[method] = originals[index]!)),
  };
};

export const renderError = (error: unknown): string =>
  [String(error), JSON.stringify(error), inspect(error, { depth: 6 })].join('\n');

export const runCase = async (
  environment: Environment,
  client: Client,
  faultCase: FaultCase,
  { boundMs = 6000, to = '8613800138000', code = '482915' } = {}
): Promise<Observation> => {
  const { emulator } = environment;
  // Fresh connections for every case: duanxin's agents, and Node's global ones (keep-alive since
  // Node 19) that the official connectors use through got.
  destroyAgents();
  https.globalAgent.destroy();
  http.globalAgent.destroy();
  emulator.inbox.clear();
  emulator.requests.clear();
  emulator.faults.clear();
  if (faultCase.fault) {
    emulator.faults.inject({ fault: faultCase.fault(client.provider), provider: client.provider });
  }
  const target = {
    emulator: { port: emulator.port },
    'closed-port': { port: environment.closedPort },
    'reset-on-connect': { port: environment.resetPort },
    'unresolvable-host': { host: unresolvable, port: 443 },
  }[faultCase.target ?? 'emulator'];
  const undoRedirect = redirectTls(target);
  const connections = countConnections();
  const undoLookups = failLookups();
  const output = captureConsole();
  const started = performance.now();
  let observation: Pick<Observation, 'resolved' | 'code' | 'outcome' | 'description' | 'printed'>;
  try {
    const connector = await client.create({
      getConfig: async () => {
        throw new Error('the harness passes the config with each send');
      },
    });
    const sent = connector
      .sendMessage({ to, type: 'SignIn' as never, payload: { code } }, client.config)
      .then(
        () => ({ resolved: 'success' as const, printed: '' }),
        (error: unknown) => {
          const data = (error as { data?: { outcome?: string; errorDescription?: unknown } }).data;
          return {
            resolved: 'error' as const,
            code: String((error as { code?: unknown }).code ?? (error as Error).name),
            outcome: data?.outcome,
            description:
              typeof data?.errorDescription === 'string' ? data.errorDescription : String(error),
            printed: renderError(error),
          };
        }
      );
    const bound = new Promise<{ resolved: 'no answer'; printed: string }>((resolve) =>
      setTimeout(() => resolve({ resolved: 'no answer', printed: '' }), boundMs).unref()
    );
    observation = await Promise.race([sent, bound]);
  } finally {
    output.restore();
    undoLookups();
    connections.restore();
    undoRedirect();
  }
  const elapsedMs = Math.round(performance.now() - started);
  // Let a delivery that raced the answer land in the inbox before counting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    ...observation,
    printed: [observation.printed, ...output.lines].join('\n'),
    attempts: connections.count(),
    deliveries: emulator.inbox.list().length,
    elapsedMs,
    activeSockets: agentSocketCounts().active,
  };
};
