import type { ReleaseSendRequest, VerificationStore } from './types.js';

const retryEveryMs = 1000;

/**
 * Reservations a send could not settle because the store stopped answering (after the message
 * went out, or when a reservation's reply was lost). Each is released as soon as the store
 * answers again, so that the number can get a new code at once rather than when the
 * reservation lapses; after `giveUpAfterMs` it has lapsed anyway and is forgotten.
 */
export const createPendingReleases = (store: VerificationStore, giveUpAfterMs: number) => {
  const pending = new Map<string, { request: ReleaseSendRequest; giveUpAt: number }>();
  let timer: NodeJS.Timeout | undefined;

  /** Rejects if the store still does not answer. */
  const release = async (id: string) => {
    const entry = pending.get(id);
    if (!entry) {
      return;
    }
    try {
      await store.releaseSend(entry.request);
      pending.delete(id);
    } catch (error) {
      if (Date.now() >= entry.giveUpAt) {
        pending.delete(id);
      }
      throw error;
    }
  };

  const schedule = () => {
    if (timer || pending.size === 0) {
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      void Promise.allSettled([...pending.keys()].map(release)).then(schedule);
    }, retryEveryMs);
    // Nothing waits for these: they must not keep the process alive.
    timer.unref();
  };

  return {
    add(request: ReleaseSendRequest) {
      pending.set(request.reservationId, { request, giveUpAt: Date.now() + giveUpAfterMs });
      schedule();
    },
    /** Before a new send to `phoneKey`: this process's stale reservations for it go first. */
    async flush(phoneKey: string) {
      for (const [id, { request }] of pending) {
        if (request.phoneKey === phoneKey) {
          await release(id);
        }
      }
    },
  };
};
