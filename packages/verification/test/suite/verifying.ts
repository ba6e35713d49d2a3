import { describe, expect, it } from 'vitest';

import { refusal, wrongCode as wrong, type VerifierContext } from './context.js';

const mainland = '+8613800138000';
const hongKong = '+85291234567';

export const describeVerifying = (context: VerifierContext) =>
  describe('verify()', () => {
    it('accepts the code the phone received, once', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: hongKong, scene: 'sign-in' });
      const code = context.lastCode(hongKong);
      await expect(
        verifier.verify({ phone: '85291234567', scene: 'sign-in', code })
      ).resolves.toEqual({ phone: hongKong, scene: 'sign-in' });
      await refusal(verifier.verify({ phone: hongKong, scene: 'sign-in', code }), 'CODE_NOT_FOUND');
    });

    it('holds a code to its number and scene', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      await refusal(
        verifier.verify({ phone: mainland, scene: 'register', code }),
        'CODE_NOT_FOUND'
      );
      await refusal(verifier.verify({ phone: hongKong, scene: 'sign-in', code }), 'CODE_NOT_FOUND');
      await verifier.verify({ phone: mainland, scene: 'sign-in', code });
    });

    it.each([4, 10])('sends and accepts %i-digit codes', async (codeLength) => {
      const verifier = context.createVerifier({ codeLength });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      expect(code).toMatch(new RegExp(`^[0-9]{${codeLength}}$`));
      await verifier.verify({ phone: mainland, scene: 'sign-in', code });
    });

    it('spends the attempt budget on wrong codes, then refuses even the right one', async () => {
      const verifier = context.createVerifier({ allowedAttempts: 3 });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      const attempt = (tried: string) =>
        verifier.verify({ phone: mainland, scene: 'sign-in', code: tried });

      const left = [];
      for (const offset of [1, 2, 3]) {
        left.push((await refusal(attempt(wrong(code, offset)), 'CODE_MISMATCH')).attemptsLeft);
      }
      expect(left).toEqual([2, 1, 0]);
      expect((await refusal(attempt(code), 'TOO_MANY_ATTEMPTS')).status).toBe(429);

      // Only a new code helps.
      context.clock.advance(60);
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      await attempt(context.lastCode(mainland));
    });

    it('refuses malformed codes without spending an attempt', async () => {
      const verifier = context.createVerifier({ allowedAttempts: 1 });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      for (const malformed of [
        code.slice(1),
        `${code}0`,
        ` ${code}`,
        'abcdef',
        '１２３４５６',
        '',
      ]) {
        const error = await refusal(
          verifier.verify({ phone: mainland, scene: 'sign-in', code: malformed }),
          'CODE_MISMATCH'
        );
        expect(error.attemptsLeft).toBeUndefined();
      }
      await verifier.verify({ phone: mainland, scene: 'sign-in', code });
    });

    it('refuses an expired code as expired', async () => {
      const verifier = context.createVerifier({ expiresIn: 120 });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      context.clock.advance(119);
      await refusal(
        verifier.verify({ phone: mainland, scene: 'sign-in', code: wrong(code) }),
        'CODE_MISMATCH'
      );
      context.clock.advance(1);
      await refusal(verifier.verify({ phone: mainland, scene: 'sign-in', code }), 'CODE_EXPIRED');
    });

    it('refuses verification for a number nothing was sent to', async () => {
      const verifier = context.createVerifier();
      await refusal(
        verifier.verify({ phone: mainland, scene: 'sign-in', code: '123456' }),
        'CODE_NOT_FOUND'
      );
      await refusal(
        verifier.verify({ phone: '+86 138', scene: 'sign-in', code: '123456' }),
        'INVALID_PHONE_NUMBER'
      );
    });
  });
