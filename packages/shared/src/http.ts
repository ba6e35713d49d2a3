import http from 'node:http';
import https from 'node:https';
import type { Url } from 'node:url';

import got, { RequestError, TimeoutError, type Agents } from 'got';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { getProxyForUrl } from 'proxy-from-env';

import { duanxinError, redactText, type ProviderName } from './errors/index.js';

export type ProviderRequest = {
  url: URL;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string | Buffer;
};

export type ProviderCall = {
  provider: ProviderName;
  /** Builds one attempt's request; called again for a retry so it is signed afresh (new nonce). */
  build: () => ProviderRequest;
  /** Timeout of one attempt in ms, from start to the last byte of the answer. */
  timeout: number;
  /** Retries of attempts that provably never left this machine (outcome `not_sent`). */
  maxRetries: number;
  /** Explicit outbound proxy; otherwise HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply. */
  proxy?: string;
  /** Answers larger than this are refused (default 1 MiB). */
  maxResponseBytes?: number;
  /** Strings that must never appear in an error (secrets, the number, the code). */
  sensitive?: readonly (string | undefined)[];
  /** A read-only query (no SMS): its failures say so, and may be retried. */
  query?: boolean;
};

export type ProviderReply = {
  statusCode: number;
  /** Parsed JSON, or undefined when the answer was not JSON. */
  json: unknown;
  text: string;
};

export const defaultTimeoutMs = 10_000;
const defaultMaxResponseBytes = 1024 * 1024;
const keepAliveSockets = 64;

/**
 * Logto creates a connector anew for every code it sends, so per-instance agents would mean a new
 * TLS handshake per SMS. Agents live here, one per origin (and proxy), for the process lifetime.
 */
const agentsByOrigin = new Map<string, Agents>();

const agentsFor = (url: URL, explicitProxy: string | undefined): Agents => {
  // proxy-from-env reads only these; given `url.href` it would re-parse it with the legacy parser.
  const proxy =
    explicitProxy ??
    (getProxyForUrl({ protocol: url.protocol, host: url.host, port: url.port } as Url) ||
      undefined);
  const key = `${url.origin}|${proxy ?? ''}`;
  const cached = agentsByOrigin.get(key);
  if (cached) {
    return cached;
  }
  // As many idle sockets kept as may be open: with fewer, a burst closes the surplus as it frees
  // it and the next burst pays new TLS handshakes (docs/benchmarks.md, connections).
  const options = {
    keepAlive: true,
    maxSockets: keepAliveSockets,
    maxFreeSockets: keepAliveSockets,
  };
  const agents: Agents = proxy
    ? url.protocol === 'https:'
      ? { https: new HttpsProxyAgent({ ...options, proxy }) }
      : { http: new HttpProxyAgent({ ...options, proxy }) }
    : url.protocol === 'https:'
      ? { https: new https.Agent(options) }
      : { http: new http.Agent(options) };
  agentsByOrigin.set(key, agents);
  return agents;
};

/** Sockets of the module's agents: in use (by requests) and idle (kept alive), for load checks. */
export const agentSocketCounts = (): { active: number; idle: number } => {
  let active = 0;
  let idle = 0;
  const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) =>
    Object.values(sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  for (const agents of agentsByOrigin.values()) {
    for (const agent of [agents.http, agents.https]) {
      if (agent) {
        active += count(agent.sockets);
        idle += count(agent.freeSockets);
      }
    }
  }
  return { active, idle };
};

/** Closes idle keep-alive sockets (tests, CLI exit). */
export const destroyAgents = (): void => {
  for (const agents of agentsByOrigin.values()) {
    for (const agent of [agents.http, agents.https]) {
      if (agent) {
        agent.destroy();
      }
    }
  }
  agentsByOrigin.clear();
};

// Failures that happen before a connection exists: the request cannot have reached anyone.
const neverConnectedCodes = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const neverConnectedTimeouts = new Set(['lookup', 'connect', 'secureConnect']);

