import { createHash } from 'node:crypto';

import {
  checkConnectionOptions,
  createRedisConnection,
  type RedisStoreOptions,
} from './redis-connection.js';
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

export { failFastRedisOptions, type RedisStoreOptions } from './redis-connection.js';

type ScriptArg = string | number;

const counterArgs = (counters: Counter[], now: number): ScriptArg[] =>
  counters.flatMap(({ name, max, windowMs }) => [name, max, now - windowMs, windowMs]);

/**
 * Codes, counters and bindings in Redis, shared by every app instance. Each step is one Lua
 * script (see redis-scripts.ts), so a send costs two round trips and a verify two. One server,
 * or a primary with replicas found directly or through Sentinel; not Redis Cluster (a send's
 * keys span hash slots).
 */
export const createRedisStore = (options: RedisStoreOptions): VerificationStore => {
  checkConnectionOptions(options);
  const prefix = options.prefix ?? 'duanxin:verification:';
  const { withRedis, close } = createRedisConnection(options);

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

    close,
  };
};
