/**
 * What to do about a failure, by error family: which config field, where in the provider console,
 * whether and when to retry. Data, first match wins; the connector's error-table hint is the
 * fallback.
 */
import type { ProviderName } from './providers.js';

export type FailureFacts = {
  provider: ProviderName;
  /** Logto's error code, e.g. `invalid_config`, `rate_limit_exceeded`. */
  errorCode: string | undefined;
  providerCode: string | undefined;
  field: string | undefined;
  outcome: string | undefined;
  /** The error's description, without its origin prefix. */
  description: string;
  /** Transport failures: whether a connection to the endpoint was made. */
  connected: boolean | undefined;
  config: Record<string, unknown> | undefined;
};

type PerProvider = string | Partial<Record<ProviderName, string>>;

type HintFamily = { family: string; applies: (facts: FailureFacts) => boolean; hint: PerProvider };

const providerCode =
  (pattern: RegExp) =>
  ({ provider, providerCode }: FailureFacts) =>
    providerCode !== undefined && pattern.test(`${provider}:${providerCode}`);

const families: HintFamily[] = [
  {
    family: 'bad key',
    applies: providerCode(
      /^(aliyun:InvalidAccessKeyId\..*|tencent:AuthFailure\.(SecretIdNotFound|InvalidSecretId)|yunpian:-1)$/
    ),
    hint: {
      aliyun:
        'Aliyun does not know this accessKeyId, or it is disabled: copy it again from AccessKey 管理 (mind stray spaces); if it comes from env:NAME, check that variable in this shell.',
      tencent:
        'Tencent Cloud does not know this accessKeyId (SecretId): copy it again from 访问管理 → API密钥管理; if it comes from env:NAME, check that variable in this shell.',
      yunpian:
        'YunPian does not know this apikey: copy it again from 账户设置 → 子帐户管理; if it comes from env:NAME, check that variable in this shell.',
    },
  },
  {
    family: 'signature mismatch',
    applies: providerCode(
      /^(aliyun:(SignatureDoesNotMatch|IncompleteSignature)|tencent:AuthFailure\.SignatureFailure)$/
    ),
    hint: 'The key is known but the request signature does not match: accessKeySecret is not the secret of this accessKeyId (the secret of another key, a rotated key, a stray space). A wrong clock gives a timestamp error, not this one.',
  },
  {
    family: 'clock skew',
    applies: providerCode(
      /^(aliyun:InvalidTimeStamp\.Expired|tencent:AuthFailure\.SignatureExpire)$/
    ),
    hint: "This machine's clock is off (Aliyun allows 15 minutes, Tencent 5): sync it with NTP, then retry.",
  },
  {
    family: 'temporary credentials',
    applies: providerCode(
      /^(aliyun:(MissingSecurityToken|InvalidSecurityToken\..*)|tencent:AuthFailure\.TokenFailure)$/
    ),
    hint: 'Temporary (STS) credentials need their token (Aliyun securityToken, Tencent token) and expire: fetch a fresh set.',
  },
  {
    family: 'unapproved signature',
    applies: providerCode(
      /^(aliyun:isv\.(SMS_SIGNATURE_ILLEGAL|SIGN_STATE_ILLEGAL|SMS_SIGN_ILLEGAL)|tencent:FailedOperation\.SignatureIncorrectOrUnapproved|yunpian:(15|16))$/
    ),
    hint: {
      aliyun:
        'signName must be an approved signature of this account, exactly as in 短信服务 → 签名管理, without 【】. `duanxin check aliyun` shows its review state.',
      tencent:
        'signName must be the approved signature content (签名内容), not its id: 短信 → 国内短信 → 签名管理.',
      yunpian:
        'The 【signature】 at the start of the template content must be an approved signature of the account (云片 → 签名管理).',
    },
  },
  {
    family: 'unapproved or unknown template',
    applies: providerCode(
      /^(aliyun:isv\.SMS_TEMPLATE_ILLEGAL|tencent:FailedOperation\.TemplateIncorrectOrUnapproved|yunpian:(5|7))$/
    ),
    hint: {
      aliyun:
        'templateCode must be an approved template of this account (短信服务 → 模板管理); numbers outside mainland China need an international one: templateCode { "china": …, "overseas": … }. `duanxin check aliyun` shows each template.',
      tencent:
        "templateCode must be the numeric id of an approved template of the sdkAppId's account (短信 → 正文模板管理); international numbers need an international template. `duanxin check tencent` shows each template.",
      yunpian:
        'The content must match an approved template exactly, with {{code}} where the template has #code# (云片 → 模板管理). `duanxin check yunpian` shows which template matches.',
    },
  },
  {
    family: 'parameter count',
    applies: providerCode(
      /^(aliyun:isv\.(TEMPLATE_MISSING_PARAMETERS|INVALID_JSON_PARAM)|tencent:(FailedOperation\.TemplateParamSetNotMatchApprovedTemplate|InvalidParameterValue\.TemplateParameter.*))$/
    ),
    hint: {
      aliyun:
        'The template has variables the config does not fill: templateParamName names the code\'s variable (default code); the template\'s "params" give the others, e.g. { "time": "5" }.',
      tencent:
        'The template\'s {1}…{n} must match the values sent: {1} is the code, the template\'s "params" give {2}…; verification-code templates take digits only.',
    },
  },
  {
    family: 'international not enabled',
    applies: (facts) =>
      providerCode(
        /^(aliyun:isv\.DOMESTIC_NUMBER_NOT_SUPPORTED|tencent:UnsupportedOperation\.UnsuportedRegion|yunpian:(20|23))$/
      )(facts) ||
      // The connector's own refusal (its message is the config's unsupportedCountriesMsg).
      (facts.provider === 'yunpian' &&
        facts.field === 'to' &&
        facts.providerCode === undefined &&
        facts.config?.enableInternational !== true &&
        !/Invalid phone number|allowedCountries/.test(facts.description)),
    hint: {
      aliyun:
        'Domestic and international templates are separate: give templateCode as { "china": …, "overseas": … } with an international (国际/港澳台) template for overseas.',
      tencent:
        'Enable international SMS for the app and use an international template: overseasSdkAppId, templateCode { "china": …, "overseas": … }.',
      yunpian:
        'For numbers outside mainland China, enable international SMS in the YunPian console and set "enableInternational": true, with an international template.',
    },
  },
  {
    family: 'illegal number',
    applies: (facts) =>
      providerCode(
        /^(aliyun:isv\.MOBILE_NUMBER_ILLEGAL|tencent:InvalidParameterValue\.IncorrectPhoneNumber|yunpian:2)$/
      )(facts) ||
      (facts.field === 'to' && facts.providerCode === undefined),
    hint: 'Give --to one number with its country code, as Logto stores it: 8613800138000, +8613800138000 or 008613800138000. Digits are read country code first (13012345678 is +1 301 234 5678); only when allowedCountries leaves that country out and allows CN are they the mainland mobile. No number outside allowedCountries is sent.',
  },
  {
    family: 'mainland IP only',
    applies: providerCode(/^aliyun:isv\.DENY_IP_RANGE$/),
    hint: "Aliyun refuses domestic SMS from this server's IP region: send from a mainland-China IP, or allow this IP in the console's security settings (短信服务 → 通用设置).",
  },
  {
    family: 'no permission',
    applies: providerCode(
      /^(aliyun:(isp\.RAM_PERMISSION_DENY|Forbidden\.RAM)|tencent:(AuthFailure\.UnauthorizedOperation|UnauthorizedOperation\.RequestPermissionDeny)|yunpian:-2)$/
    ),
    hint: {
      aliyun:
        'The RAM user lacks permission: AliyunDysmsFullAccess to send, AliyunDysmsReadOnlyAccess for check and status.',
      tencent:
        'The key lacks permission (访问管理 → 策略): QcloudSMSFullAccess to send, QcloudSMSReadOnlyAccess for check and status.',
      yunpian: "The apikey's sub-account lacks permission for this API (账户设置 → 子帐户管理).",
    },
  },
  {
    family: 'IP whitelist',
    applies: providerCode(/^(yunpian:-3|tencent:UnauthorizedOperation\.RequestIpNotInWhitelist)$/),
    hint: "Add this server's public IP to the account's IP whitelist.",
  },
  {
    family: 'flow control',
    applies: (facts) => facts.errorCode === 'rate_limit_exceeded',
    hint: 'Per-number flow control: wait before sending to this number again (Aliyun 1/min, 5/hour, 10/day; Tencent 1 per 30 s for the same text, then hourly and daily caps). Retrying at once only extends the wait.',
  },
  {
    family: 'no balance',
    applies: (facts) => facts.errorCode === 'usage_limit_exceeded',
    hint: 'The account is out of balance or reached a daily or monthly cap: top it up or raise the cap in the provider console.',
  },
  {
    family: 'unreachable',
    applies: (facts) =>
      facts.providerCode === undefined &&
      facts.field === undefined &&
      facts.outcome === 'not_sent' &&
      facts.connected !== true,
    hint: 'The provider could not be reached: check the endpoint (or --endpoint), DNS, HTTPS_PROXY or the proxy field, and the firewall; --timeout raises the limit per attempt.',
  },
  {
    family: 'no answer',
    applies: (facts) =>
      facts.providerCode === undefined &&
      facts.field === undefined &&
      facts.outcome === 'not_sent' &&
      facts.connected === true,
    hint: "The connection was made, but no usable answer came (see the message: a timeout, a reset, a TLS handshake that failed): check that the endpoint is the provider's API and that a proxy does not intercept TLS; --timeout raises the limit per attempt.",
  },
  {
    family: 'outcome unknown',
    applies: (facts) => facts.outcome === 'unknown',
    hint: 'The message may have been sent: look at the phone, or run `duanxin status`, before sending again (a retry could text the user twice).',
  },
];

export const hintFor = (facts: FailureFacts): string | undefined => {
  const family = families.find((candidate) => candidate.applies(facts));
  if (!family) {
    return undefined;
  }
  return typeof family.hint === 'string' ? family.hint : family.hint[facts.provider];
};
