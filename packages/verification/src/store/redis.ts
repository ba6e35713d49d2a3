import { createHash } from 'node:crypto';

import type { Redis, RedisOptions } from 'ioredis';

import { configError } from '../errors.js';
import {
  bindPhoneScript,
  confirmSendScript,
  consumeCodeScript,
  releaseSendScript,
  reserveSendScript,
  takeAttemptScript,
  unbindPhoneScript,
} from './redis-scripts.js';
import type {
  Counter,
  CounterFull,
  GuessCounterName,
  ReserveSendResult,
  SendCounterName,
  TakeAttemptResult,
  VerificationStore,
} from './types.js';

export interface RedisStoreOptions {
  /**
   * An ioredis client to use; the store leaves it open on `close()` and keeps its options (see
   * `failFastRedisOptions` to make it fail fast too). Not a Redis Cluster client.
   */
  client?: Redis;
  /** Or a `redis://` / `rediss://` URL: the store opens (lazily) and closes its own client. */
  url?: string;
  /**
   * ioredis options for the client the store opens, over `failFastRedisOptions(timeout)`. With
   * `sentinels` and `name` (and no `url`), the store finds the primary through Redis Sentinel.
   */
  redisOptions?: RedisOptions;
  /** Prefix of every key. @default 'duanxin:verification:' */
  prefix?: string;
  /**
   * Milliseconds the store's own client waits to connect, and for each reply; a request fails
   * with `STORE_UNAVAILABLE` after at most about twice this.
   * @default 1000
   */
  timeout?: number;
  /**
   * Told once when Redis stops answering (with the reason) and once when it answers again, not
   * for every failed request.
   * @default console.warn
   */
  log?: (message: string) => void;
}

/**
 * ioredis options that fail a command at once while Redis is unreachable instead of queueing it
 * (ioredis' defaults: no timeout, 20 retries per command, an unbounded offline queue), and keep
 * reconnecting in the background so that the store comes back by itself.
 */
export const failFastRedisOptions = (timeout = 1000): RedisOptions => ({
  connectTimeout: timeout,
  commandTimeout: timeout,
  sentinelCommandTimeout: timeout,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  // A command whose reply was lost may have run; sending it again after reconnecting could run
  // it twice after its caller was told it failed.
  autoResendUnfulfilledCommands: false,
  retryStrategy: (times) => Math.min(times * 100, 1000),
});

type ScriptArg = string | number;

const counterArgs = (counters: Counter[], now: number): ScriptArg[] =>
  counters.flatMap(({ name, max, windowMs }) => [name, max, now - windowMs, windowMs]);

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Resolves when the client is ready; rejects after `ms` or if it is closed. */
const whenReady = (redis: Redis, ms: number): Promise<void> => {
  if (redis.status === 'ready') {
    return Promise.resolve();
  }
  if (redis.status === 'wait') {
    redis.connect().catch(() => undefined);
  }
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('end', onEnd);
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const onReady = () => done();
    const onEnd = () => done(new Error('the connection to Redis was closed'));
    const timer = setTimeout(
      () => done(new Error(`Redis did not answer within ${ms} ms (${redis.status})`)),
      ms
    );
    redis.once('ready', onReady);
    redis.once('end', onEnd);
  });
};

const checkConnectionOptions = (options: RedisStoreOptions) => {
  if ((options.client as { isCluster?: boolean } | undefined)?.isCluster) {
    throw configError(
      "[redis] Redis Cluster is not supported: one send's keys span hash slots. Use one primary (with replicas, and Sentinel if you like)."
    );
  }
  if (options.url !== undefined) {
    const { protocol } = new URL(options.url);
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
      throw configError(
        `[redis] \`url\` must be redis:// or rediss://, got ${protocol}// (for Sentinel pass \`redisOptions: { sentinels, name }\`; Redis Cluster is not supported).`
      );
    }
  }
  if (!options.client && !options.url && !options.redisOptions?.sentinels) {
    throw configError('[redis] Missing required option `client` or `url`.');
  }
};

/**
 * Codes, counters and bindings in Redis, shared by every app instance. Each step is one Lua
 * script (see redis-scripts.ts), so a send costs two round trips and a verify two. One server,
 * or a primary with replicas found directly or through Sentinel; not Redis Cluster (a send's
 * keys span hash slots).
 */
