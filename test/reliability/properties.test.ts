/**
 * Property-based tests: whatever config, number and payload a caller passes, a connector either
 * throws a ConnectorError or delivers exactly the code to exactly that number. That every valid
 * number survives each provider's format is test/phone-numbers.test.ts.
 */
import { ConnectorError } from '@logto/connector-kit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import createAliyun from '@duanxin/connector-aliyun-sms';
import createTencent from '@duanxin/connector-tencent-sms';
import createYunpian from '@duanxin/connector-yunpian-sms';
import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { allowedCountriesGuard, destroyAgents, parsePhoneNumberForSms } from '@duanxin/shared';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});

const connectors = { aliyun: createAliyun, tencent: createTencent, yunpian: createYunpian };

const validNumbers = ['8613800138000', '85291234567', '16502530000', '13912345678', '886912345678'];

const numberArbitrary = fc.oneof(
  fc.constantFrom(...validNumbers),
  fc.string({ maxLength: 20 }),
  fc.stringMatching(/^\+?[0-9]{0,20}$/),
  fc.constantFrom('+', '', '00', '8613800138000,8613900139000', '８６１３８００１３８０００')
);

const payloadArbitrary = fc.oneof(
  fc.record({ code: fc.stringMatching(/^[0-9]{6}$/) }),
  fc.record({ code: fc.string({ maxLength: 120 }) }),
  fc.record({ code: fc.stringMatching(/^[0-9]{6}$/), locale: fc.string(), uiLocales: fc.string() }),
  fc.dictionary(fc.string(), fc.jsonValue())
);

/**
 * Mutations of a working config: dropped, retyped and random fields. The endpoint always stays
 * the emulator's: a config without one would aim at the real provider.
 */
const configArbitrary = (base: Record<string, unknown>) =>
  fc
    .oneof(
      fc.constant(base),
      fc.constantFrom(...Object.keys(base).filter((key) => key !== 'endpoint')).map((key) => {
        const { [key]: _, ...rest } = base;
        return rest;
      }),
      fc
        .tuple(
          fc.constantFrom(...Object.keys(base).filter((key) => key !== 'endpoint')),
          fc.jsonValue()
        )
        .map(([key, value]) => ({ ...base, [key]: value })),
      fc.dictionary(fc.string(), fc.jsonValue())
    )
    .map((config) => ({ ...config, endpoint: base.endpoint }));

describe.each(Object.keys(connectors) as (keyof typeof connectors)[])('%s', (name) => {
  it('throws a ConnectorError or delivers exactly that code to exactly that number', async () => {
    const base = emulatorConnectorConfigs(emulator.url)[name] as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(
        configArbitrary(base),
        numberArbitrary,
        payloadArbitrary,
        async (config, to, payload) => {
          emulator.inbox.clear();
          const connector = await connectors[name]({
            getConfig: async () => {
              throw new Error('unused');
            },
          });
          try {
            await connector.sendMessage({ to, type: 'Generic' as never, payload }, config);
          } catch (error: unknown) {
            expect(error).toBeInstanceOf(ConnectorError);
            expect(emulator.inbox.list()).toEqual([]);
            return;
          }
          // A mutated allowedCountries may have changed which reading of the digits is sent.
          const allowedCountries = allowedCountriesGuard.safeParse(
            (config as Record<string, unknown>).allowedCountries
          ).data;
          const expectedTo = parsePhoneNumberForSms(to, { provider: name, allowedCountries }).e164;
          expect(emulator.inbox.list()).toMatchObject([{ to: expectedTo, code: payload.code }]);
        }
      ),
      { numRuns: 150 }
    );
  });
});
