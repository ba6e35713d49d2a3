/**
 * Typed numbers end to end: what a person types → the verifier's reading → the number the
 * connector is given (Logto's form) → what the emulated provider delivers to.
 */
import { describe, expect, it } from 'vitest';

import { createMemoryStore } from '../src/index.js';
import { simulatedOutage } from './helpers/simulated-outage.js';
import { refusal, useVerifierContext } from './suite/context.js';

const mainland = '+8613800138000';

describe('typed numbers reach the person who typed them', () => {
  const { outage, wrap } = simulatedOutage();
  const context = useVerifierContext(() => wrap(createMemoryStore()), outage);

  it('texts 13012345678 to the mainland mobile, never to +1 301 234 5678', async () => {
    const verifier = context.createVerifier();
    const result = await verifier.send({ phone: '130 1234 5678', scene: 'sign-in' });
    expect(result.phone).toBe('+8613012345678');
    expect(context.calls.map(({ to }) => to)).toEqual(['8613012345678']);
    expect(context.emulator.inbox.list().map(({ to }) => to)).toEqual(['+8613012345678']);
  });

  it('keys "+86 138-0013-8000", "138 0013 8000" and "8613800138000" as one person', async () => {
    const verifier = context.createVerifier();
    await verifier.send({ phone: '+86 138-0013-8000', scene: 'sign-in' });
    for (const phone of [
      '138 0013 8000',
      '8613800138000',
      '(138) 0013.8000',
      '0086 138 0013 8000',
    ]) {
      await refusal(verifier.send({ phone, scene: 'sign-in' }), 'RESEND_COOLDOWN');
    }
    expect(context.calls.map(({ to }) => to)).toEqual(['8613800138000']);
    await expect(
      verifier.verify({
        phone: '138 0013 8000',
        scene: 'sign-in',
        code: context.lastCode(mainland),
      })
    ).resolves.toEqual({ phone: mainland, scene: 'sign-in' });
  });

  it('binds and unbinds whichever way the number is typed', async () => {
    const verifier = context.createVerifier({ allowRemovingLast: true });
    await verifier.sendBindCode('alice', '138-0013-8000');
    await expect(
      verifier.bind('alice', '8613800138000', context.lastCode(mainland))
    ).resolves.toEqual({ phone: mainland });
    await expect(verifier.ownerOfPhone('+86 138 0013 8000')).resolves.toBe('alice');
    await refusal(verifier.sendBindCode('bob', '138 0013 8000'), 'PHONE_ALREADY_BOUND');

    await verifier.sendUnbindCode('alice', '(138) 0013 8000');
    await expect(
      verifier.unbind('alice', '13800138000', {
        phone: '0086 138 0013 8000',
        code: context.lastCode(mainland),
      })
    ).resolves.toEqual({ phone: mainland });
    await expect(verifier.listBoundPhones('alice')).resolves.toEqual([]);
  });

  it('reads national numbers of defaultCountry: (650) 253-0000 in the US reaches +1 650 253 0000', async () => {
    const verifier = context.createVerifier({ defaultCountry: 'US' });
    await verifier.send({ phone: '(650) 253-0000', scene: 'sign-in' });
    // Logto's form to the connector; Aliyun is sent 0016502530000, which it cannot misread.
    expect(context.calls.map(({ to }) => to)).toEqual(['16502530000']);
    const [request] = context.emulator.requests.list();
    expect(`${request?.path}&${request?.body}`).toContain('PhoneNumbers=0016502530000');
    expect(context.emulator.inbox.list().map(({ to }) => to)).toEqual(['+16502530000']);
    await expect(
      verifier.verify({
        phone: '650.253.0000',
        scene: 'sign-in',
        code: context.lastCode('+16502530000'),
      })
    ).resolves.toEqual({ phone: '+16502530000', scene: 'sign-in' });
  });

  it('refuses a typed number that is no valid number, before anything is sent', async () => {
    const verifier = context.createVerifier();
    for (const phone of ['9123 4567', '(650) 253-0000', '138 0013 800a']) {
      await refusal(verifier.send({ phone, scene: 'sign-in' }), 'INVALID_PHONE_NUMBER');
    }
    expect(context.emulator.requests.list()).toEqual([]);
  });
});
