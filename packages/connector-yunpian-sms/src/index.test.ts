import { describe, expect, it } from 'vitest';
import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import createYunpianSmsConnector from './index.js';

// Refusals that must happen before any request: the loopback guard fails a test that reaches
// sms.yunpian.com, so these also prove nothing was sent.
const config = {
  apikey: '9b11127a9701975c734b8aee81ee3526',
  templates: [{ usageType: 'Generic', content: '您的验证码是{{code}}' }],
};

const send = async (to: string, overrides: Record<string, unknown> = {}) => {
  const connector = await createYunpianSmsConnector({
    getConfig: async () => {
      throw new Error('getConfig must not be called');
    },
  });
  return connector
    .sendMessage({ to, type: 'SignIn', payload: { code: '123456' } } as never, {
      ...config,
      ...overrides,
    })
    .catch((error: unknown) => error);
};

describe('numbers outside mainland China while international SMS is off', () => {
  // The official connector returned undefined here without sending: Logto reported success.
  it.each([
    ['a US number', '16502530000'],
    ['a Hong Kong number', '85291234567'],
    ['a Taiwan number', '886912345678'],
  ])('%s is refused, never silently dropped', async (_name, to) => {
    const error = await send(to);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).code).toBe(ConnectorErrorCodes.InvalidRequestParameters);
    expect((error as ConnectorError).data).toMatchObject({
      errorDescription: expect.stringContaining(
        'The administrator has not enabled international SMS services.'
      ),
      field: 'to',
      outcome: 'not_sent',
    });
  });

  it('is refused with unsupportedCountriesMsg when set', async () => {
    const error = await send('16502530000', {
      enableInternational: false,
      unsupportedCountriesMsg: '暂不支持境外手机号',
    });
    expect((error as ConnectorError).data).toMatchObject({
      errorDescription: expect.stringContaining('暂不支持境外手机号'),
      field: 'to',
    });
  });
});
