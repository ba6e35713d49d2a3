import { createHash, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (data: string | Buffer): string =>
  createHash('sha256').update(data).digest('hex');

/** Signature comparison that does not leak, through timing, how much of a guess was right. */
export const equalInConstantTime = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
};

export const lowerCaseNames = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** Node's incoming headers (arrays for repeated ones) as one lower-case string per name. */
export const normaliseIncomingHeaders = (
  headers: Record<string, string | string[] | undefined>
): Record<string, string | undefined> => {
  const normalised: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      normalised[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
    }
  }
  return normalised;
};
