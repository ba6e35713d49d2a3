import type { ProviderHints } from '@duanxin/shared';

/** What `duanxin` advises about Tencent Cloud's codes, by failure family. */
export const tencentHints: ProviderHints = {
  'bad key': {
    codes: /^AuthFailure\.(SecretIdNotFound|InvalidSecretId)$/,
    hint: 'Tencent Cloud does not know this accessKeyId (SecretId): copy it again from 访问管理 → API密钥管理; if it comes from env:NAME, check that variable in this shell.',
  },
  'signature mismatch': { codes: /^AuthFailure\.SignatureFailure$/ },
  'clock skew': { codes: /^AuthFailure\.SignatureExpire$/ },
  'temporary credentials': { codes: /^AuthFailure\.TokenFailure$/ },
  'unapproved signature': {
    codes: /^FailedOperation\.SignatureIncorrectOrUnapproved$/,
    hint: 'signName must be the approved signature content (签名内容), not its id: 短信 → 国内短信 → 签名管理.',
  },
  'unapproved or unknown template': {
    codes: /^FailedOperation\.TemplateIncorrectOrUnapproved$/,
    hint: "templateCode must be the numeric id of an approved template of the sdkAppId's account (短信 → 正文模板管理); international numbers need an international template. `duanxin check tencent` shows each template.",
  },
  'parameter count': {
    codes:
      /^(FailedOperation\.TemplateParamSetNotMatchApprovedTemplate|InvalidParameterValue\.TemplateParameter.*)$/,
    hint: 'The template\'s {1}…{n} must match the values sent: {1} is the code, the template\'s "params" give {2}…; verification-code templates take digits only.',
  },
  'international not enabled': {
    codes: /^UnsupportedOperation\.UnsuportedRegion$/,
    hint: 'Enable international SMS for the app and use an international template: overseasSdkAppId, templateCode { "china": …, "overseas": … }.',
  },
  'illegal number': { codes: /^InvalidParameterValue\.IncorrectPhoneNumber$/ },
  'no permission': {
    codes: /^(AuthFailure\.UnauthorizedOperation|UnauthorizedOperation\.RequestPermissionDeny)$/,
    hint: 'The key lacks permission (访问管理 → 策略): QcloudSMSFullAccess to send, QcloudSMSReadOnlyAccess for check and status.',
  },
  'IP whitelist': { codes: /^UnauthorizedOperation\.RequestIpNotInWhitelist$/ },
};
