import http from 'node:http';
import https from 'node:https';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './server.js';
import type { ProviderDefinition } from './types.js';

/** A provider that accepts everything under /echo and delivers one message per request. */
const echoProvider: ProviderDefinition = {
  name: 'echo',
  matches: (request) => request.url.pathname.startsWith('/echo'),
  handle(request, context) {
    const to = request.url.searchParams.get('to') ?? '+8613800138000';
    const message = context.deliver({
      to,
      text: `【echo】${request.body.toString('utf8')}`,
      signName: 'echo',
      templateId: 'T1',
      params: {},
      messageId: `m-${context.sent().length}`,
      requestId: 'r-1',
    });
    return { status: 200, body: { ok: true, id: message.id } };
  },
  defaultAccount: () => ({
    credentials: [],
    signatures: [],
    templates: [],
    balance: 10,
    international: true,
    flowControl: [{ seconds: 60, max: 1, code: 'LIMIT' }],
  }),
};

const running: Emulator[] = [];
const start = async (options: Parameters<typeof startEmulator>[0] = {}): Promise<Emulator> => {
  const emulator = await startEmulator({ providers: [echoProvider], ...options });
  running.push(emulator);
  return emulator;
};

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

const echo = (emulator: Emulator, body = 'hi', init: RequestInit = {}) =>
  fetch(`${emulator.url}/echo`, { method: 'POST', body, ...init });

describe('dispatch', () => {
  it('routes each request to the provider that claims it, and 404s the rest', async () => {
    const emulator = await start();

    const aliyun = await fetch(`${emulator.url}/?Action=SendSms&Format=JSON&Version=2017-05-25`);
    expect(aliyun.status).toBe(400);
    expect(aliyun.headers.get('content-type')).toBe('application/json;charset=utf-8');
    expect(await aliyun.json()).toMatchObject({
      Code: 'MissingParameter',
      HostId: expect.any(String),
    });

    const tencent = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'X-TC-Action': 'SendSms', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await tencent.json()).toHaveProperty('Response');

    const yunpian = await fetch(`${emulator.url}/v2/sms/single_send.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'apikey=nope&mobile=13800138000&text=x',
    });
    expect(yunpian.status).not.toBe(404);
    expect(await yunpian.json()).toHaveProperty('code');

    const nobody = await fetch(`${emulator.url}/nothing-here`);
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toMatchObject({
      error: expect.stringContaining('no emulated provider'),
    });

    expect(emulator.requests.list().map((entry) => entry.provider)).toEqual([
      'aliyun',
      'tencent',
      'yunpian',
      undefined,
    ]);
  });

  it('answers 413 to a body over 1 MiB', async () => {
    const emulator = await start();
    const response = await echo(emulator, 'x'.repeat(1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(emulator.inbox.list()).toEqual([]);
  });
});

describe('inbox and request log', () => {
  it('records deliveries, spends balance, and serves both over HTTP', async () => {
    const emulator = await start();
    expect((await echo(emulator, 'hello')).status).toBe(200);

    const [message] = emulator.inbox.list({ provider: 'echo', to: '13800138000' });
    expect(message).toMatchObject({
      provider: 'echo',
      to: '+8613800138000',
      text: '【echo】hello',
    });
    expect(emulator.account('echo').balance).toBe(9);
    await expect(emulator.inbox.waitFor({ provider: 'echo' })).resolves.toEqual(message);

    const overHttp = await fetch(`${emulator.url}/_inbox?provider=echo&to=%2B8613800138000`);
    expect(await overHttp.json()).toEqual([message]);

    const log = (await (await fetch(`${emulator.url}/_requests`)).json()) as unknown[];
    expect(log).toEqual([
      expect.objectContaining({
        provider: 'echo',
        method: 'POST',
        path: '/echo',
        body: 'hello',
        status: 200,
      }),
    ]);

    expect((await fetch(`${emulator.url}/_inbox`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${emulator.url}/_requests`, { method: 'DELETE' })).status).toBe(204);
    expect(emulator.inbox.list()).toEqual([]);
    expect(emulator.requests.list()).toEqual([]);
  });

  it('waitFor resolves when a later message arrives', async () => {
    const emulator = await start();
    const waiting = emulator.inbox.waitFor({ to: '+8613900139000' }, { timeoutMs: 5000 });
    await echo(emulator, 'late', { headers: {} });
    await fetch(`${emulator.url}/echo?to=%2B8613900139000`, { method: 'POST', body: 'for you' });
    await expect(waiting).resolves.toMatchObject({ text: '【echo】for you' });
  });

  it('offers per-provider flow control, switched off by flowControl: false', async () => {
    const limited = await start();
    const probe: ProviderDefinition = {
      ...echoProvider,
      name: 'probe',
      matches: (request) => request.url.pathname === '/probe',
      handle: (_request, ctx) => ({
        status: 200,
        body: { window: ctx.checkFlow('+86138', 'k') ?? null },
      }),
    };
    const withProbe = await start({ providers: [probe] });
    const first = await (await fetch(`${withProbe.url}/probe`)).json();
    const second = await (await fetch(`${withProbe.url}/probe`)).json();
    expect(first).toEqual({ window: null });
    expect(second).toEqual({ window: { seconds: 60, max: 1, code: 'LIMIT' } });
    expect(limited.account('aliyun').flowControl).not.toBe(false);

    const unlimited = await start({ providers: [probe], flowControl: false });
    await fetch(`${unlimited.url}/probe`);
    expect(await (await fetch(`${unlimited.url}/probe`)).json()).toEqual({ window: null });
    expect(Object.values(unlimited.seed).every((account) => account.flowControl === false)).toBe(
      true
    );
  });
});

