import { ConnectorError } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import {
  contentTemplateIssue,
  pickTemplate,
  readVerificationCode,
  renderContent,
  templateTypes,
} from './templates.js';

describe('pickTemplate', () => {
  const templates = [
    { usageType: 'SignIn', id: 'a' },
    { usageType: 'Generic', id: 'g' },
  ];

  it('takes the exact usage type, else Generic for every other type', () => {
    expect(pickTemplate(templates, 'SignIn', 'test')).toEqual({
      template: templates[0],
      fellBack: false,
    });
    for (const type of templateTypes.filter((type) => type !== 'SignIn')) {
      expect(pickTemplate(templates, type, 'test').template.id).toBe('g');
    }
    expect(pickTemplate(templates, 'MfaVerification', 'test').fellBack).toBe(true);
  });

  it('throws template_not_found when there is neither', () => {
    expect(() => pickTemplate([{ usageType: 'SignIn' }], 'Register', 'test')).toThrow(
      expect.objectContaining({ code: 'template_not_found' })
    );
  });
});

describe('readVerificationCode', () => {
  it('accepts digit codes', () => {
    expect(readVerificationCode({ code: '000000' }, 'test')).toBe('000000');
  });

  it.each([
    ['no code', {}],
    ['no payload', undefined],
    ['non-digit', { code: '12ab56' }],
    ['100 characters', { code: '1'.repeat(100) }],
    ['a number', { code: 123456 }],
  ])('refuses %s', (_name, payload) => {
    expect(() => readVerificationCode(payload, 'test')).toThrow(ConnectorError);
  });
});

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
