import { randomUUID } from 'node:crypto';

import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import { emulatorConnectorConfigs, startEmulator } from '@duanxin/emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createRedisStore, createSmsVerifier } from '../src/index.js';
import {
  redisAvailable,
  startRedisSentinel,
  startRedisServer,
  type RedisServer,
} from './helpers/redis-server.js';
import {
  refusal,
  tally,
  testSecret,
  testVerifierStore,
  wrongCode,
  type VerifierContext,
} from './suite/index.js';

/** Every key under `prefix` with its type, TTL and contents, as strings. */
const dump = async (redis: Redis, prefix: string) => {
  const keys = await redis.keys(`${prefix}*`);
  return Promise.all(
    keys.map(async (key) => {
      const type = await redis.type(key);
      const contents =
        type === 'hash'
          ? await redis.hgetall(key)
          : type === 'zset'
            ? await redis.zrange(key, '0', '-1', 'WITHSCORES')
            : type === 'set'
              ? await redis.smembers(key)
              : await redis.get(key);
      return { key, type, ttl: await redis.pttl(key), text: `${key} ${JSON.stringify(contents)}` };
    })
  );
};

const mainland = '+8613800138000';

describe.skipIf(!redisAvailable)('redis store', () => {
  let server: RedisServer;
  let inspector: Redis;
  let prefix = '';
  let killed = false;
  const log: string[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    inspector = new Redis(server.url);
    // The outage tests stop the server under it too.
    inspector.on('error', () => undefined);
  });
  afterAll(async () => {
    inspector?.disconnect();
    await server?.stop();
  });

  /** The real server killed mid-run and started again on its port, empty. */
  const outage = {
    begin: async () => {
      killed = true;
      await server.kill();
    },
    end: async () => {
      if (killed) {
        killed = false;
        await server.restart();
      }
    },
  };

  const extraTests = (context: VerifierContext) =>
    describe('in Redis', () => {
      it('keeps no number and no code in clear, and lets every such key expire', async () => {
        const verifier = context.createVerifier({ perIpCap: { max: 5, window: 600 } });
        await verifier.send({ phone: mainland, scene: 'sign-in', ip: '203.0.113.9' });
        const code = context.lastCode(mainland);
        await verifier
          .verify({ phone: mainland, scene: 'sign-in', code: '000000', ip: '203.0.113.9' })
          .catch(() => undefined);
        const entries = await dump(inspector, prefix);

        // Phone state and code; sends per number, IP, prefix and in all; guesses per number and IP.
        expect(entries.map(({ type }) => type).sort()).toEqual([
          'hash',
          'hash',
          ...Array<string>(6).fill('zset'),
        ]);
        for (const { text, ttl } of entries) {
          expect(text).not.toContain('13800138000');
          expect(text).not.toContain('1380013');
          expect(text).not.toContain('203.0.113');
          expect(text).not.toContain(`"${code}"`);
          expect(ttl).toBeGreaterThan(0);
        }
      });

      it('keeps bindings without expiry, keyed by the number', async () => {
        const verifier = context.createVerifier();
        await verifier.sendBindCode('alice', '+85291234567');
        await verifier.bind('alice', '+85291234567', context.lastCode('+85291234567'));
        const bindings = (await dump(inspector, prefix)).filter(({ ttl }) => ttl === -1);
        expect(bindings.map(({ text }) => text).sort()).toEqual([
          `${prefix}owner:+85291234567 "alice"`,
          `${prefix}user-phones:alice ["+85291234567"]`,
        ]);
      });

      it('takes at most 2 round trips per send and 2 per verify', async () => {
        const client = new Redis(server.url);
        const commands: string[] = [];
        const sendCommand = client.sendCommand.bind(client);
        client.sendCommand = (command, stream) => {
          commands.push(command.name);
          return sendCommand(command, stream);
        };
        const verifier = context.createVerifier({
          store: createRedisStore({ client, prefix: `${prefix}counted:` }),
        });
        const pair = async (phone: string) => {
          await verifier.send({ phone, scene: 'sign-in', ip: '198.51.100.7', subject: 's' });
          const send = commands.splice(0);
          const code = context.lastCode(phone);
          await refusal(
            verifier.verify({
              phone,
              scene: 'sign-in',
              code: wrongCode(code),
              ip: '198.51.100.7',
              subject: 's',
            }),
            'CODE_MISMATCH'
          );
          const wrong = commands.splice(0);
          await verifier.verify({
            phone,
            scene: 'sign-in',
            code,
            ip: '198.51.100.7',
            subject: 's',
          });
          return { send, wrong, right: commands.splice(0) };
        };
        try {
          await pair('+8613800138001'); // loads the scripts (NOSCRIPT, then EVAL once each)
          await expect(pair('+8613800138002')).resolves.toEqual({
            send: ['evalsha', 'evalsha'],
            wrong: ['evalsha'],
            right: ['evalsha', 'evalsha'],
          });
        } finally {
          client.disconnect();
        }
      });

      it('fails fast on a frozen server, and frees what a lost reply reserved once it thaws', async () => {
        const verifier = context.createVerifier();
        await verifier.send({ phone: mainland, scene: 'sign-in' });
        const code = context.lastCode(mainland);
        server.pause();
        try {
          await refusal(
            verifier.verify({ phone: mainland, scene: 'sign-in', code }),
            'STORE_UNAVAILABLE'
          );
          await refusal(
            verifier.send({ phone: '+85291234567', scene: 'sign-in' }),
            'STORE_UNAVAILABLE'
          );
        } finally {
          server.resume();
        }
        expect(context.emulator.inbox.list()).toHaveLength(1);
        // The server ran the reservation after the verifier gave up on it: it is released first.
        await verifier.send({ phone: '+85291234567', scene: 'sign-in' });
        await verifier.verify({ phone: mainland, scene: 'sign-in', code });
      });

      it('undoes a confirmation that lands after the send was reported failed', async () => {
        const verifier = context.createVerifier();
        context.emulator.faults.inject({ fault: { kind: 'delay', ms: 500 }, provider: 'aliyun' });
        const sending = verifier.send({ phone: mainland, scene: 'sign-in' });
        await expect.poll(() => context.emulator.inbox.list().length).toBe(1);
        server.pause();
        try {
          await refusal(sending, 'STORE_UNAVAILABLE');
        } finally {
          server.resume();
        }
        const lost = context.lastCode(mainland);
        // Thawed, the server stores the code and starts the cooldown; the release undoes both.
        await verifier.send({ phone: mainland, scene: 'sign-in' });
        const fresh = context.lastCode(mainland);
        if (lost !== fresh) {
          await refusal(
            verifier.verify({ phone: mainland, scene: 'sign-in', code: lost }),
            'CODE_MISMATCH'
          );
        }
        await verifier.verify({ phone: mainland, scene: 'sign-in', code: fresh });
      });

      it('says once per outage that Redis is down and once that it is back, never "Unhandled error event"', async () => {
        const consoleError = vi.spyOn(console, 'error');
        const warnings: string[] = [];
        const onWarning = (warning: Error) => warnings.push(warning.name);
        process.on('warning', onWarning);
        const verifier = context.createVerifier();
        try {
          await verifier.send({ phone: mainland, scene: 'sign-in' });
          log.length = 0;
          await outage.begin();
          for (let index = 0; index < 3; index++) {
            await refusal(verifier.listBoundPhones('alice'), 'STORE_UNAVAILABLE');
          }
          // Once the client has seen the connection go, requests wait for a reconnection; many
          // waiting at once share one wait.
          await new Promise((resolve) => setTimeout(resolve, 300));
          const results = await Promise.allSettled(
            Array.from({ length: 30 }, () => verifier.listBoundPhones('alice'))
          );
          expect(tally(results)).toEqual({ STORE_UNAVAILABLE: 30 });
          // ioredis keeps reconnecting meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await outage.end();
          await expect
            .poll(() => verifier.listBoundPhones('alice').catch(() => 'down'))
            .toEqual([]);
          expect(log).toEqual([
            expect.stringMatching(
              /^\[duanxin\] \[verification\] \[redis\] Redis is not answering \(.+\): requests fail with STORE_UNAVAILABLE until it does\.$/
            ),
            '[duanxin] [verification] [redis] Redis answers again.',
          ]);
          expect(consoleError.mock.calls.flat().join('\n')).not.toContain('Unhandled error event');
          expect(warnings).toEqual([]);
        } finally {
          consoleError.mockRestore();
          process.off('warning', onWarning);
        }
      });

      it('refuses to start without a shared secret', () => {
        const connector = { sendMessage: async () => undefined };
        expect(() => createSmsVerifier({ connector, store: context.store })).toThrow(
          /Missing required option `secret`/
        );
      });
    });

  testVerifierStore(
    () => {
      prefix = `test:${randomUUID()}:`;
      return createRedisStore({ url: server.url, prefix, log: (line) => log.push(line) });
    },
    { outage, additionalTests: extraTests }
  );

  it('uses a client it is given and leaves it open', async () => {
    await inspector.ping(); // reconnected since the last outage test
    const store = createRedisStore({ client: inspector, prefix: `test:${randomUUID()}:` });
    await expect(store.listPhones('nobody')).resolves.toEqual([]);
    await store.close?.();
    await expect(inspector.ping()).resolves.toBe('PONG');
  });

  it('names what is missing, and refuses Redis Cluster and Sentinel URLs with what to do', () => {
    expect(() => createRedisStore({})).toThrow(
      '[duanxin] [verification] [redis] Missing required option `client` or `url`.'
    );
    expect(() => createRedisStore({ client: { isCluster: true } as never })).toThrow(
      /Redis Cluster is not supported/
    );
    expect(() => createRedisStore({ url: 'redis+sentinel://127.0.0.1:26379/mymaster' })).toThrow(
      /for Sentinel pass `redisOptions: \{ sentinels, name \}`/
    );
  });
});

describe.skipIf(!redisAvailable)('redis store through Redis Sentinel', () => {
  it('finds the primary through a real sentinel and sends and verifies there', async () => {
    const primary = await startRedisServer();
    const sentinel = await startRedisSentinel(primary.port);
    const store = createRedisStore({
      redisOptions: {
        sentinels: [{ host: '127.0.0.1', port: sentinel.port }],
        name: sentinel.masterName,
      },
      prefix: 'sentinel:',
    });
    const emulator = await startEmulator({ flowControl: false });
    const verifier = createSmsVerifier({
      connector: await createAliyunSmsConnector({
        getConfig: async () => emulatorConnectorConfigs(emulator.url).aliyun,
      }),
      store,
      secret: testSecret,
    });
    const direct = new Redis(primary.url);
    try {
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const [message] = emulator.inbox.list({ to: mainland });
      await verifier.verify({ phone: mainland, scene: 'sign-in', code: message?.code ?? '' });
      // It was the primary behind the sentinel that held the state.
      expect((await direct.keys('sentinel:*')).length).toBeGreaterThan(0);
    } finally {
      direct.disconnect();
      await store.close?.();
      await emulator.close();
      await sentinel.stop();
      await primary.stop();
    }
  }, 30_000);
});