describe('seed', () => {
  it('merges a JSON seed file over the default accounts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duanxin-seed-'));
    const file = join(dir, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({
        aliyun: {
          balance: 5,
          templates: [{ id: 'SMS_9', content: 'x${code}', state: 'approved' }],
        },
      })
    );
    const emulator = await start({ seed: file });
    const aliyun = emulator.account('aliyun');
    expect(aliyun.balance).toBe(5);
    expect(aliyun.templates.map((template) => template.id)).toContain('SMS_9');
    expect(aliyun.templates.map((template) => template.id)).toContain('SMS_100001');
  });

  it('fails with a readable message on an invalid seed', async () => {
    await expect(
      startEmulator({ seed: { aliyun: { balance: -1, templtes: [] } as never } })
    ).rejects.toThrow(/aliyun\.balance[\s\S]*templtes|Unrecognized key/);
    await expect(startEmulator({ seed: { nope: {} } })).rejects.toThrow(/unknown provider nope/);
    await expect(startEmulator({ seed: '/does/not/exist.json' })).rejects.toThrow(/Cannot read/);
  });
});

describe('control endpoints', () => {
  it('rejects an invalid fault rule and unknown control paths', async () => {
    const emulator = await start();
    const bad = await fetch(`${emulator.url}/_faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: { kind: 'explode' } }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: expect.stringContaining('invalid fault rule'),
    });
    expect((await fetch(`${emulator.url}/_nope`)).status).toBe(404);
    expect(emulator.requests.list()).toEqual([]);
  });

  it('injects over HTTP, for a number of requests or all of them, scoped to a provider', async () => {
    const emulator = await start();
    const inject = (rule: unknown) =>
      fetch(`${emulator.url}/_faults`, { method: 'POST', body: JSON.stringify(rule) });
    expect(
      (await inject({ fault: { kind: 'status', status: 502 }, provider: 'tencent' })).status
    ).toBe(201);
    expect((await echo(emulator)).status).toBe(200);

    await inject({ fault: { kind: 'status', status: 503 }, provider: 'echo', times: 'all' });
    expect((await echo(emulator)).status).toBe(503);
    expect((await echo(emulator)).status).toBe(503);
    expect((await fetch(`${emulator.url}/_faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await echo(emulator)).status).toBe(200);
  });
});

describe('faults', () => {
  it('status: a gateway error page, once', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'status', status: 503 } });
    const failed = await echo(emulator);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('content-type')).toBe('text/html');
    expect(await failed.text()).toContain('503');
    expect(emulator.inbox.list()).toEqual([]);
    expect((await echo(emulator)).status).toBe(200);
  });

  it('delay: handled, answered later', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'delay', ms: 300 } });
    const started = Date.now();
    expect((await echo(emulator)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(emulator.inbox.list()).toHaveLength(1);
  });

  it('hang: no answer, the client times out', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'hang' } });
    await expect(echo(emulator, 'x', { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(emulator.requests.list()[0]).toMatchObject({ provider: 'echo', status: 0 });
    expect(emulator.inbox.list()).toEqual([]);
  });

  it.each(['reset-before-body', 'reset-after-body'] as const)(
    '%s: the connection is reset',
    async (kind) => {
      const emulator = await start();
      emulator.faults.inject({ fault: { kind } });
      await expect(echo(emulator, 'body')).rejects.toThrow();
      expect(emulator.inbox.list()).toEqual([]);
      expect(emulator.requests.list()[0]?.body).toBe(kind === 'reset-after-body' ? 'body' : '');
      expect((await echo(emulator)).status).toBe(200);
    }
  );

  it('malformed: the given body as JSON', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'malformed', body: '{"Code":"OK",' } });
    const response = await echo(emulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=utf-8');
    await expect(response.json()).rejects.toThrow();
  });

  it('oversized: a body of the requested size', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'oversized', bytes: 3 * 1024 * 1024 } });
    const response = await echo(emulator);
    expect(response.headers.get('content-length')).toBe(String(3 * 1024 * 1024));
    expect((await response.arrayBuffer()).byteLength).toBe(3 * 1024 * 1024);
  });

  it('trickle: the real answer, in pieces', async () => {
    const emulator = await start();
    emulator.faults.inject({ fault: { kind: 'trickle', bytesPerSecond: 100 } });
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const request = http.request(`${emulator.url}/echo`, { method: 'POST' }, (response) => {
        const received: Buffer[] = [];
        response.on('data', (chunk: Buffer) => received.push(chunk));
        response.on('end', () => resolve(received));
      });
      request.on('error', reject);
      request.end('slow');
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toMatchObject({ ok: true });
  });
});

describe('transport', () => {
  it('serves HTTPS with a self-signed certificate', async () => {
    const emulator = await start({ https: true });
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.certificate).toContain('BEGIN CERTIFICATE');
    const get = (options: https.RequestOptions) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = https.request(`${emulator.url}/_inbox`, options, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on('error', reject);
        request.end();
      });
    await expect(get({ rejectUnauthorized: false })).resolves.toEqual({ status: 200, body: '[]' });
    await expect(get({ ca: emulator.certificate })).resolves.toEqual({ status: 200, body: '[]' });
    await expect(get({})).rejects.toThrow(/self[- ]signed/i);
  });

  it('close() ends a hanging request', async () => {
    const emulator = await startEmulator({ providers: [echoProvider] });
    emulator.faults.inject({ fault: { kind: 'hang' } });
    const pending = echo(emulator);
    while (emulator.requests.list().length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const waiting = expect(
      emulator.inbox.waitFor({ to: '+10000000000' }, { timeoutMs: 60_000 })
    ).rejects.toThrow(/closed/);
    await emulator.close();
    await expect(pending).rejects.toThrow();
    await waiting;
  });
});
