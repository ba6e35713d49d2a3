import { randomUUID } from 'node:crypto';

import type { TemplateType } from '@logto/connector-kit';

import { createBindingFlows } from './binding.js';
import { digestsMatch, generateCode, hashCode, hashKey } from './code.js';
import { SmsVerificationError, type SmsVerificationErrorCode } from './errors.js';
import { resolveOptions, type SendCap, type SmsVerifierOptions } from './options.js';
import { ipBucket, normalisePhone, toLogtoRecipient } from './phone.js';
import { templateTypeForScene, type VerificationScene } from './scenes.js';
import type { ReserveSendResult, SendLimits, TakeAttemptResult } from './store/types.js';

export type SendRequest = {
  /** As the user typed it: `138 0013 8000` (a national number of `defaultCountry`), `+86…`, `0086…`. */
  phone: string;
  scene: VerificationScene;
  /** The requester's address, for the per-IP cap; also passed to the connector. */
  ip?: string;
};

export type SendResult = {
  /** E.164, as the number is keyed. */
  phone: string;
  scene: VerificationScene;
  expiresAt: Date;
  /** When `send()` for this number and scene will be accepted again. */
  resendAt: Date;
  /** What the connector returned (duanxin: provider, messageId, requestId…). */
  delivery: unknown;
};

export type VerifyRequest = { phone: string; scene: VerificationScene; code: string };

export type VerifyResult = { phone: string; scene: VerificationScene };

const refusals: Record<
  Exclude<ReserveSendResult, { ok: true }>['reason'],
  SmsVerificationErrorCode
> = {
  cooldown: 'RESEND_COOLDOWN',
  'in-progress': 'SEND_IN_PROGRESS',
  'number-cap': 'NUMBER_CAP_REACHED',
  'ip-cap': 'IP_CAP_REACHED',
};

const attemptRefusals: Record<
  Exclude<TakeAttemptResult['status'], 'ok'>,
  SmsVerificationErrorCode
> = {
  'not-found': 'CODE_NOT_FOUND',
  expired: 'CODE_EXPIRED',
  exhausted: 'TOO_MANY_ATTEMPTS',
};

const toCap = (cap: SendCap | false) =>
  cap ? { max: cap.max, windowMs: cap.window * 1000 } : undefined;

/** Sends one-time codes through an SMS connector, verifies them, and binds numbers to users. */
/**
 * duanxin connectors say `outcome: 'unknown'` when a send may have reached the provider (a timeout
 * after the request was written, an unreadable answer). Other connectors' errors carry no outcome.
 */
const mayHaveArrived = (error: unknown): boolean =>
  (error as { data?: { outcome?: unknown } } | undefined)?.data?.outcome === 'unknown';

export const createSmsVerifier = (options: SmsVerifierOptions) => {
  const opts = resolveOptions(options);
  const { store, secret, connector } = opts;
  const limits: SendLimits = {
    cooldownMs: opts.resendCooldown * 1000,
    reservationMs: opts.sendTimeout * 1000,
    numberCap: toCap(opts.perNumberCap),
    ipCap: toCap(opts.perIpCap),
  };
  const expiresInMs = opts.expiresIn * 1000;
  const codeShape = new RegExp(`^[0-9]{${opts.codeLength}}$`);
  const normalise = (phone: unknown) => normalisePhone(phone, opts.defaultCountry);

  const send = async ({ phone, scene, ip }: SendRequest): Promise<SendResult> => {
    const e164 = normalise(phone);
    const type = templateTypeForScene(opts.scenes, scene);
    const request = {
      phoneKey: hashKey(secret, 'phone', e164),
      scene,
      ipKey: ip ? hashKey(secret, 'ip', ipBucket(ip)) : undefined,
      reservationId: randomUUID(),
      now: opts.now(),
      limits,
    };
    const reserved = await store.reserveSend(request);
    if (!reserved.ok) {
      throw new SmsVerificationError(refusals[reserved.reason], {
        retryAfterSeconds: Math.max(1, Math.ceil(reserved.retryAfterMs / 1000)),
      });
    }

    const code = generateCode(opts.codeLength);
    const confirm = async (acceptedAt: number) => {
      const expiresAt = acceptedAt + expiresInMs;
      await store.confirmSend({
        ...request,
        now: acceptedAt,
        code: {
          hash: hashCode(secret, e164, scene, code),
          expiresAt,
          allowedAttempts: opts.allowedAttempts,
          // Kept past expiry so that a late try hears "expired" rather than "no code".
          keepMs: 2 * expiresInMs,
        },
      });
      return { acceptedAt, expiresAt };
    };
    let delivery: unknown;
    try {
      delivery = await connector.sendMessage(
        // The kit types `type` as its TemplateType enum, whose values are these very strings.
        {
          to: toLogtoRecipient(e164),
          type: type as TemplateType,
          payload: { code },
          ...(ip && { ip }),
        },
        opts.config
      );
    } catch (error) {
      if (mayHaveArrived(error)) {
        // The provider may have texted it: keep the code usable and count the send, so that a
        // resend cannot text the number twice.
        await confirm(opts.now());
      } else {
        // Nothing was accepted: free the number at once; the cooldown and caps stay untouched.
        await store.releaseSend(request).catch(() => undefined);
      }
      throw error;
    }

    const { acceptedAt, expiresAt } = await confirm(opts.now());
    return {
      phone: e164,
      scene,
      expiresAt: new Date(expiresAt),
      resendAt: new Date(acceptedAt + limits.cooldownMs),
      delivery,
    };
  };

  const verify = async ({ phone, scene, code }: VerifyRequest): Promise<VerifyResult> => {
    const e164 = normalise(phone);
    templateTypeForScene(opts.scenes, scene);
    if (typeof code !== 'string' || !codeShape.test(code)) {
      // Cannot be right: refused without spending an attempt or reading the store.
      throw new SmsVerificationError('CODE_MISMATCH');
    }
    const ref = { phoneKey: hashKey(secret, 'phone', e164), scene };
    // The attempt is spent before comparing, so parallel guesses cannot outrun the budget.
    const attempt = await store.takeAttempt({ ...ref, now: opts.now() });
    if (attempt.status !== 'ok') {
      throw new SmsVerificationError(attemptRefusals[attempt.status]);
    }
    if (!digestsMatch(attempt.hash, hashCode(secret, e164, scene, code))) {
      throw new SmsVerificationError('CODE_MISMATCH', { attemptsLeft: attempt.attemptsLeft });
    }
    if (!(await store.consumeCode({ ...ref, codeId: attempt.codeId }))) {
      // Another request consumed this code a moment ago.
      throw new SmsVerificationError('CODE_NOT_FOUND');
    }
    return { phone: e164, scene };
  };

  return {
    send,
    verify,
    ...createBindingFlows({ store, verify, normalise }),
  };
};

export type SmsVerifier = ReturnType<typeof createSmsVerifier>;
