import { accountWide, perNumberLimit, type ProviderErrorTable } from '@duanxin/shared';

const credentials =
  'Check appKey / appSecret: APP_Key and APP_Secret of the SMS app (短信控制台 → 应用管理).';
const template =
  'Check templates[].templateId: an approved template of this app (短信控制台 → 模板管理); mainland and international templates are not interchangeable.';

/**
 * MSGSMS answers → Logto error codes. `code` of the answer, or, with E000510, the number's own
 * `status`. Sources: API错误码 https://support.huaweicloud.com/api-msgsms/sms_05_0050.html and
 * 状态回执错误码 https://support.huaweicloud.com/api-msgsms/sms_05_0051.html. Codes marked
 * "inferred" could not be confirmed against those pages (seen only in part): their number or
 * meaning is from memory of the docs and SDKs, and their mapping is the safe reading.
 */
export const huaweiErrorTable: ProviderErrorTable = {
  // 400: the request could not be parsed, e.g. templateParas not a JSON array of strings.
  E000000: {
    code: 'InvalidRequestParameters',
    hint: 'templateParas must be a JSON array of strings; check the template variables.',
  },
  // 400: Authorization header missing or malformed (E000001–E000005 confirmed).
  E000001: accountWide('InvalidConfig', credentials),
  E000002: accountWide('InvalidConfig', credentials),
  E000003: accountWide('InvalidConfig', credentials),
  E000004: accountWide('InvalidConfig', credentials),
  E000005: accountWide('InvalidConfig', credentials),
  E000006: accountWide('InvalidConfig', credentials), // inferred: type must be Appkey
  // 401: authentication.
  E000101: accountWide('InvalidConfig', credentials),
  E000102: accountWide('InvalidConfig', credentials),
  E000103: accountWide('InvalidConfig', `${credentials} The app may be suspended.`), // inferred
  E000104: accountWide('InvalidConfig', credentials), // inferred: app_secret invalid
  E000105: accountWide('InvalidConfig', credentials), // inferred: PasswordDigest invalid
  E000106: accountWide('InvalidConfig', 'This app may not call the SMS API.'), // inferred
  E000109: accountWide('InvalidConfig', 'The account is not activated.'), // inferred
  E000110: accountWide(
    'InvalidConfig',
    "Created (this server's clock, in UTC) is too far from Huawei's: check this server's time (NTP)."
  ),
  E000111: accountWide('InvalidConfig', `No app has this appKey. ${credentials}`),
  E000112: accountWide(
    'UsageLimitExceeded',
    'The account is frozen: for arrears, top it up (it unfreezes on payment); for a violation, contact Huawei Cloud.'
  ),
  // 403.
  E000620: accountWide(
    'InvalidConfig',
    "This server's IP is not in the app's IP whitelist (应用管理); changes take 10–15 minutes."
  ),
  // inferred: "SP 发送量达到国家/地区级限额" (confirmed text, unconfirmed number).
  E000623: accountWide(
    'UsageLimitExceeded',
    'The send limit set for this country/region was reached (通用设置 → 流量阈值).'
  ),
  // 400: parameter format (missing templateId or number, bad templateId, special characters).
  E000503: { code: 'InvalidRequestParameters' },
  // Per-number `status` (E000510 answers "failed, see status").
  // inferred number: the doc text "短信平台进行正常的业务流控，请等待一段时间（10分钟左右）后重试" is
  // confirmed, the code it belongs to is not.
  E200015: perNumberLimit(
    'Flow control: verification codes are limited to 2 a minute and 50 a day per number.'
  ),
  E200018: accountWide(
    'InvalidConfig',
    'Check sender: the channel number (from) does not belong to this app.'
  ),
  E200020: accountWide(
    'InvalidConfig',
    'Check signature: it does not match the channel (from) or the template.'
  ),
  E200024: accountWide(
    'InvalidRequestParameters',
    'International SMS is not enabled for this app: set overseasSender (and overseasAppKey) for an international app, or restrict allowedCountries.'
  ),
  E200025: accountWide(
    'InvalidRequestParameters',
    "The international channel does not serve this number's country."
  ),
  E200028: accountWide(
    'InvalidConfig',
    'Template variables: templates[].params must give every ${2}, ${3}… a non-empty value within its length.'
  ),
  E200029: accountWide('InvalidConfig', template), // inferred: template type check failed
  E200030: accountWide('InvalidConfig', template), // inferred: template not activated
  E200033: accountWide('InvalidConfig', template), // inferred: wrong template type
  E200041: { code: 'InvalidRequestParameters' }, // inferred: the same number twice
};
