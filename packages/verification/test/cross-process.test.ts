import { randomUUID } from 'node:crypto';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { redisAvailable, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { startWorker, type WorkerProcess, type WorkerReply } from './helpers/worker-process.js';
import { testSecret } from './suite/index.js';

const outcomes = (replies: WorkerReply[]) => {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const key = reply.ok ? 'ok' : (reply.code ?? 'unknown');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

describe.skipIf(!redisAvailable)('two app instances in separate processes, one Redis', () => {
  let redis: RedisServer;
  let emulator: Emulator;
  let a: WorkerProcess;
  let b: WorkerProcess;

  beforeAll(async () => {
    [redis, emulator] = await Promise.all([
      startRedisServer(),
      startEmulator({ flowControl: false }),
    ]);
    const env = {
      REDIS_URL: redis.url,
      EMULATOR_URL: emulator.url,
      STORE_PREFIX: `cross-process:${randomUUID()}:`,
      VERIFIER_SECRET: testSecret,
      VERIFIER_OPTIONS: JSON.stringify({
        allowedAttempts: 50,
        perNumberCap: { max: 2, window: 3600 },
        perIpCap: { max: 3, window: 3600 },
      }),
    };
    [a, b] = await Promise.all([startWorker(env), startWorker(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await Promise.all([emulator?.close(), redis?.stop()]);
  });
  beforeEach(() => {
    emulator.faults.clear();
  });

  it('runs the instances as separate processes', () => {
    expect(new Set([process.pid, a.pid, b.pid]).size).toBe(3);
  });

  it('holds a cooldown started by one instance in the other', async () => {
    await expect(
      a.call('send', { phone: '+8613800138001', scene: 'sign-in' })
    ).resolves.toMatchObject({ ok: true });
    const refused = await b.call('send', { phone: '8613800138001', scene: 'sign-in' });
    expect(refused).toMatchObject({ ok: false, code: 'RESEND_COOLDOWN' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(50);
    expect(emulator.inbox.list({ to: '+8613800138001' })).toHaveLength(1);
  });

  it('lets a code succeed once, whichever instance verifies it', async () => {
    await a.call('send', { phone: '+8613800138002', scene: 'sign-in' });
    const code = emulator.inbox.list({ to: '+8613800138002' }).at(-1)?.code;
    const verify = (instance: WorkerProcess) =>
      instance.call('verify', { phone: '+8613800138002', scene: 'sign-in', code });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) => verify(index % 2 ? a : b))
    );
    expect(outcomes(replies)).toEqual({ ok: 1, CODE_NOT_FOUND: 19 });
  });

  it('counts sends from both instances against the per-number cap', async () => {
    const phone = '+8613800138003';
    expect((await a.call('send', { phone, scene: 'sign-in' })).ok).toBe(true);
    expect((await b.call('send', { phone, scene: 'register' })).ok).toBe(true);
    await expect(a.call('send', { phone, scene: 'generic' })).resolves.toMatchObject({
      code: 'NUMBER_CAP_REACHED',
    });
    await expect(b.call('send', { phone, scene: 'mfa' })).resolves.toMatchObject({
      code: 'NUMBER_CAP_REACHED',
    });
  });

  it('counts sends from both instances against the per-IP cap', async () => {
    const send = (instance: WorkerProcess, index: number) =>
      instance.call('send', { phone: `+861390013901${index}`, scene: 'sign-in', ip: '192.0.2.50' });
    const replies = [await send(a, 1), await send(b, 2), await send(a, 3), await send(b, 4)];
    expect(replies.map((reply) => reply.code ?? 'ok')).toEqual([
      'ok',
      'ok',
      'ok',
      'IP_CAP_REACHED',
    ]);
  });

  it('texts a number once when both instances race to send to it', async () => {
    emulator.faults.inject({ fault: { kind: 'delay', ms: 300 }, provider: 'aliyun' });
    const phone = '+8613800138004';
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        (index % 2 ? a : b).call('send', { phone, scene: 'sign-in' })
      )
    );
    expect(outcomes(replies)).toEqual({ ok: 1, SEND_IN_PROGRESS: 9 });
    expect(emulator.inbox.list({ to: phone })).toHaveLength(1);
  });
});
