import { randomBytes } from 'node:crypto';

import type { SmsConnector } from '@logto/connector-kit';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';

import { configError } from './errors.js';
import { defaultSceneTemplateTypes, type TemplateTypeName } from './scenes.js';
import { createMemoryStore } from './store/memory.js';
import type { VerificationStore } from './store/types.js';

/**
 * Any Logto SMS connector (`await createAliyunSmsConnector({ getConfig })`), or any object that
 * sends as one does.
 */
export type SmsConnectorLike = Pick<SmsConnector, 'sendMessage'>;

/** At most `max` events (messages, wrong codes) in any `window` seconds. */
export type RollingCap = {
  max: number;
  /** Seconds. */
  window: number;
};

/** A limit on accepted messages in a rolling window. */
export type SendCap = RollingCap;

/** Messages to numbers sharing a prefix: the number without its last `trailingDigits`. */
export type PrefixCap = RollingCap & {
  /** Digits dropped from the end of the E.164 number; 4: blocks of 10,000 numbers. @default 4 */
  trailingDigits?: number;
};

/** What `beforeSend` is told of a send before anything is reserved or texted. */
export type SendCheck = {
  /** E.164. */
  phone: string;
  /** ISO 3166 code of the number (`CN`, `HK`…); undefined for non-geographic numbers. */
  country: string | undefined;
  /** `86`, `852`… */
  countryCallingCode: string;
  scene: string;
  ip: string | undefined;
  subject: string | undefined;
  /** Whatever the app passed as `send({ context })` (the HTTP handler: the request and body). */
  context: unknown;
};

export type SmsVerifierOptions = {
  /** The connector codes are sent through; called exactly as Logto calls it. */
  connector: SmsConnectorLike;
  /**
   * Passed as `sendMessage`'s second argument, as Logto's test send does. Without it the
   * connector reads its own config (`getConfig`).
   */
  config?: unknown;
  /**
   * Where codes, counters and bindings live. Use `createRedisStore()` when several processes
   * serve the same users.
   * @default createMemoryStore()
   */
  store?: VerificationStore;
  /**
   * Server secret (at least 32 bytes, e.g. `openssl rand -base64 32`) keying the HMAC of codes
   * and of numbers in store keys. Required with a shared store. With the memory store a random
   * one is generated (with a warning): its data dies with the process anyway.
   * @default randomBytes(32), memory store only
   */
  secret?: string | Uint8Array;
  /**
   * ISO code of the country whose national numbers users type without `+` or `00`
   * (`138 0013 8000`); `+…` and `00…` are international, and digits that are no national number
   * but are one with their country code in front (Logto's `8613800138000`) are read that way.
   * @default 'CN'
   */
  defaultCountry?: CountryCode;
  /** Digits per code, 4 to 10. @default 6 */
  codeLength?: number;
  /** Seconds a code stays valid. @default 300 */
  expiresIn?: number;
  /** Seconds before the same number may get another code for the same scene. @default 60 */
  resendCooldown?: number;
  /** Tries per code, right or wrong; then only a new code helps. @default 5 */
  allowedAttempts?: number;
  /**
   * Accepted messages per number, all scenes together. `false`: no cap.
   * @default { max: 10, window: 3600 }
   */
  perNumberCap?: SendCap | false;
  /**
   * Messages per IP address (IPv6: per /64), when `send()` is given an `ip`. `false`: no cap.
   * @default { max: 30, window: 3600 }
   */
  perIpCap?: SendCap | false;
  /**
   * Messages to numbers sharing a prefix (the E.164 number without its last 4 digits, by
   * default): SMS pumping texts runs of numbers its operator is paid for. `false`: no cap.
   * @default { max: 20, window: 3600, trailingDigits: 4 }
   */
  perPrefixCap?: PrefixCap | false;
  /**
   * Messages in all, every number and scene together: a ceiling on the bill. Set it to a few
   * times your busiest hour. `false`: no cap.
   * @default { max: 1000, window: 3600 }
   */
  globalCap?: SendCap | false;
  /**
   * Wrong codes per number, whichever code they were for. With the defaults an attacker gets at
   * most 20 guesses a day per number: a 6-digit code is guessed with a chance of 1 in 50,000.
   * `false`: no cap.
   * @default { max: 20, window: 86400 }
   */
  perNumberGuessCap?: RollingCap | false;
  /**
   * Wrong codes per IP address (IPv6: per /64), when `verify()` is given an `ip`, whichever
   * number they were for. `false`: no cap.
   * @default { max: 30, window: 3600 }
   */
  perIpGuessCap?: RollingCap | false;
  /**
   * A risk check (captcha, risk score, country policy) run before anything is reserved or
   * texted: return `false` to refuse with `SEND_REFUSED`, or throw an error of your own.
   */
  beforeSend?: (check: SendCheck) => boolean | void | Promise<boolean | void>;
  /**
   * Whether `unbind()` may remove a user's last bound number. Say `true`, or answer per user,
   * when the app has another way to verify them (a password, email, a passkey).
   * @default false
   */
  allowRemovingLast?: boolean | ((userId: string) => boolean | Promise<boolean>);
  /**
   * Seconds a send may take before its reservation lapses (only matters if the process dies
   * mid-send; a finished send releases or confirms it at once).
   * @default 60
   */
  sendTimeout?: number;
  /**
   * Scenes and the Logto template type each sends with; merged over the defaults.
   * @default defaultSceneTemplateTypes
   */
  scenes?: Record<string, TemplateTypeName>;
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number;
};

