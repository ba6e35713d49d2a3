/**
 * Every refusal the verifier can give, as data: the HTTP status an app would answer and an
 * English message safe to show the user. Connector errors (the provider refused, timed out…) are
 * not wrapped: they are thrown as the connector threw them.
 */
export const SMS_VERIFICATION_ERROR_CODES = {
  INVALID_PHONE_NUMBER: { status: 400, message: 'Not a valid phone number.' },
  INVALID_SCENE: { status: 400, message: 'Unknown verification scene.' },
  RESEND_COOLDOWN: { status: 429, message: 'A code was just sent: wait before asking again.' },
  SEND_IN_PROGRESS: { status: 429, message: 'A code is being sent to this number right now.' },
  NUMBER_CAP_REACHED: { status: 429, message: 'Too many codes sent to this number.' },
  IP_CAP_REACHED: { status: 429, message: 'Too many codes requested from this address.' },
  CODE_NOT_FOUND: { status: 400, message: 'No code is pending for this number: ask for one.' },
  CODE_EXPIRED: { status: 400, message: 'The code has expired: ask for a new one.' },
  CODE_MISMATCH: { status: 400, message: 'Wrong code.' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'Too many wrong codes: ask for a new one.' },
  PHONE_ALREADY_BOUND: { status: 409, message: 'This number is already bound to an account.' },
  PHONE_NOT_BOUND: { status: 404, message: 'This number is not bound to your account.' },
  PROOF_NOT_BOUND: {
    status: 403,
    message: 'Confirm with a code sent to a number already bound to your account.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type SmsVerificationErrorCode = keyof typeof SMS_VERIFICATION_ERROR_CODES;

export type SmsVerificationErrorDetails = {
  /** Cooldown and caps: when the same request may succeed. */
  retryAfterSeconds?: number;
  /** Wrong code: how many more tries this code allows. */
  attemptsLeft?: number;
  cause?: unknown;
};

export class SmsVerificationError extends Error {
  override readonly name = 'SmsVerificationError';
  readonly code: SmsVerificationErrorCode;
  /** The HTTP status an app would answer. */
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  readonly attemptsLeft: number | undefined;

  constructor(code: SmsVerificationErrorCode, details: SmsVerificationErrorDetails = {}) {
    const { status, message } = SMS_VERIFICATION_ERROR_CODES[code];
    const wait =
      details.retryAfterSeconds === undefined ? '' : ` Retry in ${details.retryAfterSeconds} s.`;
    super(`[duanxin] [verification] ${message}${wait}`, { cause: details.cause });
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.attemptsLeft = details.attemptsLeft;
  }
}

export const isSmsVerificationError = (
  error: unknown,
  code?: SmsVerificationErrorCode
): error is SmsVerificationError =>
  error instanceof SmsVerificationError && (code === undefined || error.code === code);

/** Configuration mistakes, found when the verifier is created. */
export const configError = (message: string): Error =>
  new Error(`[duanxin] [verification] ${message}`);
