/**
 * Aliyun Dysmsapi SendSms as a Logto SMS connector: its facts, handed to the connector core of
 * `@duanxin/shared` (docs/providers.md §1).
 */
import { defineSmsConnector, type AnswerReading, type ProviderReply } from '@duanxin/shared';

import { defaultMetadata } from './constant.js';
import { stripEchoedRequest } from './echoed-request.js';
import { aliyunErrorTable } from './errors.js';
import { aliyunHints } from './hints.js';
import { checkAliyunConfig, queryAliyunStatus } from './operator.js';
import { formatForAliyun } from './phone.js';
import { aliyunEndpoint, prepareAliyunConfig, sendSmsParams } from './request.js';
import { aliyunSmsConfigGuard } from './types.js';

export { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { aliyunErrorTable } from './errors.js';
export { aliyunHints } from './hints.js';

type SendSmsAnswer = { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown };

/** `Code` OK with a `BizId` is a send; any other `Code` is the refusal's (docs/providers.md §1.5). */
const readSendSmsAnswer = ({ json }: ProviderReply): AnswerReading => {
  const answer = json as SendSmsAnswer | undefined;
  if (typeof answer !== 'object' || answer === null || typeof answer.Code !== 'string') {
    return { kind: 'unreadable', why: 'no Code in the answer' };
  }
  const { Code: code, Message: message, BizId: messageId, RequestId: requestId } = answer;
  if (code === 'OK') {
    return { kind: 'accepted', acceptedAs: 'Code OK', messageId, requestId };
  }
  const said = typeof message === 'string' ? stripEchoedRequest(message) : message;
  return { kind: 'refused', code, message: said, requestId };
};

export const aliyunSms = defineSmsConnector({
  provider: 'aliyun',
  title: 'Aliyun',
  metadata: defaultMetadata,
  configGuard: aliyunSmsConfigGuard,
  prepare: prepareAliyunConfig,
  defaultEndpoint: aliyunEndpoint,
  // Mainland as 11 digits, elsewhere `00` + country code + number (docs/providers.md §1.1).
  formatNumber: formatForAliyun,
  strictNumbers: (config) => config.strictPhoneRegionNumberCheck ?? false,
  describeTemplate: (template) => template.templateCode,
  request: ({ config, template, phoneNumber, code, regional }) => {
    const templateCode = regional(template.templateCode);
    const params = sendSmsParams(
      config,
      templateCode,
      phoneNumber,
      code,
      template.params && regional(template.params)
    );
    return {
      template: templateCode,
      build: () => config.buildRequest(config.origin, 'SendSms', params, config),
    };
  },
  secrets: (config) => [config.accessKeySecret, config.securityToken],
  readAnswer: readSendSmsAnswer,
  errorTable: aliyunErrorTable,
  messageIdName: 'BizId',
  hints: aliyunHints,
  checkConfig: checkAliyunConfig,
  queryStatus: queryAliyunStatus,
  checks:
    "credentials, signName and every template's review state, kind (domestic or international) and variables (QuerySmsSign, QuerySmsTemplate)",
});

export const { buildSendRequest, checkConfig, templateChoices } = aliyunSms;
/** Receipts of one message (QuerySendDetails by BizId, number and day). */
export const queryStatus = aliyunSms.queryStatus!;

export default aliyunSms.createConnector;
