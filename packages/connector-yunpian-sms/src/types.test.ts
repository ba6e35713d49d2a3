import { describe, expect, it } from 'vitest';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import createYunpianSmsConnector, { defaultMetadata, yunpianSmsConfigGuard } from './index.js';

const officialContent = '您的验证码是 {{code}}。如非本人操作，请忽略本短信';

/** The official connector's form defaults (`@logto/connector-yunpian-sms` 1.2.4), filled in. */
const officialDefaults = {
  apikey: '9b11127a9701975c734b8aee81ee3526',
  templates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
    usageType,
    content: officialContent,
  })),
  enableInternational: false,
  unsupportedCountriesMsg: 'The administrator has not enabled international SMS services.',
};

/** The official connector's test config. */
const officialMock = {
  apikey: 'a123b456c789d0',
  templates: ['Generic', 'SignIn', 'Register', 'ForgotPassword'].map((usageType) => ({
    usageType,
    content: '您的验证码是{{code}}。如非本人操作，请忽略本短信',
  })),
};

/** The Logto docs' example (integrations/yunpian-sms): the text of an approved `#code#` template. */
const docsExample = {
  apikey: '9b11127a9701975c734b8aee81ee3526',
  templates: [
    { usageType: 'Register', content: '【云片网】您的注册验证码是{{code}}' },
    { usageType: 'SignIn', content: '【云片网】您的验证码是{{code}}' },
    { usageType: 'ForgotPassword', content: '【云片网】您正在重置密码，验证码是{{code}}' },
    { usageType: 'Generic', content: '【云片网】您的验证码是{{code}}' },
  ],
  enableInternational: true,
};

const genericOnly = {
  apikey: '9b11127a9701975c734b8aee81ee3526',
  templates: [{ usageType: 'Generic', content: '您的验证码是{{ code }}' }],
};

const issuePaths = (config: unknown) => {
  const result = yunpianSmsConfigGuard.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

const issueMessages = (config: unknown) => {
  const result = yunpianSmsConfigGuard.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

const withGeneric = (content: string) => ({
  ...genericOnly,
  templates: [{ usageType: 'Generic', content }],
});

describe('yunpianSmsConfigGuard accepts every official config unchanged', () => {
  it.each([
    ['the official form defaults', officialDefaults],
    ['the official test config', officialMock],
    ['the Logto docs example', docsExample],
    ['a config with only a Generic template', genericOnly],
  ])('%s', (_name, config) => {
    expect(yunpianSmsConfigGuard.parse(config)).toEqual(config);
  });

  it('accepts the duanxin extensions', () => {
    const config = {
      ...genericOnly,
      endpoint: 'https://us.yunpian.com',
      timeout: 5000,
      maxRetries: 0,
      proxy: 'http://proxy.internal:3128',
      allowedCountries: ['CN', 'HK'],
    };
    expect(issuePaths(config)).toEqual([]);
  });

  it('accepts the form defaults of this connector once the apikey is filled in', () => {
    const defaults = Object.fromEntries(
      (defaultMetadata.formItems ?? [])
        .filter((item) => item.defaultValue !== undefined)
        .map((item) => [item.key, item.defaultValue])
    );
    expect(issuePaths({ apikey: '9b11127a9701975c734b8aee81ee3526', ...defaults })).toEqual([]);
  });
});

describe('yunpianSmsConfigGuard refuses bad configs and names the field', () => {
  it.each([
    ['apikey missing', { templates: genericOnly.templates }, 'apikey'],
    ['an empty apikey', { ...genericOnly, apikey: '' }, 'apikey'],
    ['templates missing', { apikey: genericOnly.apikey }, 'templates'],
    ['no templates', { ...genericOnly, templates: [] }, 'templates'],
    [
      'no Generic template',
      { ...genericOnly, templates: [{ usageType: 'SignIn', content: '{{code}}' }] },
      'templates',
    ],
    [
      'a template without content',
      { ...genericOnly, templates: [{ usageType: 'Generic' }] },
      'templates.0.content',
    ],
    ['content as a number', withGeneric(1234 as unknown as string), 'templates.0.content'],
    [
      'enableInternational as a string',
      { ...genericOnly, enableInternational: 'true' },
      'enableInternational',
    ],
    [
      'unsupportedCountriesMsg as a number',
      { ...genericOnly, unsupportedCountriesMsg: 1 },
      'unsupportedCountriesMsg',
    ],
    [
      'an endpoint with a path',
      { ...genericOnly, endpoint: 'https://sms.yunpian.com/v2/sms/single_send.json' },
      'endpoint',
    ],
    [
      'http on a non-loopback host',
      { ...genericOnly, endpoint: 'http://sms.yunpian.com' },
      'endpoint',
    ],
  ])('%s', (_name, config, field) => {
    expect(issuePaths(config)).toContain(field);
  });

  it('refuses a template without {{code}}, on that template', () => {
    const config = {
      ...genericOnly,
      templates: [
        { usageType: 'Generic', content: '您的验证码是{{code}}' },
        { usageType: 'SignIn', content: '您的验证码是#code#' },
      ],
    };
    expect(issuePaths(config)).toEqual(['templates.1.content']);
    expect(issueMessages(config).join()).toContain('{{code}}');
  });

  it('refuses a placeholder that is never filled, naming it', () => {
    const config = withGeneric('{{locale}}: 您的验证码是{{code}}');
    expect(issuePaths(config)).toEqual(['templates.0.content']);
    expect(issueMessages(config).join()).toContain('{{locale}}');
  });
});

describe('the connector', () => {
  const unusedGetConfig = async () => {
    throw new Error('getConfig must not be called');
  };
  const data = { to: '8613800138000', type: 'Generic', payload: { code: '123456' } } as const;

  it('does not read the config when created (Logto loads it with getConfig unimplemented)', async () => {
    const connector = await createYunpianSmsConnector({ getConfig: unusedGetConfig });
    expect(connector.metadata.id).toBe('yunpian-sms');
    expect(connector.configGuard).toBe(yunpianSmsConfigGuard);
  });

  it('refuses a template without {{code}} as InvalidConfig on its path, before sending', async () => {
    const connector = await createYunpianSmsConnector({ getConfig: unusedGetConfig });
    const error = await connector
      .sendMessage(data as never, withGeneric('您的验证码是#code#'))
      .catch((error: unknown) => error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect((error as ConnectorError).data).toMatchObject({
      field: 'templates.0.content',
      outcome: 'not_sent',
    });
  });

  it('reads the stored config with its own id when none is passed', async () => {
    const asked: string[] = [];
    const connector = await createYunpianSmsConnector({
      getConfig: async (id) => {
        asked.push(id);
        return { templates: genericOnly.templates };
      },
    });
    const error = await connector.sendMessage(data as never).catch((error: unknown) => error);
    expect(asked).toEqual(['yunpian-sms']);
    expect((error as ConnectorError).data).toMatchObject({ field: 'apikey' });
  });
});
