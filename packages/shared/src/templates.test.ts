import { ConnectorError } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import {
  formPlaceholders,
  pickTemplate,
  placeholderTemplates,
  readVerificationCode,
  templateTypes,
  usableTemplates,
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

describe('templates left as the form placeholder', () => {
  const metadata = {
    formItems: [
      { key: 'signName', placeholder: '<sign-name>', defaultValue: '<sign-name>' },
      {
        key: 'templates',
        defaultValue: templateTypes.map((usageType) => ({ usageType, templateCode: '<code>' })),
      },
    ],
  } as never;
  const placeholders = formPlaceholders(metadata);

  it("are read from the templates form item's default, <…> values only", () => {
    expect([...placeholders]).toEqual(['<code>']);
    const content = {
      formItems: [{ key: 'templates', defaultValue: [{ usageType: 'Generic', content: 'x' }] }],
    } as never;
    expect(formPlaceholders(content).size).toBe(0);
  });

  it('are no template: the usage type falls back to Generic', () => {
    const templates = [
      { usageType: 'SignIn', templateCode: '<code>' },
      { usageType: 'Register', templateCode: { china: 'SMS_1', overseas: '<code>' } },
      { usageType: 'Generic', templateCode: 'SMS_9' },
    ];
    expect(placeholderTemplates(templates, placeholders)).toEqual([
      { usageType: 'SignIn', placeholder: '<code>' },
      { usageType: 'Register', placeholder: '<code>' },
    ]);
    const usable = usableTemplates(templates, placeholders, 'test');
    expect(pickTemplate(usable, 'SignIn', 'test')).toEqual({
      template: { usageType: 'Generic', templateCode: 'SMS_9' },
      fellBack: true,
    });
  });

  it('a Generic left so is an invalid config naming the placeholder', () => {
    const templates = [
      { usageType: 'SignIn', templateCode: 'SMS_1' },
      { usageType: 'Generic', templateCode: '<code>' },
    ];
    expect(() => usableTemplates(templates, placeholders, 'test')).toThrow(
      expect.objectContaining({
        code: 'invalid_config',
        data: expect.objectContaining({
          field: 'templates',
          errorDescription: expect.stringContaining("still the form's placeholder <code>"),
        }),
      })
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
