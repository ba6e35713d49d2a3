import { randomUUID } from 'node:crypto';

import { parsePhoneNumberForSms } from '@duanxin/shared';
import type { TemplateType } from '@logto/connector-kit';

import { generateCode, hashCode, hashKey } from './code.js';
import { SmsVerificationError, secondsToWait } from './errors.js';
import { counterRefusal, type Counters } from './limits.js';
import type { ResolvedOptions } from './options.js';
import { ipBucket, normalisePhone, toLogtoRecipient } from './phone.js';
import { templateTypeForScene, type VerificationScene } from './scenes.js';
import { createPendingReleases } from './store/pending-releases.js';
import type { ReleaseSendRequest, VerificationStore } from './store/types.js';
import { subjectKeyOf } from './subject.js';

export type SendRequest = {
  /** Any form `parsePhoneNumberForSms` reads: `8613800138000`, `+86…`, `0086…`. */
  phone: string;
  scene: VerificationScene;
  /** The requester's address, for the per-IP cap; also passed to the connector. */
  ip?: string;
  /** The user or session asking: only the same subject can then redeem the code. */
  subject?: string;
  /** Handed to `beforeSend` as it is (a captcha token; the HTTP handler: request and body). */
  context?: unknown;
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

/**
 * duanxin connectors say `outcome: 'unknown'` when a send may have reached the provider (a timeout
 * after the request was written, an unreadable answer). Other connectors' errors carry no outcome.
 */
const mayHaveArrived = (error: unknown): boolean =>
  (error as { data?: { outcome?: unknown } } | undefined)?.data?.outcome === 'unknown';

export const createSend = (opts: ResolvedOptions, store: VerificationStore, counters: Counters) => {
  const { secret, connector } = opts;
  const reservationMs = opts.sendTimeout * 1000;
  const cooldownMs = opts.resendCooldown * 1000;
  const expiresInMs = opts.expiresIn * 1000;
  const pendingReleases = createPendingReleases(store, reservationMs);

  const checkRisk = async (e164: string, request: SendRequest) => {
    if (!opts.beforeSend) {
      return;
    }
    const { country, countryCallingCode } = parsePhoneNumberForSms(e164, {
      provider: 'verification',
    });
    const verdict = await opts.beforeSend({
      phone: e164,
      country,
      countryCallingCode,
      scene: request.scene,
      ip: request.ip,
      subject: request.subject,
      context: request.context,
    });
    if (verdict === false) {
      throw new SmsVerificationError('SEND_REFUSED');
    }
  };

  /** Reserves the number and counts the send, or throws why not. */
  const reserve = async (reservation: ReleaseSendRequest) => {
    // What this process left held in an outage is freed first (and a dead store fails here).
    await pendingReleases.flush(reservation.phoneKey);
    const reserved = await store
      .reserveSend({ ...reservation, now: opts.now(), reservationMs })
      .catch((error: unknown) => {
        // The reply was lost, not necessarily the reservation.
        pendingReleases.add(reservation);
        throw error;
      });
    if (reserved.ok) {
      return;
    }
    if (reserved.reason === 'counter') {
      throw counterRefusal(reserved);
    }
    throw new SmsVerificationError(
      reserved.reason === 'cooldown' ? 'RESEND_COOLDOWN' : 'SEND_IN_PROGRESS',
      { retryAfterSeconds: secondsToWait(reserved.retryAfterMs) }
    );
  };

  return async (request: SendRequest): Promise<SendResult> => {
    const { scene, ip } = request;
    const e164 = normalisePhone(request.phone, opts.defaultCountry);
    const type = templateTypeForScene(opts.scenes, scene);
    const subjectKey = subjectKeyOf(secret, request.subject);
    await checkRisk(e164, request);

    const phoneKey = hashKey(secret, 'phone', e164);
    const ipKey = ip ? hashKey(secret, 'ip', ipBucket(ip)) : undefined;
    const reservation = {
      phoneKey,
      scene,
      reservationId: randomUUID(),
      counters: counters.forSend({ e164, phoneKey, ipKey }),
    };
    await reserve(reservation);

    const code = generateCode(opts.codeLength);
    const confirm = async () => {
      const acceptedAt = opts.now();
      const expiresAt = acceptedAt + expiresInMs;
      try {
        await store.confirmSend({
          ...reservation,
          now: acceptedAt,
          cooldownMs,
          code: {
            hash: hashCode(secret, e164, scene, code),
            subjectKey,
            expiresAt,
            allowedAttempts: opts.allowedAttempts,
            // Kept past expiry so that a late try hears "expired" rather than "no code".
            keepMs: 2 * expiresInMs,
          },
        });
      } catch (error) {
        // The message went out but its code is not stored: it can never be redeemed. The
        // number is freed as soon as the store answers, so that a new code can be sent.
        pendingReleases.add(reservation);
        throw error;
      }
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
        await confirm();
      } else {
        // Nothing was accepted: free the number at once; the cooldown and caps stay untouched.
        await store.releaseSend(reservation).catch(() => pendingReleases.add(reservation));
      }
      throw error;
    }

    const { acceptedAt, expiresAt } = await confirm();
    return {
      phone: e164,
      scene,
      expiresAt: new Date(expiresAt),
      resendAt: new Date(acceptedAt + cooldownMs),
      delivery,
    };
  };
};