export const createRedisStore = (options: RedisStoreOptions): VerificationStore => {
  checkConnectionOptions(options);
  const prefix = options.prefix ?? 'duanxin:verification:';
  const timeout = options.timeout ?? 1000;
  const log = options.log ?? ((message: string) => console.warn(message));

  let unreachable = false;
  const markDown = (error: unknown) => {
    if (!unreachable) {
      unreachable = true;
      log(
        `[duanxin] [verification] [redis] Redis is not answering (${reasonOf(error)}): requests fail with STORE_UNAVAILABLE until it does.`
      );
    }
  };
  const markUp = () => {
    if (unreachable) {
      unreachable = false;
      log('[duanxin] [verification] [redis] Redis answers again.');
    }
  };

  const openOwnClient = async (): Promise<Redis> => {
    const { Redis } = await import('ioredis');
    const redisOptions: RedisOptions = {
      ...failFastRedisOptions(timeout),
      ...options.redisOptions,
    };
    return options.url ? new Redis(options.url, redisOptions) : new Redis(redisOptions);
  };
  const open = async (): Promise<Redis> => {
    const redis = options.client ?? (await openOwnClient());
    // With a listener, ioredis no longer prints "Unhandled error event" on every reconnect.
    redis.on('error', markDown);
    redis.on('ready', markUp);
    return redis;
  };
  let client: Promise<Redis> | undefined;
  let closed = false;

  const withRedis = async <T>(use: (redis: Redis) => Promise<T>): Promise<T> => {
    if (closed) {
      throw configError('[redis] The store is closed.');
    }
    try {
      const redis = await (client ??= open());
      await whenReady(redis, timeout);
      const result = await use(redis);
      markUp();
      return result;
    } catch (error) {
      markDown(error);
      throw error;
    }
  };

  const shas = new Map<string, string>();
  const run = (script: string, keys: string[], args: ScriptArg[]): Promise<unknown> =>
    withRedis(async (redis) => {
      let sha = shas.get(script);
      if (!sha) {
        sha = createHash('sha1').update(script).digest('hex');
        shas.set(script, sha);
      }
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!String(error).includes('NOSCRIPT')) {
          throw error;
        }
        return redis.eval(script, keys.length, ...keys, ...args);
      }
    });

  const key = {
    phoneState: (phoneKey: string) => `${prefix}phone:${phoneKey}`,
    code: (phoneKey: string, scene: string) => `${prefix}code:${phoneKey}:${scene}`,
    counters: (counters: Counter[]) => counters.map((counter) => `${prefix}count:${counter.key}`),
    owner: (phone: string) => `${prefix}owner:${phone}`,
    userPhones: (userId: string) => `${prefix}user-phones:${userId}`,
  };

  return {
    name: 'redis',

    async reserveSend({ phoneKey, scene, reservationId, now, reservationMs, counters }) {
      const [reason, wait, counter] = (await run(
        reserveSendScript,
        [key.phoneState(phoneKey), ...key.counters(counters)],
        [
          scene,
          reservationId,
          now,
          now + reservationMs,
          reservationMs,
          ...counterArgs(counters, now),
        ]
      )) as [string, number, string?];
      if (reason === 'ok') {
        return { ok: true };
      }
      return reason === 'counter'
        ? {
            ok: false,
            reason,
            counter: counter as CounterFull<SendCounterName>['counter'],
            retryAfterMs: wait,
          }
        : {
            ok: false,
            reason: reason as Extract<ReserveSendResult, { reason: 'cooldown' }>['reason'],
            retryAfterMs: wait,
          };
    },

    async confirmSend({ phoneKey, scene, reservationId, now, cooldownMs, code }) {
      await run(
        confirmSendScript,
        [key.phoneState(phoneKey), key.code(phoneKey, scene)],
        [
          scene,
          reservationId,
          now + cooldownMs,
          cooldownMs,
          code.hash,
          code.subjectKey ?? '',
          code.expiresAt,
          code.allowedAttempts,
          code.keepMs,
        ]
      );
    },

    async releaseSend({ phoneKey, scene, reservationId, counters }) {
      await run(
        releaseSendScript,
        [key.phoneState(phoneKey), key.code(phoneKey, scene), ...key.counters(counters)],
        [reservationId, scene]
      );
    },

    async takeAttempt({ phoneKey, scene, now, attemptId, subjectKey, counters }) {
      const [status, first, second, left] = (await run(
        takeAttemptScript,
        [key.code(phoneKey, scene), ...key.counters(counters)],
        [now, attemptId, subjectKey ?? '', ...counterArgs(counters, now)]
      )) as [string, (string | number)?, string?, number?];
      if (status === 'ok') {
        return { status, codeId: String(first), hash: second ?? '', attemptsLeft: left ?? 0 };
      }
      if (status === 'counter-full') {
        return {
          status,
          counter: second as GuessCounterName,
          retryAfterMs: Number(first),
        };
      }
      return { status: status as Extract<TakeAttemptResult, { status: 'expired' }>['status'] };
    },

    async consumeCode({ phoneKey, scene, codeId, attemptId, counters }) {
      const deleted = await run(
        consumeCodeScript,
        [key.code(phoneKey, scene), ...key.counters(counters)],
        [codeId, attemptId]
      );
      return deleted === 1;
    },

    async bindPhone({ userId, phone }) {
      return (await run(
        bindPhoneScript,
        [key.owner(phone), key.userPhones(userId)],
        [userId, phone]
      )) as 'bound' | 'already-yours' | 'taken';
    },

    async unbindPhone({ userId, phone, keepLast }) {
      return (await run(
        unbindPhoneScript,
        [key.owner(phone), key.userPhones(userId)],
        [userId, phone, keepLast ? '1' : '0']
      )) as 'unbound' | 'not-bound' | 'last';
    },

    async ownerOfPhone(phone) {
      return (await withRedis((redis) => redis.get(key.owner(phone)))) ?? undefined;
    },

    async listPhones(userId) {
      return (await withRedis((redis) => redis.smembers(key.userPhones(userId)))).sort();
    },

    async close() {
      closed = true;
      const redis = await client?.catch(() => undefined);
      redis?.off('error', markDown);
      redis?.off('ready', markUp);
      if (redis && !options.client) {
        if (redis.status === 'ready') {
          await redis.quit().catch(() => redis.disconnect());
        } else {
          // quit() is refused while disconnected, and the client would keep reconnecting.
          redis.disconnect();
        }
      }
    },
  };
};
