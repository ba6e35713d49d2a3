import { SmsVerificationError } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { bindScene, unbindScene } from './scenes.js';
import type { SendRequest, SendResult } from './sending.js';
import type { VerificationStore } from './store/types.js';
import type { VerifyRequest } from './verifying.js';

/** A code sent (scene `unbind-phone`) to a number bound to the user. */
export type UnbindProof = { phone: string; code: string };

/** What a binding step knows of the request, for the per-IP caps and `beforeSend`. */
export type BindingRequestInfo = { ip?: string; context?: unknown };

/**
 * NocoBase's flows, without its gaps: a number is bound to one user at most; a number is unbound
 * only with a code from *another* number of the user when they have one; the last number stays
 * unless the app allows removing it; and every code is bound to the user who asked for it.
 */
export const createBindingFlows = ({
  store,
  send,
  verify,
  allowRemovingLast,
  normalise,
}: {
  store: VerificationStore;
  send: (request: SendRequest) => Promise<SendResult>;
  verify: (request: VerifyRequest) => Promise<unknown>;
  allowRemovingLast: ResolvedOptions['allowRemovingLast'];
  /** The verifier's reading of typed numbers, to E.164. */
  normalise: (phone: unknown) => string;
}) => {
  const mayRemoveLast = async (userId: string) =>
    typeof allowRemovingLast === 'function' ? allowRemovingLast(userId) : allowRemovingLast;

  /**
   * Sends the code that `bind()` redeems to `phone`, for `userId` only; a number bound already
   * is refused before anything is texted.
   */
  const sendBindCode = async (
    userId: string,
    phone: string,
    info: BindingRequestInfo = {}
  ): Promise<SendResult> => {
    const e164 = normalise(phone);
    if ((await store.ownerOfPhone(e164)) !== undefined) {
      throw new SmsVerificationError('PHONE_ALREADY_BOUND');
    }
    return send({ ...info, phone: e164, scene: bindScene, subject: userId });
  };

  /** Binds `phone` to `userId` with the code sent to it for this user. */
  const bind = async (
    userId: string,
    phone: string,
    code: string,
    info: BindingRequestInfo = {}
  ): Promise<{ phone: string }> => {
    const e164 = normalise(phone);
    // Checked before the code is spent; the store checks again atomically when binding.
    if ((await store.ownerOfPhone(e164)) !== undefined) {
      throw new SmsVerificationError('PHONE_ALREADY_BOUND');
    }
    await verify({ phone: e164, scene: bindScene, code, ip: info.ip, subject: userId });
    if ((await store.bindPhone({ userId, phone: e164 })) === 'taken') {
      throw new SmsVerificationError('PHONE_ALREADY_BOUND');
    }
    return { phone: e164 };
  };

  /** Sends the code that proves `unbind()` to `phone`, a number bound to `userId`. */
  const sendUnbindCode = async (
    userId: string,
    phone: string,
    info: BindingRequestInfo = {}
  ): Promise<SendResult> => {
    const e164 = normalise(phone);
    if ((await store.ownerOfPhone(e164)) !== userId) {
      throw new SmsVerificationError('PROOF_NOT_BOUND');
    }
    return send({ ...info, phone: e164, scene: unbindScene, subject: userId });
  };

  /**
   * Unbinds `phone` from `userId`. The proof is a code sent (`sendUnbindCode`) to another number
   * of the user when they have one — not the number being removed, which cannot vouch for its
   * own removal. Their last number is removed only with `allowRemovingLast`, proven by itself.
   */
  const unbind = async (
    userId: string,
    phone: string,
    proof: UnbindProof,
    info: BindingRequestInfo = {}
  ): Promise<{ phone: string }> => {
    const e164 = normalise(phone);
    const proofPhone = normalise(proof.phone);
    const bound = await store.listPhones(userId);
    if (!bound.includes(e164)) {
      throw new SmsVerificationError('PHONE_NOT_BOUND');
    }
    const others = bound.filter((number) => number !== e164);
    const lastMayGo = await mayRemoveLast(userId);
    if (others.length > 0) {
      if (proofPhone === e164) {
        throw new SmsVerificationError('PROOF_SAME_NUMBER');
      }
      if (!others.includes(proofPhone)) {
        throw new SmsVerificationError('PROOF_NOT_BOUND');
      }
    } else if (!lastMayGo) {
      throw new SmsVerificationError('LAST_METHOD');
    } else if (proofPhone !== e164) {
      throw new SmsVerificationError('PROOF_NOT_BOUND');
    }
    await verify({
      phone: proofPhone,
      scene: unbindScene,
      code: proof.code,
      ip: info.ip,
      subject: userId,
    });
    // Checked again atomically: two unbinds racing must not remove both of the last two.
    const result = await store.unbindPhone({ userId, phone: e164, keepLast: !lastMayGo });
    if (result === 'last') {
      throw new SmsVerificationError('LAST_METHOD');
    }
    if (result === 'not-bound') {
      throw new SmsVerificationError('PHONE_NOT_BOUND');
    }
    return { phone: e164 };
  };

  /** The user's bound numbers, E.164, sorted. */
  const listBoundPhones = (userId: string): Promise<string[]> => store.listPhones(userId);

  /** Whose number this is, if anyone's. */
  const ownerOfPhone = (phone: string): Promise<string | undefined> =>
    store.ownerOfPhone(normalise(phone));

  return { sendBindCode, bind, sendUnbindCode, unbind, listBoundPhones, ownerOfPhone };
};
