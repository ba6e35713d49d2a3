import { describe, expect, it } from 'vitest';

import { tally, wrongCode, type VerifierContext } from './context.js';

const mainland = '+8613800138000';

const times = <T>(count: number, make: (index: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: count }, (_, index) => make(index)));

export const describeConcurrency = (context: VerifierContext) =>
  describe('under concurrency', () => {
    it('texts a number once when many sends for it race', async () => {
      const verifier = context.createVerifier();
      // The provider is slow: every other send arrives while the first is in flight.
      context.emulator.faults.inject({ fault: { kind: 'delay', ms: 300 }, provider: 'aliyun' });
      const results = await times(10, (index) =>
        verifier.send({ phone: mainland, scene: index % 2 ? 'sign-in' : 'register' })
      );
      expect(tally(results)).toEqual({ ok: 1, SEND_IN_PROGRESS: 9 });
      expect(context.emulator.inbox.list()).toHaveLength(1);
      expect(context.emulator.requests.list()).toHaveLength(1);
    });

    it('lets exactly one of many parallel verifies with the right code succeed', async () => {
      // Right codes that lose the race are no wrong guesses, but they are counted while in flight.
      const verifier = context.createVerifier({ allowedAttempts: 100, perNumberGuessCap: false });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      const results = await times(50, () =>
        verifier.verify({ phone: mainland, scene: 'sign-in', code })
      );
      expect(tally(results)).toEqual({ ok: 1, CODE_NOT_FOUND: 49 });
    });

    it('lets parallel wrong guesses spend no more than the attempt budget', async () => {
      const verifier = context.createVerifier({ allowedAttempts: 5 });
      await verifier.send({ phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      const guesses = Array.from({ length: 40 }, (_, index) => wrongCode(code, index + 1));
      const results = await times(40, (index) =>
        verifier.verify({ phone: mainland, scene: 'sign-in', code: guesses[index] as string })
      );
      expect(tally(results)).toEqual({ CODE_MISMATCH: 5, TOO_MANY_ATTEMPTS: 35 });
      const right = await times(1, () =>
        verifier.verify({ phone: mainland, scene: 'sign-in', code })
      );
      expect(tally(right)).toEqual({ TOO_MANY_ATTEMPTS: 1 });
    });

    it('counts sends in flight against the IP cap', async () => {
      const verifier = context.createVerifier({ perIpCap: { max: 3, window: 3600 } });
      context.emulator.faults.inject({ fault: { kind: 'delay', ms: 200 }, times: Infinity });
      const results = await times(10, (index) =>
        verifier.send({
          phone: `+86139001390${String(index).padStart(2, '0')}`,
          scene: 'sign-in',
          ip: '198.51.100.20',
        })
      );
      expect(tally(results)).toEqual({ ok: 3, IP_CAP_REACHED: 7 });
      expect(context.emulator.inbox.list()).toHaveLength(3);
    });
  });
