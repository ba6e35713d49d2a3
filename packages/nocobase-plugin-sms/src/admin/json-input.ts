/**
 * The editor of a connector's JSON field (its templates): JSON text, saved as the value it
 * parses to, or as the text while it does not parse (the settings check then says so).
 */
import { Input } from 'antd';
import React, { useEffect, useState } from 'react';

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

const sameValue = (a: unknown, b: unknown) =>
  JSON.stringify(restorePlaceholders(a)) === JSON.stringify(restorePlaceholders(b));

export const JsonInput = ({
  value,
  onChange,
  placeholder,
}: {
  value?: unknown;
  onChange?: (value: unknown) => void;
  placeholder?: string;
}) => {
  const [text, setText] = useState(() => toJsonText(value));
  // A value set from outside (the record loaded, a reset) replaces the text.
  useEffect(() => {
    if (!sameValue(fromJsonText(text), value)) {
      setText(toJsonText(value));
    }
  }, [value]);
  return React.createElement(Input.TextArea, {
    value: text,
    rows: 8,
    spellCheck: false,
    ...(placeholder && { placeholder }),
    style: { fontFamily: 'monospace', fontSize: 12 },
    onChange: (event) => {
      setText(event.target.value);
      onChange?.(fromJsonText(event.target.value));
    },
  });
};
