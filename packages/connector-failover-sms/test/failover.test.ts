/**
 * When the failover connector moves on, and when it must not: against the emulator over real
 * HTTP, every case asserting what each provider was asked and what the inbox received.
 */
import { describe, expect, it } from 'vitest';

import { expectNothingSensitive } from '@duanxin/connector-testkit';
import { startEmulator } from '@duanxin/emulator';

import { mapProviderConfigs } from '../src/index.js';
import {
  aliyunAnswers,
  emulatorOptions,
  failoverConfig,
  failure,
  secretsOf,
  send,
  useEmulator,
  withProviderSettings,
} from './harness.js';

const lab = useEmulator();

describe('moving on', () => {
  it('Aliyun refuses with flow control: Tencent sends it, one text arrives', async () => {
    lab.emulator.faults.inject(aliyunAnswers('isv.BUSINESS_LIMIT_CONTROL'));
    const result = await send(lab.config, '8613800138000', '246810');
    const inbox = lab.emulator.inbox.list();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ provider: 'tencent', to: '+8613800138000', code: '246810' });
    expect(lab.asked()).toEqual({ aliyun: 1, tencent: 1 });
    expect(result).toMatchObject({
      provider: 'tencent',
      deliveredBy: 'tencent',
      messageId: inbox[0]?.messageId,
      earlier: [
        {
          name: 'aliyun',
          provider: 'aliyun',
          outcome: 'rejected',
          code: 'rate_limit_exceeded',
          providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
          failover: 'number',
          retryable: true,
        },
      ],
    });
  });

  it("Tencent's own flow control (the emulator's): Aliyun sends the code resent", async () => {
    const limited = await startEmulator({ port: 0, ...emulatorOptions });
    try {
      const tencentFirst = failoverConfig(limited.url, ['tencent', 'aliyun']);
      // The same text to the same number within 30 s: Tencent refuses the second.
      await send(tencentFirst, '8613800138000', '111111');
      const resent = await send(tencentFirst, '8613800138000', '111111');
      expect(limited.inbox.list().map(({ provider, code }) => ({ provider, code }))).toEqual([
        { provider: 'tencent', code: '111111' },
        { provider: 'aliyun', code: '111111' },
      ]);
      expect(resent.earlier).toMatchObject([
        { name: 'tencent', providerCode: 'LimitExceeded.PhoneNumberThirtySecondLimit' },
      ]);
    } finally {
      await limited.close();
    }
  });

  it('an exhausted balance (account-wide) moves on too', async () => {
    const result = await lab.withoutBalance(['aliyun'], () => send(lab.config));
    expect(result.earlier).toMatchObject([
      { providerCode: 'isv.AMOUNT_NOT_ENOUGH', code: 'usage_limit_exceeded', failover: 'account' },
    ]);
    expect(lab.emulator.inbox.list()).toMatchObject([{ provider: 'tencent' }]);
  });

  it('Aliyun cannot be reached (nothing left this machine): Tencent sends it', async () => {
    const closed = await startEmulator({ port: 0 });
    const unreachable = closed.url;
    await closed.close();
    const result = await send(
      mapProviderConfigs(lab.config, (provider, name) =>
        name === 'aliyun' ? { ...provider, endpoint: unreachable, maxRetries: 0 } : provider
      )
    );
    expect(result.earlier).toMatchObject([
      { name: 'aliyun', outcome: 'not_sent', failover: 'account' },
    ]);
    expect(lab.emulator.inbox.list()).toMatchObject([{ provider: 'tencent' }]);
  });

  it('sends through the first provider alone when it accepts', async () => {
    const result = await send(lab.config);
    expect(result).toMatchObject({ provider: 'aliyun', deliveredBy: 'aliyun', earlier: [] });
    expect(lab.asked()).toEqual({ aliyun: 1 });
    expect(lab.emulator.inbox.list()).toMatchObject([
      { provider: 'aliyun', messageId: result.messageId },
    ]);
  });

  it('two accounts of one provider, by name: the second takes over from the first', async () => {
    const { config } = lab;
    const [aliyun] = config.providers;
    const twoAccounts = {
      ...config,
      providers: [
        {
          ...aliyun,
          name: 'aliyun-old',
          config: { ...aliyun?.config, accessKeySecret: 'rotated' },
        },
        aliyun,
      ],
    };
    const result = await send(twoAccounts);
    expect(result).toMatchObject({
      deliveredBy: 'aliyun',
      earlier: [{ name: 'aliyun-old', providerCode: 'SignatureDoesNotMatch' }],
    });
    expect(lab.asked()).toEqual({ aliyun: 2 });
    expect(lab.emulator.inbox.list()).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('Aliyun times out after the request was written: no second send, outcome unknown', async () => {
    lab.emulator.faults.inject({ provider: 'aliyun', fault: { kind: 'delay', ms: 1_000 } });
    const error = await failure(send(withProviderSettings(lab.config, { timeout: 300 })));
    expect(error.data).toMatchObject({ provider: 'aliyun', outcome: 'unknown' });
    expect(error.data.attempts).toMatchObject([{ name: 'aliyun', outcome: 'unknown' }]);
    expect(error.data.errorDescription).toContain('tencent was not tried');
    expect(lab.asked()).toEqual({ aliyun: 1 });
    // Aliyun did send it: a second provider would have sent a second code.
    await expect.poll(() => lab.emulator.inbox.list()).toMatchObject([{ provider: 'aliyun' }]);
  });

  it('Aliyun answers a server error: it may have sent it, Tencent is not asked', async () => {
    lab.emulator.faults.inject({ provider: 'aliyun', fault: { kind: 'status', status: 503 } });
    const error = await failure(send(lab.config));
    expect(error.code).toBe('invalid_response');
    expect(error.data).toMatchObject({ outcome: 'unknown' });
    expect(lab.asked()).toEqual({ aliyun: 1 });
    expect(lab.emulator.inbox.list()).toEqual([]);
  });

  it('a balance refusal answered with HTTP 500: it may have been sent, Tencent is not asked', async () => {
    lab.emulator.faults.inject({
      provider: 'aliyun',
      fault: {
        kind: 'malformed',
        status: 500,
        body: JSON.stringify({ RequestId: 'fault-0002', Code: 'isv.AMOUNT_NOT_ENOUGH' }),
      },
    });
    const error = await failure(send(lab.config));
    expect(error.data).toMatchObject({ outcome: 'unknown', providerCode: 'isv.AMOUNT_NOT_ENOUGH' });
    expect(error.data.attempts[0]).not.toHaveProperty('failover');
    expect(lab.asked()).toEqual({ aliyun: 1 });
  });

  it('a number that is no number: refused before any provider is asked', async () => {
    const error = await failure(send(lab.config, '86138001380ab'));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.data).toMatchObject({ outcome: 'not_sent', field: 'to', provider: 'aliyun' });
    expect(error.data.attempts).toHaveLength(1);
    expect(lab.emulator.requests.list()).toEqual([]);
  });

  it('a number Aliyun refuses: Tencent is not asked, nobody twice', async () => {
    lab.emulator.faults.inject(aliyunAnswers('isv.MOBILE_NUMBER_ILLEGAL'));
    const error = await failure(send(lab.config));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.data).toMatchObject({
      outcome: 'rejected',
      providerCode: 'isv.MOBILE_NUMBER_ILLEGAL',
    });
    expect(error.data.errorDescription).toContain('refused it as another provider would');
    expect(lab.asked()).toEqual({ aliyun: 1 });
    expect(lab.emulator.inbox.list()).toEqual([]);
  });

  it('every provider refuses: the error lists each answer, nothing is sent', async () => {
    const all = failoverConfig(lab.emulator.url, ['aliyun', 'tencent', 'yunpian', 'huawei']);
    const error = await lab.withoutBalance(['aliyun', 'tencent', 'yunpian', 'huawei'], () =>
      failure(send(all))
    );
    expect(error.code).toBe('usage_limit_exceeded');
    expect(error.data).toMatchObject({
      outcome: 'rejected',
      provider: 'huawei',
      providerCode: 'E000112',
    });
    expect(
      error.data.attempts.map(({ name, outcome, providerCode }) => ({
        name,
        outcome,
        providerCode,
      }))
    ).toEqual([
      { name: 'aliyun', outcome: 'rejected', providerCode: 'isv.AMOUNT_NOT_ENOUGH' },
      {
        name: 'tencent',
        outcome: 'rejected',
        providerCode: 'FailedOperation.InsufficientBalanceInSmsPackage',
      },
      { name: 'yunpian', outcome: 'rejected', providerCode: '3' },
      { name: 'huawei', outcome: 'rejected', providerCode: 'E000112' },
    ]);
    expect(error.data.errorDescription).toMatch(/^\[duanxin\] \[failover\] No provider sent it\./);
    expect(lab.asked()).toEqual({ aliyun: 1, tencent: 1, yunpian: 1, huawei: 1 });
    expect(lab.emulator.inbox.list()).toEqual([]);
    expectNothingSensitive(error, secretsOf(all), '8613800138000');
  });

  it('none reachable: the outcome is not_sent', async () => {
    const closed = await startEmulator({ port: 0 });
    const unreachable = withProviderSettings(lab.config, { endpoint: closed.url, maxRetries: 0 });
    await closed.close();
    const error = await failure(send(unreachable));
    expect(error.data).toMatchObject({ outcome: 'not_sent' });
    expect(error.data.attempts.map((answer) => answer.outcome)).toEqual(['not_sent', 'not_sent']);
  });
});
