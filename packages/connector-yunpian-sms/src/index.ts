import {
  ConnectorType,
  type CreateConnector,
  type SendMessageData,
  type SendMessageFunction,
  type SmsConnector,
} from '@logto/connector-kit';
import {
  badInput,
  callProvider,
  defaultTimeoutMs,
  formatForYunpian,
  parsePhoneNumberForSms,
  pickRegional,
  pickTemplate,
  providerRejection,
  readSendData,
  renderContent,
  unreadableReply,
  yunpianErrorTable,
  type PreparedSend,
} from '@duanxin/shared';

import { readConfig } from './config.js';
import { defaultMetadata, defaultUnsupportedCountriesMessage } from './constant.js';
import { internationalHint } from './hints.js';
import { buildSingleSendRequest } from './request.js';
import { yunpianSmsConfigGuard } from './types.js';

export { yunpianSmsConfigGuard, type YunpianSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { checkConfig, templateChoices } from './operator.js';
export { yunpianHints } from './hints.js';

const provider = 'yunpian';

export type YunpianSendResult = {
  provider: 'yunpian';
  /** sid, as a string: it is an int64. */
  messageId: string;
  /** YunPian answers carry no request id. */
  requestId: undefined;
  templateUsageType: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent in `mobile`. */
  phoneNumber: string;
  /** Cost of this send, in `unit` (RMB). */
  fee: number | undefined;
  /** Billed message parts. */
  count: number | undefined;
};

/**
 * Validate config → pick template → format number: the request `sendMessage` sends, and what
 * `duanxin send --dry-run` shows.
 */
export const buildSendRequest = (data: SendMessageData, inputConfig: unknown): PreparedSend => {
  const config = readConfig(inputConfig);
  const { to, type, code } = readSendData(data, provider);
  const phone = parsePhoneNumberForSms(to, {
    provider,
    allowedCountries: config.allowedCountries,
  });
  // The official connector returned without sending here, and Logto reported success.
  if (!phone.isMainlandChina && config.enableInternational !== true) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      config.unsupportedCountriesMsg ?? defaultUnsupportedCountriesMessage,
      'to',
      internationalHint
    );
  }
  const { template, fellBack } = pickTemplate(config.templates, type, provider);
  // Only {{code}}: other payload keys (locale, uiLocales) never reach the text.
  const text = renderContent(pickRegional(template.content, phone.isMainlandChina), code);
  // Mainland as 11 digits (the official connector turned a bare 13800138000 into +13800138000).
  const mobile = formatForYunpian(phone);

  return {
    call: {
      provider,
      build: () => buildSingleSendRequest(config.origin, { apikey: config.apikey, mobile, text }),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive: [config.apikey, code, mobile],
    },
    template: template.usageType,
    fellBackToGeneric: fellBack,
    phoneNumber: mobile,
  };
};

type SingleSendAnswer = {
  code?: unknown;
  msg?: unknown;
  detail?: unknown;
  sid?: unknown;
  fee?: unknown;
  count?: unknown;
};

/** Errors come as HTTP 400 `{ code, msg, detail }`; `detail` often repeats `msg`. */
const describeRefusal = (msg: unknown, detail: unknown): string | undefined => {
  const parts = [msg, detail].filter((part): part is string => typeof part === 'string' && !!part);
  return parts.length > 0 ? [...new Set(parts)].join(': ') : undefined;
};

const optionalNumber = (value: unknown) => (typeof value === 'number' ? value : undefined);

const createYunpianSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    // Build (validate, pick template, format number) → send → map the answer.
    const send = buildSendRequest(data, inputConfig ?? (await getConfig(defaultMetadata.id)));
    const reply = await callProvider(send.call);

    // HTTP 200 alone is not success (official bug): only `code: 0` is.
    const answer = reply.json as SingleSendAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'number') {
      throw unreadableReply(provider, reply.statusCode, 'no numeric code in the answer');
    }
    if (answer.code !== 0) {
      throw providerRejection({
        provider,
        statusCode: reply.statusCode,
        table: yunpianErrorTable,
        providerCode: String(answer.code),
        message: describeRefusal(answer.msg, answer.detail),
        requestId: undefined,
        sensitive: send.call.sensitive ?? [],
      });
    }
    if (
      reply.statusCode !== 200 ||
      (typeof answer.sid !== 'number' && typeof answer.sid !== 'string')
    ) {
      throw unreadableReply(provider, reply.statusCode, 'code 0 without a sid');
    }
    const result: YunpianSendResult = {
      provider,
      messageId: String(answer.sid),
      requestId: undefined,
      templateUsageType: send.template,
      fellBackToGeneric: send.fellBackToGeneric,
      phoneNumber: send.phoneNumber,
      fee: optionalNumber(answer.fee),
      count: optionalNumber(answer.count),
    };
    return result;
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: yunpianSmsConfigGuard,
    sendMessage,
  };
};

export default createYunpianSmsConnector;
