import { describe, expect, it } from 'vitest';

import { signTencentV1, tencentV1StringToSign, verifyTencentV1 } from './signing-v1.js';

/**
 * SendSms as tencentcloud-sdk-nodejs-sms 4.1.306 sends it with `signMethod` HmacSHA1 (POST form)
 * and HmacSHA256 (GET query), clock pinned to 1551113065 and Math.random to 0.5 (docs/providers.md
 * §2.2). The parameters are the decoded form body / query, Signature included.
 */
const sdkParams = (signatureMethod: string, signature: string): Record<string, string> => ({
  'PhoneNumberSet.0': '+8613800138000',
  SmsSdkAppId: '1400006666',
  SignName: '腾讯云',
  TemplateId: '1234567',
  'TemplateParamSet.0': '123456',
  'TemplateParamSet.1': '5',
  SessionContext: 'test',
  Action: 'SendSms',
  RequestClient: 'SDK_NODEJS_4.1.220',
  Nonce: '32768',
  Timestamp: '1551113065',
  Version: '2021-01-11',
  SecretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  Region: 'ap-guangzhou',
  SignatureMethod: signatureMethod,
  Signature: signature,
});
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const captures = [
  {
    method: 'POST',
    params: sdkParams('HmacSHA1', 'gviHamhcED2XGXik3hpeIjTowRM='),
    signatureMethod: 'HmacSHA1' as const,
  },
  {
    method: 'GET',
    params: sdkParams('HmacSHA256', '6SAy+ZgYNMc5IQuDVo4LGZ30Z1ykew4InlD/O4QiwE8='),
    signatureMethod: 'HmacSHA256' as const,
  },
];
const host = 'sms.tencentcloudapi.com';

describe('Tencent signature v1', () => {
  it('builds the string to sign from sorted, unencoded name=value pairs', () => {
    const stringToSign = tencentV1StringToSign({
      method: 'POST',
      host,
      params: captures[0]!.params,
    });
    expect(stringToSign).toBe(
      'POSTsms.tencentcloudapi.com/?Action=SendSms&Nonce=32768&PhoneNumberSet.0=+8613800138000' +
        '&Region=ap-guangzhou&RequestClient=SDK_NODEJS_4.1.220&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE' +
        '&SessionContext=test&SignName=腾讯云&SignatureMethod=HmacSHA1&SmsSdkAppId=1400006666' +
        '&TemplateId=1234567&TemplateParamSet.0=123456&TemplateParamSet.1=5&Timestamp=1551113065' +
        '&Version=2021-01-11'
    );
  });

  it.each(captures)('signs the SDK $signatureMethod $method request as the SDK did', (capture) => {
    const { Signature, ...unsigned } = capture.params;
    expect(
      signTencentV1({
        method: capture.method,
        host,
        params: unsigned,
        secretKey: SECRET_KEY,
        signatureMethod: capture.signatureMethod,
      })
    ).toBe(Signature);
  });

  it.each(captures)('verifies the SDK $signatureMethod $method request', (capture) => {
    const request = { method: capture.method, host, params: capture.params, secretKey: SECRET_KEY };
    expect(verifyTencentV1(request)).toEqual({ ok: true });
    expect(verifyTencentV1({ ...request, secretKey: `${SECRET_KEY}x` }).ok).toBe(false);
    const tampered = verifyTencentV1({
      ...request,
      params: { ...capture.params, 'TemplateParamSet.0': '654321' },
    });
    expect(tampered).toMatchObject({ ok: false, reason: 'signature does not match' });
    expect(tampered.ok === false && tampered.stringToSign).toContain('TemplateParamSet.0=654321');
    // The method and the host are signed.
    expect(
      verifyTencentV1({ ...request, method: capture.method === 'GET' ? 'POST' : 'GET' }).ok
    ).toBe(false);
    expect(verifyTencentV1({ ...request, host: `${host}:8080` }).ok).toBe(false);
  });

  it('checks with HMAC-SHA1 unless SignatureMethod is HmacSHA256, and needs a Signature', () => {
    const base = { method: 'POST', host, secretKey: SECRET_KEY };
    const { Signature: _signature, SignatureMethod: _method, ...unsigned } = captures[0]!.params;
    for (const method of [undefined, 'HmacMD5', 'hmacsha256']) {
      const params = method === undefined ? unsigned : { ...unsigned, SignatureMethod: method };
      const sha1 = signTencentV1({ ...base, params, signatureMethod: 'HmacSHA1' });
      const sha256 = signTencentV1({ ...base, params, signatureMethod: 'HmacSHA256' });
      expect(verifyTencentV1({ ...base, params: { ...params, Signature: sha1 } })).toEqual({
        ok: true,
      });
      expect(verifyTencentV1({ ...base, params: { ...params, Signature: sha256 } }).ok).toBe(false);
    }
    expect(verifyTencentV1({ ...base, params: unsigned })).toEqual({
      ok: false,
      reason: 'missing Signature parameter',
    });
  });
});
