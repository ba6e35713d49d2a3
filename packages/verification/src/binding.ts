import { SmsVerificationError } from './errors.js';
import { bindScene, unbindScene, type VerificationScene } from './scenes.js';
import type { VerificationStore } from './store/types.js';

type Verify = (request: {
  phone: string;
  scene: VerificationScene;
  code: string;
}) => Promise<unknown>;

/** A code sent (scene `unbind-phone`) to a number already bound to the user. */
export type UnbindProof = { phone: string; code: string };

/**
 * NocoBase's flows, with the checks it lacks: a number is bound to one user at most, and a
 * number is unbound only with a code from a number the user already has.
 */
export const createBindingFlows = ({
  store,
  verify,
  normalise,
}: {
  store: VerificationStore;
  verify: Verify;
  /** The verifier's reading of typed numbers, to E.164. */
  normalise: (phone: unknown) => string;
}) => {
  /** Binds `phone` to `userId` with the code `send({ phone, scene: 'bind-phone' })` sent to it. */
  const bind = async (userId: string, phone: string, code: string): Promise<{ phone: string }> => {
    const e164 = normalise(phone);
    // Checked before the code is spent; the store checks again atomically when binding.
    if ((await store.ownerOfPhone(e164)) !== undefined) {
      throw new SmsVerificationError('PHONE_ALREADY_BOUND');
    }
    await verify({ phone: e164, scene: bindScene, code });
    if ((await store.bindPhone({ userId, phone: e164 })) === 'taken') {
      throw new SmsVerificationError('PHONE_ALREADY_BOUND');
    }
    return { phone: e164 };
  };

  /**
   * Unbinds `phone` from `userId`, given a code sent (scene `unbind-phone`) to a number already
   * bound to the user — that number itself or another one.
   */
  const unbind = async (
    userId: string,
    phone: string,
    proof: UnbindProof
  ): Promise<{ phone: string }> => {
    const e164 = normalise(phone);
    const proofPhone = normalise(proof.phone);
    if ((await store.ownerOfPhone(e164)) !== userId) {
      throw new SmsVerificationError('PHONE_NOT_BOUND');
    }
    if ((await store.ownerOfPhone(proofPhone)) !== userId) {
      throw new SmsVerificationError('PROOF_NOT_BOUND');
    }
    await verify({ phone: proofPhone, scene: unbindScene, code: proof.code });
    if (!(await store.unbindPhone({ userId, phone: e164 }))) {
      throw new SmsVerificationError('PHONE_NOT_BOUND');
    }
    return { phone: e164 };
  };

  /** The user's bound numbers, E.164, sorted. */
  const listBoundPhones = (userId: string): Promise<string[]> => store.listPhones(userId);

  /** Whose number this is, if anyone's (e.g. to refuse sending a bind code for a taken number). */
  const ownerOfPhone = (phone: string): Promise<string | undefined> =>
    store.ownerOfPhone(normalise(phone));

  return { bind, unbind, listBoundPhones, ownerOfPhone };
};
