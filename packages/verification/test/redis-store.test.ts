import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createRedisStore, createSmsVerifier } from '../src/index.js';
import { redisAvailable, startRedisServer, type RedisServer } from './helpers/redis-server.js';
import { testVerifierStore, type VerifierContext } from './suite/index.js';

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

describe.skipIf(!redisAvailable)('redis store', () => {
  let server: RedisServer;
  let inspector: Redis;
  let prefix = '';

  beforeAll(async () => {
    server = await startRedisServer();
    inspector = new Redis(server.url);
  });
  afterAll(async () => {
    await inspector?.quit();
    await server?.stop();
  });

  const extraTests = (context: VerifierContext) =>
    describe('in Redis', () => {
      it('keeps no number and no code in clear, and lets every such key expire', async () => {
        const verifier = context.createVerifier({ perIpCap: { max: 5, window: 600 } });
        await verifier.send({ phone: '+8613800138000', scene: 'sign-in', ip: '203.0.113.9' });
        const code = context.lastCode('+8613800138000');
        const entries = await dump(inspector, prefix);

        expect(entries.map(({ type }) => type).sort()).toEqual(['hash', 'hash', 'zset', 'zset']);
        for (const { text, ttl } of entries) {
          expect(text).not.toContain('13800138000');
          expect(text).not.toContain('203.0.113');
          expect(text).not.toContain(`"${code}"`);
          expect(ttl).toBeGreaterThan(0);
        }
      });

      it('keeps bindings without expiry, keyed by the number', async () => {
        const verifier = context.createVerifier();
        await verifier.send({ phone: '+85291234567', scene: 'bind-phone' });
        await verifier.bind('alice', '+85291234567', context.lastCode('+85291234567'));
        const bindings = (await dump(inspector, prefix)).filter(({ ttl }) => ttl === -1);
        expect(bindings.map(({ text }) => text).sort()).toEqual([
          `${prefix}owner:+85291234567 "alice"`,
          `${prefix}user-phones:alice ["+85291234567"]`,
        ]);
      });

      it('refuses to start without a shared secret', () => {
        const connector = { sendMessage: async () => undefined };
        expect(() => createSmsVerifier({ connector, store: context.store })).toThrow(
          /Missing required option `secret`/
        );
      });
    });

  testVerifierStore(() => {
    prefix = `test:${randomUUID()}:`;
    return createRedisStore({ url: server.url, prefix });
  }, extraTests);

  it('uses a client it is given and leaves it open', async () => {
    const store = createRedisStore({ client: inspector, prefix: `test:${randomUUID()}:` });
    await expect(store.listPhones('nobody')).resolves.toEqual([]);
    await store.close?.();
    await expect(inspector.ping()).resolves.toBe('PONG');
  });

  it('names what is missing', () => {
    expect(() => createRedisStore({})).toThrow(
      '[duanxin] [verification] [redis] Missing required option `client` or `url`.'
    );
  });
});
