/**
 * One conformance suite for every connector (unstorage's `testDriver()` pattern): each connector
 * runs it against the emulator over real HTTP, creating the connector anew for every send as
 * Logto does. Every send asserts what the emulator received; every refusal asserts it received
 * nothing.
 */
import { inspect } from 'node:util';

import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type ProviderAccount,
} from '@duanxin/emulator';
import {
  destroyAgents,
  formPlaceholders,
  placeholderTemplates,
  templateTypes,
} from '@duanxin/shared';

import { secretEncodings, secretForms, type SecretEncoding } from './secret-forms.js';

type Config = Record<string, unknown>;

export type ErrorFamily = {
  name: string;
  /** Changes the config or the emulator's account so that the provider answers this error. */
  arrange: (context: {
    config: Config;
    account: ProviderAccount;
    emulator: Emulator;
  }) => Config | void;
  /** The Logto error code the answer must map to. */
  code: string;
  providerCode: string;
  /** The number to send to; default mainland 8613800138000. */
  to?: string;
};

export type ConnectorUnderTest = {
  /** The emulator provider the connector talks to (its inbox and faults are keyed by it). */
  name: string;
  create: CreateConnector<SmsConnector>;
  /** A working config against the emulator. */
  config: (endpoint: string) => Config;
  /** The secrets of that config: they must never appear in an error. */
  secrets: (config: Config) => string[];
  /** Usage types the config has a template of its own for (others fall back to Generic). */
  ownTemplates: readonly string[];
  errorFamilies: ErrorFamily[];
  /**
   * The provider's answer refusing a send, with `echo` in its free text (message, request id):
   * the suite makes it echo the config's secrets, in every encoding a provider may use.
   */
  echoingRefusal: (echo: string) => { status: number; body: unknown };
  /** Extra emulator options, e.g. `providers` for a provider the emulator does not ship. */
  emulator?: EmulatorOptions;
  /**
   * The config with these provider settings (allowedCountries, templates, endpoint, timeout,
   * maxRetries) changed. Default: set at its top level; a connector over other connectors (the
   * failover one) sets them in each of theirs.
   */
  withSettings?: (config: Config, settings: Config) => Config;
  /**
   * The config with every secret set to `secret`. Default: each confidential field of the form;
   * a connector whose secrets sit in nested configs (the failover one) sets them there.
   */
  withSecret?: (config: Config, secret: string) => Config;
  /**
   * False when the form has no `templates` field of its own (the failover connector: each listed
   * provider's config has its templates, checked by that provider's own suite).
   */
  formTemplates?: boolean;
};

const notConfigured = async () => {
  throw new Error('getConfig must not be called: the config is passed with each send');
};

export const send = async (
  connector: ConnectorUnderTest,
  config: Config,
  to: string,
  payload: Record<string, unknown> = { code: '123456' },
  type = 'Generic'
) => {
  const instance = await connector.create({ getConfig: notConfigured });
  return instance.sendMessage({ to, type: type as never, payload }, config);
};

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.unreachable('the send succeeded'),
    (error: unknown) => error
  );
  expect(error).toHaveProperty('code');
  return error as Error & { code: string; data: Record<string, unknown> };
};

/** What a log, an API answer or a terminal may make of an error. */
const renderings = (error: unknown) => [
  String(error),
  JSON.stringify(error),
  JSON.stringify((error as { data?: unknown }).data),
  inspect(error, { depth: 5 }),
];

/** No secret in any rendering of an error, in any encoding; no number or code in clear. */
export const expectNothingSensitive = (error: unknown, secrets: string[], to?: string) => {
  for (const text of renderings(error)) {
    for (const form of secrets.flatMap(secretForms)) {
      expect(text).not.toContain(form);
    }
    if (to) {
      expect(text).not.toContain(to.slice(-8));
    }
  }
};

