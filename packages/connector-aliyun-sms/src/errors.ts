import type { ProviderErrorTable } from '@duanxin/shared';

const signature =
  'Check signName: it must be an approved signature (Aliyun console → 短信服务 → 签名管理).';
const template =
  'Check templateCode: it must be an approved template of this account (Aliyun console → 短信服务 → 模板管理); domestic and international templates are not interchangeable.';
const credentials =
  'Check accessKeyId / accessKeySecret (Aliyun console → AccessKey 管理) and that the key is enabled.';

/**
 * Dysmsapi error codes → Logto error codes.
 * https://help.aliyun.com/document_detail/101346.html (providers.md §A.9)
 */
export const aliyunErrorTable: ProviderErrorTable = {
  'isv.BUSINESS_LIMIT_CONTROL': {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
    hint: 'Per-number flow control (verification codes: 1/min, 5/hour, 10/day by default).',
  },
  'isv.DAY_LIMIT_CONTROL': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'The daily cap set in the Aliyun console was reached.',
  },
  'isv.MONTH_LIMIT_CONTROL': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'The monthly cap set in the Aliyun console was reached.',
  },
  'isv.AMOUNT_NOT_ENOUGH': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'Top up the Aliyun account balance.',
  },
  'isv.OUT_OF_SERVICE': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'The account is suspended for arrears: top it up.',
  },
  'isv.MOBILE_NUMBER_ILLEGAL': {
    code: 'InvalidRequestParameters',
    hint: 'The phone number was refused.',
  },
  'isv.MOBILE_COUNT_OVER_LIMIT': { code: 'InvalidRequestParameters' },
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'An international template was used for a mainland number: use templateCode { china, overseas }.',
  },
  'isv.SMS_TEMPLATE_ILLEGAL': { code: 'InvalidConfig', failover: 'account', hint: template },
  'isv.TEMPLATE_MISSING_PARAMETERS': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "The template has variables the config does not fill: set templateParamName or the template's params.",
  },
  'isv.SMS_SIGNATURE_ILLEGAL': { code: 'InvalidConfig', failover: 'account', hint: signature },
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The signature and the template are of different types: use a verification-code (验证码) signature and template.',
  },
  'isv.SIGN_STATE_ILLEGAL': { code: 'InvalidConfig', failover: 'account', hint: signature },
  'isv.SMS_SIGN_ILLEGAL': { code: 'InvalidConfig', failover: 'account', hint: signature },
  'isv.INVALID_JSON_PARAM': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Template parameters must be strings.',
  },
  'isv.INVALID_PARAMETERS': { code: 'InvalidRequestParameters' },
  'isv.PARAM_LENGTH_LIMIT': { code: 'InvalidRequestParameters' },
  'isv.DENY_IP_RANGE': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Domestic SMS must be sent from a mainland-China IP address, or add this IP in the console.',
  },
  'isv.PRODUCT_UN_SUBSCRIPT': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Activate SMS (短信服务) for this account.',
  },
  'isv.PRODUCT_UNSUBSCRIBE': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Activate SMS (短信服务) for this account.',
  },
  'isv.ACCOUNT_NOT_EXISTS': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  'isv.ACCOUNT_ABNORMAL': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  'isp.RAM_PERMISSION_DENY': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The RAM user lacks permission: grant AliyunDysmsFullAccess (or send-only rights).',
  },
  'isp.SYSTEM_ERROR': { code: 'General', failover: 'account', retryable: true },
  SignatureDoesNotMatch: { code: 'InvalidConfig', failover: 'account', hint: credentials },
  IncompleteSignature: { code: 'InvalidConfig', failover: 'account', hint: credentials },
  'InvalidAccessKeyId.NotFound': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  'InvalidAccessKeyId.Inactive': { code: 'InvalidConfig', failover: 'account', hint: credentials },
  MissingSecurityToken: {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'This is a temporary (STS) key: set securityToken too.',
  },
  'InvalidSecurityToken.*': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Check securityToken: temporary credentials expire.',
  },
  'InvalidTimeStamp.Expired': {
    code: 'General',
    failover: 'account',
    hint: "This server's clock is off by more than 15 minutes: sync it (NTP).",
  },
  SignatureNonceUsed: { code: 'General', retryable: true },
  'Throttling.*': { code: 'RateLimitExceeded', failover: 'account', retryable: true },
  Throttling: { code: 'RateLimitExceeded', failover: 'account', retryable: true },
  ServiceUnavailable: { code: 'General', failover: 'account', retryable: true },
  InternalError: { code: 'General', failover: 'account', retryable: true },
};
