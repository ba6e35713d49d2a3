/**
 * NocoBase renders every `{{…}}` in a verifier's settings as one of its variables before the
 * provider sees them, and an unknown one becomes empty: a YunPian text's `{{code}}` would be
 * gone (docs/nocobase.md §3). Placeholders that are not `{{$…}}` variables are therefore saved
 * as `{{#code}}`, which NocoBase leaves alone, and restored after rendering. Marking is
 * idempotent, since a form may send back what it loaded; so a literal `{{#` cannot be written.
 */
const unprotected = /{{(?=\s*[A-Za-z_])/g;
const protectedMark = /{{#/g;

const mapStrings = (value: unknown, map: (text: string) => string): unknown => {
  if (typeof value === 'string') {
    return map(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => mapStrings(item, map));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)])
    );
  }
  return value;
};

export const protectPlaceholders = (settings: unknown): unknown =>
  mapStrings(settings, (text) => text.replace(unprotected, '{{#'));

export const restorePlaceholders = (settings: unknown): unknown =>
  mapStrings(settings, (text) => text.replace(protectedMark, '{{'));
