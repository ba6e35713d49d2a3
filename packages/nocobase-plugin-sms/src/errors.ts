/**
 * NocoBase's SMS OTP resource tells a provider's failures apart by `error.name` alone
 * (docs/nocobase.md §2): `InvalidReceiver` answers 400 "Not a valid cellphone number, please
 * re-enter", `RateLimit` answers 429 "You are trying so frequently, please slow down", and any
 * other name answers 500 "Verification send failed, please try later or contact to
 * administrator" and logs the error. NocoBase translates these itself (zh-CN, en-US).
 */
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

export type SendFailure = 'InvalidReceiver' | 'RateLimit' | 'SendSMSFailed';

/** What a send failure becomes for NocoBase: only the name counts; the message is for the log. */
export class VerificationSendError extends Error {
  constructor(
    override readonly name: SendFailure,
    message: string,
    /** Whether the connector reports that nothing was sent. */
    readonly sent: 'no' | 'unknown' = 'no'
  ) {
    super(message);
  }
}

type DuanxinErrorData = {
  errorDescription?: unknown;
  field?: unknown;
  outcome?: unknown;
};

const failureOf = (code: ConnectorErrorCodes, data: DuanxinErrorData): SendFailure => {
  if (
    code === ConnectorErrorCodes.RateLimitExceeded ||
    code === ConnectorErrorCodes.UsageLimitExceeded
  ) {
    return 'RateLimit';
  }
  // Bad input the connector caught (field `to`), or the provider refusing the request's
  // parameters: the number is the only one a user chooses; config faults map to InvalidConfig.
  if (
    code === ConnectorErrorCodes.InvalidRequestParameters &&
    (data.field === 'to' || data.outcome === 'rejected')
  ) {
    return 'InvalidReceiver';
  }
  return 'SendSMSFailed';
};

/**
 * A duanxin connector's error, with its description as message: the connectors mask numbers and
 * codes in it and leave secrets out. Anything else is a bug, and only its name is kept: its text
 * could hold anything.
 */
export const toVerificationSendError = (error: unknown): VerificationSendError => {
  if (error instanceof VerificationSendError) {
    return error;
  }
  if (error instanceof ConnectorError) {
    const data = (error.data ?? {}) as DuanxinErrorData;
    const description =
      typeof data.errorDescription === 'string' ? data.errorDescription : `[duanxin] ${error.code}`;
    return new VerificationSendError(
      failureOf(error.code, data),
      description,
      data.outcome === 'unknown' ? 'unknown' : 'no'
    );
  }
  const name = error instanceof Error ? error.name : typeof error;
  return new VerificationSendError('SendSMSFailed', `[duanxin] unexpected ${name}`, 'unknown');
};
