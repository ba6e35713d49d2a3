/**
 * Requests captured from the official Aliyun SDKs (docs/providers.md §1.7), replayed byte for
 * byte over TCP with the emulator's clock pinned to the capture time. They carry the SMS doc's
 * test credentials (`testId` / `testSecret`) and a `Host: dysmsapi.aliyuncs.com` header: the
 * V3 signatures cover that host, so only a raw request can reproduce them.
 */
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

import { type Emulator, type EmulatorOptions, startEmulator } from '@duanxin/emulator';

const CAPTURED_AT = Date.parse('2025-01-02T03:04:05Z');

const vectorSeed: EmulatorOptions['seed'] = {
  aliyun: {
    credentials: [{ id: 'testId', secret: 'testSecret' }],
    signatures: [
      { name: '阿里云短信测试', state: 'approved' },
      { name: '测试', state: 'approved' },
    ],
    templates: [
      { id: 'SMS_154950909', content: '您的验证码为${code}，5分钟内有效。', state: 'approved' },
      { id: 'SMS_0001', content: '${name}，您的验证码为${code}。', state: 'approved' },
    ],
  },
};

type Vector = { head: string[]; body: string };

const vectors: Record<string, Vector> = {
  'A-V1-SDK-1': {
    head: [
      'GET /?AccessKeyId=testId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=bWoySVUhtJUiLUDlWlopdMtVfBg%3D HTTP/1.1',
      'Host: dysmsapi.aliyuncs.com',
    ],
    body: '',
  },
  'A-V1-SDK-2': {
    head: [
      'POST / HTTP/1.1',
      'Host: dysmsapi.aliyuncs.com',
      'Content-Type: application/x-www-form-urlencoded',
    ],
    body: 'AccessKeyId=testId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=Xuu%2Bq8pawK%2BBjSVORs5uRN6hOfI%3D',
  },
  'A-V1-SDK-3': {
    head: [
      'GET /?AccessKeyId=testId&Action=SendSms&Format=JSON&OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&RegionId=cn-hangzhou&SignName=%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b%2Ac~d%2Be%21f%27g%28h%29i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=40wnSHqT5yH0GslYwQnaaIiGw8s%3D HTTP/1.1',
      'Host: dysmsapi.aliyuncs.com',
    ],
    body: '',
  },
  'A-V1-SDK-4': {
    head: [
      'POST /?Action=SendSms&Format=json&Version=2017-05-25&Timestamp=2025-01-02T03%3A04%3A05Z&SignatureNonce=0123456789abcdef0123456789abcdef&PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testId&Signature=ntvCWwYycp8ADUcOAov5ivujXDY%3D HTTP/1.1',
      'Host: dysmsapi.aliyuncs.com',
    ],
    body: '',
  },
  'A-V3-SDK-1': {
    head: [
      'POST /?PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D HTTP/1.1',
      'host: dysmsapi.aliyuncs.com',
      'x-acs-action: SendSms',
      'x-acs-version: 2017-05-25',
      'x-acs-date: 2025-01-02T03:04:05Z',
      'x-acs-signature-nonce: 0123456789abcdef0123456789abcdef',
      'x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-credentials-provider: static_ak',
      'accept: application/json',
      'authorization: ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=0bc30f315571c97befecbcc74f709f34a40a3f8979a8a7d7449e15181b9754e3',
    ],
    body: '',
  },
  'A-V3-SDK-2': {
    head: [
      'POST /?OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&SignName=%E6%B5%8B%E8%AF%95&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b*c~d%2Be!f%27g(h)i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D HTTP/1.1',
      'host: dysmsapi.aliyuncs.com',
      'x-acs-action: SendSms',
      'x-acs-version: 2017-05-25',
      'x-acs-date: 2025-01-02T03:04:05Z',
      'x-acs-signature-nonce: 0123456789abcdef0123456789abcdef',
      'x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-credentials-provider: static_ak',
      'accept: application/json',
      'authorization: ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=318e6583b4b2b769f6257c1e1073c6aad53aa48b1b4cfb280cc2a0ee147b509e',
    ],
    body: '',
  },
  'A-V3-SDK-3': {
    head: [
      'POST /?TemplateCode=SMS_154950909 HTTP/1.1',
      'host: dysmsapi.aliyuncs.com',
      'content-type: application/x-www-form-urlencoded',
      'x-acs-action: SendBatchSms',
      'x-acs-version: 2017-05-25',
      'x-acs-date: 2025-01-02T03:04:05Z',
      'x-acs-signature-nonce: 0123456789abcdef0123456789abcdef',
      'x-acs-content-sha256: dd9f53b2eb54cfd87b286d692dbe06068a72c1f5a4a89d880f0b0d8823eec8c0',
      'x-acs-credentials-provider: static_ak',
      'accept: application/json',
      'authorization: ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=bea8a3fa6fd5eae0484c9c3e8f298ed467f51167413958c2ebe722f694e07cc3',
    ],
    body: 'PhoneNumberJson=%5B%2213800138000%22%2C%2213900139000%22%5D&SignNameJson=%5B%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%2C%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%5D&TemplateParamJson=%5B%7B%22code%22%3A%221111%22%7D%2C%7B%22code%22%3A%222222%22%7D%5D',
  },
  'A-V3-SDK-4': {
    head: [
      'POST /?BizId=900619746936498440%5E0&CurrentPage=1&PageSize=10&PhoneNumber=13800138000&SendDate=20250102 HTTP/1.1',
      'host: dysmsapi.aliyuncs.com',
      'x-acs-action: QuerySendDetails',
      'x-acs-version: 2017-05-25',
      'x-acs-date: 2025-01-02T03:04:05Z',
      'x-acs-signature-nonce: 0123456789abcdef0123456789abcdef',
      'x-acs-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-credentials-provider: static_ak',
      'accept: application/json',
      'authorization: ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=2cb767a40c1b5eb706b8e6a5999ee20dab26dc6a27acc6532e3a5d19f4e223f4',
    ],
    body: '',
  },
};

