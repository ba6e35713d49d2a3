import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '@duanxin/emulator';

import { signTencentTc3 } from '../src/signing.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const SEND_BODY = JSON.stringify({
  PhoneNumberSet: ['+8613800138000'],
  SmsSdkAppId: '1400000001',
  SignName: 'duanxin',
  TemplateId: '100002',
  TemplateParamSet: ['246810', '5'],
  SessionContext: 'http-1',
});

/** Signs as a hand-rolled client would, or as the Node SDK does (host without port, service 127). */
const post = async (
  target: Emulator,
  body: string,
  options: { sdkQuirks?: boolean; action?: string } = {}
) => {
  const timestamp = Math.floor(Date.now() / 1000);
  const host = new URL(target.url).host;
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    host: options.sdkQuirks ? host.replace(/:\d+$/, '') : host,
    'x-tc-action': options.action ?? 'SendSms',
    'x-tc-version': '2021-01-11',
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': 'ap-guangzhou',
  };
  const { authorization } = signTencentTc3({
    secretId: 'AKID-duanxin-demo',
    secretKey: 'duanxin-demo-secret',
    service: options.sdkQuirks ? '127' : 'sms',
    timestamp,
    headers,
    body,
  });
  const { host: _signedHost, ...sent } = headers;
  const response = await fetch(`${target.url}/`, {
    method: 'POST',
    headers: { ...sent, authorization },
    body,
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { Response: Record<string, unknown> }).Response;
};

describe('tencent provider over HTTP', () => {
  it('delivers a signed SendSms to the inbox and logs the request', async () => {
    emulator = await startEmulator();
    const answer = await post(emulator, SEND_BODY);
    expect(answer.SendStatusSet).toEqual([
      expect.objectContaining({
        Code: 'Ok',
        PhoneNumber: '+8613800138000',
        SessionContext: 'http-1',
      }),
    ]);
    const message = await emulator.inbox.waitFor({ provider: 'tencent', to: '13800138000' });
    expect(message).toMatchObject({
      text: '【duanxin】246810为您的验证码，请于5分钟内填写。',
      code: '246810',
      templateId: '100002',
      requestId: answer.RequestId,
    });
    expect(emulator.requests.list()).toEqual([
      expect.objectContaining({
        provider: 'tencent',
        method: 'POST',
        path: '/',
        body: SEND_BODY,
        status: 200,
      }),
    ]);
    expect(emulator.account('tencent').balance).toBe(999_999);
  });

  it('accepts the Node SDK host/port and service quirks over a real socket', async () => {
    emulator = await startEmulator();
    const answer = await post(emulator, SEND_BODY, { sdkQuirks: true });
    expect(answer.SendStatusSet).toEqual([expect.objectContaining({ Code: 'Ok' })]);
  });

  it('answers request-level errors with HTTP 200 and no delivery', async () => {
    emulator = await startEmulator();
    emulator.account('tencent').balance = 0;
    const poor = await post(emulator, SEND_BODY);
    expect(poor.SendStatusSet).toEqual([
      expect.objectContaining({ Code: 'FailedOperation.InsufficientBalanceInSmsPackage' }),
    ]);
    const unknown = await post(emulator, SEND_BODY.replace('100002', '999999'));
    expect(unknown.Error).toMatchObject({ Code: 'FailedOperation.TemplateIncorrectOrUnapproved' });
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('replays the B-SDK-1 capture byte for byte (docs/providers.md §2.7)', async () => {
    emulator = await startEmulator({
      now: () => 1_551_113_065_000,
      seed: {
        tencent: {
          credentials: [
            {
              id: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
              secret: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
            },
          ],
          apps: [{ id: '1400006666' }],
          signatures: [{ name: '腾讯云', state: 'approved' }],
          templates: [
            { id: '1234567', content: '您的验证码是{1}，请于{2}分钟内填写。', state: 'approved' },
          ],
        },
      },
    });
    const body =
      '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400006666","SignName":"腾讯云","TemplateId":"1234567","TemplateParamSet":["123456","5"],"SessionContext":"test"}';
    const { port } = emulator;
    const answer = await new Promise<string>((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: {
            host: 'sms.tencentcloudapi.com',
            'content-type': 'application/json',
            'x-tc-action': 'SendSms',
            'x-tc-version': '2021-01-11',
            'x-tc-timestamp': '1551113065',
            'x-tc-region': 'ap-guangzhou',
            'x-tc-requestclient': 'SDK_NODEJS_4.1.220',
            authorization:
              'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host, Signature=65593255c04729587cceea2ed42207fe966081ac4f2f8a90d37f296b0eb44870',
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        }
      );
      outgoing.on('error', reject);
      outgoing.end(Buffer.from(body, 'utf8'));
    });
    expect(JSON.parse(answer)).toMatchObject({
      Response: { SendStatusSet: [{ Code: 'Ok', SessionContext: 'test' }] },
    });
    expect(emulator.inbox.list()[0]?.text).toBe('【腾讯云】您的验证码是123456，请于5分钟内填写。');
  });
});
