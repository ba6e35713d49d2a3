import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents, type CheckItem } from '@duanxin/shared';

import createTencentSmsConnector, { checkConfig, queryStatus } from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof emulatorConnectorConfigs>['tencent'];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = emulatorConnectorConfigs(emulator.url).tencent;
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => emulator.inbox.clear());

const find = (items: CheckItem[], subject: RegExp) =>
  items.find((item) => subject.test(item.subject));

describe('Tencent operator functions', () => {
  it('checks a working config: the signature stays unverified, nothing is sent', async () => {
    const items = await checkConfig(config);
    expect(items.filter((item) => item.status !== 'ok')).toEqual([
      expect.objectContaining({
        subject: 'signName "duanxin"',
        status: 'unverified',
        detail: expect.stringContaining('numeric SignIds'),
      }),
    ]);
    expect(find(items, /100002/)?.detail).toContain('2 placeholder(s)');
    expect(emulator.inbox.list()).toEqual([]);
  });

  it('finds pending templates, wrong kinds, placeholder counts and unknown apps', async () => {
    const items = await checkConfig({
      ...config,
      sdkAppId: '1400009999',
      templates: [
        { usageType: 'Generic', templateCode: { china: '200001', overseas: '100001' } },
        { usageType: 'SignIn', templateCode: '100003' },
        { usageType: 'Register', templateCode: { china: '100002', overseas: '200001' } },
        { usageType: 'BindMfa', templateCode: 'SMS_1' },
      ],
    });
    expect(find(items, /sdkAppId 1400009999/)).toMatchObject({
      status: 'problem',
      providerCode: 'InvalidParameterValue.SdkAppIdNotExist',
    });
    expect(find(items, /200001 \(china\)/)?.detail).toContain('an international template');
    expect(find(items, /100001 \(overseas\)/)?.detail).toContain('a domestic template');
    expect(find(items, /100003/)?.detail).toContain('under review');
    expect(find(items, /100002/)?.detail).toContain('2 placeholder(s), the connector sends 1');
    expect(find(items, /SMS_1/)?.detail).toContain('is a number');
  });

  it('a send-only key: credentials ok, the queries unverified, never a problem', async () => {
    const items = await checkConfig({
      ...config,
      accessKeyId: 'AKID-duanxin-send-only',
      accessKeySecret: 'duanxin-send-only-secret',
    });
    expect(items[0]?.status).toBe('ok');
    expect(items.filter((item) => item.status === 'problem')).toEqual([]);
  });

  it('a wrong secret or region is the one problem reported', async () => {
    const [credentials] = await checkConfig({ ...config, accessKeySecret: 'wrong-secret' });
    expect(credentials).toMatchObject({ subject: 'credentials', status: 'problem' });
    const [region] = await checkConfig({ ...config, region: 'ap-shanghai' });
    expect(region).toMatchObject({ subject: 'region "ap-shanghai"', status: 'problem' });
  });

  it('finds the receipt of a message sent through the international app', async () => {
    const connector = await createTencentSmsConnector({ getConfig: async () => config });
    const sent = (await connector.sendMessage(
      { to: '85291234567', type: 'Generic' as never, payload: { code: '123456' } },
      config
    )) as { messageId: string };
    const report = await queryStatus(config, { id: sent.messageId, to: '+85291234567' });
    expect(report.records).toEqual([
      expect.objectContaining({
        messageId: sent.messageId,
        state: 'delivered',
        providerStatus: 'SUCCESS',
      }),
    ]);
  });
});