type RawAnswer = { status: number; body: Record<string, unknown> };

/** Sends the captured head and body as they are, adding only framing headers. */
const replay = (emulator: Emulator, vector: Vector): Promise<RawAnswer> => {
  const body = Buffer.from(vector.body, 'utf8');
  const framing = [`content-length: ${body.length}`, 'connection: close'];
  const head = [...vector.head, ...framing].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(emulator.port, '127.0.0.1', () => {
      socket.write(`${head}\r\n\r\n`);
      socket.write(body);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const statusLine = text.slice(0, text.indexOf('\r\n'));
      const payload = text.slice(text.indexOf('\r\n\r\n') + 4);
      resolve({
        status: Number(statusLine.split(' ')[1]),
        body: JSON.parse(payload) as Record<string, unknown>,
      });
    });
  });
};

const running: Emulator[] = [];
const start = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  const emulator = await startEmulator({ seed: vectorSeed, now: () => CAPTURED_AT, ...options });
  running.push(emulator);
  return emulator;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

const v = (name: string): Vector => {
  const vector = vectors[name];
  if (!vector) throw new Error(`no vector ${name}`);
  return vector;
};

describe('Aliyun SDK-captured requests', () => {
  it.each(['A-V1-SDK-1', 'A-V1-SDK-2', 'A-V1-SDK-4', 'A-V3-SDK-1'])(
    '%s: SendSms succeeds',
    async (name) => {
      const emulator = await start();
      const answer = await replay(emulator, v(name));
      expect(answer).toMatchObject({ status: 200, body: { Code: 'OK', Message: 'OK' } });
      expect(emulator.inbox.list()).toEqual([
        expect.objectContaining({
          provider: 'aliyun',
          to: '+8613800138000',
          text: '【阿里云短信测试】您的验证码为123456，5分钟内有效。',
          templateId: 'SMS_154950909',
          code: '123456',
          messageId: answer.body.BizId,
        }),
      ]);
    }
  );

  it.each(['A-V1-SDK-3', 'A-V3-SDK-2'])(
    '%s: percent-encoding stress test succeeds',
    async (name) => {
      const emulator = await start();
      expect((await replay(emulator, v(name))).body).toMatchObject({ Code: 'OK' });
      const text = "【测试】A b*c~d+e!f'g(h)i/j:k，您的验证码为0042。";
      expect(emulator.inbox.list().map(({ to, text, outId }) => ({ to, text, outId }))).toEqual([
        { to: '+8613800138000', text, outId: 'order#1&2=3' },
        { to: '+8613900139000', text, outId: 'order#1&2=3' },
      ]);
    }
  );

  it('A-V3-SDK-3: SendBatchSms with a form body succeeds', async () => {
    const emulator = await start();
    expect((await replay(emulator, v('A-V3-SDK-3'))).body).toMatchObject({ Code: 'OK' });
    expect(emulator.inbox.list().map(({ to, code }) => [to, code])).toEqual([
      ['+8613800138000', '1111'],
      ['+8613900139000', '2222'],
    ]);
  });

  it('A-V3-SDK-4: QuerySendDetails authenticates', async () => {
    const emulator = await start();
    const answer = await replay(emulator, v('A-V3-SDK-4'));
    expect(answer).toMatchObject({ status: 200, body: { Code: 'OK', TotalCount: 0 } });
  });

  it('refuses a replay of the same capture (nonce already used)', async () => {
    const emulator = await start();
    expect((await replay(emulator, v('A-V1-SDK-1'))).body.Code).toBe('OK');
    const again = await replay(emulator, v('A-V1-SDK-1'));
    expect(again).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    expect(emulator.inbox.list()).toHaveLength(1);
  });

  it('refuses a capture outside its time window, or under another secret', async () => {
    const later = await start({ now: () => CAPTURED_AT + 16 * 60 * 1000 });
    expect((await replay(later, v('A-V3-SDK-1'))).body.Code).toBe('InvalidTimeStamp.Expired');
    const lowerCase = await start({
      seed: {
        aliyun: { ...vectorSeed.aliyun, credentials: [{ id: 'testId', secret: 'testsecret' }] },
      },
    });
    const answer = await replay(lowerCase, v('A-V1-SDK-1'));
    expect(answer).toMatchObject({ status: 400, body: { Code: 'SignatureDoesNotMatch' } });
  });
});
