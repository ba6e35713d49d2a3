import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Emulator } from '@duanxin/emulator';

import { loadProviders, type LoadedProvider } from './catalog.js';
import { VerificationSendError } from './errors.js';
import { sendCode } from './send.js';
import { protectPlaceholders } from './placeholders.js';
import { emulatorSettings, startEmulatorForPlugin } from '../test/emulator-settings.js';

let emulator: Emulator;
let loaded: LoadedProvider[];
let settings: Record<string, Record<string, unknown>>;

const provider = (type: string) => {
  const found = loaded.find((entry) => entry.type === type);
  if (!found) {
    throw new Error(`no provider ${type}`);
  }
  return found;
};

/** The error a send ends in, for NocoBase; it must be one. */
const failureOf = async (send: Promise<void>): Promise<VerificationSendError> => {
  const error: unknown = await send.then(
    () => undefined,
    (caught: unknown) => caught
  );
  expect(error).toBeInstanceOf(VerificationSendError);
  return error as VerificationSendError;
};

beforeAll(async () => {
  emulator = await startEmulatorForPlugin();
  loaded = await loadProviders();
  settings = emulatorSettings(emulator.url);
});
afterAll(() => emulator?.close());
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
});

describe('sendCode', () => {
  it.each(['duanxin-aliyun', 'duanxin-tencent', 'duanxin-yunpian', 'duanxin-huawei'])(
    '%s: a number typed as people type it reaches that phone, with the code',
    async (type) => {
      await sendCode(provider(type), settings[type], '138 0013 8000', '482916');
      expect(emulator.inbox.list()).toMatchObject([{ to: '+8613800138000', code: '482916' }]);
    }
  );

  it('reads national numbers of defaultCountry, and international ones as such', async () => {
    const yunpian = provider('duanxin-yunpian');
    await sendCode(
      yunpian,
      { ...settings['duanxin-yunpian'], defaultCountry: 'US' },
      '(650) 253-0000',
      '111111'
    );
    await sendCode(yunpian, settings['duanxin-yunpian'], '+852 9123 4567', '222222');
    expect(emulator.inbox.list().map(({ to, code }) => ({ to, code }))).toEqual([
      { to: '+16502530000', code: '111111' },
      { to: '+85291234567', code: '222222' },
    ]);
  });

  it('sends the {{code}} of a text saved under its mark, as NocoBase stores it', async () => {
    await sendCode(
      provider('duanxin-yunpian'),
      protectPlaceholders(settings['duanxin-yunpian']),
      '13800138000',
      '334455'
    );
    expect(emulator.inbox.list()).toMatchObject([
      { to: '+8613800138000', text: '【duanxin】您的验证码是334455。如非本人操作，请忽略本短信' },
    ]);
  });

  it('refuses a number it cannot read as InvalidReceiver, and sends nothing', async () => {
    for (const typed of ['12345', '138 0013 800', '+86 138 0013 8000, 139 0013 9000', '']) {
      const error = await failureOf(
        sendCode(provider('duanxin-yunpian'), settings['duanxin-yunpian'], typed, '123456')
      );
      expect(error.name, typed).toBe('InvalidReceiver');
    }
    expect(emulator.requests.list()).toEqual([]);
  });

  it('refuses a number the settings do not serve as InvalidReceiver, and sends nothing', async () => {
    const error = await failureOf(
      sendCode(
        provider('duanxin-yunpian'),
        { ...settings['duanxin-yunpian'], enableInternational: false },
        '+852 9123 4567',
        '123456'
      )
    );
    expect(error.name).toBe('InvalidReceiver');
    expect(emulator.requests.list()).toEqual([]);
  });

  it("maps the provider's refusal of a number to InvalidReceiver", async () => {
    emulator.account('yunpian').international = false;
    try {
      const error = await failureOf(
        sendCode(
          provider('duanxin-yunpian'),
          settings['duanxin-yunpian'],
          '+852 9123 4567',
          '123456'
        )
      );
      expect(error.name).toBe('InvalidReceiver');
      expect(error.message).toMatch(/^\[duanxin\] \[yunpian\] 20/);
      expect(emulator.requests.list()).toHaveLength(1);
      expect(emulator.inbox.list()).toEqual([]);
    } finally {
      emulator.account('yunpian').international = true;
    }
  });

  it("maps the provider's flow control to RateLimit, once, without retrying", async () => {
    const yunpian = provider('duanxin-yunpian');
    // YunPian's default: 3 messages an hour to one number, whatever the text.
    for (const code of ['100001', '100002', '100003']) {
      await sendCode(yunpian, settings['duanxin-yunpian'], '139 0013 9000', code);
    }
    const error = await failureOf(
      sendCode(yunpian, settings['duanxin-yunpian'], '13900139000', '100004')
    );
    expect(error.name).toBe('RateLimit');
    expect(error.message).toMatch(/^\[duanxin\] \[yunpian\] 22/);
    expect(emulator.requests.list()).toHaveLength(4);
    expect(emulator.inbox.list().map((message) => message.code)).toEqual([
      '100001',
      '100002',
      '100003',
    ]);
  });

  it('maps an exhausted balance (a usage limit) to RateLimit', async () => {
    const account = emulator.account('tencent');
    const balance = account.balance;
    account.balance = 0;
    try {
      const error = await failureOf(
        sendCode(provider('duanxin-tencent'), settings['duanxin-tencent'], '13700137000', '123456')
      );
      expect(error.name).toBe('RateLimit');
      expect(emulator.inbox.list()).toEqual([]);
    } finally {
      account.balance = balance;
    }
  });

  it('fails invalid settings with a message naming each field, and sends nothing', async () => {
    const { apikey: _apikey, ...withoutKey } = settings['duanxin-yunpian'] ?? {};
    const error = await failureOf(
      sendCode(
        provider('duanxin-yunpian'),
        { ...withoutKey, timeout: 'soon' },
        '13800138000',
        '123456'
      )
    );
    expect(error.name).toBe('SendSMSFailed');
    expect(error.message).toBe(
      "[duanxin] [duanxin-yunpian] the verifier's settings are invalid: apikey: Required; timeout: Expected number, received string"
    );
    expect(emulator.requests.list()).toEqual([]);
  });

  it('keeps secrets, the code and the number out of every failure', async () => {
    const yunpian = settings['duanxin-yunpian'] ?? {};
    const secret = String(yunpian.apikey);
    const failures = [
      // refused credentials
      await failureOf(
        sendCode(
          provider('duanxin-yunpian'),
          { ...yunpian, apikey: `${secret}-wrong` },
          '13800138000',
          '987654'
        )
      ),
      // nothing listening
      await failureOf(
        sendCode(
          provider('duanxin-aliyun'),
          { ...settings['duanxin-aliyun'], endpoint: 'http://127.0.0.1:9', maxRetries: 0 },
          '13800138000',
          '987654'
        )
      ),
    ];
    expect(failures.map((failure) => failure.name)).toEqual(['SendSMSFailed', 'SendSMSFailed']);
    for (const failure of failures) {
      const shown = `${failure.message} ${failure.stack ?? ''} ${JSON.stringify(failure)}`;
      for (const hidden of [secret, 'duanxin-demo-secret', '987654', '13800138000']) {
        expect(shown).not.toContain(hidden);
      }
    }
  });
});
