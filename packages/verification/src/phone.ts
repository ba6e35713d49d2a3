import { isIPv4, isIPv6 } from 'node:net';

import { parseTypedPhoneNumber } from '@duanxin/shared';
import type { CountryCode } from 'libphonenumber-js';

import { SmsVerificationError } from './errors.js';

/**
 * `+8613800138000`, whichever way the number was typed (`138 0013 8000` with `defaultCountry`
 * CN, `+86 138-0013-8000`, `0086…`, Logto's `8613800138000`), by the one reading of typed numbers
 * (docs/providers.md §0.2): the same number must be the same key, or cooldowns and caps are
 * bypassed by reformatting it.
 */
export const normalisePhone = (phone: unknown, defaultCountry: CountryCode): string => {
  try {
    return parseTypedPhoneNumber(phone, { provider: 'verification', defaultCountry }).e164;
  } catch (cause) {
    throw new SmsVerificationError('INVALID_PHONE_NUMBER', { cause });
  }
};

/** How Logto hands a number to a connector: digits with the country code, no `+`. */
export const toLogtoRecipient = (e164: string): string => e164.slice(1);

const ipv4ToHextets = (ipv4: string): string[] => {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
};

const expandIPv6 = (address: string): string[] => {
  const hextets = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((h) => (h.includes('.') ? ipv4ToHextets(h) : [h]));
  const [head = '', tail] = address.split('::');
  const left = hextets(head);
  const right = tail === undefined ? [] : hextets(tail);
  const gap = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...gap, ...right].map((h) => parseInt(h, 16).toString(16));
};

/**
 * What the per-IP cap counts by: an IPv4 address, or an IPv6 /64 — one subscriber usually holds a
 * whole /64, so counting single IPv6 addresses would make the cap free to evade.
 */
export const ipBucket = (ip: string): string => {
  const bare = ip
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped && isIPv4(mapped)) {
    return mapped;
  }
  if (isIPv6(bare)) {
    return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
  }
  return bare;
};