/** Random secrets over the whole printable ASCII range, as long as real keys are. */
const printableSecret = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 12,
  maxLength: 48,
});

export const testConnector = (connector: ConnectorUnderTest) => {
  const withSettings =
    connector.withSettings ?? ((config: Config, settings: Config) => ({ ...config, ...settings }));
  describe(`${connector.name} connector conformance`, () => {
    let emulator: Emulator;
    let config: Config;

    beforeAll(async () => {
      emulator = await startEmulator({ port: 0, flowControl: false, ...connector.emulator });
      config = connector.config(emulator.url);
    });
    afterAll(async () => {
      await emulator.close();
      destroyAgents();
    });
    beforeEach(() => {
      emulator.inbox.clear();
      emulator.requests.clear();
      emulator.faults.clear();
    });

    describe('every TemplateType, with Generic as the fallback', () => {
      it.each(templateTypes)('%s arrives once with its code', async (type) => {
        const code = String(100_000 + templateTypes.indexOf(type));
        const result = await send(connector, config, '8613800138000', { code }, type);
        const inbox = emulator.inbox.list();
        expect(inbox).toHaveLength(1);
        expect(inbox[0]).toMatchObject({ provider: connector.name, to: '+8613800138000', code });
        expect(inbox[0]?.text).toContain(code);
        expect(result).toMatchObject({
          provider: connector.name,
          messageId: inbox[0]?.messageId,
          fellBackToGeneric: !connector.ownTemplates.includes(type),
        });
        // One result type for every connector (SmsSendResult): the template as the provider
        // knows it and the number as sent, whatever the provider calls them.
        expect(result).toMatchObject({
          template: expect.stringMatching(/\S/),
          phoneNumber: expect.stringMatching(/^\+?\d+$/),
        });
      });
    });

    describe.skipIf(connector.formTemplates === false)("the form's default templates", () => {
      const formDefaults = async () => {
        const { metadata } = await connector.create({ getConfig: notConfigured });
        const item = metadata.formItems?.find((formItem) => formItem.key === 'templates');
        const defaults = item?.defaultValue as { usageType: string }[] | undefined;
        expect(defaults?.map(({ usageType }) => usageType).sort()).toEqual(
          [...templateTypes].sort()
        );
        return { defaults: defaults ?? [], placeholders: formPlaceholders(metadata) };
      };
      const withDefault = (type: string, defaults: { usageType: string }[]) => ({
        ...config,
        templates: [
          ...(config.templates as { usageType: string }[]).filter(
            (template) => template.usageType !== type
          ),
          ...defaults.filter((template) => template.usageType === type),
        ],
      });

      it('a type left as the placeholder is sent with the Generic template', async () => {
        const { defaults, placeholders } = await formDefaults();
        await send(connector, config, '8613800138000');
        const result = await send(
          connector,
          withDefault('SignIn', defaults),
          '8613800138000',
          {
            code: '123456',
          },
          'SignIn'
        );
        const [generic, signIn] = emulator.inbox.list();
        expect(signIn).toBeDefined();
        if (placeholders.size > 0) {
          expect(result).toMatchObject({ fellBackToGeneric: true });
          expect(signIn?.templateId).toBe(generic?.templateId);
        } else {
          // A form pre-filled with real text (YunPian's): it is sent as is.
          expect(result).toMatchObject({ fellBackToGeneric: false });
        }
      });

      it('a Generic left as the placeholder is invalid_config, and nothing is sent', async () => {
        const { defaults, placeholders } = await formDefaults();
        if (placeholders.size === 0) {
          // Nothing in the form's default is a placeholder to leave.
          expect(placeholderTemplates(defaults, placeholders)).toEqual([]);
          return;
        }
        const error = await failure(
          send(connector, withDefault('Generic', defaults), '8613800138000')
        );
        expect(error.code).toBe('invalid_config');
        expect(error.data).toMatchObject({ field: 'templates', outcome: 'not_sent' });
        expect(emulator.requests.list()).toEqual([]);
      });
    });

    describe('number formats: the emulator reads what was sent as the provider would', () => {
      it.each([
        ['Logto mainland', '8613800138000', '+8613800138000'],
        ['+E.164', '+8613800138000', '+8613800138000'],
        ['00-prefixed', '008613800138000', '+8613800138000'],
        ['legacy bare mainland', '13800138000', '+8613800138000'],
        ['Hong Kong', '85291234567', '+85291234567'],
        ['Macau', '85366123456', '+85366123456'],
        ['Taiwan', '886912345678', '+886912345678'],
        // +1 digits that are also a mainland mobile (165 0253 0000): never sent to the mainland.
        ['US', '16502530000', '+16502530000'],
        ['UK', '447400123456', '+447400123456'],
      ])('%s %s reaches %s', async (_name, to, e164) => {
        await send(connector, config, to);
        expect(emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
      });

      it.each([
        [['CN'], '+8613012345678'],
        [['US'], '+13012345678'],
        [['CN', 'US'], '+13012345678'],
      ])('with allowedCountries %j, 13012345678 reaches %s', async (allowedCountries, e164) => {
        await send(connector, withSettings(config, { allowedCountries }), '13012345678');
        expect(emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
      });
    });

    describe('bad input is refused and nothing is sent', () => {
      const refusals: [string, () => Config, string, Record<string, unknown>, string][] = [
        [
          'commas',
          () => config,
          '8613800138000,8613900139000',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        [
          'letters',
          () => config,
          '86138001380ab',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        [
          'spaces',
          () => config,
          '86 13800138000',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        [
          'unicode digits',
          () => config,
          '８６１３８００１３８０００',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        ['+ only', () => config, '+', { code: '123456' }, 'invalid_request_parameters'],
        [
          '30 digits',
          () => config,
          '8'.repeat(30),
          { code: '123456' },
          'invalid_request_parameters',
        ],
        ['no code', () => config, '8613800138000', {}, 'invalid_request_parameters'],
        [
          'non-digit code',
          () => config,
          '8613800138000',
          { code: 'abc123' },
          'invalid_request_parameters',
        ],
        [
          '100-character code',
          () => config,
          '8613800138000',
          { code: '1'.repeat(100) },
          'invalid_request_parameters',
        ],
        [
          'a country outside allowedCountries',
          () => withSettings(config, { allowedCountries: ['CN'] }),
          '85291234567',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        [
          'no reading in allowedCountries: +1 212 555 1234 is no mainland mobile',
          () => withSettings(config, { allowedCountries: ['CN', 'HK'] }),
          '12125551234',
          { code: '123456' },
          'invalid_request_parameters',
        ],
        [
          'no templates',
          () => withSettings(config, { templates: [] }),
          '8613800138000',
          { code: '123456' },
          'invalid_config',
        ],
        [
          'an endpoint with a path',
          () => withSettings(config, { endpoint: `${emulator.url}/v2` }),
          '8613800138000',
          { code: '123456' },
          'invalid_config',
        ],
        [
          'an endpoint that is not http(s)',
          () => withSettings(config, { endpoint: 'ftp://127.0.0.1' }),
          '8613800138000',
          { code: '123456' },
          'invalid_config',
        ],
        [
          'a wrong-typed timeout',
          () => withSettings(config, { timeout: 'soon' }),
          '8613800138000',
          { code: '123456' },
          'invalid_config',
        ],
      ];

      it.each(refusals)('%s', async (_name, makeConfig, to, payload, code) => {
        const error = await failure(send(connector, makeConfig(), to, payload));
        expect(error.code).toBe(code);
        expect(error.data).toMatchObject({ provider: connector.name, outcome: 'not_sent' });
        expect(typeof error.data.errorDescription).toBe('string');
        expect(emulator.requests.list()).toEqual([]);
        expectNothingSensitive(error, connector.secrets(config));
      });

      // What Logto's types forbid still reaches a connector from another host, a script or a bug.
      it.each([
        ['no data', null],
        ['undefined data', undefined],
        ['data that is a string', '8613800138000'],
        ['data that is an array', ['8613800138000']],
        ['no payload', { to: '8613800138000', type: 'Generic' }],
        ['a null payload', { to: '8613800138000', type: 'Generic', payload: null }],
        ['a string payload', { to: '8613800138000', type: 'Generic', payload: '123456' }],
        ['a number payload', { to: '8613800138000', type: 'Generic', payload: 123456 }],
        ['an array payload', { to: '8613800138000', type: 'Generic', payload: ['123456'] }],
        ['a numeric code', { to: '8613800138000', type: 'Generic', payload: { code: 123456 } }],
        ['no type', { to: '8613800138000', payload: { code: '123456' } }],
        ['a numeric type', { to: '8613800138000', type: 0, payload: { code: '123456' } }],
        ['no number', { type: 'Generic', payload: { code: '123456' } }],
        ['a numeric number', { to: 8613800138000, type: 'Generic', payload: { code: '123456' } }],
        ['an array of numbers', { to: ['8613800138000'], type: 'Generic', payload: {} }],
      ])('%s is invalid_request_parameters, not a TypeError', async (_name, data) => {
        const instance = await connector.create({ getConfig: notConfigured });
        const error = await failure(instance.sendMessage(data as never, config));
        expect(error.code).toBe('invalid_request_parameters');
        expect(error.data).toMatchObject({ provider: connector.name, outcome: 'not_sent' });
        expect(emulator.requests.list()).toEqual([]);
      });

      it('sends only the code, never locale or uiLocales (Logto issue #7121)', async () => {
        await send(connector, config, '8613800138000', {
          code: '654321',
          locale: 'zh-CN',
          uiLocales: 'zh-CN en',
          extra: 'ignored',
        });
        const [request] = emulator.requests.list();
        expect(request?.body).toBeDefined();
        expect(decodeURIComponent(request!.body)).not.toMatch(/zh-CN|uiLocales|ignored/);
        expect(emulator.inbox.list()[0]?.code).toBe('654321');
      });
    });

    describe('provider errors map to Logto error codes', () => {
      it.each(connector.errorFamilies.map((family) => [family.name, family] as const))(
        '%s',
        async (_name, family) => {
          const account = structuredClone(emulator.account(connector.name));
          try {
            const arranged =
              family.arrange({
                config: structuredClone(config),
                account: emulator.account(connector.name),
                emulator,
              }) ?? config;
            const to = family.to ?? '8613800138000';
            const error = await failure(send(connector, arranged, to));
            expect(error.code).toBe(family.code);
            expect(error.data).toMatchObject({
              provider: connector.name,
              providerCode: family.providerCode,
              outcome: 'rejected',
            });
            expect(emulator.requests.list().length).toBeGreaterThan(0);
            expect(emulator.inbox.list()).toEqual([]);
            expectNothingSensitive(error, connector.secrets(arranged), to);
          } finally {
            Object.assign(emulator.account(connector.name), account);
          }
        }
      );

      it('flow control answered by the emulator is rate_limit_exceeded', async () => {
        const limited = await startEmulator({ port: 0, ...connector.emulator, flowControl: true });
        try {
          const limitedConfig = withSettings(config, { endpoint: limited.url });
          let error: (Error & { code: string; data: Record<string, unknown> }) | undefined;
          for (let attempt = 0; attempt < 12 && !error; attempt++) {
            error = await send(connector, limitedConfig, '8613800138000', { code: '123456' }).then(
              () => undefined,
              (caught: unknown) => caught as never
            );
          }
          expect(error?.code).toBe('rate_limit_exceeded');
          expect(error?.data).toMatchObject({ outcome: 'rejected', retryable: true });
          expect(limited.inbox.list().length).toBeGreaterThan(0);
        } finally {
          await limited.close();
        }
      });
    });

    describe('secrets echoed back by the provider', () => {
      /** Sends with every confidential field of the form set to `secret`; the provider refuses. */
      const refusalEchoing = async (secret: string, echo: string) => {
        const { metadata } = await connector.create({ getConfig: notConfigured });
        const confidential = (metadata.formItems ?? [])
          .filter((item) => item.isConfidential && typeof config[item.key] === 'string')
          .map((item) => item.key);
        expect(connector.withSecret !== undefined || confidential.length > 0).toBe(true);
        const answer = connector.echoingRefusal(echo);
        emulator.faults.inject({
          fault: { kind: 'malformed', status: answer.status, body: JSON.stringify(answer.body) },
          provider: connector.name,
        });
        const withSecret = connector.withSecret
          ? connector.withSecret(config, secret)
          : { ...config, ...Object.fromEntries(confidential.map((key) => [key, secret])) };
        return failure(send(connector, withSecret, '8613800138000'));
      };

      it.each(Object.keys(secretEncodings) as SecretEncoding[])(
        'no random secret echoed %s appears in any rendering of the error',
        async (encoding) => {
          await fc.assert(
            fc.asyncProperty(printableSecret, async (secret) => {
              // A form the error holds whatever the provider says is not an echo.
              const baseline = renderings(await refusalEchoing(secret, 'no echo'));
              fc.pre(
                secretForms(secret).every((form) => baseline.every((text) => !text.includes(form)))
              );
              const echoed = secretEncodings[encoding](secret);
              const error = await refusalEchoing(secret, `key=${echoed}&to=%2B8613800138000`);
              expect(error.data).toMatchObject({ provider: connector.name, outcome: 'rejected' });
              expectNothingSensitive(error, [secret], '8613800138000');
            }),
            { numRuns: 15 }
          );
          expect(emulator.inbox.list()).toEqual([]);
        }
      );
    });

    describe('transport', () => {
      it('a hanging provider fails within the timeout, outcome unknown, not retried', async () => {
        emulator.faults.inject({ fault: { kind: 'hang' }, provider: connector.name });
        const error = await failure(
          send(connector, withSettings(config, { timeout: 300, maxRetries: 3 }), '8613800138000')
        );
        expect(error.data).toMatchObject({ outcome: 'unknown' });
        expect(emulator.requests.list()).toHaveLength(1);
        expect(emulator.inbox.list()).toEqual([]);
      });

      it('an HTML error page is an invalid response, outcome unknown', async () => {
        emulator.faults.inject({
          fault: {
            kind: 'malformed',
            status: 502,
            body: '<html>Bad Gateway</html>',
            contentType: 'text/html',
          },
          provider: connector.name,
        });
        const error = await failure(send(connector, config, '8613800138000'));
        expect(error.code).toBe('invalid_response');
        expect(error.data).toMatchObject({ outcome: 'unknown' });
      });

      it('an untrusted certificate fails the handshake: nothing sent, outcome not_sent', async () => {
        const tls = await startEmulator({ port: 0, ...connector.emulator, https: true });
        try {
          const error = await failure(
            send(connector, withSettings(config, { endpoint: tls.url }), '8613800138000')
          );
          expect(error.data).toMatchObject({ outcome: 'not_sent' });
          expect(tls.requests.list()).toEqual([]);
        } finally {
          await tls.close();
        }
      });

      it('a refused connection is retried and reported not_sent', async () => {
        const closed = await startEmulator({ port: 0, ...connector.emulator });
        const endpoint = closed.url;
        await closed.close();
        const error = await failure(
          send(connector, withSettings(config, { endpoint, maxRetries: 1 }), '8613800138000')
        );
        expect(error.data).toMatchObject({ outcome: 'not_sent' });
      });
    });
  });
};
