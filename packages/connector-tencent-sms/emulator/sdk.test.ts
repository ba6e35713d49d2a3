import { describe, expect, it } from 'vitest';
import { call, errorCode, fakeContext, statusCodes } from '../test/emulator-support.js';
import type { EmulatorRequest, ProviderAccount } from '@duanxin/shared';

/** The official Node SDK's own requests, captured byte for byte (docs/providers.md §2.7). */
describe('tencent provider: SDK captures', () => {
  const SDK_NOW = 1_551_113_065_000;
  const vectorAccount = (
    templateContent: string,
    secret = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'
  ): ProviderAccount => ({
    credentials: [{ id: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', secret }],
    apps: [{ id: '1400006666' }],
    regions: ['ap-guangzhou'],
    signatures: [{ name: '腾讯云', state: 'approved' }],
    templates: [{ id: '1234567', content: templateContent, state: 'approved' }],
    balance: 100,
    international: false,
    flowControl: false,
  });
  const TWO_PARAMS = '您的验证码是{1}，请于{2}分钟内填写。';

  const capture = (
    version: string,
    timestamp: number,
    signature: string,
    date: string,
    body: string
  ): EmulatorRequest => ({
    method: 'POST',
    url: new URL('http://sms.tencentcloudapi.com/'),
    headers: {
      host: 'sms.tencentcloudapi.com',
      'content-type': 'application/json',
      'x-tc-action': 'SendSms',
      'x-tc-version': version,
      'x-tc-timestamp': String(timestamp),
      'x-tc-region': 'ap-guangzhou',
      'x-tc-requestclient': 'SDK_NODEJS_4.1.220',
      authorization: `TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    },
    body: Buffer.from(body, 'utf8'),
  });
  const BODY_2021 =
    '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400006666","SignName":"腾讯云","TemplateId":"1234567","TemplateParamSet":["123456","5"],"SessionContext":"test"}';
  const BODY_2019 =
    '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppid":"1400006666","Sign":"腾讯云","TemplateID":"1234567","TemplateParamSet":["123456"]}';
  const SDK_1 = capture(
    '2021-01-11',
    1551113065,
    '65593255c04729587cceea2ed42207fe966081ac4f2f8a90d37f296b0eb44870',
    '2019-02-25',
    BODY_2021
  );

  const contextAt = (now: number, account: ProviderAccount) => {
    const fake = fakeContext(account);
    fake.clock.now = now;
    return fake;
  };

  it('accepts B-SDK-1 (2021-01-11)', async () => {
    expect(SDK_1.body.length).toBe(168);
    const { context, inbox } = contextAt(SDK_NOW, vectorAccount(TWO_PARAMS));
    const answer = await call(context, SDK_1);
    expect(answer.SendStatusSet).toEqual([
      expect.objectContaining({
        Code: 'Ok',
        PhoneNumber: '+8613800138000',
        SessionContext: 'test',
        IsoCode: 'CN',
      }),
    ]);
    expect(inbox[0]?.text).toBe('【腾讯云】您的验证码是123456，请于5分钟内填写。');
  });

  it('accepts B-SDK-3 (2019-07-11)', async () => {
    const request = capture(
      '2019-07-11',
      1551113065,
      '13dfdefec8f8611e5f231b71de35ef700c955a9b958609bbbe6cc40c1a412de1',
      '2019-02-25',
      BODY_2019
    );
    expect(request.body.length).toBe(136);
    // B-SDK-3 sends one parameter, so its template has one placeholder.
    const { context } = contextAt(SDK_NOW, vectorAccount('您的验证码是{1}。'));
    expect(await statusCodes(request, context)).toEqual(['Ok']);
  });

  it('accepts B-SDK-4, whose scope date is the UTC one (2023-12-31)', async () => {
    const request = capture(
      '2021-01-11',
      1704067199,
      '1241fed8c31331b89c328ad717cee134b9c546a7df8ce8b026bf48891fdeb46e',
      '2023-12-31',
      BODY_2021
    );
    const { context } = contextAt(1_704_067_199_000, vectorAccount(TWO_PARAMS));
    expect(await statusCodes(request, context)).toEqual(['Ok']);
  });

  it('rejects B-SDK-1 with a wrong secret, a stale clock or a tampered body', async () => {
    const wrongSecret = contextAt(SDK_NOW, vectorAccount(TWO_PARAMS, 'not-the-secret')).context;
    expect(await errorCode(SDK_1, wrongSecret)).toBe('AuthFailure.SignatureFailure');
    const late = contextAt(SDK_NOW + 301_000, vectorAccount(TWO_PARAMS)).context;
    expect(await errorCode(SDK_1, late)).toBe('AuthFailure.SignatureExpire');
    const tampered = { ...SDK_1, body: Buffer.from(BODY_2021.replace('123456', '123457'), 'utf8') };
    const inTime = contextAt(SDK_NOW, vectorAccount(TWO_PARAMS));
    expect(await errorCode(tampered, inTime.context)).toBe('AuthFailure.SignatureFailure');
    expect(inTime.inbox).toHaveLength(0);
  });
});
