import { accountWide, perNumberLimit, retryLater, type ProviderErrorTable } from '@duanxin/shared';

const signature =
  'Check signName: it must be an approved signature (Aliyun console → 短信服务 → 签名管理).';
const template =
  'Check templateCode: it must be an approved template of this account (Aliyun console → 短信服务 → 模板管理); domestic and international templates are not interchangeable.';
const credentials =
  'Check accessKeyId / accessKeySecret (Aliyun console → AccessKey 管理) and that the key is enabled.';

/**
 * Dysmsapi error codes → Logto error codes.
 * https://help.aliyun.com/document_detail/101346.html (docs/providers.md §1.6)
 */
export const aliyunErrorTable: ProviderErrorTable = {
  'isv.BUSINESS_LIMIT_CONTROL': perNumberLimit(
    'Per-number flow control (verification codes: 1/min, 5/hour, 10/day by default).'
  ),
  'isv.DAY_LIMIT_CONTROL': accountWide(
    'UsageLimitExceeded',
    'The daily cap set in the Aliyun console was reached.'
  ),
  'isv.MONTH_LIMIT_CONTROL': accountWide(
    'UsageLimitExceeded',
    'The monthly cap set in the Aliyun console was reached.'
  ),
  'isv.AMOUNT_NOT_ENOUGH': accountWide('UsageLimitExceeded', 'Top up the Aliyun account balance.'),
  'isv.OUT_OF_SERVICE': accountWide(
    'UsageLimitExceeded',
    'The account is suspended for arrears: top it up.'
  ),
  'isv.MOBILE_NUMBER_ILLEGAL': {
    code: 'InvalidRequestParameters',
    hint: 'The phone number was refused.',
  },
  'isv.MOBILE_COUNT_OVER_LIMIT': { code: 'InvalidRequestParameters' },
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': accountWide(
    'InvalidConfig',
    'An international template was used for a mainland number: use templateCode { china, overseas }.'
  ),
  'isv.SMS_TEMPLATE_ILLEGAL': accountWide('InvalidConfig', template),
  'isv.TEMPLATE_MISSING_PARAMETERS': accountWide(
    'InvalidConfig',
    "The template has variables the config does not fill: set templateParamName or the template's params."
  ),
  'isv.SMS_SIGNATURE_ILLEGAL': accountWide('InvalidConfig', signature),
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL': accountWide(
    'InvalidConfig',
    'The signature and the template are of different types: use a verification-code (验证码) signature and template.'
  ),
  'isv.SIGN_STATE_ILLEGAL': accountWide('InvalidConfig', signature),
  'isv.SMS_SIGN_ILLEGAL': accountWide('InvalidConfig', signature),
  'isv.INVALID_JSON_PARAM': accountWide('InvalidConfig', 'Template parameters must be strings.'),
  'isv.INVALID_PARAMETERS': { code: 'InvalidRequestParameters' },
  'isv.PARAM_LENGTH_LIMIT': { code: 'InvalidRequestParameters' },
  'isv.DENY_IP_RANGE': accountWide(
    'InvalidConfig',
    'Domestic SMS must be sent from a mainland-China IP address, or add this IP in the console.'
  ),
  'isv.PRODUCT_UN_SUBSCRIPT': accountWide(
    'InvalidConfig',
    'Activate SMS (短信服务) for this account.'
  ),
  'isv.PRODUCT_UNSUBSCRIBE': accountWide(
    'InvalidConfig',
    'Activate SMS (短信服务) for this account.'
  ),
  'isv.ACCOUNT_NOT_EXISTS': accountWide('InvalidConfig', credentials),
  'isv.ACCOUNT_ABNORMAL': accountWide('InvalidConfig', credentials),
  'isp.RAM_PERMISSION_DENY': accountWide(
    'InvalidConfig',
    'The RAM user lacks permission: grant AliyunDysmsFullAccess (or send-only rights).'
  ),
  'isp.SYSTEM_ERROR': retryLater('General'),
  SignatureDoesNotMatch: accountWide('InvalidConfig', credentials),
  IncompleteSignature: accountWide('InvalidConfig', credentials),
  'InvalidAccessKeyId.NotFound': accountWide('InvalidConfig', credentials),
  'InvalidAccessKeyId.Inactive': accountWide('InvalidConfig', credentials),
  MissingSecurityToken: accountWide(
    'InvalidConfig',
    'This is a temporary (STS) key: set securityToken too.'
  ),
  'InvalidSecurityToken.*': accountWide(
    'InvalidConfig',
    'Check securityToken: temporary credentials expire.'
  ),
  'InvalidTimeStamp.Expired': accountWide(
    'General',
    "This server's clock is off by more than 15 minutes: sync it (NTP)."
  ),
  SignatureNonceUsed: { code: 'General', retryable: true },
  'Throttling.*': retryLater('RateLimitExceeded'),
  Throttling: retryLater('RateLimitExceeded'),
  ServiceUnavailable: retryLater('General'),
  InternalError: retryLater('General'),
};
