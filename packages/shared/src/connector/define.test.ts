/**
 * The connector core against a provider of its own on a local server: what the core does for
 * every connector (config, number, code, template, transport, answer checks, result shape).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ConnectorError, ConnectorType, type SendMessageData } from '@logto/connector-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { commonConfigShape } from '../config.js';
import { destroyAgents } from '../http.js';
import { checkItem } from '../operator.js';
import { regionalGuard } from '../templates.js';

import { defineSmsConnector } from './define.js';
import type { AnswerReading } from './types.js';

type Received = { path: string; body: string };
let server: http.Server;
let origin: string;
const received: Received[] = [];
let answer: { status: number; body: string } = { status: 200, body: '' };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body });
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  destroyAgents();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  received.length = 0;
  answer = { status: 200, body: JSON.stringify({ result: 'ok', id: 'm-1', fee: 2, note: {} }) };
});

const guard = z.object({
  key: z.string().min(1),
  international: z.boolean().optional(),
  templates: z.array(z.object({ usageType: z.string(), id: regionalGuard(z.string()) })),
  ...commonConfigShape,
});

let prepared = 0;

const readAnswer = ({ json }: { json: unknown }): AnswerReading => {
  const body = json as
    { result?: unknown; id?: unknown; fee?: unknown; note?: unknown } | undefined;
  if (typeof body?.result !== 'string') {
    return { kind: 'unreadable', why: 'no result' };
  }
  return body.result === 'ok'
    ? { kind: 'accepted', acceptedAs: 'result ok', messageId: body.id, extras: body }
    : { kind: 'refused', code: body.result, byNumber: body.result === 'NumberRefused' };
};

const test = defineSmsConnector({
  provider: 'test',
  title: 'Test',
  metadata: {
    id: 'test-sms',
    target: 'test-sms',
    platform: null,
    name: { en: 'Test' },
    logo: './logo.svg',
    logoDark: null,
    description: { en: 'Test' },
    readme: './README.md',
    formItems: [],
  },
  configGuard: guard,
  prepare: (config) => {
    prepared++;
    return config;
  },
  defaultEndpoint: 'https://sms.test.invalid',
  formatNumber: (phone) => phone.e164,
  refuseNumber: (phone, config) =>
    phone.isMainlandChina || config.international
      ? undefined
      : { message: 'Only mainland numbers.', hint: 'Set international.' },
  describeTemplate: (template) => template.id,
  request: ({ config, template, phoneNumber, code, regional }) => {
    const id = regional(template.id);
    return {
      template: id,
      build: () => ({
        url: new URL('/send', config.origin),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: config.key, to: phoneNumber, id, code }),
      }),
    };
  },
  secrets: (config) => [config.key],
  readAnswer,
  errorTable: {
    Limited: { code: 'RateLimitExceeded', retryable: true, hint: 'Wait.' },
    NumberRefused: { code: 'InvalidRequestParameters', field: 'to' },
  },
  messageIdName: 'id',
  queryStatus: (config, query) =>
    Promise.resolve({
      provider: 'test',
      records: [
        {
          messageId: query.id,
          phoneNumber: query.phone.e164,
          state: 'delivered',
          providerStatus: config.key.length > 0 ? 'DELIVERED' : '',
        },
      ],
    }),
});

const config = () => ({
  key: 'secret-key-123',
  templates: [
    { usageType: 'SignIn', id: 'T-SIGNIN' },
    { usageType: 'Generic', id: { china: 'T-CN', overseas: 'T-INTL' } },
  ],
  endpoint: origin,
  maxRetries: 0,
});

const data = (overrides: Partial<SendMessageData> = {}): SendMessageData => ({
  to: '8613800138000',
  type: 'Generic' as SendMessageData['type'],
  payload: { code: '123456' },
  ...overrides,
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.unreachable('it succeeded'),
    (caught: unknown) => caught
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError & { data: Record<string, unknown> };
};

describe('defineSmsConnector: Logto default export', () => {
  it('is a CreateConnector with the facts, sending with the config Logto keeps', async () => {
    const connector = await test.createConnector({ getConfig: async () => config() });
    expect(connector).toMatchObject({ type: ConnectorType.Sms, metadata: { id: 'test-sms' } });
    const result = await connector.sendMessage(data());
    expect(result).toEqual({
      provider: 'test',
      messageId: 'm-1',
      requestId: undefined,
      template: 'T-CN',
      fellBackToGeneric: false,
      phoneNumber: '+8613800138000',
      extras: { result: 'ok', id: 'm-1', fee: 2 },
    });
    expect(received).toEqual([
      {
        path: '/send',
        body: JSON.stringify({
          key: 'secret-key-123',
          to: '+8613800138000',
          id: 'T-CN',
          code: '123456',
        }),
      },
    ]);
  });

  it('validates and prepares a config once per distinct value', async () => {
    const before = prepared;
    await test.send(data(), { ...config(), timeout: 4321 });
    await test.send(data({ type: 'SignIn' as SendMessageData['type'] }), {
      ...config(),
      timeout: 4321,
    });
    expect(prepared - before).toBe(1);
    expect(received.map((request) => JSON.parse(request.body).id)).toEqual(['T-CN', 'T-SIGNIN']);
  });
});

describe('defineSmsConnector: what is refused before anything is sent', () => {
  it.each([
    ['no object', null, 'data'],
    ['a string', 'to 8613800138000', 'data'],
    ['a payload that is null', data({ payload: null as never }), 'payload'],
    ['a payload that is a string', data({ payload: '123456' as never }), 'payload'],
    ['no code', data({ payload: {} }), 'payload.code'],
    ['a bad number', data({ to: '86 138' }), 'to'],
  ])('%s ends in a ConnectorError naming the field', async (_name, message, field) => {
    const error = await refusal(test.send(message as SendMessageData, config()));
    expect(error.code).toBe('invalid_request_parameters');
    expect(error.data).toMatchObject({ provider: 'test', outcome: 'not_sent', field });
    expect(received).toEqual([]);
  });

  it("the provider's own number rule, with its hint", async () => {
    const error = await refusal(test.send(data({ to: '85291234567' }), config()));
    expect(error.data).toMatchObject({
      field: 'to',
      message: 'Only mainland numbers.',
      hint: 'Set international.',
    });
    await test.send(data({ to: '85291234567' }), { ...config(), international: true });
    expect(received.map((request) => JSON.parse(request.body).id)).toEqual(['T-INTL']);
  });

  it('an invalid config, and a type without template or Generic', async () => {
    const invalid = await refusal(test.send(data(), { ...config(), key: '' }));
    expect(invalid).toMatchObject({ code: 'invalid_config', data: { field: 'key' } });
    const templates = [{ usageType: 'SignIn', id: 'T-SIGNIN' }];
    const missing = await refusal(test.send(data(), { ...config(), templates }));
    expect(missing.code).toBe('template_not_found');
    expect(received).toEqual([]);
  });
});

describe('defineSmsConnector: the answer', () => {
  it.each([
    ['a success without the id', 200, { result: 'ok' }, 'result ok without a id'],
    ['a success with HTTP 202', 202, { result: 'ok', id: 'm-2' }, 'result ok without a id'],
    ['no result', 200, { nothing: true }, 'no result'],
  ])('%s is unreadable: the outcome is unknown', async (_name, status, body, why) => {
    answer = { status, body: JSON.stringify(body) };
    const error = await refusal(test.send(data(), config()));
    expect(error.code).toBe('invalid_response');
    expect(error.data).toMatchObject({ outcome: 'unknown' });
    expect(String(error.data.message)).toContain(why);
  });

  it('a refusal maps through the error table, secrets masked out', async () => {
    answer = { status: 400, body: JSON.stringify({ result: 'Limited' }) };
    const error = await refusal(test.send(data(), config()));
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.data).toMatchObject({
      providerCode: 'Limited',
      outcome: 'rejected',
      retryable: true,
      hint: 'Wait.',
    });
    expect(JSON.stringify(error)).not.toContain('secret-key-123');
  });

  it('a 5xx refusal leaves the outcome unknown, unless the number itself was refused', async () => {
    answer = { status: 500, body: JSON.stringify({ result: 'Limited' }) };
    expect((await refusal(test.send(data(), config()))).data.outcome).toBe('unknown');
    answer = { status: 500, body: JSON.stringify({ result: 'NumberRefused' }) };
    expect((await refusal(test.send(data(), config()))).data).toMatchObject({
      outcome: 'rejected',
      field: 'to',
    });
  });
});

describe('defineSmsConnector: the operator surface', () => {
  it('prepares a send without sending it: the dry run', () => {
    const prepared = test.buildSendRequest(data({ to: '16502530000' }), {
      ...config(),
      international: true,
    });
    expect(prepared).toMatchObject({
      template: 'T-INTL',
      fellBackToGeneric: false,
      phoneNumber: '+16502530000',
      call: { provider: 'test', maxRetries: 0, timeout: 10_000 },
    });
    expect(prepared.call.sensitive).toEqual(['secret-key-123', '123456', '+16502530000']);
    expect(prepared.call.build().url.href).toBe(`${origin}/send`);
    expect(received).toEqual([]);
  });

  it('lists the template of every usage type, and has a check and a status query', async () => {
    const choices = test.templateChoices(config());
    expect(choices).toHaveLength(9);
    expect(choices[0]).toEqual({
      usageType: 'SignIn',
      template: 'T-SIGNIN',
      fellBackToGeneric: false,
    });
    expect(choices[1]).toEqual({
      usageType: 'Register',
      template: 'china T-CN, overseas T-INTL',
      fellBackToGeneric: true,
    });
    expect(await test.checkConfig(config())).toEqual([
      checkItem('config', 'unverified', 'the test connector has no check'),
    ]);
    const report = await test.queryStatus?.(config(), { id: 'm-1', to: '13800138000' });
    expect(report?.records[0]).toMatchObject({ messageId: 'm-1', phoneNumber: '+8613800138000' });
  });

  it('reads a status query before its number: no query, or a blank id, is refused as the id', async () => {
    for (const query of [null, { id: '', to: '13800138000' }]) {
      await expect(test.queryStatus?.(config(), query as never)).rejects.toMatchObject({
        code: 'invalid_request_parameters',
        data: { field: 'id' },
      });
    }
  });
});
