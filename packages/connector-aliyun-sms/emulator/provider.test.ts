import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CODE_SMS,
  encodeParams,
  STS,
  toAnswer,
  useAliyunEmulator,
} from '../test/emulator-client.js';

const aliyun = useAliyunEmulator();

describe('Aliyun SendSms', () => {
  it.each(['GET', 'POST'] as const)(
    'accepts a V1 %s request and shows the text in the inbox',
    async (method) => {
      const answer = await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS, { method }));
      expect(answer.status).toBe(200);
      expect(answer.contentType).toBe('application/json;charset=utf-8');
      expect(answer.body).toMatchObject({
        Code: 'OK',
        Message: 'OK',
        BizId: expect.stringMatching(/^\d+\^0$/),
      });
      const [message] = aliyun.emulator.inbox.list({ provider: 'aliyun' });
      expect(message).toMatchObject({
        to: '+8613800138000',
        text: '【duanxin】您的验证码为123456，5分钟内有效。',
        signName: 'duanxin',
        templateId: 'SMS_100001',
        code: '123456',
        messageId: answer.body.BizId,
        requestId: answer.body.RequestId,
      });
    }
  );

  it('accepts a V3 request, with an STS token when the key needs one', async () => {
    expect((await toAnswer(await aliyun.sendV3('SendSms', CODE_SMS))).body).toMatchObject({
      Code: 'OK',
    });
    const noToken = await toAnswer(
      await aliyun.sendV3('SendSms', { ...CODE_SMS, PhoneNumbers: '13900139000' }, { key: STS })
    );
    expect(noToken).toMatchObject({ status: 400, body: { Code: 'MissingSecurityToken' } });
    const withToken = await aliyun.sendV3(
      'SendSms',
      { ...CODE_SMS, PhoneNumbers: '13900139000' },
      { key: STS, headers: { 'x-acs-security-token': 'duanxin-sts-token' } }
    );
    expect((await toAnswer(withToken)).body).toMatchObject({ Code: 'OK' });
    const v1 = await aliyun.sendV1(
      'SendSms',
      { ...CODE_SMS, PhoneNumbers: '13700137000' },
      { key: STS }
    );
    expect(await toAnswer(v1)).toMatchObject({
      status: 400,
      body: { Code: 'MissingSecurityToken' },
    });
  });

  it('answers XML when a V1 request does not ask for JSON', async () => {
    const all = { ...CODE_SMS, Format: 'XML' };
    const response = await aliyun.sendV1('SendSms', all);
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    const text = await response.text();
    expect(text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><SendSmsResponse>/);
    expect(text).toContain('<Code>OK</Code>');
  });

  it('sends a batch (V3, form body) with one signature and parameter set per number', async () => {
    const answer = await toAnswer(
      await aliyun.sendV3(
        'SendBatchSms',
        { TemplateCode: 'SMS_100001' },
        {
          form: {
            PhoneNumberJson: '["13800138000","13900139000"]',
            SignNameJson: '["duanxin","duanxin"]',
            TemplateParamJson: '[{"code":"1111"},{"code":"2222"}]',
          },
        }
      )
    );
    expect(answer.body).toMatchObject({ Code: 'OK', BizId: expect.any(String) });
    expect(aliyun.emulator.inbox.list().map((message) => [message.to, message.code])).toEqual([
      ['+8613800138000', '1111'],
      ['+8613900139000', '2222'],
    ]);
    expect(aliyun.emulator.account('aliyun').balance).toBe(1_000_000 - 2);
  });
});

