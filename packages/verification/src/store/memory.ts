import type {
  Cap,
  CodeRef,
  ReserveSendResult,
  TakeAttemptResult,
  VerificationStore,
} from './types.js';

type Sent = { id: string; at: number };
type PhoneState = {
  reservation: { id: string; until: number } | undefined;
  cooldownUntil: Map<string, number>;
  sent: Sent[];
  forgetAt: number;
};
type IpState = { sent: Sent[]; forgetAt: number };
type StoredCode = {
  id: string;
  hash: string;
  expiresAt: number;
  attempts: number;
  allowedAttempts: number;
  forgetAt: number;
};

const sweepEvery = 256;

const codeKey = ({ phoneKey, scene }: CodeRef) => `${phoneKey}\n${scene}`;

const recent = (sent: Sent[], cap: Cap, now: number) =>
  sent.filter((entry) => entry.at > now - cap.windowMs);

/** Milliseconds until the oldest counted send leaves the window, or undefined if there is room. */
const waitForRoom = (sent: Sent[], cap: Cap | undefined, now: number) =>
  cap && sent.length >= cap.max
    ? Math.min(...sent.map((entry) => entry.at)) + cap.windowMs - now
    : undefined;

/**
 * The default store: one process, data lost on restart. Each method does all its reading and
 * writing synchronously, without an `await` in between, which is what makes it atomic.
 */
export const createMemoryStore = (): VerificationStore => {
  const phones = new Map<string, PhoneState>();
  const ips = new Map<string, IpState>();
  const codes = new Map<string, StoredCode>();
  const owners = new Map<string, string>();
  const phonesByUser = new Map<string, Set<string>>();
  let reservationsSinceSweep = 0;

  const sweep = (now: number) => {
    for (const map of [phones, ips, codes] as Map<string, { forgetAt: number }>[]) {
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
      state = { reservation: undefined, cooldownUntil: new Map(), sent: [], forgetAt: 0 };
      phones.set(phoneKey, state);
    }
    return state;
  };
  const ipState = (ipKey: string) => {
    let state = ips.get(ipKey);
    if (!state) {
      state = { sent: [], forgetAt: 0 };
      ips.set(ipKey, state);
    }
    return state;
  };

  return {
    name: 'memory',
    ephemeral: true,

    async reserveSend({ phoneKey, scene, ipKey, reservationId, now, limits }) {
      if (++reservationsSinceSweep >= sweepEvery) {
        reservationsSinceSweep = 0;
        sweep(now);
      }
      const phone = phoneState(phoneKey);
      const refuse = (reason: Exclude<ReserveSendResult, { ok: true }>['reason'], ms: number) =>
        ({ ok: false, reason, retryAfterMs: ms }) as const;

      if (phone.reservation && phone.reservation.until > now) {
        return refuse('in-progress', phone.reservation.until - now);
      }
      const cooldownUntil = phone.cooldownUntil.get(scene) ?? 0;
      if (cooldownUntil > now) {
        return refuse('cooldown', cooldownUntil - now);
      }
      if (limits.numberCap) {
        phone.sent = recent(phone.sent, limits.numberCap, now);
        const wait = waitForRoom(phone.sent, limits.numberCap, now);
        if (wait !== undefined) {
          return refuse('number-cap', wait);
        }
      }
      const ip = ipKey && limits.ipCap ? ipState(ipKey) : undefined;
      if (ip && limits.ipCap) {
        ip.sent = recent(ip.sent, limits.ipCap, now);
        const wait = waitForRoom(ip.sent, limits.ipCap, now);
        if (wait !== undefined) {
          return refuse('ip-cap', wait);
        }
        // In flight sends to other numbers count against the IP until released.
        ip.sent.push({ id: reservationId, at: now });
        ip.forgetAt = Math.max(ip.forgetAt, now + limits.ipCap.windowMs);
      }
      phone.reservation = { id: reservationId, until: now + limits.reservationMs };
      phone.forgetAt = Math.max(phone.forgetAt, phone.reservation.until);
      return { ok: true };
    },

    async confirmSend({ phoneKey, scene, ipKey, reservationId, now, limits, code }) {
      const phone = phoneState(phoneKey);
      if (phone.reservation?.id === reservationId) {
        phone.reservation = undefined;
      }
      phone.cooldownUntil.set(scene, now + limits.cooldownMs);
      phone.forgetAt = Math.max(phone.forgetAt, now + limits.cooldownMs);
      if (limits.numberCap) {
        phone.sent.push({ id: reservationId, at: now });
        phone.forgetAt = Math.max(phone.forgetAt, now + limits.numberCap.windowMs);
      }
      if (ipKey && limits.ipCap) {
        const ip = ipState(ipKey);
        ip.sent = ip.sent.filter((entry) => entry.id !== reservationId);
        ip.sent.push({ id: reservationId, at: now });
        ip.forgetAt = Math.max(ip.forgetAt, now + limits.ipCap.windowMs);
      }
      codes.set(codeKey({ phoneKey, scene }), {
        id: reservationId,
        hash: code.hash,
        expiresAt: code.expiresAt,
        attempts: 0,
        allowedAttempts: code.allowedAttempts,
        forgetAt: now + code.keepMs,
      });
    },

    async releaseSend({ phoneKey, ipKey, reservationId }) {
      const phone = phones.get(phoneKey);
      if (phone?.reservation?.id === reservationId) {
        phone.reservation = undefined;
      }
      const ip = ipKey ? ips.get(ipKey) : undefined;
      if (ip) {
        ip.sent = ip.sent.filter((entry) => entry.id !== reservationId);
      }
    },

    async takeAttempt({ now, ...ref }): Promise<TakeAttemptResult> {
      const stored = codes.get(codeKey(ref));
      if (!stored) {
        return { status: 'not-found' };
      }
      if (now >= stored.expiresAt) {
        return { status: 'expired' };
      }
      if (stored.attempts >= stored.allowedAttempts) {
        return { status: 'exhausted' };
      }
      stored.attempts += 1;
      return {
        status: 'ok',
        codeId: stored.id,
        hash: stored.hash,
        attemptsLeft: stored.allowedAttempts - stored.attempts,
      };
    },

    async consumeCode({ codeId, ...ref }) {
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

    async unbindPhone({ userId, phone }) {
      if (owners.get(phone) !== userId) {
        return false;
      }
      owners.delete(phone);
      phonesByUser.get(userId)?.delete(phone);
      return true;
    },

    async ownerOfPhone(phone) {
      return owners.get(phone);
    },

    async listPhones(userId) {
      return [...(phonesByUser.get(userId) ?? [])].sort();
    },
  };
};
