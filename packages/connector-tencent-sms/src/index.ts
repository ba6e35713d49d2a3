/**
 * Tencent Cloud SMS SendSms (API 3.0, 2021-01-11) as a Logto SMS connector: its facts, handed to
 * the connector core of `@duanxin/shared` (docs/providers.md §2).
 */
import { defineSmsConnector, type AnswerReading, type ProviderReply } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { tencentErrorTable } from './errors.js';
import { tencentHints } from './hints.js';
import { checkTencentConfig, queryTencentStatus } from './operator.js';
import { formatForTencent } from './phone.js';
import type { Response } from './query.js';
import { buildTc3Request, sendSmsBody } from './request.js';
import { tencentSmsConfigGuard } from './types.js';

export { tencentSmsConfigGuard, type TencentSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { tencentErrorTable } from './errors.js';
export { tencentHints } from './hints.js';

type SendStatus = { SerialNo?: unknown; Code?: unknown; Message?: unknown; Fee?: unknown };

/** Errors come with HTTP 200 too: `Response.Error`, then the number's own `Code` (§2.5). */
const readSendSmsAnswer = ({ json }: ProviderReply): AnswerReading => {
  const response = (json as { Response?: Response | null } | undefined)?.Response;
  if (typeof response !== 'object' || response === null) {
    return { kind: 'unreadable', why: 'no Response in the answer' };
  }
  const { Error: error, RequestId: requestId } = response;
  if (typeof error?.Code === 'string') {
    return { kind: 'refused', code: error.Code, message: error.Message, requestId };
  }
  const [status] = Array.isArray(response.SendStatusSet)
    ? (response.SendStatusSet as (SendStatus | null | undefined)[])
    : [];
  if (typeof status !== 'object' || status === null || typeof status.Code !== 'string') {
    return { kind: 'unreadable', why: 'no SendStatusSet[0].Code in the answer' };
  }
  // Success is `Ok`, not `OK`; anything else is the number's own refusal: nothing was sent.
  return status.Code.toLowerCase() === 'ok'
    ? {
        kind: 'accepted',
        acceptedAs: 'Code Ok',
        messageId: status.SerialNo,
        requestId,
        extras: { fee: status.Fee },
      }
    : { kind: 'refused', code: status.Code, message: status.Message, requestId, byNumber: true };
};

export const tencentSms = defineSmsConnector({
  provider: 'tencent',
  title: 'Tencent Cloud',
  metadata: defaultMetadata,
  configGuard: tencentSmsConfigGuard,
  defaultEndpoint,
  // E.164 with `+`, mainland included: the official connector sent `to` raw (docs/providers.md §2.1).
  formatNumber: formatForTencent,
  describeTemplate: (template) => template.templateCode,
  request: ({ config, template, phone, phoneNumber, code, regional }) => {
    const templateCode = regional(template.templateCode);
    const send = { mainland: phone.isMainlandChina, phoneNumber, templateCode, code };
    const body = sendSmsBody(config, send, template.params && regional(template.params));
    return {
      template: templateCode,
      build: () => buildTc3Request(config.origin, 'SendSms', body, config),
    };
  },
  secrets: (config) => [config.accessKeySecret, config.token],
  readAnswer: readSendSmsAnswer,
  errorTable: tencentErrorTable,
  messageIdName: 'SerialNo',
  hints: tencentHints,
  checkConfig: checkTencentConfig,
  queryStatus: queryTencentStatus,
  checks:
    "credentials, region, sdkAppId(s), every template's review state, kind and placeholders (DescribeSmsTemplateList); signatures are unverified: the API needs numeric ids a Logto config does not have",
});

export const { buildSendRequest, checkConfig, templateChoices } = tencentSms;
/** Receipts of one message (PullSmsSendStatusByPhoneNumber by number and day). */
export const queryStatus = tencentSms.queryStatus!;

export default tencentSms.createConnector;
