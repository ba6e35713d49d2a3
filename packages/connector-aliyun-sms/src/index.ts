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
import { aliyunErrorTable } from './errors.js';
import { formatForAliyun } from './phone.js';
import { aliyunTemplateParam } from './template-param.js';
import { aliyunSmsConfigGuard } from './types.js';

export { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { aliyunErrorTable } from './errors.js';
export { aliyunHints } from './hints.js';
export { checkConfig, templateChoices } from './operator.js';
export { queryStatus } from './status.js';

const provider = 'aliyun';

export type AliyunSendResult = {
  provider: 'aliyun';
  /** BizId, for QuerySendDetails. */
  messageId: string;
  requestId: string | undefined;
  templateCode: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent in PhoneNumbers. */
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
    strict: config.strictPhoneRegionNumberCheck,
    allowedCountries: config.allowedCountries,
  });
  const { template, fellBack } = pickTemplate(config.templates, type, provider);
  const templateCode = pickRegional(template.templateCode, phone.isMainlandChina);
  const phoneNumber = formatForAliyun(phone);

  const params = {
    PhoneNumbers: phoneNumber,
    SignName: config.signName,
    TemplateCode: templateCode,
    TemplateParam: aliyunTemplateParam(
      code,
      config.templateParamName,
      template.params && pickRegional(template.params, phone.isMainlandChina)
    ),
  };
  return {
    call: {
      provider,
      build: () => config.buildRequest(config.origin, 'SendSms', params, config),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive: [config.accessKeySecret, config.securityToken, code, phoneNumber],
    },
    template: templateCode,
    fellBackToGeneric: fellBack,
    phoneNumber,
  };
};

type SendSmsAnswer = { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown };

const createAliyunSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    // Build (validate, pick template, format number, sign) → send → map the answer.
    const send = buildSendRequest(data, inputConfig ?? (await getConfig(defaultMetadata.id)));
    const reply = await callProvider(send.call);

    const answer = reply.json as SendSmsAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.Code !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'no Code in the answer');
    }
    const requestId = typeof answer.RequestId === 'string' ? answer.RequestId : undefined;
    if (answer.Code !== 'OK') {
      throw providerRejection({
        provider,
        statusCode: reply.statusCode,
        table: aliyunErrorTable,
        providerCode: answer.Code,
        message: typeof answer.Message === 'string' ? answer.Message : undefined,
        requestId,
        sensitive: send.call.sensitive ?? [],
      });
    }
    if (reply.statusCode !== 200 || typeof answer.BizId !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'Code OK without a BizId');
    }
    const result: AliyunSendResult = {
      provider,
      messageId: answer.BizId,
      requestId,
      templateCode: send.template,
      fellBackToGeneric: send.fellBackToGeneric,
      phoneNumber: send.phoneNumber,
    };
    return result;
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: aliyunSmsConfigGuard,
    sendMessage,
  };
};

export default createAliyunSmsConnector;
