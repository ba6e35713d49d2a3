/**
 * Each way a secret may come back: echoed by a provider in its answer (URL- or form-encoded, as a
 * JSON string inside a string, as base64 in an Authorization header), or shown by whoever renders
 * an error (`JSON.stringify`, `util.inspect`). A secret must appear in none of them.
 */
import { inspect } from 'node:util';

export const secretEncodings = {
  raw: (secret: string) => secret,
  encodeURIComponent: (secret: string) => encodeURIComponent(secret),
  'RFC 3986': (secret: string) =>
    encodeURIComponent(secret).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
    ),
  'form-urlencoded, + for space': (secret: string) =>
    new URLSearchParams({ s: secret }).toString().slice(2),
  'JSON-escaped': (secret: string) => JSON.stringify(secret).slice(1, -1),
  base64: (secret: string) => Buffer.from(secret, 'utf8').toString('base64'),
} satisfies Record<string, (secret: string) => string>;

export type SecretEncoding = keyof typeof secretEncodings;

/** The encodings, and the secret as `util.inspect` quotes it. */
export const secretForms = (secret: string): string[] => [
  ...new Set([
    ...Object.values(secretEncodings).map((encode) => encode(secret)),
    inspect(secret).slice(1, -1),
  ]),
];
