import { describe, expect, it } from 'vitest';

import { contentTemplateIssue, renderContent } from './content.js';

describe('placeholders', () => {
  it('renders only {{code}}, whatever else the payload holds', () => {
    expect(renderContent('您的验证码是 {{code}}，{{ code }}', '123456')).toBe(
      '您的验证码是 123456，123456'
    );
  });

  it('reports content templates that cannot carry the code', () => {
    expect(contentTemplateIssue('您的验证码是 {{code}}')).toBeUndefined();
    expect(contentTemplateIssue('您的验证码是 #code#')).toMatch(/\{\{code\}\}/);
    expect(contentTemplateIssue('{{code}} for {{user.name}}')).toMatch(/user\.name/);
  });
});
