import { accountWide, perNumberLimit, retryLater, type ProviderErrorTable } from '@duanxin/shared';

const credentials =
  'Check accessKeyId (SecretId) / accessKeySecret (SecretKey) in Tencent Cloud console → 访问管理 → API密钥管理.';
const template =
  "Check templateCode: it must be an approved template (短信 → 国内短信/国际短信 → 正文模板管理) of the sdkAppId's account; international numbers need an international template.";

/**
 * Tencent Cloud SMS error codes → Logto error codes.
 * https://cloud.tencent.com/document/api/382/52075 and /382/59177 (docs/providers.md §2.6)
 */
export const tencentErrorTable: ProviderErrorTable = {
  'LimitExceeded.PhoneNumberThirtySecondLimit': perNumberLimit(),
  'LimitExceeded.PhoneNumberOneHourLimit': perNumberLimit(),
  'LimitExceeded.PhoneNumberDailyLimit': perNumberLimit(),
  'LimitExceeded.PhoneNumberSameContentDailyLimit': perNumberLimit(),
  'LimitExceeded.DeliveryFrequencyLimit': perNumberLimit(),
  'LimitExceeded.AppDailyLimit': accountWide(
    'UsageLimitExceeded',
    "The app's daily quota was reached."
  ),
  'LimitExceeded.DailyLimit': accountWide('UsageLimitExceeded', 'The daily quota was reached.'),
  'LimitExceeded.PhoneNumberCountLimit': { code: 'InvalidRequestParameters' },
  'RequestLimitExceeded.*': retryLater('RateLimitExceeded'),
  RequestLimitExceeded: retryLater('RateLimitExceeded'),
  'InvalidParameterValue.IncorrectPhoneNumber': {
    code: 'InvalidRequestParameters',
    hint: 'The phone number was refused.',
  },
  'FailedOperation.PhoneNumberInBlacklist': { code: 'InvalidRequestParameters' },
  'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber': {
    code: 'InvalidRequestParameters',
  },
  'UnsupportedOperation.UnsuportedRegion': accountWide(
    'InvalidConfig',
    'International SMS is not enabled for this app, or the destination is not supported.'
  ),
  'FailedOperation.SignatureIncorrectOrUnapproved': accountWide(
    'InvalidConfig',
    'Check signName: it must be the approved signature *content* (签名内容), not its id.'
  ),
  'FailedOperation.TemplateIncorrectOrUnapproved': accountWide('InvalidConfig', template),
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate': accountWide(
    'InvalidConfig',
    "The template's {n} placeholders do not match the parameters sent: add extra values in the template's params."
  ),
  'InvalidParameterValue.TemplateParameterFormatError': accountWide(
    'InvalidConfig',
    'Verification-code templates take only 0–6 digit parameters.'
  ),
  'InvalidParameterValue.TemplateParameterLengthLimit': accountWide('InvalidConfig'),
  'InvalidParameterValue.SdkAppIdNotExist': accountWide(
    'InvalidConfig',
    "Check sdkAppId (短信 → 应用管理 → 应用列表): it must belong to the key's account."
  ),
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail': accountWide(
    'InvalidConfig',
    "Check sdkAppId: it does not belong to the key's account."
  ),
  'UnauthorizedOperation.SdkAppIdIsDisabled': accountWide(
    'InvalidConfig',
    'The sdkAppId is disabled.'
  ),
  'UnauthorizedOperation.*': accountWide('InvalidConfig', credentials),
  'FailedOperation.InsufficientBalanceInSmsPackage': accountWide(
    'UsageLimitExceeded',
    'Buy an SMS package or top up the account.'
  ),
  'UnauthorizedOperation.SerivceSuspendDueToArrears': accountWide(
    'UsageLimitExceeded',
    'The account is suspended for arrears.'
  ),
  'AuthFailure.SignatureExpire': accountWide(
    'General',
    "This server's clock is off by more than 5 minutes: sync it (NTP)."
  ),
  'AuthFailure.*': accountWide('InvalidConfig', credentials),
  UnsupportedRegion: accountWide(
    'InvalidConfig',
    'Check region: e.g. ap-guangzhou, ap-beijing, ap-nanjing.'
  ),
  'InvalidParameter.*': { code: 'InvalidRequestParameters' },
  'InvalidParameterValue.ContentLengthLimit': accountWide(
    'InvalidConfig',
    'The message is too long for the template: shorten the static parameters.'
  ),
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter': accountWide('InvalidConfig'),
  'InvalidParameterValue.*': { code: 'InvalidRequestParameters' },
  'FailedOperation.ContainSensitiveWord': accountWide(
    'InvalidConfig',
    'The template or its parameters contain a word Tencent blocks.'
  ),
  'InvalidParameter.DirtyWordFound': accountWide('InvalidConfig'),
  'FailedOperation.MarketingSendTimeConstraint': retryLater('General'),
  'MissingParameter.*': { code: 'InvalidRequestParameters' },
  'InternalError.*': retryLater('General'),
  InternalError: retryLater('General'),
  ServiceUnavailable: retryLater('General'),
  ResourceUnavailable: retryLater('General'),
};
