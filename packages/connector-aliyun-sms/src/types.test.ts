import { describe, expect, it } from 'vitest';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import createAliyunSmsConnector, { aliyunSmsConfigGuard, defaultMetadata } from './index.js';

const usageTypes = [
  'SignIn',
  'Register',
  'ForgotPassword',
  'OrganizationInvitation',
  'Generic',
  'UserPermissionValidation',
  'BindNewIdentifier',
  'MfaVerification',
  'BindMfa',
];

const credentials = {
  accessKeyId: 'LTAI5tExampleAccessKey',
  accessKeySecret: 'exampleAccessKeySecret0123456789',
  signName: '阿里云短信测试',
};

/** The official connector's form defaults (`@logto/connector-aliyun-sms` 1.5.5), filled in. */
const officialDefaults = {
  ...credentials,
  templates: usageTypes.map((usageType) => ({ usageType, templateCode: '<template-code>' })),
  strictPhoneRegionNumberCheck: false,
};

/** The official connector's test config: `type`, string codes and `{ china, overseas }`. */
const officialMock = {
  accessKeyId: 'accessKeyId',
  accessKeySecret: 'accessKeySecret',
  signName: 'signName',
  templates: [
    { type: 2, usageType: 'SignIn', templateCode: 'TemplateCode' },
    {
      type: 2,
      usageType: 'Register',
      templateCode: { china: 'TemplateCode1', overseas: 'TemplateCode2' },
    },
    { type: 2, usageType: 'ForgotPassword', templateCode: 'TemplateCode' },
    { type: 2, usageType: 'Generic', templateCode: 'TemplateCode' },
  ],
};

/** The Logto docs' example (integrations/aliyun-sms): the four classic usage types. */
const docsExample = {
  ...credentials,
  templates: [
    { usageType: 'Register', templateCode: 'SMS_154950909' },
    { usageType: 'SignIn', templateCode: 'SMS_154950910' },
    { usageType: 'ForgotPassword', templateCode: 'SMS_154950911' },
    { usageType: 'Generic', templateCode: 'SMS_154950912' },
  ],
};

const genericOnly = {
  ...credentials,
  templates: [{ usageType: 'Generic', templateCode: 'SMS_154950912' }],
};

const issuePaths = (config: unknown) => {
  const result = aliyunSmsConfigGuard.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

const without = (key: string) =>
  Object.fromEntries(Object.entries(docsExample).filter(([name]) => name !== key));

describe('aliyunSmsConfigGuard accepts every official config unchanged', () => {
  it.each([
    ['the official form defaults', officialDefaults],
    ['the official test config', officialMock],
    ['the Logto docs example', docsExample],
    ['a config with only a Generic template', genericOnly],
    ['strictPhoneRegionNumberCheck on', { ...docsExample, strictPhoneRegionNumberCheck: true }],
  ])('%s', (_name, config) => {
    expect(aliyunSmsConfigGuard.parse(config)).toEqual(config);
  });

  it.each([0, 1, 2, 6, 7])('accepts the official SmsTemplateType %i', (type) => {
    expect(
      issuePaths({
        ...genericOnly,
        templates: [{ type, usageType: 'Generic', templateCode: 'SMS_1' }],
      })
    ).toEqual([]);
  });

  it('accepts the duanxin extensions', () => {
    const config = {
      ...docsExample,
      templates: [
        {
          usageType: 'Generic',
          templateCode: { china: 'SMS_1', overseas: 'SMS_2' },
          params: { time: '5' },
        },
      ],
      templateParamName: 'verify_code',
      regionId: 'ap-southeast-1',
      securityToken: 'sts-token',
      signatureVersion: 'v3',
      endpoint: 'http://localhost:8080',
      timeout: 5000,
      maxRetries: 2,
      allowedCountries: ['CN'],
    };
    expect(issuePaths(config)).toEqual([]);
  });

  it('accepts the form defaults of this connector once the secrets are filled in', () => {
    const defaults = Object.fromEntries(
      (defaultMetadata.formItems ?? [])
        .filter((item) => item.defaultValue !== undefined)
        .map((item) => [item.key, item.defaultValue])
    );
    expect(issuePaths({ ...credentials, ...defaults })).toEqual([]);
  });
});

describe('aliyunSmsConfigGuard refuses bad configs and names the field', () => {
  it.each([
    ['accessKeyId missing', without('accessKeyId'), 'accessKeyId'],
    ['accessKeySecret missing', without('accessKeySecret'), 'accessKeySecret'],
    ['signName missing', without('signName'), 'signName'],
    ['templates missing', without('templates'), 'templates'],
    ['accessKeyId as a number', { ...docsExample, accessKeyId: 42 }, 'accessKeyId'],
    ['no templates', { ...docsExample, templates: [] }, 'templates'],
    [
      'no Generic template',
      { ...docsExample, templates: [{ usageType: 'SignIn', templateCode: 'SMS_1' }] },
      'templates',
    ],
    [
      'templateCode { china } without overseas',
      { ...docsExample, templates: [{ usageType: 'Generic', templateCode: { china: 'SMS_1' } }] },
      'templates.0.templateCode',
    ],
    [
      'params values that are not strings',
      {
        ...docsExample,
        templates: [{ usageType: 'Generic', templateCode: 'SMS_1', params: { time: 5 } }],
      },
      'templates.0.params',
    ],
    [
      'strictPhoneRegionNumberCheck as a string',
      { ...docsExample, strictPhoneRegionNumberCheck: 'true' },
      'strictPhoneRegionNumberCheck',
    ],
    ['an unknown regionId', { ...docsExample, regionId: 'cn-moon' }, 'regionId'],
    [
      'a templateParamName with a dash',
      { ...docsExample, templateParamName: 'verify-code' },
      'templateParamName',
    ],
    [
      'a templateParamName starting with a digit',
      { ...docsExample, templateParamName: '1code' },
      'templateParamName',
    ],
    [
      'a templateParamName in ${…}',
      { ...docsExample, templateParamName: '${code}' },
      'templateParamName',
    ],
    ['an unknown signatureVersion', { ...docsExample, signatureVersion: 'v2' }, 'signatureVersion'],
    [
      'an endpoint with a path',
      { ...docsExample, endpoint: 'https://dysmsapi.aliyuncs.com/sms' },
      'endpoint',
    ],
    [
      'http on a non-loopback host',
      { ...docsExample, endpoint: 'http://dysmsapi.aliyuncs.com' },
      'endpoint',
    ],
  ])('%s', (_name, config, field) => {
    expect(issuePaths(config)).toContain(field);
  });
});

describe('the connector', () => {
  const unusedGetConfig = async () => {
    throw new Error('getConfig must not be called');
  };
  const data = { to: '8613800138000', type: 'Generic', payload: { code: '123456' } } as const;

  it('does not read the config when created (Logto loads it with getConfig unimplemented)', async () => {
    const connector = await createAliyunSmsConnector({ getConfig: unusedGetConfig });
    expect(connector.metadata.id).toBe('aliyun-short-message-service');
    expect(connector.configGuard).toBe(aliyunSmsConfigGuard);
  });

  it('refuses an unknown regionId as InvalidConfig naming regionId, before sending', async () => {
    const connector = await createAliyunSmsConnector({ getConfig: unusedGetConfig });
    const error = await connector
      .sendMessage(data as never, { ...docsExample, regionId: 'cn-moon' })
      .catch((error: unknown) => error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect((error as ConnectorError).data).toMatchObject({
      field: 'regionId',
      outcome: 'not_sent',
    });
  });
});
