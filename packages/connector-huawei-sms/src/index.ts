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
  formatForHuawei,
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
import { huaweiErrorTable } from './errors.js';
import { buildBatchSendRequest } from './request.js';
import { huaweiSmsConfigGuard } from './types.js';

export { huaweiSmsConfigGuard, type HuaweiSmsConfig } from './types.js';
export { defaultMetadata, internationalSiteEndpoint } from './constant.js';
export { huaweiErrorTable } from './errors.js';
export { checkConfig, templateChoices } from './operator.js';

const provider = 'huawei';
const success = '000000';

export type HuaweiSendResult = {
  provider: 'huawei';
  /** smsMsgId, as status reports carry it. */
  messageId: string;
  /** MSGSMS answers carry no request id. */
  requestId: undefined;
  templateId: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent in `to` (E.164). */
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
  const phoneNumber = formatForHuawei(phone);
  const sender = chooseSender(config, phone.isMainlandChina);
  const extras = template.params && pickRegional(template.params, phone.isMainlandChina);
  const fields = {
    from: sender.from,
    to: phoneNumber,
    templateId,
    // `${1}` is the code, then the template's static values: never payload keys (uiLocales).
    templateParas: JSON.stringify([code, ...(extras ?? [])]),
    signature: sender.signature,
  };
  return {
    call: {
      provider,
      build: () => buildBatchSendRequest(config.origin, fields, sender.credentials),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive: [config.appSecret, config.overseasAppSecret, code, phoneNumber],
    },
    template: templateId,
    fellBackToGeneric: fellBack,
    phoneNumber,
  };
};

type NumberResult = { smsMsgId?: unknown; status?: unknown };
type BatchSendAnswer = { code?: unknown; description?: unknown; result?: unknown };

const createHuaweiSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    const send = buildSendRequest(data, inputConfig ?? (await getConfig(defaultMetadata.id)));
    const reply = await callProvider(send.call);

    const answer = reply.json as BatchSendAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'no code in the answer');
    }
    const [result] = Array.isArray(answer.result) ? (answer.result as (NumberResult | null)[]) : [];
    const status = typeof result?.status === 'string' ? result.status : undefined;
    const rejection = (providerCode: string, statusCode?: number) =>
      providerRejection({
        provider,
        statusCode,
        table: huaweiErrorTable,
        providerCode,
        message: typeof answer.description === 'string' ? answer.description : undefined,
        requestId: undefined,
        sensitive: send.call.sensitive ?? [],
      });
    if (answer.code !== success) {
      // E000510 ("see status"): the number's status says why, and that nothing was sent.
      throw status && status !== success
        ? rejection(status)
        : rejection(answer.code, reply.statusCode);
    }
    if (status === undefined) {
      throw unreadableReply(provider, reply.statusCode, 'code 000000 without result[0].status');
    }
    if (status !== success) {
      throw rejection(status);
    }
    if (reply.statusCode !== 200 || typeof result?.smsMsgId !== 'string' || !result.smsMsgId) {
      throw unreadableReply(provider, reply.statusCode, 'status 000000 without a smsMsgId');
    }
    const sent: HuaweiSendResult = {
      provider,
      messageId: result.smsMsgId,
      requestId: undefined,
      templateId: send.template,
      fellBackToGeneric: send.fellBackToGeneric,
      phoneNumber: send.phoneNumber,
    };
    return sent;
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: huaweiSmsConfigGuard,
    sendMessage,
  };
};

export default createHuaweiSmsConnector;
