/**
 * Every connector in the registry, for random valid numbers of many countries: what it sends is
 * read back by the provider's own rules (docs/providers.md §1.1–§4.1) as the very number Logto
 * passed, and the emulator, which applies those rules, delivers it there.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { providerEntry } from '@duanxin/cli';
import { readAliyunNumber } from '@duanxin/connector-aliyun-sms/emulator';
import { startEmulator, type Emulator } from '@duanxin/emulator';
import { readHuaweiNumber } from '@duanxin/connector-huawei-sms/emulator';
import { readYunpianNumber } from '@duanxin/connector-yunpian-sms/emulator';
import { destroyAgents, type ProviderReading } from '@duanxin/shared';
import { readTencentNumber } from '@duanxin/connector-tencent-sms/emulator';

import { propertyCountries, validMobile } from '../packages/shared/test/valid-numbers.js';

/** How each provider reads the number it is sent. */
const readings: Record<string, (sent: string) => ProviderReading | undefined> = {
  aliyun: readAliyunNumber,
  tencent: readTencentNumber,
  yunpian: readYunpianNumber,
  huawei: readHuaweiNumber,
};

// The failover connector sends through these very connectors: its numbers are theirs.
const names = Object.keys(readings);

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    flowControl: false,
  });
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});

const request = (to: string) => ({ to, type: 'Generic' as never, payload: { code: '123456' } });

it(`draws numbers from ${propertyCountries.length} countries`, () => {
  expect(propertyCountries.length).toBeGreaterThanOrEqual(20);
  expect(new Set(propertyCountries).size).toBe(propertyCountries.length);
});

describe.each(names)('%s', (name) => {
  const entry = providerEntry(name);

  it('sends every valid number in a form the provider reads as that number', () => {
    const config = entry.emulatorConfig('http://127.0.0.1:1');
    fc.assert(
      fc.property(validMobile, fc.boolean(), ({ country, e164 }, restricted) => {
        // Logto's form; with the number's own country as the only allowed one, too.
        const sent = entry.buildSendRequest(
          request(e164.slice(1)),
          restricted ? { ...config, allowedCountries: [country] } : config
        ).phoneNumber;
        expect(readings[name]?.(sent)).toEqual({ e164, mainland: country === 'CN' });
      }),
      { numRuns: 300 }
    );
  });

  it('delivers every valid number to that number, end to end', async () => {
    const config = entry.emulatorConfig(emulator.url);
    await fc.assert(
      fc.asyncProperty(validMobile, async ({ e164 }) => {
        emulator.inbox.clear();
        const connector = await entry.createConnector({
          getConfig: async () => {
            throw new Error('the config is passed with the send');
          },
        });
        await connector.sendMessage(request(e164.slice(1)), config);
        expect(emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
      }),
      { numRuns: 150 }
    );
  });
});
