/**
 * Every refusal the verifier can give, as data: the HTTP status an app would answer, whether the
 * same request may succeed later (`retryable`), and an English message safe to show the user.
 * Connector errors (the provider refused, timed out…) are not wrapped: they are thrown as the
 * connector threw them.
 */
export const SMS_VERIFICATION_ERROR_CODES = {
  INVALID_PHONE_NUMBER: { status: 400, retryable: false, message: 'Not a valid phone number.' },
  INVALID_SCENE: { status: 400, retryable: false, message: 'Unknown verification scene.' },
  SEND_REFUSED: { status: 403, retryable: false, message: 'This request for a code was refused.' },
  RESEND_COOLDOWN: {
    status: 429,
    retryable: true,
    message: 'A code was just sent: wait before asking again.',
  },
  SEND_IN_PROGRESS: {
    status: 429,
    retryable: true,
    message: 'A code is being sent to this number right now.',
  },
  NUMBER_CAP_REACHED: {
    status: 429,
    retryable: true,
    message: 'Too many codes sent to this number.',
  },
  IP_CAP_REACHED: {
    status: 429,
    retryable: true,
    message: 'Too many codes requested from this address.',
  },
  PREFIX_CAP_REACHED: {
    status: 429,
    retryable: true,
    message: 'Too many codes sent to numbers like this one.',
  },
  GLOBAL_CAP_REACHED: {
    status: 503,
    retryable: true,
    message: 'Codes cannot be sent right now: try again later.',
  },
  CODE_NOT_FOUND: {
    status: 400,
    retryable: false,
    message: 'No code is pending for this number: ask for one.',
  },
  CODE_EXPIRED: {
    status: 400,
    retryable: false,
    message: 'The code has expired: ask for a new one.',
  },
  CODE_MISMATCH: { status: 400, retryable: false, message: 'Wrong code.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    retryable: false,
    message: 'Too many wrong codes: ask for a new one.',
  },
  NUMBER_GUESS_CAP_REACHED: {
    status: 429,
    retryable: true,
    message: 'Too many wrong codes for this number: try again later.',
  },
  IP_GUESS_CAP_REACHED: {
    status: 429,
    retryable: true,
    message: 'Too many wrong codes from this address: try again later.',
  },
  PHONE_ALREADY_BOUND: {
    status: 409,
    retryable: false,
    message: 'This number is already bound to an account.',
  },
  PHONE_NOT_BOUND: {
    status: 404,
    retryable: false,
    message: 'This number is not bound to your account.',
  },
  PROOF_NOT_BOUND: {
    status: 403,
    retryable: false,
    message: 'Confirm with a code sent to a number already bound to your account.',
  },
  PROOF_SAME_NUMBER: {
    status: 403,
    retryable: false,
    message: 'Confirm with a code sent to another number bound to your account.',
  },
  LAST_METHOD: {
    status: 409,
    retryable: false,
    message: 'This is the last way to verify your account: add another one first.',
  },
  STORE_UNAVAILABLE: {
    status: 503,
    retryable: true,
    message: 'Verification is unavailable for a moment: try again shortly.',
  },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>;

export type SmsVerificationErrorCode = keyof typeof SMS_VERIFICATION_ERROR_CODES;

export type SmsVerificationErrorDetails = {
  /** Cooldown, caps, an unavailable store: when the same request may succeed. */
  retryAfterSeconds?: number;
  /** Wrong code: how many more tries this code allows (the guess caps included). */
  attemptsLeft?: number;
  cause?: unknown;
};

export class SmsVerificationError extends Error {
  override readonly name = 'SmsVerificationError';
  readonly code: SmsVerificationErrorCode;
  /** The HTTP status an app would answer. */
  readonly status: number;
  /** Whether the same request may succeed later (after `retryAfterSeconds`, when given). */
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly attemptsLeft: number | undefined;

  constructor(code: SmsVerificationErrorCode, details: SmsVerificationErrorDetails = {}) {
    const { status, retryable, message } = SMS_VERIFICATION_ERROR_CODES[code];
    const wait =
      details.retryAfterSeconds === undefined ? '' : ` Retry in ${details.retryAfterSeconds} s.`;
    super(`[duanxin] [verification] ${message}${wait}`, { cause: details.cause });
    this.code = code;
    this.status = status;
    this.retryable = retryable;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attemptsLeft = details.attemptsLeft;
  }
}

export const isSmsVerificationError = (
  error: unknown,
  code?: SmsVerificationErrorCode
): error is SmsVerificationError =>
  error instanceof SmsVerificationError && (code === undefined || error.code === code);

/** Whole seconds until `ms` have passed, at least 1: what `Retry-After` says. */
export const secondsToWait = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** Configuration mistakes, found when the verifier is created. */
export const configError = (message: string): Error =>
  new Error(`[duanxin] [verification] ${message}`);
