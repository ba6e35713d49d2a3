import { describe, expect, it } from 'vitest';

import { aliyunTemplateParam } from './template-param.js';

describe('aliyunTemplateParam', () => {
  it('builds Aliyun TemplateParam from an allow-list: code and static extras only', () => {
    expect(aliyunTemplateParam('123456', 'code', undefined)).toBe('{"code":"123456"}');
    expect(JSON.parse(aliyunTemplateParam('123456', 'otp', { time: '5' }))).toEqual({
      time: '5',
      otp: '123456',
    });
  });
});
