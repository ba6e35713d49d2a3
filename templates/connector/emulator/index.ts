/**
 * __Title__ as a provider of the duanxin emulator (`startEmulator({ providers: [...] })`): it
 * verifies requests the way the real API does, keeps the account model (keys, signatures,
 * templates, balance, flow control) and answers the real API's errors, so that the conformance
 * suite and the CLI can run against it. EXAMPLE protocol: replace it with the real API's.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';

import type {
  EmulatorRequest,
  EmulatorResponse,
  ProviderAccount,
  ProviderContext,
  ProviderDefinition,
} from '@duanxin/shared';

import { sendPath } from '../src/constant.js';
import { read__Pascal__Number } from '../src/phone.js';
import { exampleSignature, type SendFields } from '../src/request.js';

const timestampWindowSeconds = 300;

/** The built-in account: `__name__-demo-key` / `__name__-demo-secret`, signature `duanxin`. */
export const __camel__DefaultAccount = (): ProviderAccount => ({
  credentials: [{ id: '__name__-demo-key', secret: '__name__-demo-secret' }],
  signatures: [
    { name: 'duanxin', state: 'approved' },
    { name: 'pending-sign', state: 'pending' },
  ],
  templates: [
    { id: 'TPL_CODE', content: '您的验证码为{1}，5分钟内有效。', state: 'approved' },
    {
      id: 'TPL_INTL',
      content: 'Your verification code is {1}.',
      state: 'approved',
      international: true,
    },
    { id: 'TPL_CODE_MINUTES', content: '您的验证码为{1}，{2}分钟内有效。', state: 'approved' },
    { id: 'TPL_PENDING', content: '您的登录验证码为{1}。', state: 'pending' },
  ],
  balance: 1_000_000,
  international: true,
  flowControl: [
    { seconds: 60, max: 1, code: 'RateLimited' },
    { seconds: 3600, max: 5, code: 'RateLimited' },
  ],
});

/** A connector config that works against the built-in account. */
export const __camel__EmulatorConfig = (endpoint: string) => ({
  accessKeyId: '__name__-demo-key',
  accessKeySecret: '__name__-demo-secret',
  signName: 'duanxin',
  templates: [
    { usageType: 'SignIn', templateId: { china: 'TPL_CODE', overseas: 'TPL_INTL' } },
    { usageType: 'Generic', templateId: { china: 'TPL_CODE', overseas: 'TPL_INTL' } },
  ],
  endpoint,
});

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown): EmulatorResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});

const header = (request: EmulatorRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const authenticate = (request: EmulatorRequest, context: ProviderContext): void => {
  const key = header(request, 'x-example-key');
  const timestamp = header(request, 'x-example-timestamp') ?? '';
  const nonce = header(request, 'x-example-nonce') ?? '';
  const signature = header(request, 'x-example-signature') ?? '';
  const credential = context.account.credentials.find((c) => c.id === key && !c.disabled);
  if (!credential?.secret) {
    throw new Refusal(401, 'UnknownKey', 'The access key does not exist.');
  }
  const expected = exampleSignature(credential.secret, timestamp, nonce, request.body.toString());
  if (!sameText(signature, expected)) {
    throw new Refusal(401, 'InvalidSignature', 'The signature does not match.');
  }
  if (Math.abs(context.now() / 1000 - Number(timestamp)) > timestampWindowSeconds) {
    throw new Refusal(401, 'StaleTimestamp', 'The timestamp is out of range.');
  }
  if (!context.useNonce(nonce, timestampWindowSeconds * 2)) {
    throw new Refusal(401, 'ReplayedNonce', 'The nonce was used before.');
  }
};

const readFields = (request: EmulatorRequest): SendFields => {
  let fields: Partial<SendFields>;
  try {
    fields = JSON.parse(request.body.toString('utf8')) as Partial<SendFields>;
  } catch {
    throw new Refusal(400, 'InvalidParameter', 'The body is not JSON.');
  }
  const { to, signName, templateId, params } = fields;
  if (typeof to !== 'string' || !/^\+\d{6,15}$/.test(to)) {
    throw new Refusal(400, 'InvalidPhoneNumber', 'to must be one E.164 number.');
  }
  if (typeof signName !== 'string' || typeof templateId !== 'string' || !Array.isArray(params)) {
    throw new Refusal(400, 'InvalidParameter', 'signName, templateId and params are required.');
  }
  return { to, signName, templateId, params: params.map(String) };
};

const send = (fields: SendFields, context: ProviderContext) => {
  const { account } = context;
  // The number as the provider reads it (src/phone.ts): what it would deliver to.
  const reading = read__Pascal__Number(fields.to);
  if (!reading) {
    throw new Refusal(400, 'InvalidPhoneNumber', 'The phone number is not valid.');
  }
  const { mainland } = reading;
  if (!account.signatures.some((s) => s.name === fields.signName && s.state === 'approved')) {
    throw new Refusal(400, 'SignatureNotApproved', `Signature ${fields.signName} is not approved.`);
  }
  const template = account.templates.find((t) => t.id === fields.templateId);
  if (template?.state !== 'approved' || Boolean(template.international) === mainland) {
    throw new Refusal(400, 'TemplateNotApproved', `Template ${fields.templateId} cannot be used.`);
  }
  if (!mainland && !account.international) {
    throw new Refusal(400, 'InternationalNotEnabled', 'International SMS is not enabled.');
  }
  const variables = template.content.match(/\{\d+\}/g) ?? [];
  if (variables.length !== fields.params.length || fields.params.some((value) => !value)) {
    throw new Refusal(400, 'TemplateParamsMismatch', `Template needs ${variables.length} values.`);
  }
  if (account.balance <= 0) {
    throw new Refusal(402, 'InsufficientBalance', 'The balance is insufficient.');
  }
  const window = context.checkFlow(reading.e164);
  if (window) {
    throw new Refusal(429, window.code, window.message ?? 'Too many messages to this number.');
  }
  const text = template.content.replace(
    /\{(\d+)\}/g,
    (_placeholder, index: string) => fields.params[Number(index) - 1] ?? ''
  );
  const message = context.deliver({
    to: reading.e164,
    text: `【${fields.signName}】${text}`,
    signName: fields.signName,
    templateId: template.id,
    params: fields.params,
    code: fields.params[0],
    messageId: randomUUID(),
    requestId: randomUUID(),
  });
  return { code: 'OK', messageId: message.messageId, requestId: message.requestId };
};

export const __camel__Provider: ProviderDefinition = {
  name: '__name__',
  matches: (request) => request.url.pathname === sendPath,
  handle: (request, context) => {
    try {
      if (request.method !== 'POST') {
        throw new Refusal(405, 'MethodNotAllowed', 'Use POST.');
      }
      authenticate(request, context);
      return json(200, send(readFields(request), context));
    } catch (error) {
      if (!(error instanceof Refusal)) {
        throw error;
      }
      return json(error.status, {
        code: error.code,
        message: error.message,
        requestId: randomUUID(),
      });
    }
  },
  defaultAccount: __camel__DefaultAccount,
  connectorConfig: __camel__EmulatorConfig,
  credentialLabels: { id: 'accessKeyId', secret: 'accessKeySecret' },
};
