import { randomBytes } from 'node:crypto';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { digestsMatch, generateCode, hashCode, hashKey } from './code.js';

const lengths = fc.integer({ min: 4, max: 10 });

describe('generateCode', () => {
  it('draws from 0 … 10^length − 1: the exclusive bound is 10^length', () => {
    fc.assert(
      fc.property(lengths, (length) => {
        const bounds: [number, number][] = [];
        const highest = generateCode(length, (min, max) => {
          bounds.push([min, max]);
          return max - 1;
        });
        expect(bounds).toEqual([[0, 10 ** length]]);
        expect(highest).toBe('9'.repeat(length));
      })
    );
  });

  it('zero-pads every value to exactly `length` digits, losslessly', () => {
    fc.assert(
      fc.property(
        lengths.chain((length) =>
          fc.tuple(fc.constant(length), fc.integer({ min: 0, max: 10 ** length - 1 }))
        ),
        ([length, value]) => {
          const code = generateCode(length, () => value);
          expect(code).toMatch(new RegExp(`^[0-9]{${length}}$`));
          expect(Number(code)).toBe(value);
        }
      )
    );
  });

  it('gives digits only, from the CSPRNG', () => {
    fc.assert(
      fc.property(lengths, (length) => {
        expect(generateCode(length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
      })
    );
  });
});

describe('hashCode', () => {
  const secret = randomBytes(32);

  it('depends on the secret, the number, the scene and the code', () => {
    const base = hashCode(secret, '+8613800138000', 'sign-in', '123456');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(base).not.toContain('123456');
    for (const other of [
      hashCode(randomBytes(32), '+8613800138000', 'sign-in', '123456'),
      hashCode(secret, '+8613800138001', 'sign-in', '123456'),
      hashCode(secret, '+8613800138000', 'register', '123456'),
      hashCode(secret, '+8613800138000', 'sign-in', '123457'),
    ]) {
      expect(other).not.toBe(base);
    }
  });

  it('matches exactly when the code is the same', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{6}$/),
        fc.stringMatching(/^[0-9]{6}$/),
        (stored, tried) => {
          const match = digestsMatch(
            hashCode(secret, '+85291234567', 'sign-in', stored),
            hashCode(secret, '+85291234567', 'sign-in', tried)
          );
          expect(match).toBe(stored === tried);
        }
      )
    );
  });

  it('never matches an empty or malformed digest', () => {
    const digest = hashCode(secret, '+85291234567', 'sign-in', '000000');
    expect(digestsMatch('', '')).toBe(false);
    expect(digestsMatch(digest, digest.slice(0, 62))).toBe(false);
    expect(digestsMatch(digest, 'not hex')).toBe(false);
  });
});

describe('hashKey', () => {
  it('keeps numbers and addresses out of store keys', () => {
    const key = hashKey(randomBytes(32), 'phone', '+8613800138000');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain('13800138000');
  });
});
