import { SMS_VERIFICATION_ERROR_CODES, isSmsVerificationError } from '../errors.js';

/** Refusals of the handler itself, beside the verifier's own (`SMS_VERIFICATION_ERROR_CODES`). */
export const HTTP_ERROR_CODES = {
  NOT_FOUND: { status: 404, retryable: false, message: 'No such route.' },
  METHOD_NOT_ALLOWED: { status: 405, retryable: false, message: 'Use POST.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    retryable: false,
    message: 'Send JSON (Content-Type: application/json).',
  },
  PAYLOAD_TOO_LARGE: { status: 413, retryable: false, message: 'The request body is too large.' },
  INVALID_REQUEST: {
    status: 400,
    retryable: false,
    message: 'Expected a JSON object of string fields.',
  },
  UNAUTHENTICATED: { status: 401, retryable: false, message: 'Sign in first.' },
  SEND_FAILED: {
    status: 502,
    retryable: true,
    message: 'The text message could not be sent: try again later.',
  },
  INTERNAL_ERROR: { status: 500, retryable: false, message: 'Something went wrong.' },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>;

export type HttpErrorCode = keyof typeof HTTP_ERROR_CODES;

/** A refusal of the handler, turned into its JSON answer. */
export class HttpRefusal extends Error {
  constructor(readonly code: HttpErrorCode) {
    super(HTTP_ERROR_CODES[code].message);
  }
}

/** What every error answer carries. */
export type ErrorBody = {
  code: string;
  message: string;
  status: number;
  retryable: boolean;
  retryAfterSeconds?: number;
  attemptsLeft?: number;
};

const baseHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...baseHeaders, ...headers } });

/** A connector's error (Logto's `ConnectorError`, any kit version): the provider's refusal. */
export const isConnectorError = (error: unknown): boolean =>
  error instanceof Error &&
  typeof (error as { code?: unknown }).code === 'string' &&
  'data' in error;

/** The JSON answer to an error; undefined for errors that are not refusals (bugs). */
export const errorResponse = (error: unknown): Response | undefined => {
  let body: ErrorBody;
  if (isSmsVerificationError(error)) {
    const wait = error.retryAfterSeconds;
    body = {
      code: error.code,
      message:
        SMS_VERIFICATION_ERROR_CODES[error.code].message + (wait ? ` Try again in ${wait} s.` : ''),
      status: error.status,
      retryable: error.retryable,
      ...(wait !== undefined && { retryAfterSeconds: wait }),
      ...(error.attemptsLeft !== undefined && { attemptsLeft: error.attemptsLeft }),
    };
  } else if (error instanceof HttpRefusal || isConnectorError(error)) {
    const code = error instanceof HttpRefusal ? error.code : 'SEND_FAILED';
    body = { code, ...HTTP_ERROR_CODES[code] };
  } else {
    return undefined;
  }
  const retryAfter = body.retryAfterSeconds;
  return json(
    body.status,
    body,
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }
  );
};
