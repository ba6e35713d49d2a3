import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { MAX_OVERSIZED_BYTES } from './faults.js';
import { NonceStore } from './flow-control.js';
import { type Emulator, startEmulator } from './server.js';
import type { ProviderDefinition } from './types.js';

const echoProvider: ProviderDefinition = {
  name: 'echo',
  matches: (request) => request.url.pathname.startsWith('/echo'),
  handle: (request) => ({ status: 200, body: { bytes: request.body.length } }),
  defaultAccount: () => ({
    credentials: [],
    signatures: [],
    templates: [],
    balance: 10,
    international: true,
    flowControl: false,
  }),
};

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});
const start = async (options: Parameters<typeof startEmulator>[0] = {}) => {
  const emulator = await startEmulator({ providers: [echoProvider], ...options });
  running.push(emulator);
  return emulator;
};

/** Writes `raw` on a plain socket; resolves with what came back once the server closed it. */
const rawExchange = (port: number, raw: string) =>
  new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
  });

describe('a request whose Content-Length is larger than its body', () => {
  it('is answered 408 and its connection closed within the request timeout', async () => {
    const emulator = await start({ requestTimeoutMs: 400 });
    const { answer, closedAfterMs } = await rawExchange(
      emulator.port,
      'POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n' +
        'Content-Length: 100\r\n\r\nonly ten b'
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    // Node checks pending requests every 100 ms for this timeout: well under the old "never".
    expect(closedAfterMs).toBeGreaterThanOrEqual(300);
    expect(emulator.requests.list().every((entry) => entry.status !== 200)).toBe(true);
  });

  it('a request that stops mid-headers is closed the same way', async () => {
    const emulator = await start({ requestTimeoutMs: 400 });
    const { answer } = await rawExchange(emulator.port, 'POST /echo HTTP/1.1\r\nHost: 127.0');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('a complete request is unaffected', async () => {
    const emulator = await start({ requestTimeoutMs: 400 });
    const response = await fetch(`${emulator.url}/echo`, { method: 'POST', body: 'abc' });
    expect(await response.json()).toEqual({ bytes: 3 });
  });
});

describe('oversized fault', () => {
  it('refuses a size past the limit, through the library and the control API', async () => {
    const emulator = await start();
    expect(() =>
      emulator.faults.inject({ fault: { kind: 'oversized', bytes: 9 * 10 ** 12 } })
    ).toThrow(/invalid fault rule: bytes/);
    const response = await fetch(`${emulator.url}/_faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: { kind: 'oversized', bytes: MAX_OVERSIZED_BYTES + 1 } }),
    });
    expect(response.status).toBe(400);
    expect(emulator.faults.list()).toEqual([]);
  });

  it('accepts the limit itself', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'oversized', bytes: MAX_OVERSIZED_BYTES } });
    expect(emulator.faults.list()).toHaveLength(1);
  });
});

describe('NonceStore', () => {
  it('refuses a nonce reused within its TTL, per scope, and accepts it once expired', () => {
    const store = new NonceStore();
    expect(store.use('aliyun', 'n1', 60, 0)).toBe(true);
    expect(store.use('aliyun', 'n1', 60, 59_999)).toBe(false);
    expect(store.use('tencent', 'n1', 60, 59_999)).toBe(true);
    expect(store.use('aliyun', 'n1', 60, 60_000)).toBe(true);
    expect(store.use('aliyun', 'n1', 60, 60_001)).toBe(false);
  });

  it('keeps only live nonces: the size follows the window, not the count of requests', () => {
    const store = new NonceStore();
    // 50,000 requests, one every 10 ms, each nonce living 60 s: at most 6,000 are live at once.
    for (let index = 0; index < 50_000; index++) {
      expect(store.use('p', `n${index}`, 60, index * 10)).toBe(true);
      expect(store.size).toBeLessThanOrEqual(6_001);
    }
    expect(store.size).toBe(6_000);
  });

  it('a shorter TTL stored behind a longer one still expires on time', () => {
    const store = new NonceStore();
    store.use('p', 'long', 900, 0);
    store.use('p', 'short', 1, 0);
    expect(store.use('p', 'short', 1, 500)).toBe(false);
    expect(store.use('p', 'short', 1, 1_000)).toBe(true);
  });
});
