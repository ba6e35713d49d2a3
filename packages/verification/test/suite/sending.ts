import { ConnectorError } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs, startEmulator } from '@duanxin/emulator';

import { defaultSceneTemplateTypes } from '../../src/index.js';
import { refusal, type VerifierContext } from './context.js';

const mainland = '+8613800138000';

export const describeSending = (context: VerifierContext) =>
  describe('send()', () => {
    it('texts the number once, calling the connector exactly as Logto does', async () => {
      const verifier = context.createVerifier();
      const result = await verifier.send({ phone: '8613800138000', scene: 'sign-in' });

      const [message, ...others] = context.emulator.inbox.list();
      expect(others).toEqual([]);
      expect(message).toMatchObject({ provider: 'aliyun', to: mainland });
      expect(message?.code).toMatch(/^[0-9]{6}$/);
      expect(context.calls).toEqual([
        { to: '8613800138000', type: 'SignIn', payload: { code: message?.code } },
      ]);
      expect(result).toMatchObject({
        phone: mainland,
        scene: 'sign-in',
        expiresAt: new Date(context.clock.now + 300_000),
        resendAt: new Date(context.clock.now + 60_000),
        delivery: { provider: 'aliyun', messageId: message?.messageId },
      });
    });

    it('sends each scene with its template type; unknown scenes are refused', async () => {
      const verifier = context.createVerifier({ scenes: { 'delete-account': 'Generic' } });
      const scenes = Object.keys(defaultSceneTemplateTypes).slice(0, 8);
      for (const [index, scene] of scenes.entries()) {
        await verifier.send({ phone: `+8613800138${String(index).padStart(3, '0')}`, scene });
      }
      await verifier.send({ phone: mainland, scene: 'delete-account' });
      expect(context.calls.map(({ type }) => type)).toEqual([
        ...scenes.map((scene) => defaultSceneTemplateTypes[scene as 'sign-in']),
        'Generic',
      ]);

      for (const scene of ['transfer-money', 'constructor', 'Sign-In', 'a:b', '']) {
        await refusal(verifier.send({ phone: mainland, scene }), 'INVALID_SCENE');
      }
      expect(context.calls).toHaveLength(scenes.length + 1);
    });

    it('refuses an invalid number before anything is sent', async () => {
      const verifier = context.createVerifier();
      for (const phone of ['12345', '+86 138 0013', '13800138000,13900139000', 'abc']) {
        await refusal(verifier.send({ phone, scene: 'sign-in' }), 'INVALID_PHONE_NUMBER');
      }
      expect(context.emulator.requests.list()).toEqual([]);
    });

    it('keys a number the same whichever way it is written', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: '8613800138000', scene: 'sign-in' });
      for (const phone of [mainland, '008613800138000', '13800138000']) {
        await refusal(verifier.send({ phone, scene: 'sign-in' }), 'RESEND_COOLDOWN');
      }
      expect(context.emulator.inbox.list()).toHaveLength(1);
    });

    it('refuses a resend within the cooldown, then replaces the old code', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const first = context.lastCode(mainland);
      context.clock.advance(20);
      const early = await refusal(
        verifier.send({ phone: mainland, scene: 'sign-in' }),
        'RESEND_COOLDOWN'
      );
      expect(early.retryAfterSeconds).toBe(40);
      expect(early.status).toBe(429);
      // Another scene has a cooldown of its own.
      await verifier.send({ phone: mainland, scene: 'bind-phone' });

      context.clock.advance(40);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const second = context.emulator.inbox.list({ to: mainland }).at(-1)?.code as string;
      if (first !== second) {
        await refusal(
          verifier.verify({ phone: mainland, scene: 'sign-in', code: first }),
          'CODE_MISMATCH'
        );
      }
      await verifier.verify({ phone: mainland, scene: 'sign-in', code: second });
    });

    it('passes a refused send through and locks nobody out', async () => {
      const verifier = context.createVerifier({ perNumberCap: { max: 1, window: 3600 } });
      context.emulator.account('aliyun').balance = 0;
      const error = await verifier.send({ phone: mainland, scene: 'sign-in' }).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({
        code: 'usage_limit_exceeded',
        data: { provider: 'aliyun', providerCode: 'isv.AMOUNT_NOT_ENOUGH', outcome: 'rejected' },
      });
      expect(context.emulator.inbox.list()).toEqual([]);

      // No cooldown started and the cap counted nothing: the retry goes out at once.
      context.emulator.account('aliyun').balance = 100;
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      expect(context.emulator.inbox.list()).toHaveLength(1);
      await refusal(verifier.send({ phone: mainland, scene: 'register' }), 'NUMBER_CAP_REACHED');
    });

    it('releases the number when the send never left the machine', async () => {
      const closed = await startEmulator({ port: 0 });
      const endpoint = closed.url;
      await closed.close();
      const unreachable = context.createVerifier({
        config: { ...emulatorConnectorConfigs(endpoint).aliyun, maxRetries: 0 },
      });
      const error = await unreachable.send({ phone: mainland, scene: 'sign-in' }).catch((e) => e);
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).data).toMatchObject({ outcome: 'not_sent' });
      await context.createVerifier().send({ phone: mainland, scene: 'sign-in' });
      expect(context.emulator.inbox.list()).toHaveLength(1);
    });

    it('counts a send whose outcome is unknown: the code stays usable and no resend texts twice', async () => {
      const verifier = context.createVerifier({
        config: { ...emulatorConnectorConfigs(context.emulator.url).aliyun, timeout: 300 },
      });
      // The provider accepts the message but its answer is too slow: it may have arrived.
      context.emulator.faults.inject({ fault: { kind: 'trickle', bytesPerSecond: 10 } });
      const error = await verifier.send({ phone: mainland, scene: 'sign-in' }).catch((e) => e);
      expect((error as ConnectorError).data).toMatchObject({ outcome: 'unknown' });
      await refusal(verifier.send({ phone: mainland, scene: 'sign-in' }), 'RESEND_COOLDOWN');
      expect(context.emulator.inbox.list()).toHaveLength(1);
      await verifier.verify({
        phone: mainland,
        scene: 'sign-in',
        code: context.lastCode(mainland),
      });
    });

    it('caps accepted messages per number in a rolling window', async () => {
      const verifier = context.createVerifier({
        resendCooldown: 0,
        perNumberCap: { max: 3, window: 600 },
      });
      const send = () => verifier.send({ phone: mainland, scene: 'sign-in' });
      for (let index = 0; index < 3; index++) {
        await send();
        context.clock.advance(100);
      }
      const capped = await refusal(send(), 'NUMBER_CAP_REACHED');
      expect(capped.retryAfterSeconds).toBe(300);
      context.clock.advance(300);
      await send();
      expect((await refusal(send(), 'NUMBER_CAP_REACHED')).retryAfterSeconds).toBe(100);
      expect(context.emulator.inbox.list()).toHaveLength(4);
    });

    it('caps messages per IP address, IPv6 by /64, and hands the IP to the connector', async () => {
      const verifier = context.createVerifier({ perIpCap: { max: 2, window: 3600 } });
      const send = (index: number, ip: string) =>
        verifier.send({
          phone: `+86139001390${String(index).padStart(2, '0')}`,
          scene: 'sign-in',
          ip,
        });

      await send(1, '203.0.113.7');
      await send(2, '::ffff:203.0.113.7');
      await refusal(send(3, '203.0.113.7'), 'IP_CAP_REACHED');
      await send(3, '203.0.113.8');

      await send(4, '2001:db8::1');
      await send(5, '2001:db8:0:0:ffff::2');
      await refusal(send(6, '2001:db8::3'), 'IP_CAP_REACHED');
      await send(6, '2001:db8:0:1::1');

      expect(context.calls.map(({ ip }) => ip)).toEqual([
        '203.0.113.7',
        '::ffff:203.0.113.7',
        '203.0.113.8',
        '2001:db8::1',
        '2001:db8:0:0:ffff::2',
        '2001:db8:0:1::1',
      ]);
    });
  });
