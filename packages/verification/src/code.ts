import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

type RandomInt = (min: number, max: number) => number;

/**
 * A code of `length` digits, uniformly from 0 … 10^length − 1, zero-padded. `randomInt`'s upper
 * bound is exclusive: NocoBase's `randomInt(999999)` can never produce 999999.
 */
export const generateCode = (length: number, random: RandomInt = randomInt): string =>
  String(random(0, 10 ** length)).padStart(length, '0');

/**
 * Keyed HMAC of a code, bound to its number and scene: a leaked store reveals no code, and the
 * 10^6 possible codes cannot be tried offline without the server secret.
 */
export const hashCode = (secret: Buffer, phone: string, scene: string, code: string): string =>
  createHmac('sha256', secret).update(`code\n${phone}\n${scene}\n${code}`).digest('hex');

/** Constant-time comparison of two hex digests. */
export const digestsMatch = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
};

/**
 * Store keys for counters and codes: numbers, addresses and subjects never appear in the store
 * in clear. (Bindings are keyed by the number itself, so that they survive a change of secret.)
 */
export const hashKey = (
  secret: Buffer,
  kind: 'phone' | 'ip' | 'prefix' | 'subject',
  value: string
): string =>
  createHmac('sha256', secret).update(`${kind}\n${value}`).digest('base64url').slice(0, 32);
