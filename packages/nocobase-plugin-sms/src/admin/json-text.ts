/**
 * A connector's JSON field (its templates) as text: saved as the value it parses to, or as the
 * text while it does not parse (the settings check then says so).
 */
import { restorePlaceholders } from '../placeholders.js';

/** Text to show: `{{code}}` as the admin wrote it, not as it is saved. */
export const toJsonText = (value: unknown): string => {
  const shown = restorePlaceholders(value);
  if (shown === undefined || shown === null) {
    return '';
  }
  return typeof shown === 'string' ? shown : JSON.stringify(shown, null, 2);
};

export const fromJsonText = (text: string): unknown => {
  if (text.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(restorePlaceholders(a)) === JSON.stringify(restorePlaceholders(b));