const wasNeverSent = (error: RequestError, url: URL): boolean => {
  const timings = error.timings;
  if (timings?.upload !== undefined) {
    return false;
  }
  // No socket was ever handed to the request (e.g. a proxy refused the tunnel): nothing written.
  if (timings?.socket === undefined) {
    return true;
  }
  // HTTP bytes follow the TLS handshake; a reused TLS socket carries its handshake time.
  if (url.protocol === 'https:' && timings.secureConnect === undefined) {
    return true;
  }
  if (error instanceof TimeoutError) {
    return neverConnectedTimeouts.has(error.event);
  }
  return neverConnectedCodes.has(error.code);
};

class ResponseTooLarge extends Error {}

const attempt = async (call: ProviderCall, request: ProviderRequest): Promise<ProviderReply> => {
  const limit = call.maxResponseBytes ?? defaultMaxResponseBytes;
  const pending = got(request.url, {
    method: request.method,
    headers: { 'user-agent': 'duanxin', ...request.headers },
    body: request.body,
    agent: agentsFor(request.url, call.proxy),
    timeout: { request: call.timeout },
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    responseType: 'buffer',
  });
  let tooLarge = false;
  pending.on('downloadProgress', ({ transferred, total }) => {
    if (transferred > limit || (total ?? 0) > limit) {
      tooLarge = true;
      pending.cancel();
    }
  });
  try {
    const response = await pending;
    const text = response.body.toString('utf8');
    return { statusCode: response.statusCode, json: parseJson(text), text };
  } catch (error: unknown) {
    if (tooLarge) {
      throw new ResponseTooLarge(`the answer exceeded ${limit} bytes`);
    }
    throw error;
  }
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Sends one provider request. An SMS send is not idempotent, so it is retried only when the
 * request provably never left this machine; every other failure reports `outcome: 'unknown'`.
 */
export const callProvider = async (call: ProviderCall): Promise<ProviderReply> => {
  for (let attemptNumber = 0; ; attemptNumber++) {
    const request = call.build();
    try {
      return await attempt(call, request);
    } catch (error: unknown) {
      const notSent = error instanceof RequestError && wasNeverSent(error, request.url);
      if (notSent && attemptNumber < call.maxRetries) {
        await new Promise((resolve) => setTimeout(resolve, 100 * (attemptNumber + 1)));
        continue;
      }
      throw transportError(call, request, error, notSent);
    }
  }
};

const transportError = (
  call: ProviderCall,
  request: ProviderRequest,
  error: unknown,
  notSent: boolean
) => {
  const reason =
    error instanceof ResponseTooLarge
      ? error.message
      : error instanceof RequestError
        ? `${error.code}: ${error.message}`
        : String(error);
  const sensitive = call.sensitive ?? [];
  const failed = `Request to ${request.url.origin} failed (${redactText(reason, sensitive)})`;
  const { provider } = call;
  const connected =
    error instanceof ResponseTooLarge ||
    (error instanceof RequestError && error.timings?.connect !== undefined);
  // A query sends no message: whatever became of it, nothing was sent and it may be asked again.
  if (call.query) {
    return duanxinError(
      'General',
      {
        provider,
        message: `Query failed: ${failed}.`,
        outcome: 'not_sent',
        connected,
        retryable: true,
      },
      sensitive
    );
  }
  return duanxinError(
    error instanceof ResponseTooLarge ? 'InvalidResponse' : 'General',
    {
      provider,
      message: `${failed}; ${
        notSent
          ? 'it never left this machine, nothing was sent.'
          : 'the message may or may not have been sent.'
      }`,
      outcome: notSent ? 'not_sent' : 'unknown',
      connected,
      retryable: notSent,
      // Unreachable from here: another provider, on other servers, may deliver it.
      failover: notSent ? 'account' : undefined,
    },
    sensitive
  );
};