describe('Aliyun gateway errors', () => {
  it('rejects a wrong secret, echoing the server string to sign', async () => {
    const v1 = await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS, { signWith: 'wrong' }));
    expect(v1.status).toBe(400);
    expect(v1.body).toMatchObject({
      Code: 'SignatureDoesNotMatch',
      Message: expect.stringContaining('server string to sign is:POST&%2F&'),
      HostId: 'dysmsapi.aliyuncs.com',
      Recommend: expect.stringContaining('SignatureDoesNotMatch'),
      RequestId: expect.any(String),
    });
    const v3 = await toAnswer(await aliyun.sendV3('SendSms', CODE_SMS, { signWith: 'wrong' }));
    expect(v3).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
    expect(v3.body.Message).toContain('server CanonicalRequest is [POST\n/\n');
    expect(aliyun.emulator.inbox.list()).toEqual([]);
  });

  it('rejects an unknown key (404), a disabled key, a wrong version and an unknown action', async () => {
    const unknown = await aliyun.sendV1('SendSms', CODE_SMS, {
      key: { accessKeyId: 'LTAI-nobody', secret: 'x' },
    });
    expect(await toAnswer(unknown)).toMatchObject({
      status: 404,
      body: { Code: 'InvalidAccessKeyId.NotFound' },
    });

    aliyun.emulator
      .account('aliyun')
      .credentials.push({ id: 'LTAI-off', secret: 'off', disabled: true });
    const disabled = await aliyun.sendV3('SendSms', CODE_SMS, {
      key: { accessKeyId: 'LTAI-off', secret: 'off' },
    });
    expect(await toAnswer(disabled)).toMatchObject({
      status: 400,
      body: { Code: 'InvalidAccessKeyId.Inactive' },
    });

    const version = await aliyun.sendV1('SendSms', { ...CODE_SMS, Version: '2018-05-01' });
    expect(await toAnswer(version)).toMatchObject({
      status: 400,
      body: { Code: 'InvalidVersion' },
    });
    const action = await aliyun.sendV1('SendMail', CODE_SMS);
    expect(await toAnswer(action)).toMatchObject({
      status: 404,
      body: { Code: 'InvalidAction.NotFound' },
    });
  });

  it('enforces the ±15 minute timestamp window', async () => {
    const minutes = (n: number) => n * 60 * 1000;
    for (const skew of [-minutes(16), minutes(16)]) {
      const v1 = await aliyun.sendV1('SendSms', CODE_SMS, { timestamp: aliyun.clock + skew });
      expect(await toAnswer(v1)).toMatchObject({
        status: 400,
        body: { Code: 'InvalidTimeStamp.Expired' },
      });
      const v3 = await aliyun.sendV3('SendSms', CODE_SMS, { date: aliyun.clock + skew });
      expect(await toAnswer(v3)).toMatchObject({
        status: 400,
        body: { Code: 'InvalidTimeStamp.Expired' },
      });
    }
    const within = await aliyun.sendV1('SendSms', CODE_SMS, {
      timestamp: aliyun.clock - minutes(14),
    });
    expect((await toAnswer(within)).body).toMatchObject({ Code: 'OK' });
  });

  it('rejects a reused nonce', async () => {
    const nonce = randomUUID();
    expect((await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS, { nonce }))).body.Code).toBe(
      'OK'
    );
    const replay = await aliyun.sendV1(
      'SendSms',
      { ...CODE_SMS, PhoneNumbers: '13900139000' },
      { nonce }
    );
    expect(await toAnswer(replay)).toMatchObject({
      status: 400,
      body: { Code: 'SignatureNonceUsed' },
    });

    const v3Nonce = randomUUID().replace(/-/g, '');
    const other = { ...CODE_SMS, PhoneNumbers: '13700137000' };
    expect(
      (await toAnswer(await aliyun.sendV3('SendSms', other, { nonce: v3Nonce }))).body.Code
    ).toBe('OK');
    const v3Replay = await aliyun.sendV3(
      'SendSms',
      { ...other, PhoneNumbers: '13600136000' },
      { nonce: v3Nonce }
    );
    expect(await toAnswer(v3Replay)).toMatchObject({
      status: 400,
      body: { Code: 'SignatureNonceUsed' },
    });
    expect(aliyun.emulator.inbox.list()).toHaveLength(2);
  });

  it('rejects a request changed after signing', async () => {
    const v1 = await aliyun.sendV1('SendSms', CODE_SMS, {
      tamper: { PhoneNumbers: '13900139000' },
    });
    expect(await toAnswer(v1)).toMatchObject({
      status: 400,
      body: { Code: 'SignatureDoesNotMatch' },
    });
    const v3 = await aliyun.sendV3(
      'SendBatchSms',
      { TemplateCode: 'SMS_100001' },
      {
        form: {
          PhoneNumberJson: '["13800138000"]',
          SignNameJson: '["duanxin"]',
          TemplateParamJson: '[{"code":"1"}]',
        },
        tamperedBody: encodeParams({
          PhoneNumberJson: '["13900139000"]',
          SignNameJson: '["duanxin"]',
          TemplateParamJson: '[{"code":"1"}]',
        }),
      }
    );
    expect(await toAnswer(v3)).toMatchObject({
      status: 400,
      body: { Code: 'SignatureDoesNotMatch' },
    });
    expect(aliyun.emulator.inbox.list()).toEqual([]);
  });

  it('names a missing action parameter', async () => {
    const { SignName: _omitted, ...withoutSign } = CODE_SMS;
    const answer = await toAnswer(await aliyun.sendV1('SendSms', withoutSign));
    expect(answer).toMatchObject({
      status: 400,
      body: { Code: 'MissingSignName', Message: 'SignName is mandatory for this action.' },
    });
  });
});
