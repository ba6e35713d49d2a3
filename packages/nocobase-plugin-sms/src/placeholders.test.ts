import { describe, expect, it } from 'vitest';

import { protectPlaceholders, restorePlaceholders } from './placeholders.js';

describe('placeholders that NocoBase would render away', () => {
  it('keeps {{code}} under a mark NocoBase ignores, and gives back what was written', () => {
    const settings = {
      apikey: '{{$env.YUNPIAN_APIKEY}}',
      templates: [{ usageType: 'Generic', content: '【duanxin】验证码{{code}}，{{ code }}' }],
    };
    const saved = protectPlaceholders(settings);
    expect(saved).toEqual({
      apikey: '{{$env.YUNPIAN_APIKEY}}',
      templates: [{ usageType: 'Generic', content: '【duanxin】验证码{{#code}}，{{# code }}' }],
    });
    expect(JSON.stringify(saved)).not.toMatch(/{{\s*code/);
    expect(restorePlaceholders(saved)).toEqual(settings);
  });

  it('marks once: settings sent back as they were loaded stay as they were saved', () => {
    const saved = protectPlaceholders({ text: '验证码{{code}}' });
    expect(protectPlaceholders(saved)).toEqual(saved);
  });

  it('leaves numbers, booleans and nulls alone', () => {
    expect(protectPlaceholders({ a: 1, b: true, c: null, d: [2] })).toEqual({
      a: 1,
      b: true,
      c: null,
      d: [2],
    });
  });
});
