import {
  ConnectorType,
  type CreateConnector,
  type SendMessageFunction,
  type SmsConnector,
} from '@logto/connector-kit';
import {
  aliyunErrorTable,
  aliyunTemplateParam,
  assertAllowedCountry,
  callProvider,
  createConfigCache,
  defaultTimeoutMs,
  formatForAliyun,
  parsePhoneNumberForSms,
  pickRegional,
  pickTemplate,
  providerRejection,
  readVerificationCode,
  unreadableReply,
} from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata, regionHosts } from './constant.js';
import { buildAcs3Request, buildRpcRequest } from './request.js';
import { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';

export { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';

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

/** Everything a send needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: AliyunSmsConfig) => ({
  ...config,
  origin:
    config.endpoint ??
    (config.regionId ? `https://${regionHosts[config.regionId] ?? ''}` : defaultEndpoint),
  buildRequest: config.signatureVersion === 'v3' ? buildAcs3Request : buildRpcRequest,
  templateParamName: config.templateParamName ?? 'code',
});

const readConfig = createConfigCache(provider, aliyunSmsConfigGuard, prepareConfig);

type SendSmsAnswer = { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown };

const createAliyunSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    // Validate config → pick template → format number → sign and send → map the answer.
    const config = readConfig(inputConfig ?? (await getConfig(defaultMetadata.id)));
    const phone = parsePhoneNumberForSms(data.to, {
      provider,
      strict: config.strictPhoneRegionNumberCheck,
    });
    assertAllowedCountry(phone, config.allowedCountries, provider);
    const code = readVerificationCode(data.payload, provider);
    const { template, fellBack } = pickTemplate(config.templates, data.type, provider);
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
    const sensitive = [config.accessKeySecret, config.securityToken, code, phoneNumber];
    const reply = await callProvider({
      provider,
      build: () => config.buildRequest(config.origin, 'SendSms', params, config),
      timeout: config.timeout ?? defaultTimeoutMs,
      maxRetries: config.maxRetries ?? 1,
      proxy: config.proxy,
      sensitive,
    });

    const answer = reply.json as SendSmsAnswer | undefined;
    if (typeof answer !== 'object' || answer === null || typeof answer.Code !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'no Code in the answer');
    }
    const requestId = typeof answer.RequestId === 'string' ? answer.RequestId : undefined;
    if (answer.Code !== 'OK') {
      throw providerRejection({
        provider,
        table: aliyunErrorTable,
        providerCode: answer.Code,
        message: typeof answer.Message === 'string' ? answer.Message : undefined,
        requestId,
        sensitive,
      });
    }
    if (reply.statusCode !== 200 || typeof answer.BizId !== 'string') {
      throw unreadableReply(provider, reply.statusCode, 'Code OK without a BizId');
    }
    const result: AliyunSendResult = {
      provider,
      messageId: answer.BizId,
      requestId,
      templateCode,
      fellBackToGeneric: fellBack,
      phoneNumber,
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
