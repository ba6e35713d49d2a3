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

import { chooseSender, readConfig } from './config.js';
import { defaultMetadata } from './constant.js';
import { tencentErrorTable } from './errors.js';
import { formatForTencent } from './phone.js';
import { buildTc3Request } from './request.js';
import { tencentTemplateParamSet } from './templates.js';
import { tencentSmsConfigGuard } from './types.js';

export { tencentSmsConfigGuard, type TencentSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { tencentErrorTable } from './errors.js';
export { tencentHints } from './hints.js';
export { checkConfig, templateChoices } from './operator.js';
export { queryStatus } from './status.js';

const provider = 'tencent';

export type TencentSendResult = {
  provider: 'tencent';
  /** SerialNo, for PullSmsSendStatus and delivery receipts. */
  messageId: string;
  requestId: string | undefined;
  templateCode: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent in PhoneNumberSet (E.164). */
  phoneNumber: string;
  /** Billed message count (Fee). */
  fee: number | undefined;
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
  const templateCode = pickRegional(template.templateCode, phone.isMainlandChina);
  // The official connector sent `to` raw, without `+`: international numbers failed.
  const phoneNumber = formatForTencent(phone);
  const sender = chooseSender(config, phone.isMainlandChina);

  const body = JSON.stringify({
    PhoneNumberSet: [phoneNumber],
    SmsSdkAppId: sender.sdkAppId,
    ...(sender.signName && { SignName: sender.signName }),
    TemplateId: templateCode,
    // Only the code and the template's static values: never payload keys such as uiLocales.
    TemplateParamSet: tencentTemplateParamSet(
      code,
      template.params && pickRegional(template.params, phone.isMainlandChina)
    ),
  });
  return {
    call: {
      provider,
      build: () => buildTc3Request(config.origin, 'SendSms', body, config),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive: [config.accessKeySecret, config.token, code, phoneNumber],
    },
    template: templateCode,
    fellBackToGeneric: fellBack,
    phoneNumber,
  };
};

type SendStatus = { SerialNo?: unknown; Code?: unknown; Message?: unknown; Fee?: unknown };
type SendSmsAnswer = {
  Response?: {
    Error?: { Code?: unknown; Message?: unknown } | null;
    SendStatusSet?: unknown;
    RequestId?: unknown;
  } | null;
};

const createTencentSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    // Build (validate, pick template, format number, sign) → send → map the answer.
    const send = buildSendRequest(data, inputConfig ?? (await getConfig(defaultMetadata.id)));
    const reply = await callProvider(send.call);

    // API 3.0 answers errors with HTTP 200 too: check Response.Error, then the number's own Code.
    const response = (reply.json as SendSmsAnswer | undefined)?.Response;
    if (typeof response !== 'object' || response === null) {
      throw unreadableReply(provider, reply.statusCode, 'no Response in the answer');
    }
    const requestId = typeof response.RequestId === 'string' ? response.RequestId : undefined;
    const rejection = (providerCode: string, message: unknown) =>
      providerRejection({
        provider,
        statusCode: reply.statusCode,
        table: tencentErrorTable,
        providerCode,
        message: typeof message === 'string' ? message : undefined,
        requestId,
        sensitive: send.call.sensitive ?? [],
      });
    if (typeof response.Error?.Code === 'string') {
      throw rejection(response.Error.Code, response.Error.Message);
    }
    const status = Array.isArray(response.SendStatusSet)
      ? (response.SendStatusSet[0] as SendStatus | null | undefined)
      : undefined;
    if (typeof status !== 'object' || status === null || typeof status.Code !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'no SendStatusSet[0].Code in the answer');
    }
    // Success is `Ok`, not `OK` (providers.md §B.5).
    if (status.Code.toLowerCase() !== 'ok') {
      throw rejection(status.Code, status.Message);
    }
    if (reply.statusCode !== 200 || typeof status.SerialNo !== 'string' || !status.SerialNo) {
      throw unreadableReply(provider, reply.statusCode, 'Code Ok without a SerialNo');
    }
    const result: TencentSendResult = {
      provider,
      messageId: status.SerialNo,
      requestId,
      templateCode: send.template,
      fellBackToGeneric: send.fellBackToGeneric,
      phoneNumber: send.phoneNumber,
      fee: typeof status.Fee === 'number' ? status.Fee : undefined,
    };
    return result;
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: tencentSmsConfigGuard,
    sendMessage,
  };
};

export default createTencentSmsConnector;
