import { describe, expect, it } from 'vitest';

import { tencentTemplateParamSet } from './templates.js';

describe('placeholders', () => {
  it('builds Tencent TemplateParamSet with the code first', () => {
    expect(tencentTemplateParamSet('123456', undefined)).toEqual(['123456']);
    expect(tencentTemplateParamSet('123456', ['5'])).toEqual(['123456', '5']);
  });
});
