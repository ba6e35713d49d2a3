import { describe, expect, it } from 'vitest';

import { refusal, tally, wrongCode as wrong, type VerifierContext } from './context.js';

const mainland = '+8613800138000';

export const describeGuessing = (context: VerifierContext) =>
  describe('guess budgets', () => {
    it('caps wrong codes per number across re-sent codes, with Retry-After', async () => {
      const verifier = context.createVerifier({
        perNumberGuessCap: { max: 7, window: 86_400 },
      });
      const guess = (code: string) => verifier.verify({ phone: mainland, scene: 'sign-in', code });

      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const first = context.lastCode(mainland);
      for (let offset = 1; offset <= 5; offset++) {
        await refusal(guess(wrong(first, offset)), 'CODE_MISMATCH');
      }
      context.clock.advance(3600);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const second = context.lastCode(mainland);
      // The code allows 5 tries, the number only 2 more today: the smaller budget is told.
      expect((await refusal(guess(wrong(second)), 'CODE_MISMATCH')).attemptsLeft).toBe(1);
      expect((await refusal(guess(wrong(second, 2)), 'CODE_MISMATCH')).attemptsLeft).toBe(0);

      const capped = await refusal(guess(second), 'NUMBER_GUESS_CAP_REACHED');
      expect(capped).toMatchObject({ status: 429, retryable: true });
      // The oldest wrong code leaves the window 24 h after it was tried, 1 h ago.
      expect(capped.retryAfterSeconds).toBe(86_400 - 3600);

      context.clock.advance(86_400 - 3600);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      await guess(context.lastCode(mainland));
    });

    it('does not count a right code as a wrong one', async () => {
      const verifier = context.createVerifier({ perNumberGuessCap: { max: 2, window: 3600 } });
      const guess = (code: string) => verifier.verify({ phone: mainland, scene: 'sign-in', code });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const first = context.lastCode(mainland);
      await refusal(guess(wrong(first)), 'CODE_MISMATCH');
      await guess(first);

      context.clock.advance(60);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const second = context.lastCode(mainland);
      expect((await refusal(guess(wrong(second)), 'CODE_MISMATCH')).attemptsLeft).toBe(0);
      await refusal(guess(second), 'NUMBER_GUESS_CAP_REACHED');
    });

    it('caps wrong codes per IP address across numbers, IPv6 by /64', async () => {
      const verifier = context.createVerifier({ perIpGuessCap: { max: 3, window: 3600 } });
      const phones = [1, 2, 3, 4, 5].map(
        (index) => `+86139001390${String(index).padStart(2, '0')}`
      );
      for (const phone of phones) {
        await verifier.send({ phone, scene: 'sign-in' });
      }
      const guess = (phone: string, ip: string) =>
        verifier.verify({ phone, scene: 'sign-in', code: wrong(context.lastCode(phone)), ip });

      for (const phone of phones.slice(0, 3)) {
        await refusal(guess(phone, '203.0.113.7'), 'CODE_MISMATCH');
      }
      const capped = await refusal(
        guess(phones[3] as string, '203.0.113.7'),
        'IP_GUESS_CAP_REACHED'
      );
      expect(capped.retryAfterSeconds).toBe(3600);
      await refusal(guess(phones[3] as string, '203.0.113.8'), 'CODE_MISMATCH');

      for (const ip of ['2001:db8::1', '2001:db8::2', '2001:db8:0:0:ffff::3']) {
        await refusal(guess(phones[4] as string, ip), 'CODE_MISMATCH');
      }
      await refusal(guess(phones[4] as string, '2001:db8::4'), 'IP_GUESS_CAP_REACHED');
      await refusal(guess(phones[4] as string, '2001:db8:0:1::4'), 'CODE_MISMATCH');
    });

    it('lets parallel wrong guesses spend no more than the number budget', async () => {
      const verifier = context.createVerifier({
        allowedAttempts: 50,
        perNumberGuessCap: { max: 4, window: 86_400 },
      });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, index) =>
          verifier.verify({ phone: mainland, scene: 'sign-in', code: wrong(code, index + 1) })
        )
      );
      expect(tally(results)).toEqual({ CODE_MISMATCH: 4, NUMBER_GUESS_CAP_REACHED: 16 });
    });

    it('gives an attacker at most 20 guesses per number per day with the defaults', async () => {
      const verifier = context.createVerifier();
      const dayEnds = context.clock.now + 86_400_000;
      let guesses = 0;
      // Ask for a code whenever the limits allow one, and spend every try it gives.
      while (context.clock.now < dayEnds) {
        const sent = await verifier.send({ phone: mainland, scene: 'sign-in' }).catch(() => null);
        if (sent) {
          const code = context.lastCode(mainland);
          for (let offset = 1; ; offset++) {
            const error = await verifier
              .verify({ phone: mainland, scene: 'sign-in', code: wrong(code, offset) })
              .then(
                () => undefined,
                (error: { code?: string }) => error.code
              );
            if (error !== 'CODE_MISMATCH') {
              break;
            }
            guesses++;
          }
        }
        context.clock.advance(3600);
      }
      expect(guesses).toBe(20);
    });
  });
