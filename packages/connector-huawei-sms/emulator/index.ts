/**
 * Huawei Cloud MSGSMS 发送短信 (`POST /sms/batchSendSms/v1`) as a provider of the duanxin
 * emulator: `startEmulator({ providers: [huaweiProvider] })`. It checks X-WSSE (digest, Created
 * window, nonce reuse), the app's channel numbers, signatures and templates, template variables,
 * numbers, balance and flow control, answers MSGSMS's codes, and delivers to the inbox.
 *
 * Account model: `credentials` are apps' APP_Key/APP_Secret; `apps` are channel numbers (通道号,
 * sent as `from`), international ones flagged. A template whose content starts with 【signature】
 * is bound to it (签名专用模板); any other is a general template (通用模板), which needs the
 * `signature` parameter for mainland numbers. Unlike the real platform, any key may use any
 * channel.
 */
import { randomUUID } from 'node:crypto';

import {
  demoSignatures,
  type EmulatorRequest,
  type EmulatorResponse,
  type ProviderAccount,
  type ProviderContext,
  type ProviderDefinition,
} from '@duanxin/shared';

import { batchSendPath, defaultEndpoint, internationalSiteEndpoint } from '../src/constant.js';
import { readHuaweiNumber } from '../src/number.js';
import { huaweiWsseCreated } from '../src/signing.js';

import { huaweiWsseAgeSeconds, readHuaweiWsse, verifyHuaweiWsse } from './wsse.js';

export {
  huaweiWsseAgeSeconds,
  parseHuaweiWsse,
  readHuaweiWsse,
  verifyHuaweiWsse,
  type HuaweiWsseToken,
} from './wsse.js';
export { readHuaweiNumber } from '../src/number.js';

/** Inferred: the doc only says Created must not be "too far" from the platform's time. */
const createdWindowSeconds = 15 * 60;
const success = '000000';

const descriptions: Record<string, string> = {
  [success]: 'Success',
  E000000: 'System error.',
  E000001: 'Authorization is not contained in the HTTP header.',
  E000101: 'Authentication failed.',
  E000110: 'Time out limit.',
  E000111: 'The username or password is incorrect.',
  E000112: 'The subscriber status is frozen.',
  E000503: 'Parameter format error.',
  E000510: 'The SMS fails to be sent. For details, see status.',
};

/** The built-in account; `huaweiEmulatorConfig` is a connector config that works against it. */
export const huaweiDefaultAccount = (): ProviderAccount => ({
  credentials: [
    { id: 'duanxin-demo-appkey', secret: 'duanxin-demo-appsecret' },
    { id: 'duanxin-intl-appkey', secret: 'duanxin-intl-appsecret' },
  ],
  apps: [{ id: 'csms12345678' }, { id: 'isms12345678', international: true }],
  signatures: demoSignatures(['approved', 'pending']),
  // Real template ids are 32 hex digits; readable ones here.
  templates: [
    { id: 'tpl-code', content: '您的验证码为${1}，5分钟内有效。', state: 'approved' },
    { id: 'tpl-signin', content: '【duanxin】您的登录验证码为${1}。', state: 'approved' },
    { id: 'tpl-minutes', content: '您的验证码为${1}，请于${2}分钟内填写。', state: 'approved' },
    {
      id: 'tpl-intl',
      content: 'Your verification code is ${1}.',
      state: 'approved',
      international: true,
    },
    { id: 'tpl-pending', content: '您的注册验证码为${1}。', state: 'pending' },
  ],
  balance: 1_000_000,
  international: true,
  // 规则与限制: verification codes, 2 a minute and 50 a day per number.
  flowControl: [
    { seconds: 60, max: 2, code: 'E200015' },
    { seconds: 86_400, max: 50, code: 'E200015' },
  ],
});

export const huaweiEmulatorConfig = (endpoint: string) => ({
  appKey: 'duanxin-demo-appkey',
  appSecret: 'duanxin-demo-appsecret',
  sender: 'csms12345678',
  signature: 'duanxin',
  overseasSender: 'isms12345678',
  overseasAppKey: 'duanxin-intl-appkey',
  overseasAppSecret: 'duanxin-intl-appsecret',
  templates: [
    { usageType: 'SignIn', templateId: { china: 'tpl-signin', overseas: 'tpl-intl' } },
    {
      usageType: 'Register',
      templateId: { china: 'tpl-minutes', overseas: 'tpl-intl' },
      params: { china: ['5'], overseas: [] },
    },
    { usageType: 'Generic', templateId: { china: 'tpl-code', overseas: 'tpl-intl' } },
  ],
  endpoint,
});

class Refusal extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string,
    readonly detail?: string
  ) {
    super(code);
  }
}

const json = (status: number, body: unknown): EmulatorResponse => ({
  status,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body,
});

const authenticate = (request: EmulatorRequest, context: ProviderContext) => {
  if (request.headers.authorization === undefined) {
    throw new Refusal(400, 'E000001');
  }
  const read = readHuaweiWsse(request.headers);
  if (!read.ok) {
    throw new Refusal(401, 'E000101', read.reason);
  }
  const { token } = read;
  const credential = context.account.credentials.find(
    (candidate) => candidate.id === token.username && !candidate.disabled
  );
  if (!credential?.secret) {
    throw new Refusal(401, 'E000111');
  }
  if (!verifyHuaweiWsse(token, credential.secret).ok) {
    throw new Refusal(401, 'E000101', 'PasswordDigest does not match');
  }
  if (Math.abs(huaweiWsseAgeSeconds(token, context.now())) > createdWindowSeconds) {
    throw new Refusal(401, 'E000110');
  }
  // Inferred code: a replayed nonce fails authentication.
  if (!context.useNonce(`${token.username}:${token.nonce}`, createdWindowSeconds * 2)) {
    throw new Refusal(401, 'E000101', 'Nonce was used before');
  }
  // An account in arrears is frozen: every request is refused.
  if (context.account.balance <= 0) {
    throw new Refusal(401, 'E000112');
  }
};

