import { describe, expect, it } from 'vitest';

import { refusal, tally, wrongCode, type VerifierContext } from './context.js';

const first = '+8613800138000';
const second = '+85291234567';
const stranger = '+8613900139000';

type Verifier = ReturnType<VerifierContext['createVerifier']>;

export const describeBinding = (context: VerifierContext) =>
  describe('bind(), unbind(), listBoundPhones()', () => {
    const bindWithCode = async (verifier: Verifier, userId: string, phone: string) => {
      await verifier.sendBindCode(userId, phone);
      return verifier.bind(userId, phone, context.lastCode(phone));
    };
    /** A code from `proofPhone` for unbinding, sent for `userId`. */
    const unbindCode = async (verifier: Verifier, userId: string, proofPhone: string) => {
      await verifier.sendUnbindCode(userId, proofPhone);
      return context.lastCode(proofPhone);
    };

    it('binds a number with the code sent to it, and lists it', async () => {
      const verifier = context.createVerifier();
      await verifier.sendBindCode('alice', '8613800138000');
      expect(context.calls.at(-1)?.type).toBe('BindNewIdentifier');
      await expect(
        verifier.bind('alice', '008613800138000', context.lastCode(first))
      ).resolves.toEqual({ phone: first });
      await bindWithCode(verifier, 'alice', second);
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([first, second].sort());
      await expect(verifier.ownerOfPhone('8613800138000')).resolves.toBe('alice');
      await expect(verifier.listBoundPhones('bob')).resolves.toEqual([]);
    });

    it('does not bind with a code sent for another scene', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: first, scene: 'sign-in' });
      await refusal(verifier.bind('alice', first, context.lastCode(first)), 'CODE_NOT_FOUND');
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([]);
    });

    it("refuses another user's number: no code is texted, none is spent", async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await refusal(verifier.sendBindCode('bob', first), 'PHONE_ALREADY_BOUND');
      expect(context.emulator.inbox.list({ to: first })).toHaveLength(1);

      // A code sent some other way is refused by bind() before it is spent.
      context.clock.advance(60);
      await verifier.send({ phone: first, scene: 'bind-phone' });
      const code = context.lastCode(first);
      await refusal(verifier.bind('bob', first, code), 'PHONE_ALREADY_BOUND');
      await refusal(verifier.bind('alice', first, code), 'PHONE_ALREADY_BOUND');
      await verifier.verify({ phone: first, scene: 'bind-phone', code });
      await expect(verifier.listBoundPhones('bob')).resolves.toEqual([]);
    });

    it('unbinds with a code sent to another number of the user', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'alice', second);

      const code = await unbindCode(verifier, 'alice', second);
      expect(context.calls.at(-1)?.type).toBe('UserPermissionValidation');
      await expect(verifier.unbind('alice', first, { phone: second, code })).resolves.toEqual({
        phone: first,
      });
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([second]);
      await expect(verifier.ownerOfPhone(first)).resolves.toBeUndefined();
    });

    it('refuses proof from the number being removed while the user has another', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'alice', second);
      const code = await unbindCode(verifier, 'alice', first);
      await refusal(verifier.unbind('alice', first, { phone: first, code }), 'PROOF_SAME_NUMBER');
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([first, second].sort());
      // Refused before the code was spent: it still proves something else.
      await verifier.unbind('alice', second, { phone: first, code });
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([first]);
    });

    it('keeps the last number unless the app allows removing it', async () => {
      const keeping = context.createVerifier();
      await bindWithCode(keeping, 'alice', first);
      const code = await unbindCode(keeping, 'alice', first);
      await refusal(keeping.unbind('alice', first, { phone: first, code }), 'LAST_METHOD');
      await expect(keeping.listBoundPhones('alice')).resolves.toEqual([first]);

      // alice has a password, bob has not: the app answers per user.
      const allowed = context.createVerifier({
        allowRemovingLast: async (userId) => userId === 'alice',
      });
      await allowed.unbind('alice', first, { phone: first, code });
      await expect(allowed.listBoundPhones('alice')).resolves.toEqual([]);

      await bindWithCode(allowed, 'bob', stranger);
      const bobs = await unbindCode(allowed, 'bob', stranger);
      await refusal(
        allowed.unbind('bob', stranger, { phone: stranger, code: bobs }),
        'LAST_METHOD'
      );
    });

    it('lets only one of two racing unbinds remove one of the last two numbers', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'alice', second);
      const fromFirst = await unbindCode(verifier, 'alice', first);
      const fromSecond = await unbindCode(verifier, 'alice', second);
      const results = await Promise.allSettled([
        verifier.unbind('alice', first, { phone: second, code: fromSecond }),
        verifier.unbind('alice', second, { phone: first, code: fromFirst }),
      ]);
      expect(tally(results)).toEqual({ ok: 1, LAST_METHOD: 1 });
      await expect(verifier.listBoundPhones('alice')).resolves.toHaveLength(1);
    });

    it('refuses to unbind without proof from a number the user has bound', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'alice', second);
      await bindWithCode(verifier, 'mallory', stranger);

      // Unbind codes go only to the user's own numbers.
      await refusal(verifier.sendUnbindCode('alice', stranger), 'PROOF_NOT_BOUND');
      // A valid code, but for a number that is not alice's.
      const strangerCode = await unbindCode(verifier, 'mallory', stranger);
      await refusal(
        verifier.unbind('alice', first, { phone: stranger, code: strangerCode }),
        'PROOF_NOT_BOUND'
      );
      // Mallory cannot unbind alice's number with her own.
      await refusal(
        verifier.unbind('mallory', first, { phone: stranger, code: strangerCode }),
        'PHONE_NOT_BOUND'
      );
      // A wrong code from alice's other number.
      const code = await unbindCode(verifier, 'alice', second);
      await refusal(
        verifier.unbind('alice', first, {
          phone: second,
          code: wrongCode(code),
        }),
        'CODE_MISMATCH'
      );
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([first, second].sort());
    });
  });
