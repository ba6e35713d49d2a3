import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

import type { VerificationHandler } from './handler.js';

/** A Node `IncomingMessage` as a Web `Request` (the body streamed, not read ahead). */
export const toWebRequest = (request: IncomingMessage): Request => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      headers.append(name, each);
    }
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', 'http://localhost'), {
    method,
    headers,
    ...(hasBody && { body: Readable.toWeb(request) as ReadableStream, duplex: 'half' }),
  } as RequestInit);
};

/** Writes a Web `Response` to a Node `ServerResponse`. */
export const writeWebResponse = async (response: Response, to: ServerResponse): Promise<void> => {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) {
    headers['set-cookie'] = cookies;
  }
  to.writeHead(response.status, headers);
  to.end(Buffer.from(await response.arrayBuffer()));
};

/**
 * The handler as a `node:http` listener (also Express's `app.use(path, …)`, mounted before any
 * body parser). The remote address is the socket's; see `trustProxy` for proxies.
 */
export const toNodeListener =
  (handler: VerificationHandler) =>
  (request: IncomingMessage, response: ServerResponse): void => {
    void handler(toWebRequest(request), { remoteAddress: request.socket.remoteAddress })
      .then((answer) => writeWebResponse(answer, response))
      .catch(() => {
        if (!response.headersSent) {
          response.writeHead(500);
        }
        response.end();
      });
  };
