/** The editor of a connector's JSON field (its templates), in both admin apps. */
import { Input } from 'antd';
import React, { useEffect, useState } from 'react';

import { fromJsonText, sameValue, toJsonText } from './json-text.js';

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
