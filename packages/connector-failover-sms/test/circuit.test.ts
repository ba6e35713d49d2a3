/**
 * The per-process circuits: a provider that refused for now, or may have sent, is skipped for
 * the cooldown and asked again after it. Circuits are keyed by the provider's config, so each
 * test sends with a config of its own (`own`).
 */
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { aliyunAnswers, failure, send, useEmulator, withProviderSettings } from './harness.js';

const lab = useEmulator();

let configs = 0;
/** The lab's config with this cooldown, in circuits of its own. */
const own = (cooldownSeconds: number) => ({
  ...withProviderSettings(lab.config, { timeout: 5_000 + ++configs }),
  cooldownSeconds,
});

const providersOfInbox = () => lab.emulator.inbox.list().map((message) => message.provider);

describe('the circuit breaker', () => {
  it('skips a provider that refused for the cooldown, then asks it again', async () => {
    const config = own(0.5);
    await lab.withoutBalance(['aliyun'], () => send(config));
    const skipping = await send(config);
    expect(skipping.earlier).toMatchObject([
      {
        name: 'aliyun',
        outcome: 'not_sent',
        providerCode: 'isv.AMOUNT_NOT_ENOUGH',
        skippedUntil: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(lab.asked()).toEqual({ aliyun: 1, tencent: 2 });

    await sleep(600);
    const retried = await send(config);
    expect(retried).toMatchObject({ deliveredBy: 'aliyun', earlier: [] });
    expect(lab.asked()).toEqual({ aliyun: 2, tencent: 2 });
    expect(providersOfInbox()).toEqual(['tencent', 'tencent', 'aliyun']);
  });

  it("skips a provider for one number after that number's flow control, not for others", async () => {
    const config = own(30);
    lab.emulator.faults.inject(aliyunAnswers('isv.BUSINESS_LIMIT_CONTROL'));
    await send(config, '8613800138000');
    await send(config, '8613900139000');
    const again = await send(config, '8613800138000');
    expect(again.earlier).toMatchObject([
      {
        name: 'aliyun',
        providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
        skippedUntil: expect.any(String),
      },
    ]);
    expect(lab.emulator.inbox.list().map(({ provider, to }) => ({ provider, to }))).toEqual([
      { provider: 'tencent', to: '+8613800138000' },
      { provider: 'aliyun', to: '+8613900139000' },
      { provider: 'tencent', to: '+8613800138000' },
    ]);
  });

  it('after a timeout, this code is not resent elsewhere; the next one skips the provider', async () => {
    const slow = withProviderSettings(own(30), { timeout: 300 });
    lab.emulator.faults.inject({ provider: 'aliyun', fault: { kind: 'delay', ms: 600 } });
    const timedOut = await failure(send(slow));
    expect(timedOut.data).toMatchObject({ outcome: 'unknown' });
    const next = await send(slow);
    expect(next).toMatchObject({
      deliveredBy: 'tencent',
      earlier: [{ name: 'aliyun', outcome: 'not_sent', skippedUntil: expect.any(String) }],
    });
    // Aliyun's answer came too late, but it did send the first code.
    await expect.poll(providersOfInbox).toEqual(['aliyun', 'tencent']);
  });

  it('every provider skipped: not_sent at once, and nobody is asked', async () => {
    const config = own(30);
    await lab.withoutBalance(['aliyun', 'tencent'], () => failure(send(config)));
    lab.emulator.requests.clear();
    const error = await failure(send(config));
    expect(error.code).toBe('usage_limit_exceeded');
    expect(error.data).toMatchObject({ outcome: 'not_sent', retryable: true });
    expect(error.data.attempts.map((answer) => answer.skippedUntil !== undefined)).toEqual([
      true,
      true,
    ]);
    expect(lab.emulator.requests.list()).toEqual([]);
    expect(lab.emulator.inbox.list()).toEqual([]);
  });

  it('cooldownSeconds 0 never skips', async () => {
    const config = own(0);
    await lab.withoutBalance(['aliyun'], () => send(config));
    const next = await send(config);
    expect(next).toMatchObject({ deliveredBy: 'aliyun', earlier: [] });
    expect(lab.asked()).toEqual({ aliyun: 2, tencent: 1 });
  });
});
