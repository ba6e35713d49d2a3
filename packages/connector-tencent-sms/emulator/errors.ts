import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '@duanxin/shared';

/**
 * Messages of the codes the Tencent emulator answers (wording from the API 3.0 common error page and
 * `tencentcloud-sdk-go` sms/v20210111/errors.go, docs/providers.md §2.6). Clients key on `Code`.
 */
export const TENCENT_MESSAGES: Record<string, string> = {
  'AuthFailure.InvalidAuthorization': 'Authorization header is missing or malformed.',
  'AuthFailure.SecretIdNotFound':
    'The SecretId is not found, please ensure that your SecretId is correct.',
  'AuthFailure.SignatureExpire':
    'Signature expired. Timestamp and server time cannot differ by more than 5 minutes.',
  'AuthFailure.SignatureFailure':
    'The provided credentials could not be validated. Please check your signature is correct.',
  'AuthFailure.TokenFailure': 'The token is invalid or does not belong to the SecretId.',
  MissingParameter: 'The request is missing a required parameter.',
  InvalidParameter: 'A parameter has an invalid type or format.',
  InvalidParameterValue: 'A parameter has an invalid value.',
  InvalidAction: 'The requested action does not exist.',
  NoSuchVersion: 'The requested API version does not exist.',
  UnsupportedRegion: 'The requested region is not supported.',
  'FailedOperation.JsonParseFail': 'The request body is not valid JSON.',
  'MissingParameter.EmptyPhoneNumberSet': 'PhoneNumberSet is empty.',
  'LimitExceeded.PhoneNumberCountLimit': 'A request may contain at most 200 phone numbers.',
  'InvalidParameterValue.SdkAppIdNotExist': 'The SdkAppId does not exist.',
  'InvalidParameterValue.IncorrectPhoneNumber': 'Invalid mobile number format.',
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber':
    'Chinese mainland and international numbers cannot be sent in one request.',
  'UnsupportedOperation.UnsuportedRegion': 'SMS to this region is not supported.',
  'FailedOperation.SignatureIncorrectOrUnapproved':
    'The signature is incorrectly formatted or has not been approved.',
  'FailedOperation.TemplateIncorrectOrUnapproved':
    'The template is incorrectly formatted or has not been approved.',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate':
    'The number of template parameters does not match the approved template.',
  'InvalidParameterValue.TemplateParameterFormatError':
    'Verification code template parameters must be numbers of at most 6 digits.',
  'FailedOperation.InsufficientBalanceInSmsPackage': 'The SMS package balance is insufficient.',
  'LimitExceeded.PhoneNumberThirtySecondLimit':
    'The same content was sent to this number more than allowed within 30 seconds.',
  'LimitExceeded.PhoneNumberOneHourLimit':
    'The number of messages sent to this number within one hour exceeds the limit.',
  'LimitExceeded.PhoneNumberDailyLimit':
    'The number of messages sent to this number within one day exceeds the limit.',
  'UnauthorizedOperation.RequestPermissionDeny': 'The request has no permission for this action.',
};

export const messageFor = (code: string): string =>
  TENCENT_MESSAGES[code] ?? 'The request could not be processed.';

/** A request-level failure: HTTP 200 with `Response.Error` (docs/providers.md §2.5). */
export class TencentError extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string
  ) {
    super(detail ?? messageFor(code));
  }
}

export const tencentOk = (payload: Record<string, unknown>, requestId: string): EmulatorResponse =>
  json({ Response: { ...payload, RequestId: requestId } });

export const tencentError = (error: TencentError, requestId: string): EmulatorResponse =>
  json({ Response: { Error: { Code: error.code, Message: error.message }, RequestId: requestId } });

export const newRequestId = (): string => randomUUID();

const json = (body: unknown): EmulatorResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body,
});
