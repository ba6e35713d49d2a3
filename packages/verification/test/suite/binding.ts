import { describe, expect, it } from 'vitest';

import { refusal, type VerifierContext } from './context.js';

const first = '+8613800138000';
const second = '+85291234567';
const stranger = '+8613900139000';

export const describeBinding = (context: VerifierContext) =>
  describe('bind(), unbind(), listBoundPhones()', () => {
    const bindWithCode = async (
      verifier: ReturnType<VerifierContext['createVerifier']>,
      userId: string,
      phone: string
    ) => {
      await verifier.send({ phone, scene: 'bind-phone' });
      return verifier.bind(userId, phone, context.lastCode(phone));
    };

    it('binds a number with the code sent to it, and lists it', async () => {
      const verifier = context.createVerifier();
      await verifier.send({ phone: '8613800138000', scene: 'bind-phone' });
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

    it('refuses a number bound already, without spending the code', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      context.clock.advance(60);
      await verifier.send({ phone: first, scene: 'bind-phone' });
      const code = context.lastCode(first);
      await refusal(verifier.bind('bob', first, code), 'PHONE_ALREADY_BOUND');
      await refusal(verifier.bind('alice', first, code), 'PHONE_ALREADY_BOUND');
      await verifier.verify({ phone: first, scene: 'bind-phone', code });
      await expect(verifier.listBoundPhones('bob')).resolves.toEqual([]);
    });

    it('unbinds with a code sent to a number already bound to the user', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'alice', second);

      await verifier.send({ phone: second, scene: 'unbind-phone' });
      expect(context.calls.at(-1)?.type).toBe('UserPermissionValidation');
      await expect(
        verifier.unbind('alice', first, { phone: second, code: context.lastCode(second) })
      ).resolves.toEqual({ phone: first });
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([second]);
      await expect(verifier.ownerOfPhone(first)).resolves.toBeUndefined();

      // The last number is unbound through itself.
      context.clock.advance(60);
      await verifier.send({ phone: second, scene: 'unbind-phone' });
      await verifier.unbind('alice', second, { phone: second, code: context.lastCode(second) });
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([]);
    });

    it('refuses to unbind without proof from a number the user has bound', async () => {
      const verifier = context.createVerifier();
      await bindWithCode(verifier, 'alice', first);
      await bindWithCode(verifier, 'mallory', stranger);

      // A valid code, but for a number that is not alice's.
      await verifier.send({ phone: stranger, scene: 'unbind-phone' });
      const strangerCode = context.lastCode(stranger);
      await refusal(
        verifier.unbind('alice', first, { phone: stranger, code: strangerCode }),
        'PROOF_NOT_BOUND'
      );
      // Mallory cannot unbind alice's number with her own.
      await refusal(
        verifier.unbind('mallory', first, { phone: stranger, code: strangerCode }),
        'PHONE_NOT_BOUND'
      );
      // A wrong code from the bound number.
      await verifier.send({ phone: first, scene: 'unbind-phone' });
      const code = context.lastCode(first);
      await refusal(
        verifier.unbind('alice', first, {
          phone: first,
          code: code === '000000' ? '000001' : '000000',
        }),
        'CODE_MISMATCH'
      );
      await expect(verifier.listBoundPhones('alice')).resolves.toEqual([first]);
    });
  });
