import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { yunpianEmulatorConfig } from '../emulator/index.js';

import { checkConfig, templateChoices } from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof yunpianEmulatorConfig>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = yunpianEmulatorConfig(emulator.url);
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});

describe('YunPian operator functions', () => {
  it('checks the key, balance and the template each text matches, sending nothing', async () => {
    const items = await checkConfig(config);
    expect(items.filter((item) => item.status === 'problem')).toEqual([]);
    expect(items.map((item) => item.detail)).toContain('matches approved template 1');
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('a text matching only a pending template, or none, is a problem', async () => {
    const items = await checkConfig({
      ...config,
      templates: [
        { usageType: 'Generic', content: '【duanxin】您的登录验证码是{{code}}' },
        { usageType: 'SignIn', content: '【duanxin】Code {{code}}' },
      ],
    });
    expect(items.filter((item) => item.status === 'problem').map((item) => item.detail)).toEqual([
      'matches template 4, which is under review',
      'matches no template of the account: sends answer code 5',
    ]);
  });

  it('a text without 【signature】 is matched under the default signature', async () => {
    const items = await checkConfig({
      ...config,
      templates: [
        { usageType: 'Generic', content: '您的验证码是{{code}}。如非本人操作，请忽略本短信' },
      ],
    });
    expect(items.filter((item) => item.status === 'problem')).toEqual([]);
  });

  it('a send-only apikey (-2) is unverified, an unknown one (-1) a problem', async () => {
    const sendOnly = await checkConfig({ ...config, apikey: 'duanxin-send-only-apikey-00000000' });
    expect(sendOnly[0]?.status).toBe('ok');
    expect(sendOnly.filter((item) => item.status === 'problem')).toEqual([]);
    const unknown = await checkConfig({ ...config, apikey: 'nobody' });
    expect(unknown[0]).toMatchObject({
      subject: 'credentials',
      status: 'problem',
      providerCode: '-1',
    });
  });

  it('lists the content each usage type takes', () => {
    expect(templateChoices(config).filter((choice) => !choice.fellBackToGeneric)).toHaveLength(2);
  });
});