const defaults = {
  defaultCountry: 'CN' as CountryCode,
  codeLength: 6,
  expiresIn: 300,
  resendCooldown: 60,
  allowedAttempts: 5,
  perNumberCap: { max: 10, window: 3600 } as SendCap | false,
  perIpCap: { max: 30, window: 3600 } as SendCap | false,
  perPrefixCap: { max: 20, window: 3600, trailingDigits: 4 } as PrefixCap | false,
  globalCap: { max: 1000, window: 3600 } as SendCap | false,
  perNumberGuessCap: { max: 20, window: 86_400 } as RollingCap | false,
  perIpGuessCap: { max: 30, window: 3600 } as RollingCap | false,
  allowRemovingLast: false as NonNullable<SmsVerifierOptions['allowRemovingLast']>,
  sendTimeout: 60,
  now: Date.now,
};

const minimumSecretBytes = 32;

const resolveSecret = (secret: SmsVerifierOptions['secret'], store: VerificationStore): Buffer => {
  if (secret !== undefined) {
    const bytes = Buffer.from(secret);
    if (bytes.length < minimumSecretBytes) {
      throw configError(
        `\`secret\` must be at least ${minimumSecretBytes} bytes (e.g. openssl rand -base64 32).`
      );
    }
    return bytes;
  }
  if (!store.ephemeral) {
    throw configError(
      `Missing required option \`secret\`: every instance sharing the ${store.name} store needs the same one (e.g. openssl rand -base64 32).`
    );
  }
  console.warn(
    '[duanxin] [verification] WARNING: no `secret` given; using a random one for this process. ' +
      'Fine with the memory store, whose codes die with the process; required for a shared store.'
  );
  return randomBytes(minimumSecretBytes);
};

const positiveInteger = (name: string, value: number, min = 1, max = Number.MAX_SAFE_INTEGER) => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw configError(`\`${name}\` must be an integer from ${min} to ${max}, got ${value}.`);
  }
};

const checkCap = (name: string, cap: RollingCap | false) => {
  if (cap) {
    positiveInteger(`${name}.max`, cap.max);
    positiveInteger(`${name}.window`, cap.window);
  }
};

const definedOnly = <T extends object>(options: T): Partial<T> =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as T;

export const resolveOptions = (options: SmsVerifierOptions) => {
  if (typeof options.connector?.sendMessage !== 'function') {
    throw configError('Missing required option `connector` (an SMS connector with sendMessage).');
  }
  const store = options.store ?? createMemoryStore();
  const resolved = {
    ...defaults,
    ...definedOnly(options),
    connector: options.connector,
    store,
    scenes: { ...defaultSceneTemplateTypes, ...options.scenes },
    secret: resolveSecret(options.secret, store),
  };
  if (typeof resolved.defaultCountry !== 'string' || !isSupportedCountry(resolved.defaultCountry)) {
    throw configError('`defaultCountry` must be an ISO 3166 country code such as CN or US.');
  }
  positiveInteger('codeLength', resolved.codeLength, 4, 10);
  positiveInteger('expiresIn', resolved.expiresIn);
  positiveInteger('resendCooldown', resolved.resendCooldown, 0);
  positiveInteger('allowedAttempts', resolved.allowedAttempts);
  positiveInteger('sendTimeout', resolved.sendTimeout);
  checkCap('perNumberCap', resolved.perNumberCap);
  checkCap('perIpCap', resolved.perIpCap);
  checkCap('perPrefixCap', resolved.perPrefixCap);
  if (resolved.perPrefixCap) {
    positiveInteger('perPrefixCap.trailingDigits', resolved.perPrefixCap.trailingDigits ?? 4, 1, 8);
  }
  checkCap('globalCap', resolved.globalCap);
  checkCap('perNumberGuessCap', resolved.perNumberGuessCap);
  checkCap('perIpGuessCap', resolved.perIpGuessCap);
  return resolved;
};

export type ResolvedOptions = ReturnType<typeof resolveOptions>;
