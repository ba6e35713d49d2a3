import {
  ConnectorType,
  type CreateConnector,
  type SendMessageData,
  type SendMessageFunction,
  type SmsConnector,
} from '@logto/connector-kit';
import {
  callProvider,
  defaultTimeoutMs,
  parsePhoneNumberForSms,
  pickRegional,
  pickTemplate,
  providerRejection,
  readSendData,
  unreadableReply,
  type PreparedSend,
} from '@duanxin/shared';

import { readConfig } from './config.js';
import { defaultMetadata } from './constant.js';
import { __camel__ErrorTable } from './errors.js';
import { buildSignedRequest } from './request.js';
import { __camel__SmsConfigGuard } from './types.js';

export { __camel__SmsConfigGuard, type __Pascal__SmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { __camel__ErrorTable } from './errors.js';
export { checkConfig, templateChoices } from './operator.js';

const provider = '__name__';

export type __Pascal__SendResult = {
  provider: '__name__';
  messageId: string;
  requestId: string | undefined;
  templateId: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent. */
  phoneNumber: string;
};

/**
 * Validate config → pick template → format number → sign: the request `sendMessage` sends, and
 * what `duanxin send --dry-run` shows.
 */
export const buildSendRequest = (data: SendMessageData, inputConfig: unknown): PreparedSend => {
  const config = readConfig(inputConfig);
  const { to, type, code } = readSendData(data, provider);
  const phone = parsePhoneNumberForSms(to, {
    provider,
    allowedCountries: config.allowedCountries,
  });
  const { template, fellBack } = pickTemplate(config.templates, type, provider);
  const templateId = pickRegional(template.templateId, phone.isMainlandChina);
  // EXAMPLE: E.164 with `+`. Send a form the provider cannot read as another number, and write
  // down why in docs/providers.md (see formatForAliyun, … in @duanxin/shared).
  const phoneNumber = phone.e164;
  const fields = {
    to: phoneNumber,
    signName: config.signName,
    templateId,
    // Only the code and the template's static values: never payload keys such as uiLocales.
    params: [code, ...(template.params ?? [])],
  };
  return {
    call: {
      provider,
      build: () => buildSignedRequest(config.origin, fields, config),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive: [config.accessKeySecret, code, phoneNumber],
    },
    template: templateId,
    fellBackToGeneric: fellBack,
    phoneNumber,
  };
};

type SendAnswer = { code?: unknown; message?: unknown; messageId?: unknown; requestId?: unknown };

const create__Pascal__SmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    const send = buildSendRequest(data, inputConfig ?? (await getConfig(defaultMetadata.id)));
    const reply = await callProvider(send.call);

    // EXAMPLE answer: `{ code: 'OK', messageId }`, or `{ code, message }` with HTTP 4xx.
    const answer = reply.json as SendAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'no code in the answer');
    }
    const requestId = typeof answer.requestId === 'string' ? answer.requestId : undefined;
    if (answer.code !== 'OK') {
      throw providerRejection({
        provider,
        statusCode: reply.statusCode,
        table: __camel__ErrorTable,
        providerCode: answer.code,
        message: typeof answer.message === 'string' ? answer.message : undefined,
        requestId,
        sensitive: send.call.sensitive ?? [],
      });
    }
    if (reply.statusCode !== 200 || typeof answer.messageId !== 'string' || !answer.messageId) {
      throw unreadableReply(provider, reply.statusCode, 'code OK without a messageId');
    }
    const result: __Pascal__SendResult = {
      provider,
      messageId: answer.messageId,
      requestId,
      templateId: send.template,
      fellBackToGeneric: send.fellBackToGeneric,
      phoneNumber: send.phoneNumber,
    };
    return result;
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: __camel__SmsConfigGuard,
    sendMessage,
  };
};

export default create__Pascal__SmsConnector;
