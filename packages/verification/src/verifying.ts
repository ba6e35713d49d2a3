import { randomUUID } from 'node:crypto';

import { digestsMatch, hashCode, hashKey } from './code.js';
import { SmsVerificationError, type SmsVerificationErrorCode } from './errors.js';
import { counterRefusal, type Counters } from './limits.js';
import type { ResolvedOptions } from './options.js';
import { ipBucket, normalisePhone } from './phone.js';
import { templateTypeForScene, type VerificationScene } from './scenes.js';
import type { TakeAttemptResult, VerificationStore } from './store/types.js';
import { subjectKeyOf } from './subject.js';

export type VerifyRequest = {
  phone: string;
  scene: VerificationScene;
  code: string;
  /** The requester's address, for the per-IP guess cap. */
  ip?: string;
  /** The user or session redeeming: must be the one the code was sent for, if it was. */
  subject?: string;
};

export type VerifyResult = { phone: string; scene: VerificationScene };

const attemptRefusals: Record<
  Exclude<TakeAttemptResult['status'], 'ok' | 'counter-full'>,
  SmsVerificationErrorCode
> = {
  'not-found': 'CODE_NOT_FOUND',
  // Someone else's code is, for this requester, no code at all: nothing is said about it.
  'other-subject': 'CODE_NOT_FOUND',
  expired: 'CODE_EXPIRED',
  exhausted: 'TOO_MANY_ATTEMPTS',
};

export const createVerify = (
  opts: ResolvedOptions,
  store: VerificationStore,
  counters: Counters
) => {
  const { secret } = opts;
  const codeShape = new RegExp(`^[0-9]{${opts.codeLength}}$`);

  return async ({ phone, scene, code, ip, subject }: VerifyRequest): Promise<VerifyResult> => {
    const e164 = normalisePhone(phone, opts.defaultCountry);
    templateTypeForScene(opts.scenes, scene);
    const subjectKey = subjectKeyOf(secret, subject);
    if (typeof code !== 'string' || !codeShape.test(code)) {
      // Cannot be right: refused without spending an attempt or reading the store.
      throw new SmsVerificationError('CODE_MISMATCH');
    }
    const phoneKey = hashKey(secret, 'phone', e164);
    const ipKey = ip ? hashKey(secret, 'ip', ipBucket(ip)) : undefined;
    const ref = { phoneKey, scene };
    const attempt = {
      attemptId: randomUUID(),
      counters: counters.forGuess({ e164, phoneKey, ipKey }),
    };
    // The attempt is spent, and counted as a guess, before comparing: parallel guesses cannot
    // outrun the budgets.
    const taken = await store.takeAttempt({ ...ref, ...attempt, subjectKey, now: opts.now() });
    if (taken.status === 'counter-full') {
      throw counterRefusal(taken);
    }
    if (taken.status !== 'ok') {
      throw new SmsVerificationError(attemptRefusals[taken.status]);
    }
    if (!digestsMatch(taken.hash, hashCode(secret, e164, scene, code))) {
      throw new SmsVerificationError('CODE_MISMATCH', { attemptsLeft: taken.attemptsLeft });
    }
    if (!(await store.consumeCode({ ...ref, ...attempt, codeId: taken.codeId }))) {
      // Another request consumed this code a moment ago.
      throw new SmsVerificationError('CODE_NOT_FOUND');
    }
    return { phone: e164, scene };
  };
};
