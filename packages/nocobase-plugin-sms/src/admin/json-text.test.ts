import { describe, expect, it } from 'vitest';

import { fromJsonText, toJsonText } from './json-text.js';

describe('the JSON field', () => {
  it('shows a saved value with {{code}} as the admin wrote it', () => {
    const saved = [{ usageType: 'Generic', content: '验证码{{#code}}' }];
    expect(toJsonText(saved)).toBe(
      '[\n  {\n    "usageType": "Generic",\n    "content": "验证码{{code}}"\n  }\n]'
    );
    expect(fromJsonText(toJsonText(saved))).toEqual([
      { usageType: 'Generic', content: '验证码{{code}}' },
    ]);
  });

  it('keeps text that does not parse as it is, for the settings check to name', () => {
    expect(fromJsonText('[{ "usageType": ')).toBe('[{ "usageType": ');
    expect(toJsonText('[{ "usageType": ')).toBe('[{ "usageType": ');
  });

  it('treats an empty field as no value', () => {
    expect(fromJsonText('  ')).toBeUndefined();
    expect(toJsonText(undefined)).toBe('');
  });
});
