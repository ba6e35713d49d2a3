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
import type { CodeRef, ReserveSendResult, TakeAttemptResult, VerificationStore } from './types.js';

export interface RedisStoreOptions {
  /** An ioredis client to use; the store leaves it open on `close()`. */
  client?: Redis;
  /** Or a `redis://` URL: the store opens (lazily) and closes its own client. */
  url?: string;
  /** ioredis options for the client opened from `url`. */
  redisOptions?: RedisOptions;
  /** Prefix of every key. @default 'duanxin:verification:' */
  prefix?: string;
}

type ScriptArg = string | number;

/**
 * Codes, counters and bindings in Redis, shared by every app instance. Each step is one Lua
 * script (see redis-scripts.ts). One Redis server or a primary with replicas; not Redis Cluster
 * (a send's keys span hash slots).
 */
export const createRedisStore = (options: RedisStoreOptions): VerificationStore => {
  if (!options.client && !options.url) {
    throw configError('[redis] Missing required option `client` or `url`.');
  }
  const prefix = options.prefix ?? 'duanxin:verification:';
  let client: Promise<Redis> | undefined;
  const connect = () =>
    (client ??= options.client
      ? Promise.resolve(options.client)
      : import('ioredis').then(
          ({ Redis }) => new Redis(options.url as string, options.redisOptions ?? {})
        ));

  const shas = new Map<string, string>();
  const run = async (script: string, keys: string[], args: ScriptArg[]): Promise<unknown> => {
    const redis = await connect();
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
  };

  const key = {
    phoneState: (phoneKey: string) => `${prefix}phone:${phoneKey}`,
    phoneSent: (phoneKey: string) => `${prefix}phone-sent:${phoneKey}`,
    // A key must be named even when there is no IP to count; the script then leaves it alone.
    ipSent: (ipKey: string | undefined) => `${prefix}ip-sent:${ipKey ?? '-'}`,
    code: ({ phoneKey, scene }: CodeRef) => `${prefix}code:${phoneKey}:${scene}`,
    owner: (phone: string) => `${prefix}owner:${phone}`,
    userPhones: (userId: string) => `${prefix}user-phones:${userId}`,
  };

  return {
    name: 'redis',

    async reserveSend({ phoneKey, scene, ipKey, reservationId, now, limits }) {
      const { numberCap, ipCap } = limits;
      const useIpCap = ipKey !== undefined && ipCap !== undefined;
      const [reason, wait] = (await run(
        reserveSendScript,
        [key.phoneState(phoneKey), key.phoneSent(phoneKey), key.ipSent(ipKey)],
        [
          scene,
          reservationId,
          now,
          now + limits.reservationMs,
          limits.reservationMs,
          numberCap?.max ?? 0,
          now - (numberCap?.windowMs ?? 0),
          numberCap?.windowMs ?? 0,
          useIpCap ? ipCap.max : 0,
          now - (ipCap?.windowMs ?? 0),
          ipCap?.windowMs ?? 0,
        ]
      )) as [string, number];
      return reason === 'ok'
        ? { ok: true }
        : {
            ok: false,
            reason: reason as Exclude<ReserveSendResult, { ok: true }>['reason'],
            retryAfterMs: wait,
          };
    },

    async confirmSend({ phoneKey, scene, ipKey, reservationId, now, limits, code }) {
      await run(
        confirmSendScript,
        [
          key.phoneState(phoneKey),
          key.phoneSent(phoneKey),
          key.ipSent(ipKey),
          key.code({ phoneKey, scene }),
        ],
        [
          scene,
          reservationId,
          now,
          now + limits.cooldownMs,
          limits.cooldownMs,
          limits.numberCap?.windowMs ?? 0,
          ipKey !== undefined && limits.ipCap ? limits.ipCap.windowMs : 0,
          code.hash,
          code.expiresAt,
          code.allowedAttempts,
          code.keepMs,
        ]
      );
    },

    async releaseSend({ phoneKey, ipKey, reservationId }) {
      await run(releaseSendScript, [key.phoneState(phoneKey), key.ipSent(ipKey)], [reservationId]);
    },

    async takeAttempt({ now, ...ref }) {
      const [status, codeId, hash, attemptsLeft] = (await run(
        takeAttemptScript,
        [key.code(ref)],
        [now]
      )) as [string, string?, string?, number?];
      return status === 'ok'
        ? { status, codeId: codeId ?? '', hash: hash ?? '', attemptsLeft: attemptsLeft ?? 0 }
        : { status: status as Exclude<TakeAttemptResult['status'], 'ok'> };
    },

    async consumeCode({ codeId, ...ref }) {
      return (await run(consumeCodeScript, [key.code(ref)], [codeId])) === 1;
    },

    async bindPhone({ userId, phone }) {
      return (await run(
        bindPhoneScript,
        [key.owner(phone), key.userPhones(userId)],
        [userId, phone]
      )) as 'bound' | 'already-yours' | 'taken';
    },

    async unbindPhone({ userId, phone }) {
      const removed = await run(
        unbindPhoneScript,
        [key.owner(phone), key.userPhones(userId)],
        [userId, phone]
      );
      return removed === 1;
    },

    async ownerOfPhone(phone) {
      return (await (await connect()).get(key.owner(phone))) ?? undefined;
    },

    async listPhones(userId) {
      return (await (await connect()).smembers(key.userPhones(userId))).sort();
    },

    async close() {
      if (client && !options.client) {
        await (await client).quit();
      }
      client = undefined;
    },
  };
};
