import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@duanxin/emulator';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const APIKEY = 'duanxin-demo-apikey-0000000000000';

const post = async (target: Emulator, path: string, fields: Record<string, string>) => {
  // URLSearchParams writes spaces as `+` and `+` as `%2B`, as YunPian needs (docs/providers.md §3.5).
  const response = await fetch(`${target.url}${path}`, {
    method: 'POST',
    headers: {
      accept: 'application/json;charset=utf-8',
      'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    },
    body: new URLSearchParams({ apikey: APIKEY, ...fields }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('yunpian provider over HTTP', () => {
  it('sends an international text and logs the request', async () => {
    emulator = await startEmulator();
    const { status, body } = await post(emulator, '/v2/sms/single_send.json', {
      mobile: '+6591234567',
      text: '【duanxin】Your verification code is 975310.',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: 0,
      msg: '发送成功',
      count: 1,
      unit: 'RMB',
      mobile: '+6591234567',
    });
    const message = await emulator.inbox.waitFor({ provider: 'yunpian', to: '+6591234567' });
    expect(message).toMatchObject({ code: '975310', templateId: '2', messageId: String(body.sid) });
    const [logged] = emulator.requests.list();
    expect(logged).toMatchObject({
      provider: 'yunpian',
      path: '/v2/sms/single_send.json',
      status: 200,
    });
    expect(logged?.body).toContain('mobile=%2B6591234567');
  });

  it('answers errors with HTTP 400 and the code in the body', async () => {
    emulator = await startEmulator();
    const { status, body } = await post(emulator, '/v2/sms/single_send.json', {
      mobile: '13800138000',
      text: '【duanxin】未经审核的内容',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({ http_status_code: 400, code: 5 });
    const get = await fetch(`${emulator.url}/v2/user/get.json?apikey=${APIKEY}`);
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject({ code: 11 });
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('reports the account and its templates', async () => {
    emulator = await startEmulator({ seed: { yunpian: { balance: 20 } } });
    expect((await post(emulator, '/v2/user/get.json', {})).body).toMatchObject({ balance: 1 });
    const templates = (await post(emulator, '/v2/tpl/get.json', { tpl_id: '1' })).body;
    expect(templates).toMatchObject({ tpl_id: 1, check_status: 'SUCCESS' });
  });
});
