import { describe, expect, it } from 'vitest';

import type { SendCheck } from '../../src/index.js';
import { refusal, type VerifierContext } from './context.js';

/** A mainland mobile 13800‹block›‹suffix›: numbers of one block share all but 4 digits. */
const inBlock = (block: number, suffix: number) =>
  `+8613800${String(block).padStart(2, '0')}${String(suffix).padStart(4, '0')}`;

export const describePumping = (context: VerifierContext) =>
  describe('SMS pumping', () => {
    it('caps messages to numbers sharing a prefix, by default all but the last 4 digits', async () => {
      const verifier = context.createVerifier({ perPrefixCap: { max: 3, window: 3600 } });
      const send = (phone: string) => verifier.send({ phone, scene: 'sign-in' });
      for (const suffix of [1, 2, 3]) {
        await send(inBlock(1, suffix));
      }
      const capped = await refusal(send(inBlock(1, 4)), 'PREFIX_CAP_REACHED');
      expect(capped).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
      await send(inBlock(2, 4));
      expect(context.emulator.inbox.list()).toHaveLength(4);
    });

    it('takes the prefix length from trailingDigits', async () => {
      const verifier = context.createVerifier({
        perPrefixCap: { max: 1, window: 3600, trailingDigits: 6 },
      });
      await verifier.send({ phone: inBlock(1, 1), scene: 'sign-in' });
      // 13800010001 and 13800020001 share all but the last 6 digits.
      await refusal(
        verifier.send({ phone: inBlock(2, 1), scene: 'sign-in' }),
        'PREFIX_CAP_REACHED'
      );
      await verifier.send({ phone: '+8613900010001', scene: 'sign-in' });
    });

    it('caps messages in all, answering 503 when the ceiling is reached', async () => {
      const verifier = context.createVerifier({ globalCap: { max: 3, window: 600 } });
      const send = (block: number) => verifier.send({ phone: inBlock(block, 1), scene: 'sign-in' });
      for (const block of [1, 2, 3]) {
        await send(block);
        context.clock.advance(100);
      }
      const capped = await refusal(send(4), 'GLOBAL_CAP_REACHED');
      expect(capped).toMatchObject({ status: 503, retryable: true, retryAfterSeconds: 300 });
      context.clock.advance(300);
      await send(4);
      expect(context.emulator.inbox.list()).toHaveLength(4);
    });

    it('counts nothing for a message the provider refused', async () => {
      const verifier = context.createVerifier({
        perPrefixCap: { max: 1, window: 3600 },
        globalCap: { max: 1, window: 3600 },
      });
      context.emulator.account('aliyun').balance = 0;
      await expect(verifier.send({ phone: inBlock(1, 1), scene: 'sign-in' })).rejects.toThrow();
      context.emulator.account('aliyun').balance = 100;
      await verifier.send({ phone: inBlock(1, 2), scene: 'sign-in' });
      await refusal(
        verifier.send({ phone: inBlock(2, 1), scene: 'sign-in' }),
        'GLOBAL_CAP_REACHED'
      );
    });

    it('asks beforeSend first, with what it needs to judge the request', async () => {
      const checks: SendCheck[] = [];
      const verifier = context.createVerifier({
        beforeSend: (check) => {
          checks.push(check);
          return check.country === 'CN';
        },
      });
      await verifier.send({
        phone: '8613800138000',
        scene: 'sign-in',
        ip: '203.0.113.9',
        subject: 'session-1',
        context: { captcha: 'token' },
      });
      expect(checks).toEqual([
        {
          phone: '+8613800138000',
          country: 'CN',
          countryCallingCode: '86',
          scene: 'sign-in',
          ip: '203.0.113.9',
          subject: 'session-1',
          context: { captcha: 'token' },
        },
      ]);
      const refused = await refusal(
        verifier.send({ phone: '+85291234567', scene: 'sign-in' }),
        'SEND_REFUSED'
      );
      expect(refused.status).toBe(403);
      expect(context.emulator.inbox.list({ to: '+85291234567' })).toEqual([]);
    });

    it('reserves and counts nothing for a send beforeSend refused', async () => {
      let allow = false;
      const verifier = context.createVerifier({
        perNumberCap: { max: 1, window: 3600 },
        perIpCap: { max: 1, window: 3600 },
        perPrefixCap: { max: 1, window: 3600 },
        globalCap: { max: 1, window: 3600 },
        beforeSend: () => allow,
      });
      const send = () => verifier.send({ phone: inBlock(1, 1), scene: 'sign-in', ip: '192.0.2.1' });
      await refusal(send(), 'SEND_REFUSED');
      await refusal(send(), 'SEND_REFUSED');
      expect(context.emulator.requests.list()).toEqual([]);
      // No cooldown started and no cap counted: the first allowed send goes out at once.
      allow = true;
      await send();
      expect(context.emulator.inbox.list()).toHaveLength(1);
    });

    it('passes an error thrown by beforeSend through, sending nothing', async () => {
      const verifier = context.createVerifier({
        beforeSend: async () => {
          throw new Error('captcha service unreachable');
        },
      });
      await expect(verifier.send({ phone: inBlock(1, 1), scene: 'sign-in' })).rejects.toThrow(
        'captcha service unreachable'
      );
      expect(context.emulator.requests.list()).toEqual([]);
    });
  });
