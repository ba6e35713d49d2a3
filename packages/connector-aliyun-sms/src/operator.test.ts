import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents, type CheckItem } from '@duanxin/shared';

import createAliyunSmsConnector, {
  buildSendRequest,
  checkConfig,
  queryStatus,
  templateChoices,
} from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof emulatorConnectorConfigs>['aliyun'];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = emulatorConnectorConfigs(emulator.url).aliyun;
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
});

const connector = () => createAliyunSmsConnector({ getConfig: async () => config });

const statusOf = (items: CheckItem[]) =>
  Object.fromEntries(items.map((item) => [item.subject, item.status]));

// Mainland only: a plain domestic template then serves every number the config allows.
const withGeneric = (templateCode: unknown) => ({
  ...config,
  allowedCountries: ['CN'],
  templates: [{ usageType: 'Generic', templateCode }],
});

describe('Aliyun operator functions', () => {
  it('checks a working config without sending an SMS', async () => {
    expect(statusOf(await checkConfig(config))).toEqual({
      credentials: 'ok',
      'signName "duanxin"': 'ok',
      'template SMS_100001 (china)': 'ok',
      'template SMS_100002 (overseas)': 'ok',
    });
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('finds unapproved signatures and templates, and templates of the wrong kind', async () => {
    const items = await checkConfig({
      ...config,
      signName: 'rejected-sign',
      templates: [
        { usageType: 'Generic', templateCode: { china: 'SMS_100002', overseas: 'SMS_100001' } },
        { usageType: 'SignIn', templateCode: 'SMS_100005' },
      ],
    });
    const problems = items.filter((item) => item.status === 'problem');
    expect(problems.map((item) => item.detail)).toEqual([
      expect.stringContaining('rejected'),
      expect.stringContaining('an international template, used for mainland numbers'),
      expect.stringContaining('a domestic template, used for numbers outside mainland China'),
      expect.stringContaining('rejected'),
    ]);
  });

  it('checks the code variable name and the static params against the template', async () => {
    const [, , wrongName] = await checkConfig({
      ...withGeneric('SMS_100001'),
      templateParamName: 'otp',
    });
    expect(wrongName).toMatchObject({
      status: 'problem',
      detail: expect.stringContaining('no ${otp}'),
    });
    const [, , filled] = await checkConfig({
      ...withGeneric('SMS_100003'),
      templates: [{ usageType: 'Generic', templateCode: 'SMS_100003', params: { time: '5' } }],
    });
    expect(filled?.status).toBe('ok');
  });

  it('a send-only key: credentials ok, everything else unverified', async () => {
    const items = await checkConfig({
      ...config,
      accessKeyId: 'LTAI-duanxin-sendonly',
      accessKeySecret: 'duanxin-sendonly-secret',
    });
    expect(items[0]?.status).toBe('ok');
    expect(items.slice(1).every((item) => item.status === 'unverified')).toBe(true);
    expect(items[1]?.providerCode).toBe('isp.RAM_PERMISSION_DENY');
  });

  it('a wrong secret: a credentials problem, the rest not checked; V3 signing too', async () => {
    const items = await checkConfig({
      ...config,
      accessKeySecret: 'wrong',
      signatureVersion: 'v3',
    });
    expect(items[0]).toMatchObject({ status: 'problem', providerCode: 'SignatureDoesNotMatch' });
    expect(items.slice(1).every((item) => item.status === 'unverified')).toBe(true);
  });

  it('a plain domestic template for a config open to every country is a problem', async () => {
    const [, , plain] = await checkConfig({ ...withGeneric('SMS_100001'), allowedCountries: [] });
    expect(plain).toMatchObject({
      status: 'problem',
      detail: expect.stringContaining(
        'a domestic template, used for numbers outside mainland China too'
      ),
      hint: expect.stringContaining('allowedCountries'),
    });
  });

  it('lists the template of every usage type, Generic standing in', () => {
    const choices = templateChoices(config);
    expect(choices).toHaveLength(9);
    expect(choices.find((choice) => choice.usageType === 'BindMfa')).toEqual({
      usageType: 'BindMfa',
      template: 'china SMS_100001, overseas SMS_100002',
      fellBackToGeneric: true,
    });
  });

  it('builds the signed request sendMessage sends, without sending it', () => {
    const prepared = buildSendRequest(
      { to: '85291234567', type: 'SignIn' as never, payload: { code: '123456' } },
      config
    );
    expect(prepared).toMatchObject({ template: 'SMS_100002', phoneNumber: '0085291234567' });
    expect(String(prepared.call.build().body)).toMatch(/Action=SendSms.*&Signature=/);
    expect(emulator.requests.list()).toEqual([]);
  });

  it('finds the delivery receipt of a sent message', async () => {
    const connector = await createAliyunSmsConnector({ getConfig: async () => config });
    const sent = (await connector.sendMessage(
      { to: '8613800138000', type: 'SignIn' as never, payload: { code: '123456' } },
      config
    )) as { messageId: string };
    const report = await queryStatus(config, { id: sent.messageId, to: '8613800138000' });
    expect(report.records).toEqual([
      expect.objectContaining({
        messageId: sent.messageId,
        state: 'delivered',
        providerStatus: 'DELIVERED',
      }),
    ]);
    const none = await queryStatus(config, { id: '1^0', to: '8613800138000', date: '2025-01-02' });
    expect(none.records).toEqual([]);
  });

  it.each([
    ['an empty id', { id: '', to: '8613800138000' }, 'id'],
    ['an id with a space', { id: '1^0 2^0', to: '8613800138000' }, 'id'],
    ['no query', null, 'id'],
    ['a day that does not exist', { id: '1^0', to: '8613800138000', date: '2025-02-30' }, 'date'],
    ['no number', { id: '1^0', to: '' }, 'to'],
  ])(
    'refuses %s before asking: a blank BizId would match every message',
    async (_n, query, field) => {
      await (
        await connector()
      ).sendMessage(
        { to: '8613800138000', type: 'SignIn' as never, payload: { code: '123456' } },
        config
      );
      emulator.requests.clear();
      const error = await queryStatus(config, query as never).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'invalid_request_parameters', data: { field } });
      expect(emulator.requests.list()).toEqual([]);
    }
  );

  it('finds the receipts of a +1 number by the 00-prefixed form it was sent to', async () => {
    const connector = await createAliyunSmsConnector({ getConfig: async () => config });
    const sent = (await connector.sendMessage(
      { to: '16502530000', type: 'SignIn' as never, payload: { code: '123456' } },
      config
    )) as { messageId: string };
    const report = await queryStatus(config, { id: sent.messageId, to: '16502530000' });
    expect(report.records).toEqual([
      expect.objectContaining({ messageId: sent.messageId, phoneNumber: '16502530000' }),
    ]);
    const [, query] = emulator.requests.list();
    expect(new URLSearchParams(query?.body).get('PhoneNumber')).toBe('0016502530000');
  });
});
