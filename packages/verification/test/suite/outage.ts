import { describe, expect, it } from 'vitest';

import type { SmsVerificationError } from '../../src/index.js';
import { refusal, type VerifierContext } from './context.js';

const mainland = '+8613800138000';

/**
 * The default configuration answers within about 2 s (docs/benchmarks.md measures it); this
 * generous bound only catches a hang like ioredis' default of over a minute.
 */
const failsWithin = 15_000;

const unavailable = async (promise: Promise<unknown>): Promise<SmsVerificationError> => {
  const started = performance.now();
  const error = await refusal(promise, 'STORE_UNAVAILABLE');
  expect(performance.now() - started).toBeLessThan(failsWithin);
  expect(error).toMatchObject({ status: 503, retryable: true });
  expect(error.retryAfterSeconds).toBeGreaterThan(0);
  return error;
};

export const describeOutage = (context: VerifierContext) =>
  describe('store outage', () => {
    it('fails a send fast with STORE_UNAVAILABLE and texts nothing; it goes out once the store is back', async () => {
      const verifier = context.createVerifier();
      await context.outage.begin();
      await unavailable(verifier.send({ phone: mainland, scene: 'sign-in' }));
      await unavailable(verifier.send({ phone: mainland, scene: 'sign-in' }));
      expect(context.emulator.requests.list()).toEqual([]);

      await context.outage.end();
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      expect(context.emulator.inbox.list()).toHaveLength(1);
    });

    it('fails a verify fast and never reports success; codes work again once the store is back', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      await context.outage.begin();
      await unavailable(verifier.verify({ phone: mainland, scene: 'sign-in', code }));
      await unavailable(verifier.listBoundPhones('alice'));
      await unavailable(verifier.bind('alice', mainland, code));

      await context.outage.end();
      context.clock.advance(60);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      await verifier.verify({
        phone: mainland,
        scene: 'sign-in',
        code: context.lastCode(mainland),
      });
    });

    it('reports a code texted just before the store died as failed, and sends a new one once it is back', async () => {
      const verifier = context.createVerifier();
      // The provider answers late: the store dies while the message is on its way.
      context.emulator.faults.inject({ fault: { kind: 'delay', ms: 500 }, provider: 'aliyun' });
      const sending = verifier.send({ phone: mainland, scene: 'sign-in' });
      await expect.poll(() => context.emulator.inbox.list().length).toBe(1);
      await context.outage.begin();
      await unavailable(sending);
      const lost = context.lastCode(mainland);

      await context.outage.end();
      // No cooldown and no held reservation: the user can ask again at once.
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const fresh = context.lastCode(mainland);
      expect(context.emulator.inbox.list()).toHaveLength(2);
      if (lost !== fresh) {
        // The first code was never stored: it cannot be redeemed.
        await refusal(
          verifier.verify({ phone: mainland, scene: 'sign-in', code: lost }),
          'CODE_MISMATCH'
        );
      }
      await verifier.verify({ phone: mainland, scene: 'sign-in', code: fresh });
    });
  });
