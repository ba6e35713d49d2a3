import { SmsVerificationError, isSmsVerificationError } from '../errors.js';
import type { VerificationStore } from './types.js';

const methods = [
  'reserveSend',
  'confirmSend',
  'releaseSend',
  'takeAttempt',
  'consumeCode',
  'bindPhone',
  'unbindPhone',
  'ownerOfPhone',
  'listPhones',
] as const satisfies readonly (keyof VerificationStore)[];

/** How long a client should wait before asking again while the store is unreachable. */
const retryAfterSeconds = 2;

/**
 * The store as the verifier uses it: whatever a driver throws (a timeout, a refused connection,
 * a closed store) becomes one typed `STORE_UNAVAILABLE` (503, retryable), the driver's error as
 * its cause. Nothing is reported as done that the store did not confirm.
 */
export const guardStore = (store: VerificationStore): VerificationStore => {
  // Named, not spread: a store may be a class whose methods live on its prototype.
  const guarded: Record<string, unknown> = {
    name: store.name,
    ephemeral: store.ephemeral,
    close: store.close?.bind(store),
  };
  for (const method of methods) {
    const call = store[method].bind(store) as (request: unknown) => Promise<unknown>;
    guarded[method] = async (request: unknown) => {
      try {
        return await call(request);
      } catch (cause) {
        throw isSmsVerificationError(cause)
          ? cause
          : new SmsVerificationError('STORE_UNAVAILABLE', { retryAfterSeconds, cause });
      }
    };
  }
  return guarded as unknown as VerificationStore;
};
