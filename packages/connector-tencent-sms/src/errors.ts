import type { ProviderErrorTable } from '@duanxin/shared';

const credentials =
  'Check accessKeyId (SecretId) / accessKeySecret (SecretKey) in Tencent Cloud console → 访问管理 → API密钥管理.';
const template =
  "Check templateCode: it must be an approved template (短信 → 国内短信/国际短信 → 正文模板管理) of the sdkAppId's account; international numbers need an international template.";

/**
 * Tencent Cloud SMS error codes → Logto error codes.
 * https://cloud.tencent.com/document/api/382/52075 and /382/59177 (providers.md §B.6)
 */
export const tencentErrorTable: ProviderErrorTable = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  },
  'LimitExceeded.PhoneNumberOneHourLimit': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  },
  'LimitExceeded.PhoneNumberDailyLimit': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  },
  'LimitExceeded.PhoneNumberSameContentDailyLimit': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  },
  'LimitExceeded.DeliveryFrequencyLimit': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  },
  'LimitExceeded.AppDailyLimit': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: "The app's daily quota was reached.",
  },
  'LimitExceeded.DailyLimit': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'The daily quota was reached.',
  },
  'LimitExceeded.PhoneNumberCountLimit': { code: 'InvalidRequestParameters' },
  'RequestLimitExceeded.*': { code: 'RateLimitExceeded', failover: 'account', retryable: true },
  RequestLimitExceeded: { code: 'RateLimitExceeded', failover: 'account', retryable: true },
  'InvalidParameterValue.IncorrectPhoneNumber': {
    code: 'InvalidRequestParameters',
    hint: 'The phone number was refused.',
  },
  'FailedOperation.PhoneNumberInBlacklist': { code: 'InvalidRequestParameters' },
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': {
    code: 'InvalidRequestParameters',
  },
  'UnsupportedOperation.UnsuportedRegion': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'International SMS is not enabled for this app, or the destination is not supported.',
  },
  'FailedOperation.SignatureIncorrectOrUnapproved': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Check signName: it must be the approved signature *content* (签名内容), not its id.',
  },
  'FailedOperation.TemplateIncorrectOrUnapproved': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: template,
  },
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "The template's {n} placeholders do not match the parameters sent: add extra values in the template's params.",
  },
  'InvalidParameterValue.TemplateParameterFormatError': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Verification-code templates take only 0–6 digit parameters.',
  },
  'InvalidParameterValue.TemplateParameterLengthLimit': {
    code: 'InvalidConfig',
    failover: 'account',
  },
  'InvalidParameterValue.SdkAppIdNotExist': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "Check sdkAppId (短信 → 应用管理 → 应用列表): it must belong to the key's account.",
  },
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "Check sdkAppId: it does not belong to the key's account.",
  },
  'UnauthorizedOperation.SdkAppIdIsDisabled': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The sdkAppId is disabled.',
  },
  'UnauthorizedOperation.*': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  'FailedOperation.InsufficientBalanceInSmsPackage': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'Buy an SMS package or top up the account.',
  },
  'UnauthorizedOperation.SerivceSuspendDueToArrears': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'The account is suspended for arrears.',
  },
  'AuthFailure.SignatureExpire': {
    code: 'General',
    failover: 'account',
    hint: "This server's clock is off by more than 5 minutes: sync it (NTP).",
  },
  'AuthFailure.*': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  UnsupportedRegion: {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Check region: e.g. ap-guangzhou, ap-beijing, ap-nanjing.',
  },
  'InvalidParameter.*': { code: 'InvalidRequestParameters' },
  'InvalidParameterValue.ContentLengthLimit': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The message is too long for the template: shorten the static parameters.',
  },
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': {
    code: 'InvalidConfig',
    failover: 'account',
  },
  'InvalidParameterValue.*': { code: 'InvalidRequestParameters' },
  'FailedOperation.ContainSensitiveWord': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The template or its parameters contain a word Tencent blocks.',
  },
  'InvalidParameter.DirtyWordFound': { code: 'InvalidConfig', failover: 'account' },
  'FailedOperation.MarketingSendTimeConstraint': {
    code: 'General',
    failover: 'account',
    retryable: true,
  },
  'MissingParameter.*': { code: 'InvalidRequestParameters' },
  'InternalError.*': { code: 'General', failover: 'account', retryable: true },
  InternalError: { code: 'General', failover: 'account', retryable: true },
  ServiceUnavailable: { code: 'General', failover: 'account', retryable: true },
  ResourceUnavailable: { code: 'General', failover: 'account', retryable: true },
};