/** `templateParas`: a JSON array of strings; anything else cannot be parsed (E000000). */
const readTemplateParas = (value: string | null): string[] => {
  if (value === null || value === '') {
    return [];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Refusal(400, 'E000000', 'templateParas is not JSON');
  }
  if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
    throw new Refusal(400, 'E000000', 'templateParas must be an array of strings');
  }
  return parsed as string[];
};

const readSend = (request: EmulatorRequest, context: ProviderContext) => {
  const form = new URLSearchParams(request.body.toString('utf8'));
  const from = form.get('from');
  const to = form.get('to');
  const templateId = form.get('templateId');
  if (!from || !to || !templateId || templateId.length > 32) {
    throw new Refusal(400, 'E000503', 'from, to and templateId (1-32 characters) are required');
  }
  // At most 500 numbers of at most 21 characters; without `+`, +86 is added (docs/providers.md §4.1).
  const raws = to.split(',');
  const numbers = raws.flatMap((raw) => {
    const reading = readHuaweiNumber(raw);
    return reading ? [{ raw, e164: reading.e164 }] : [];
  });
  if (raws.length > 500 || numbers.length !== raws.length) {
    throw new Refusal(400, 'E000503', 'to must be numbers (+E.164) separated by commas');
  }
  const template = context.account.templates.find((candidate) => candidate.id === templateId);
  const signature = form.get('signature') || undefined;
  const general = template !== undefined && !/^【[^】]+】/.test(template.content);
  if (general && !template.international && !signature) {
    throw new Refusal(400, 'E000503', 'signature is required with a general template');
  }
  const values = readTemplateParas(form.get('templateParas'));
  return { from, numbers, template, signature, values };
};

type Send = ReturnType<typeof readSend>;

const variableCount = (content: string) =>
  Math.max(0, ...[...content.matchAll(/\$\{(\d+)\}/g)].map((match) => Number(match[1])));

/** The number's `status`: an error code, or 000000 once delivered to `number` (E.164). */
const sendOne = (send: Send, number: string, context: ProviderContext) => {
  const { account } = context;
  const { template } = send;
  const mainland = number.startsWith('+86');
  if (template?.state !== 'approved') return { status: 'E200030' }; // inferred code
  if (Boolean(template.international) === mainland) return { status: 'E200033' }; // inferred code
  const channel = account.apps?.find((app) => app.id === send.from);
  if (!channel || Boolean(channel.international) === mainland) {
    return { status: mainland ? 'E200018' : 'E200025' };
  }
  if (!mainland && !account.international) return { status: 'E200024' };
  const bound = /^【([^】]+)】/.exec(template.content)?.[1];
  const signName = bound ?? (mainland ? send.signature : undefined);
  if (
    signName !== undefined &&
    !account.signatures.some((s) => s.name === signName && s.state === 'approved')
  ) {
    return { status: 'E200020' };
  }
  const count = variableCount(template.content);
  if (send.values.length !== count || send.values.some((value) => !value || value.length > 20)) {
    return { status: 'E200028' };
  }
  const window = context.checkFlow(number);
  if (window) return { status: window.code };
  const text = template.content.replace(
    /\$\{(\d+)\}/g,
    (_variable, index: string) => send.values[Number(index) - 1] ?? ''
  );
  const message = context.deliver({
    to: number,
    text: bound || !signName ? text : `【${signName}】${text}`,
    signName: signName ?? '',
    templateId: template.id,
    params: send.values,
    code: send.values[0],
    messageId: `${randomUUID()}_${Math.floor(Math.random() * 1e8)}`,
    requestId: randomUUID(),
  });
  return { status: success, smsMsgId: message.messageId };
};

const handle = (request: EmulatorRequest, context: ProviderContext): EmulatorResponse => {
  try {
    if (request.method !== 'POST') {
      throw new Refusal(405, 'E000503', 'use POST');
    }
    authenticate(request, context);
    const send = readSend(request, context);
    const createTime = huaweiWsseCreated(context.now());
    const result = send.numbers.map(({ raw, e164 }) => ({
      originTo: raw,
      createTime,
      from: send.from,
      ...sendOne(send, e164, context),
    }));
    if (result.some((entry) => entry.status === success)) {
      return json(200, { code: success, description: descriptions[success], result });
    }
    // Inferred: when no number was accepted the answer is E000510 (HTTP status unconfirmed).
    return json(500, { code: 'E000510', description: descriptions.E000510, result });
  } catch (error) {
    if (!(error instanceof Refusal)) {
      throw error;
    }
    const description = descriptions[error.code] ?? error.code;
    return json(error.httpStatus, {
      code: error.code,
      description: error.detail ? `${description} ${error.detail}` : description,
    });
  }
};

export const huaweiProvider: ProviderDefinition = {
  name: 'huawei',
  matches: (request) => request.url.pathname === batchSendPath,
  handle,
  defaultAccount: huaweiDefaultAccount,
  connectorConfig: huaweiEmulatorConfig,
  credentialLabels: { id: 'APP_Key', secret: 'APP_Secret' },
  hosts: [defaultEndpoint, internationalSiteEndpoint].map((origin) => new URL(origin).host),
  identifiedBy: 'POST /sms/batchSendSms/v1',
};
