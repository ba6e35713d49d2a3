import type { ProviderHints } from '@duanxin/shared';

/**
 * What `duanxin` (the CLI) advises on Aliyun's error codes, by family; more precise than the
 * error table's hints, which the console shows.
 */
export const aliyunHints: ProviderHints = {
  'bad key': {
    codes: /^InvalidAccessKeyId\..*$/,
    hint: 'Aliyun does not know this accessKeyId, or it is disabled: copy it again from AccessKey 管理 (mind stray spaces); if it comes from env:NAME, check that variable in this shell.',
  },
  'signature mismatch': {
    codes: /^(SignatureDoesNotMatch|IncompleteSignature)$/,
  },
  'clock skew': {
    codes: /^InvalidTimeStamp\.Expired$/,
  },
  'temporary credentials': {
    codes: /^(MissingSecurityToken|InvalidSecurityToken\..*)$/,
  },
  'unapproved signature': {
    codes: /^isv\.(SMS_SIGNATURE_ILLEGAL|SIGN_STATE_ILLEGAL|SMS_SIGN_ILLEGAL)$/,
    hint: 'signName must be an approved signature of this account, exactly as in 短信服务 → 签名管理, without 【】. `duanxin check aliyun` shows its review state.',
  },
  'unapproved or unknown template': {
    codes: /^isv\.SMS_TEMPLATE_ILLEGAL$/,
    hint: 'templateCode must be an approved template of this account (短信服务 → 模板管理); numbers outside mainland China need an international one: templateCode { "china": …, "overseas": … }. `duanxin check aliyun` shows each template.',
  },
  'parameter count': {
    codes: /^isv\.(TEMPLATE_MISSING_PARAMETERS|INVALID_JSON_PARAM)$/,
    hint: 'The template has variables the config does not fill: templateParamName names the code\'s variable (default code); the template\'s "params" give the others, e.g. { "time": "5" }.',
  },
  'international not enabled': {
    codes: /^isv\.DOMESTIC_NUMBER_NOT_SUPPORTED$/,
    hint: 'Domestic and international templates are separate: give templateCode as { "china": …, "overseas": … } with an international (国际/港澳台) template for overseas.',
  },
  'illegal number': {
    codes: /^isv\.MOBILE_NUMBER_ILLEGAL$/,
  },
  'mainland IP only': {
    codes: /^isv\.DENY_IP_RANGE$/,
    hint: "Aliyun refuses domestic SMS from this server's IP region: send from a mainland-China IP, or allow this IP in the console's security settings (短信服务 → 通用设置).",
  },
  'no permission': {
    codes: /^(isp\.RAM_PERMISSION_DENY|Forbidden\.RAM)$/,
    hint: 'The RAM user lacks permission: AliyunDysmsFullAccess to send, AliyunDysmsReadOnlyAccess for check and status.',
  },
};
