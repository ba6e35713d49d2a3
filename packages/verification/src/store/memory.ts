import type {
  Counter,
  CounterFull,
  CodeRef,
  ReserveSendResult,
  TakeAttemptResult,
  VerificationStore,
} from './types.js';

type Entry = { id: string; at: number };
/** Entries oldest first: they are added at "now", which only grows within one process. */
type CounterState = { entries: Entry[]; forgetAt: number };
type PhoneState = {
  reservation: { id: string; until: number } | undefined;
  cooldownUntil: Map<string, number>;
  forgetAt: number;
};
type StoredCode = {
  id: string;
  hash: string;
  subjectKey: string | undefined;
  expiresAt: number;
  attempts: number;
  allowedAttempts: number;
  forgetAt: number;
};

const sweepEvery = 256;

const codeKey = ({ phoneKey, scene }: CodeRef) => `${phoneKey}\n${scene}`;

/**
 * The default store: one process, data lost on restart. Each method does all its reading and
 * writing synchronously, without an `await` in between, which is what makes it atomic.
 */
export const createMemoryStore = (): VerificationStore => {
  const phones = new Map<string, PhoneState>();
  const counters = new Map<string, CounterState>();
  const codes = new Map<string, StoredCode>();
  const owners = new Map<string, string>();
  const phonesByUser = new Map<string, Set<string>>();
  let callsSinceSweep = 0;

  const sweepNowAndThen = (now: number) => {
    if (++callsSinceSweep < sweepEvery) {
      return;
    }
    callsSinceSweep = 0;
    for (const map of [phones, counters, codes] as Map<string, { forgetAt: number }>[]) {
      for (const [key, entry] of map) {
        if (entry.forgetAt <= now) {
          map.delete(key);
        }
      }
    }
  };

  const phoneState = (phoneKey: string) => {
    let state = phones.get(phoneKey);
    if (!state) {
      state = { reservation: undefined, cooldownUntil: new Map(), forgetAt: 0 };
      phones.set(phoneKey, state);
    }
    return state;
  };

  /** The counter's entries still in its window. */
  const current = ({ key, windowMs }: Counter, now: number): CounterState => {
    let state = counters.get(key);
    if (!state) {
      state = { entries: [], forgetAt: 0 };
      counters.set(key, state);
    }
    let expired = 0;
    while (expired < state.entries.length && (state.entries[expired]?.at ?? 0) <= now - windowMs) {
      expired++;
    }
    if (expired > 0) {
      state.entries.splice(0, expired);
    }
    return state;
  };

  /** The first counter without room, if any. */
  const firstFull = <Name extends string>(
    list: Counter<Name>[],
    now: number
  ): CounterFull<Name> | undefined => {
    for (const counter of list) {
      const { entries } = current(counter, now);
      if (entries.length >= counter.max) {
        return {
          counter: counter.name,
          retryAfterMs: (entries[0]?.at ?? now) + counter.windowMs - now,
        };
      }
    }
    return undefined;
  };

  const count = (list: Counter[], id: string, now: number) => {
    for (const counter of list) {
      const state = current(counter, now);
      state.entries.push({ id, at: now });
      state.forgetAt = Math.max(state.forgetAt, now + counter.windowMs);
    }
  };

  const uncount = (list: Counter[], id: string) => {
    for (const { key } of list) {
      const state = counters.get(key);
      if (state) {
        state.entries = state.entries.filter((entry) => entry.id !== id);
      }
    }
  };

  return {
    name: 'memory',
    ephemeral: true,

    async reserveSend({ phoneKey, scene, reservationId, now, reservationMs, counters: list }) {
      sweepNowAndThen(now);
      const phone = phoneState(phoneKey);
      const refuse = (reason: 'cooldown' | 'in-progress', retryAfterMs: number) =>
        ({ ok: false, reason, retryAfterMs }) satisfies ReserveSendResult;

      if (phone.reservation && phone.reservation.until > now) {
        return refuse('in-progress', phone.reservation.until - now);
      }
      const cooldownUntil = phone.cooldownUntil.get(scene) ?? 0;
      if (cooldownUntil > now) {
        return refuse('cooldown', cooldownUntil - now);
      }
      const full = firstFull(list, now);
      if (full) {
        return { ok: false, reason: 'counter', ...full };
      }
      count(list, reservationId, now);
      phone.reservation = { id: reservationId, until: now + reservationMs };
      phone.forgetAt = Math.max(phone.forgetAt, phone.reservation.until);
      return { ok: true };
    },

    async confirmSend({ phoneKey, scene, reservationId, now, cooldownMs, code }) {
      const phone = phoneState(phoneKey);
      if (phone.reservation?.id === reservationId) {
        phone.reservation = undefined;
      }
      phone.cooldownUntil.set(scene, now + cooldownMs);
      phone.forgetAt = Math.max(phone.forgetAt, now + cooldownMs);
      codes.set(codeKey({ phoneKey, scene }), {
        id: reservationId,
        hash: code.hash,
        subjectKey: code.subjectKey,
        expiresAt: code.expiresAt,
        attempts: 0,
        allowedAttempts: code.allowedAttempts,
        forgetAt: now + code.keepMs,
      });
    },

    async releaseSend({ phoneKey, scene, reservationId, counters: list }) {
      const phone = phones.get(phoneKey);
      const held = phone?.reservation?.id === reservationId;
      const key = codeKey({ phoneKey, scene });
      const confirmed = codes.get(key)?.id === reservationId;
      if (held && phone) {
        phone.reservation = undefined;
      }
      if (confirmed) {
        codes.delete(key);
        phone?.cooldownUntil.delete(scene);
      }
      if (held || confirmed) {
        uncount(list, reservationId);
      }
    },

    async takeAttempt({ now, attemptId, subjectKey, counters: list, ...ref }) {
      const stored = codes.get(codeKey(ref));
      if (!stored) {
        return { status: 'not-found' };
      }
      if (stored.subjectKey !== undefined && stored.subjectKey !== subjectKey) {
        return { status: 'other-subject' };
      }
      if (now >= stored.expiresAt) {
        return { status: 'expired' };
      }
      if (stored.attempts >= stored.allowedAttempts) {
        return { status: 'exhausted' };
      }
      const full = firstFull(list, now);
      if (full) {
        return { status: 'counter-full', ...full } satisfies TakeAttemptResult;
      }
      let attemptsLeft = stored.allowedAttempts - stored.attempts - 1;
      for (const counter of list) {
        attemptsLeft = Math.min(
          attemptsLeft,
          counter.max - current(counter, now).entries.length - 1
        );
      }
      count(list, attemptId, now);
      stored.attempts += 1;
      return { status: 'ok', codeId: stored.id, hash: stored.hash, attemptsLeft };
    },

    async consumeCode({ codeId, attemptId, counters: list, ...ref }) {
      uncount(list, attemptId);
      const key = codeKey(ref);
      if (codes.get(key)?.id !== codeId) {
        return false;
      }
      codes.delete(key);
      return true;
    },

    async bindPhone({ userId, phone }) {
      const owner = owners.get(phone);
      if (owner !== undefined) {
        return owner === userId ? 'already-yours' : 'taken';
      }
      owners.set(phone, userId);
      phonesByUser.set(userId, (phonesByUser.get(userId) ?? new Set()).add(phone));
      return 'bound';
    },

    async unbindPhone({ userId, phone, keepLast }) {
      if (owners.get(phone) !== userId) {
        return 'not-bound';
      }
      const bound = phonesByUser.get(userId);
      if (keepLast && (bound?.size ?? 0) <= 1) {
        return 'last';
      }
      owners.delete(phone);
      bound?.delete(phone);
      return 'unbound';
    },

    async ownerOfPhone(phone) {
      return owners.get(phone);
    },

    async listPhones(userId) {
      return [...(phonesByUser.get(userId) ?? [])].sort();
    },
  };
};
