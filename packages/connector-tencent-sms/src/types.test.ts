import { describe, expect, it } from 'vitest';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import createTencentSmsConnector, { defaultMetadata, tencentSmsConfigGuard } from './index.js';

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

/** The official connector's form defaults (`@logto/connector-tencent-sms` 1.4.4), filled in. */
const officialDefaults = {
  accessKeyId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  accessKeySecret: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  signName: '腾讯云',
  sdkAppId: '1400006666',
  region: 'ap-guangzhou',
  templates: usageTypes.map((usageType) => ({ usageType, templateCode: '<template-code>' })),
};

/** The Logto docs' example (integrations/tencent-sms): the four classic usage types. */
const docsExample = {
  accessKeyId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  accessKeySecret: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  signName: '腾讯云',
  region: 'ap-beijing',
  sdkAppId: '1400006666',
  templates: [
    { usageType: 'Register', templateCode: '1110' },
    { usageType: 'SignIn', templateCode: '1111' },
    { usageType: 'ForgotPassword', templateCode: '1112' },
    { usageType: 'Generic', templateCode: '1113' },
  ],
};

const genericOnly = { ...docsExample, templates: [{ usageType: 'Generic', templateCode: '1113' }] };

const issuePaths = (config: unknown) => {
  const result = tencentSmsConfigGuard.safeParse(config);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

const without = (key: string) =>
  Object.fromEntries(Object.entries(docsExample).filter(([name]) => name !== key));

describe('tencentSmsConfigGuard accepts every official config unchanged', () => {
  it.each([
    ['the official form defaults', officialDefaults],
    ['the Logto docs example', docsExample],
    ['a config with only a Generic template', genericOnly],
    [
      'a config with extra unknown template keys',
      { ...genericOnly, templates: [{ usageType: 'Generic', templateCode: '1', type: 2 }] },
    ],
  ])('%s', (_name, config) => {
    expect(tencentSmsConfigGuard.safeParse(config).success).toBe(true);
  });

  it('keeps the official fields as they were', () => {
    expect(tencentSmsConfigGuard.parse(docsExample)).toEqual(docsExample);
  });

  it('accepts the duanxin extensions', () => {
    const config = {
      ...docsExample,
      templates: [
        { usageType: 'Generic', templateCode: { china: '1113', overseas: '2113' }, params: ['5'] },
      ],
      token: 'sts-token',
      overseasSdkAppId: '1400007777',
      overseasSignName: 'Duanxin',
      endpoint: 'http://127.0.0.1:8080',
      timeout: 5000,
      maxRetries: 0,
      proxy: 'http://proxy.internal:3128',
      allowedCountries: 'cn, hk',
    };
    const parsed = tencentSmsConfigGuard.parse(config);
    expect(parsed.allowedCountries).toEqual(['CN', 'HK']);
    expect(parsed.templates[0]?.params).toEqual(['5']);
  });

  it.each([
    'ap-guangzhou',
    'ap-nanjing',
    'ap-hongkong',
    'ap-singapore',
    'na-ashburn',
    'eu-frankfurt',
  ])('accepts region %s', (region) => {
    expect(issuePaths({ ...docsExample, region })).toEqual([]);
  });

  it('accepts the form defaults of this connector once the secrets are filled in', () => {
    const defaults = Object.fromEntries(
      (defaultMetadata.formItems ?? [])
        .filter((item) => item.defaultValue !== undefined)
        .map((item) => [item.key, item.defaultValue])
    );
    expect(issuePaths({ ...docsExample, ...defaults })).toEqual([]);
  });
});

describe('tencentSmsConfigGuard refuses bad configs and names the field', () => {
  it.each([
    ['accessKeyId missing', without('accessKeyId'), 'accessKeyId'],
    ['accessKeySecret missing', without('accessKeySecret'), 'accessKeySecret'],
    ['signName missing', without('signName'), 'signName'],
    ['sdkAppId missing', without('sdkAppId'), 'sdkAppId'],
    ['region missing', without('region'), 'region'],
    ['templates missing', without('templates'), 'templates'],
    ['sdkAppId as a number', { ...docsExample, sdkAppId: 1400006666 }, 'sdkAppId'],
    ['an empty accessKeySecret', { ...docsExample, accessKeySecret: '' }, 'accessKeySecret'],
    [
      'templates not an array',
      { ...docsExample, templates: { usageType: 'Generic' } },
      'templates',
    ],
    ['no templates', { ...docsExample, templates: [] }, 'templates'],
    [
      'no Generic template',
      { ...docsExample, templates: [{ usageType: 'SignIn', templateCode: '1111' }] },
      'templates',
    ],
    [
      'a template without templateCode',
      { ...docsExample, templates: [{ usageType: 'Generic' }] },
      'templates.0.templateCode',
    ],
    [
      'templateCode { china } without overseas',
      { ...docsExample, templates: [{ usageType: 'Generic', templateCode: { china: '1' } }] },
      'templates.0.templateCode',
    ],
    [
      'params that are not strings',
      { ...docsExample, templates: [{ usageType: 'Generic', templateCode: '1', params: [5] }] },
      'templates.0.params',
    ],
    ['an unknown region', { ...docsExample, region: 'ap-moon' }, 'region'],
    // The official test mock's placeholder: Tencent would answer UnsupportedRegion.
    ['the placeholder region "region"', { ...docsExample, region: 'region' }, 'region'],
    [
      'an endpoint with a path',
      { ...docsExample, endpoint: 'https://sms.tencentcloudapi.com/v1' },
      'endpoint',
    ],
    [
      'an endpoint with a trailing slash',
      { ...docsExample, endpoint: 'https://sms.tencentcloudapi.com/' },
      'endpoint',
    ],
    [
      'http on a non-loopback host',
      { ...docsExample, endpoint: 'http://sms.tencentcloudapi.com' },
      'endpoint',
    ],
    ['an empty token', { ...docsExample, token: '' }, 'token'],
    ['a timeout as a string', { ...docsExample, timeout: '5000' }, 'timeout'],
    [
      'an allowedCountries entry that is not a country code',
      { ...docsExample, allowedCountries: 'China' },
      'allowedCountries.0',
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
    const connector = await createTencentSmsConnector({ getConfig: unusedGetConfig });
    expect(connector.metadata.id).toBe('tencent-short-message-service');
    expect(connector.configGuard).toBe(tencentSmsConfigGuard);
  });

  it('refuses an unknown region as InvalidConfig naming region, before sending anything', async () => {
    const connector = await createTencentSmsConnector({ getConfig: unusedGetConfig });
    const error = await connector
      .sendMessage(data as never, { ...docsExample, region: 'ap-moon' })
      .catch((error: unknown) => error);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(ConnectorErrorCodes.InvalidConfig);
    expect((error as ConnectorError).data).toMatchObject({ field: 'region', outcome: 'not_sent' });
  });

  it('reads the stored config with its own id when none is passed', async () => {
    const asked: string[] = [];
    const connector = await createTencentSmsConnector({
      getConfig: async (id) => {
        asked.push(id);
        return without('signName');
      },
    });
    const error = await connector.sendMessage(data as never).catch((error: unknown) => error);
    expect(asked).toEqual(['tencent-short-message-service']);
    expect((error as ConnectorError).data).toMatchObject({ field: 'signName' });
  });

  it('never puts a secret in a config error', async () => {
    const connector = await createTencentSmsConnector({ getConfig: unusedGetConfig });
    const error = await connector
      .sendMessage(data as never, { ...docsExample, accessKeySecret: 12345678 })
      .catch((error: unknown) => error);
    expect(JSON.stringify((error as ConnectorError).data)).not.toContain('12345678');
  });
});
