import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';

import { ConnectorError } from '@logto/connector-kit';
import { afterEach, describe, expect, it } from 'vitest';

import { callProvider, destroyAgents, type ProviderCall } from './http.js';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];

const serve = async (handler: Handler) => {
  const connections: string[] = [];
  const server = http.createServer(handler);
  server.on('connection', (socket) => connections.push(String(socket.remotePort)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, connections };
};

const freePort = async () => {
  const { origin } = await serve(() => undefined);
  const server = servers.pop();
  server?.close();
  await once(server!, 'close');
  return origin;
};

afterEach(async () => {
  destroyAgents();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const call = (origin: string, overrides: Partial<ProviderCall> = {}) => {
  let builds = 0;
  const options: ProviderCall = {
    provider: 'test',
    build: () => {
      builds++;
      return { url: new URL('/', origin), method: 'POST', headers: {}, body: 'x=1' };
    },
    timeout: 2000,
    maxRetries: 1,
    ...overrides,
  };
  return { run: () => callProvider(options), builds: () => builds };
};

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.unreachable('the call succeeded'),
    (error: unknown) => error
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError & { data: Record<string, unknown> };
};

describe('callProvider', () => {
  it('returns the parsed answer and keeps one connection alive across sends', async () => {
    const received: string[] = [];
    const { origin, connections } = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(body);
        response.setHeader('content-type', 'application/json');
        response.end('{"ok":true}');
      });
    });
    for (let index = 0; index < 3; index++) {
      const reply = await call(origin).run();
      expect(reply).toMatchObject({ statusCode: 200, json: { ok: true } });
    }
    expect(received).toEqual(['x=1', 'x=1', 'x=1']);
    expect(connections).toHaveLength(1);
  });

  it('retries a refused connection (never sent) up to maxRetries, then reports not_sent', async () => {
    const origin = await freePort();
    const attempt = call(origin, { maxRetries: 2 });
    const error = await failure(attempt.run());
    expect(attempt.builds()).toBe(3);
    expect(error.data).toMatchObject({ outcome: 'not_sent', provider: 'test' });
  });

  it('does not retry a request that timed out after it was written: outcome unknown', async () => {
    const { origin } = await serve(() => undefined);
    const attempt = call(origin, { timeout: 300, maxRetries: 3 });
    const error = await failure(attempt.run());
    expect(attempt.builds()).toBe(1);
    expect(error.data).toMatchObject({ outcome: 'unknown' });
  });

  it('does not retry a reset after the request was read', async () => {
    const { origin } = await serve((request) => {
      request.resume();
      request.on('end', () => request.socket.destroy());
    });
    const attempt = call(origin, { maxRetries: 3 });
    const error = await failure(attempt.run());
    expect(attempt.builds()).toBe(1);
    expect(error.data).toMatchObject({ outcome: 'unknown' });
  });

  it('refuses an oversized answer', async () => {
    const { origin } = await serve((request, response) => {
      request.resume();
      response.end('x'.repeat(64 * 1024));
    });
    const error = await failure(call(origin, { maxResponseBytes: 1024 }).run());
    expect(error.code).toBe('invalid_response');
    expect(error.data).toMatchObject({ outcome: 'unknown' });
  });

  it('hands back a non-JSON answer as text', async () => {
    const { origin } = await serve((request, response) => {
      request.resume();
      response.statusCode = 502;
      response.end('<html>Bad Gateway</html>');
    });
    const reply = await call(origin).run();
    expect(reply).toMatchObject({
      statusCode: 502,
      json: undefined,
      text: '<html>Bad Gateway</html>',
    });
  });

  it('goes through an explicit proxy', async () => {
    const { origin: target } = await serve((request, response) => {
      request.resume();
      response.end('{"reached":"target"}');
    });
    const tunnels: string[] = [];
    const { origin: proxy } = await serve(() => undefined);
    servers
      .at(-1)
      ?.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
        tunnels.push(String(request.url));
        const [host, port] = String(request.url).split(':');
        const upstream = net.connect(Number(port), host, () => {
          client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(head);
          upstream.pipe(client);
          client.pipe(upstream);
        });
        client.on('error', () => upstream.destroy());
      });
    const reply = await call(target, { proxy }).run();
    expect(reply.json).toEqual({ reached: 'target' });
    expect(tunnels).toEqual([new URL(target).host]);
  });

  it('keeps secrets out of transport errors', async () => {
    const origin = await freePort();
    const error = await failure(call(origin, { maxRetries: 0, sensitive: ['s3cret'] }).run());
    expect(JSON.stringify(error.data)).not.toContain('s3cret');
    expect(error.message).toContain('never left this machine');
  });
});
