import type { Redis, RedisOptions } from 'ioredis';

import { configError } from '../errors.js';

export type RedisStoreOptions = {
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
};

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

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * `ready(redis, ms)` resolves when the client is ready, and rejects after `ms` or if it is
 * closed. Every waiting request shares one pair of listeners on the client.
 */
const createReadyWait = () => {
  let next: Promise<void> | undefined;
  const nextReady = (redis: Redis) => {
    if (!next) {
      const pending = new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          redis.off('ready', onReady);
          redis.off('end', onEnd);
          next = undefined;
          if (error) {
            reject(error);
          } else {
            resolve();
          }
        };
        const onReady = () => settle();
        const onEnd = () => settle(new Error('the connection to Redis was closed'));
        redis.once('ready', onReady);
        redis.once('end', onEnd);
      });
      // Waiters that timed out no longer listen: the rejection must not go unhandled.
      pending.catch(() => undefined);
      next = pending;
    }
    return next;
  };

  return async (redis: Redis, ms: number): Promise<void> => {
    if (redis.status === 'ready') {
      return;
    }
    if (redis.status === 'wait') {
      redis.connect().catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not answer within ${ms} ms (${redis.status})`)),
        ms
      );
    });
    try {
      await Promise.race([nextReady(redis), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
};

export const checkConnectionOptions = (options: RedisStoreOptions) => {
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
 * The store's way to Redis: opens the client lazily (or uses the one given), waits a bounded
 * time for it to be ready, and says once per outage that Redis stopped answering.
 */
export const createRedisConnection = (options: RedisStoreOptions) => {
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
  const whenReady = createReadyWait();

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

  return {
    withRedis,
    async close() {
      closed = true;
      const redis = await client?.catch(() => undefined);
      redis?.off('error', markDown);
      redis?.off('ready', markUp);
      if (!redis || options.client) {
        return;
      }
      // Ours, and done with: what fails while it closes concerns nobody.
      redis.on('error', () => undefined);
      if (redis.status === 'ready') {
        await redis.quit().catch(() => redis.disconnect());
      } else {
        // quit() is refused while disconnected, and the client would keep reconnecting.
        redis.disconnect();
      }
    },
  };
};
