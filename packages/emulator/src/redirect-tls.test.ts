import https from 'node:https';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { yunpianEmulatorConfig } from '@duanxin/connector-yunpian-sms/emulator';

import { redirectTls } from './redirect-tls.js';
import { startEmulator, type Emulator } from './server.js';

let emulator: Emulator;
let restore: () => void;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, https: true, flowControl: false });
  restore = redirectTls({ port: emulator.port });
});
afterAll(async () => {
  restore();
  await emulator.close();
});

const post = (url: string, body: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = https.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      }
    );
    request.on('error', reject);
    request.end(body);
  });

it('routes a client with a fixed production endpoint to the emulator', async () => {
  const { apikey } = yunpianEmulatorConfig(emulator.url);
  const answer = await post(
    'https://sms.yunpian.com/v2/sms/single_send.json',
    new URLSearchParams({
      apikey,
      mobile: '13800138000',
      text: '【duanxin】您的验证码是123456。如非本人操作，请忽略本短信',
    }).toString()
  );
  expect(answer.status).toBe(200);
  expect(emulator.inbox.list()).toMatchObject([{ provider: 'yunpian', code: '123456' }]);
  const [request] = emulator.requests.list();
  expect(request?.headers.host).toBe('sms.yunpian.com');
});
