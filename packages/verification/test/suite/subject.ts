import { describe, expect, it } from 'vitest';

import { refusal, type VerifierContext } from './context.js';

const mainland = '+8613800138000';

export const describeSubject = (context: VerifierContext) =>
  describe('codes bound to their requester (subject)', () => {
    it('lets only the subject a code was sent for redeem it, spending nothing for others', async () => {
      const verifier = context.createVerifier({ allowedAttempts: 1 });
      await verifier.send({ phone: mainland, scene: 'sign-in', subject: 'session-a' });
      const code = context.lastCode(mainland);
      const redeem = (subject?: string) =>
        verifier.verify({ phone: mainland, scene: 'sign-in', code, subject });

      // The right code, from someone else: for them there is no code, and nothing is spent.
      await refusal(redeem('session-b'), 'CODE_NOT_FOUND');
      await refusal(redeem(undefined), 'CODE_NOT_FOUND');
      await expect(redeem('session-a')).resolves.toEqual({ phone: mainland, scene: 'sign-in' });
    });

    it('lets anyone with the code redeem a code sent without a subject', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      await verifier.verify({
        phone: mainland,
        scene: 'sign-in',
        code: context.lastCode(mainland),
        subject: 'anyone',
      });
    });

    it("binds a number only for the user who asked for the code: bob cannot redeem alice's", async () => {
      const verifier = context.createVerifier();
      await verifier.sendBindCode('alice', mainland);
      const code = context.lastCode(mainland);
      await refusal(verifier.bind('bob', mainland, code), 'CODE_NOT_FOUND');
      await expect(verifier.listBoundPhones('bob')).resolves.toEqual([]);
      await verifier.bind('alice', mainland, code);
      await expect(verifier.ownerOfPhone(mainland)).resolves.toBe('alice');
    });

    it('refuses an empty subject as a mistake, before anything is sent', async () => {
      const verifier = context.createVerifier();
      await expect(
        verifier.send({ phone: mainland, scene: 'sign-in', subject: '' })
      ).rejects.toThrow('`subject` must be a non-empty string');
      expect(context.emulator.requests.list()).toEqual([]);
    });
  });
