/** HTTP(S) plumbing: the server itself, body reading with a size cap, and answer serialisation. */
import http from 'node:http';
import https from 'node:https';
import { generate as generateCertificate } from 'selfsigned';
import { JSON_CONTENT_TYPE } from './faults.js';
import type { EmulatorRequest, EmulatorResponse, ProviderDefinition } from './types.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Default time a client has to send a whole request (headers and body). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

type Handler = (incoming: http.IncomingMessage, response: http.ServerResponse) => void;

/**
 * A request not complete within `requestTimeoutMs` (e.g. a `Content-Length` larger than the body
 * sent) is answered 408 by Node and its connection closed, instead of holding the socket: Node
 * checks pending requests every `connectionsCheckingInterval`, 30 s by default, so it is set to a
 * fraction of the timeout.
 */
const serverOptions = (requestTimeoutMs: number): http.ServerOptions => ({
  requestTimeout: requestTimeoutMs,
  headersTimeout: requestTimeoutMs,
  connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(requestTimeoutMs / 4))),
});

/** HTTPS uses a certificate made now, valid for localhost, 127.0.0.1 and ::1. */
export const createTransport = async (
  secure: boolean,
  handler: Handler,
  requestTimeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS
): Promise<{ server: http.Server; certificate: string | undefined }> => {
  if (!secure) {
    return {
      server: http.createServer(serverOptions(requestTimeoutMs), handler),
      certificate: undefined,
    };
  }
  const pems = await generateCertificate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return {
    server: https.createServer(
      { ...serverOptions(requestTimeoutMs), key: pems.private, cert: pems.cert },
      handler
    ),
    certificate: pems.cert,
  };
};

export const requestUrl = (incoming: http.IncomingMessage, secure: boolean): URL => {
  const path = incoming.url ?? '/';
  try {
    return new URL(path, `${secure ? 'https' : 'http'}://${incoming.headers.host ?? 'localhost'}`);
  } catch {
    return new URL(path, 'http://localhost');
  }
};

export const readBody = async (
  incoming: http.IncomingMessage
): Promise<Buffer | 'too-large' | 'aborted'> => {
  if (Number(incoming.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    return 'too-large';
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        return 'too-large';
      }
      chunks.push(chunk);
    }
  } catch {
    return 'aborted';
  }
  return Buffer.concat(chunks);
};

export type SerialisedAnswer = { status: number; headers: Record<string, string>; body: Buffer };

export const serialise = (answer: EmulatorResponse): SerialisedAnswer => {
  const headers: Record<string, string> = { 'content-type': JSON_CONTENT_TYPE };
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  const body =
    typeof answer.body === 'string'
      ? Buffer.from(answer.body, 'utf8')
      : Buffer.isBuffer(answer.body)
        ? answer.body
        : Buffer.from(JSON.stringify(answer.body), 'utf8');
  return { status: answer.status, headers, body };
};

export const send = (
  response: http.ServerResponse,
  answer: SerialisedAnswer,
  closeAfter = false
): void => {
  if (response.destroyed) {
    return;
  }
  response.writeHead(answer.status, {
    ...answer.headers,
    'content-length': String(answer.body.length),
    ...(closeAfter ? { connection: 'close' } : {}),
  });
  response.end(answer.body);
};

export const tooLarge = (): EmulatorResponse => ({
  status: 413,
  body: { error: 'request body too large', limitBytes: MAX_BODY_BYTES },
});

/** A request no provider claims: the answer says what identifies each provider's requests. */
export const notClaimed = (
  request: EmulatorRequest,
  providers: readonly ProviderDefinition[]
): EmulatorResponse => ({
  status: 404,
  body: {
    error: 'no emulated provider claims this request',
    hint: providers
      .flatMap(({ name, identifiedBy }) => (identifiedBy ? [`${name}: ${identifiedBy}`] : []))
      .join('; '),
    method: request.method,
    path: request.url.pathname,
  },
});
