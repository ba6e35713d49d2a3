/**
 * Masking of personal data and secrets in anything that may reach a log, an error or a terminal.
 * Phone numbers and codes appear only masked; secrets never appear at all, in any encoding a
 * provider may echo them in (docs/providers.md §6).
 */

/** `13800138000` → `138****8000`; `+8613800138000` → `+86138****8000`. */
export const maskPhone = (phone: string): string => {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = plus ? phone.slice(1) : phone;
  if (digits.length <= 4) {
    return plus + '*'.repeat(digits.length);
  }
  if (digits.length < 8) {
    return plus + '*'.repeat(digits.length - 2) + digits.slice(-2);
  }
  // Keep the prefix and the last four digits, as Chinese apps show numbers: 138****8000.
  return plus + digits.slice(0, digits.length - 8) + '****' + digits.slice(-4);
};

/** Verification codes are never shown: only their length. */
export const maskCode = (code: string): string => '*'.repeat(Math.min(code.length, 12));

const redacted = '***';
/** Shorter values are not redacted: they would match everywhere. */
const minimumLength = 3;
/** From this length on a value is also looked for in base64: shorter ones match by chance. */
const base64MinimumLength = 8;

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A hex digit in either case: `%2b` and `%2B` decode alike. */
const hexDigit = (digit: string) =>
  /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit;
const hexPattern = (value: number, width: number) =>
  [...value.toString(16).padStart(width, '0')].map(hexDigit).join('');

const jsonShortEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * Every way one character may be written: as is; percent-encoded (its UTF-8 bytes, either hex
 * case, also encoded twice), which covers `encodeURIComponent`, RFC 3986 and form encoding at
 * once, even mixed; `+` for a space (forms); JSON-escaped (`\"`, `\/`, `\u0041`).
 */
const characterForms = (character: string): string => {
  const forms = [escapeRegExp(character)];
  const bytes = [...Buffer.from(character, 'utf8')];
  forms.push(bytes.map((byte) => `%(?:25)?${hexPattern(byte, 2)}`).join(''));
  if (character === ' ') {
    forms.push('\\+');
  }
  const short = jsonShortEscapes[character];
  if (short) {
    forms.push(escapeRegExp(short));
  }
  const units = [...character].flatMap((unit) =>
    unit.length === 1 ? [unit.charCodeAt(0)] : [unit.charCodeAt(0), unit.charCodeAt(1)]
  );
  forms.push(units.map((unit) => `\\\\u${hexPattern(unit, 4)}`).join(''));
  return `(?:${forms.join('|')})`;
};

/**
 * The base64 (and base64url) of a value, as an `Authorization` header would carry it: whole, and
 * the part of it that does not depend on what precedes or follows it inside a longer encoded text
 * (its three alignments).
 */
const base64Forms = (value: string): string[] => {
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>([bytes.toString('base64')]);
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters made of the value's bits alone: after the offset's, before the last partial one.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    forms.add(encoded.slice(start, end));
  }
  const all = [...forms].flatMap((form) => [
    form,
    form.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''),
  ]);
  // Longest first: a whole encoding goes before the part of it.
  return [...new Set(all)].sort((a, b) => b.length - a.length).map(escapeRegExp);
};

const patterns = new Map<string, RegExp>();
const maxCachedPatterns = 256;

/** One pattern for every form of a value; built once per value (errors repeat their secrets). */
const patternFor = (value: string): RegExp => {
  const cached = patterns.get(value);
  if (cached) {
    return cached;
  }
  const forms = [[...value].map(characterForms).join('')];
  if (value.length >= base64MinimumLength) {
    forms.push(...base64Forms(value));
  }
  const pattern = new RegExp(forms.join('|'), 'g');
  if (patterns.size >= maxCachedPatterns) {
    patterns.delete(patterns.keys().next().value as string);
  }
  patterns.set(value, pattern);
  return pattern;
};

/**
 * Replaces every occurrence of the sensitive values (secrets, a number, a code) with `***`, in
 * whatever encoding it appears. Longest first, so that a secret containing the code goes whole;
 * repeated until none is left, as a replacement may join the parts of another occurrence.
 */
export const redactSecrets = (
  text: string,
  sensitive: readonly (string | undefined)[] = []
): string => {
  const values = [...new Set(sensitive)]
    .filter((value): value is string => typeof value === 'string' && value.length >= minimumLength)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const value of values) {
    const pattern = patternFor(value);
    for (let previous = ''; previous !== result;) {
      previous = result;
      result = result.replace(pattern, redacted);
    }
  }
  return result;
};

/**
 * Cleans a provider's free text (error messages may echo the number, the request's string to
 * sign — which holds the code — or parameters): known sensitive strings are replaced, and any
 * remaining run of 7+ digits is masked as a phone number.
 */
export const redactText = (text: string, sensitive: readonly (string | undefined)[] = []): string =>
  redactSecrets(text, sensitive).replace(/\+?\d{7,}/g, (digits) => maskPhone(digits));

/** `redactSecrets` over every string of a value (a parsed answer, an error's data). */
export const redactDeep = <T>(value: T, sensitive: readonly (string | undefined)[]): T => {
  if (typeof value === 'string') {
    return redactSecrets(value, sensitive) as T;
  }
  if (Array.isArray(value)) {
    return value.map((item: unknown) => redactDeep(item, sensitive)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        redactSecrets(key, sensitive),
        redactDeep(item, sensitive),
      ])
    ) as T;
  }
  return value;
};
