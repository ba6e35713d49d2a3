import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { emulatorConnectorConfigs } from '@duanxin/emulator';

import { installAsLogto, loadAsLogto, packConnector, type HostKit } from './logto-loader.js';

const connectors = ['aliyun', 'tencent', 'yunpian'] as const;
const kits: HostKit[] = ['logto-connector-kit-4.7', 'logto-connector-kit-5.1'];

let emulator: Emulator;
const packed = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  for (const name of connectors) {
    packed.set(name, packConnector(`connector-${name}-sms`));
  }
}, 120_000);

afterAll(async () => {
  await emulator.close();
});

describe.each(kits)('packed connectors loaded as Logto does, with %s', (kit) => {
  it.each(connectors)('%s loads, validates its metadata and sends a code', async (name) => {
    const dir = installAsLogto(packed.get(name)!, `connector-${name}-sms`, kit);
    const { connector, kitModule, metadata } = await loadAsLogto(dir, kit);
    expect(metadata.platform).toBeNull();

    const config = emulatorConnectorConfigs(emulator.url)[name];
    expect(connector.configGuard.safeParse(config).success).toBe(true);
    emulator.inbox.clear();
    await connector.sendMessage(
      { to: '8613800138000', type: kitModule.TemplateType.Generic, payload: { code: '246810' } },
      config
    );
    const inbox = emulator.inbox.list();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ provider: name, to: '+8613800138000', code: '246810' });

    // Errors must be the host kit's own ConnectorError, or Logto answers 500 instead of 400.
    const error = await connector
      .sendMessage(
        { to: 'not-a-number', type: kitModule.TemplateType.Generic, payload: { code: '1' } },
        config
      )
      .catch((error: unknown) => error);
    expect(error).toBeInstanceOf(kitModule.ConnectorError);

    // No balance is usage_limit_exceeded where the host kit has it (5.1.1+), general before.
    const account = emulator.account(name);
    account.balance = 0;
    try {
      const noBalance = await connector
        .sendMessage(
          {
            to: '8613800138000',
            type: kitModule.TemplateType.Generic,
            payload: { code: '135790' },
          },
          config
        )
        .catch((error: unknown) => error as { code: string });
      expect(noBalance).toMatchObject({
        code: kit === 'logto-connector-kit-4.7' ? 'general' : 'usage_limit_exceeded',
      });
    } finally {
      account.balance = 1_000_000;
    }
  });
});
