/**
 * Huawei Cloud MSGSMS 发送短信 (batchSendSms/v1) as a Logto SMS connector: its facts, handed to
 * the connector core of `@duanxin/shared` (docs/providers.md §4).
 */
import { defineSmsConnector, type AnswerReading, type ProviderReply } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { huaweiErrorTable } from './errors.js';
import { formatForHuawei } from './number.js';
import { checkHuaweiApp } from './operator.js';
import { buildBatchSendRequest, chooseSender } from './request.js';
import { huaweiSmsConfigGuard } from './types.js';

export { huaweiSmsConfigGuard, type HuaweiSmsConfig } from './types.js';
export { defaultMetadata, internationalSiteEndpoint } from './constant.js';
export { huaweiErrorTable } from './errors.js';
export { formatForHuawei } from './number.js';

const success = '000000';

type NumberResult = { smsMsgId?: unknown; status?: unknown };
type BatchSendAnswer = { code?: unknown; description?: unknown; result?: unknown };

/** The answer's `code`, then the number's own `status`: success only when both say 000000. */
const readBatchSendAnswer = ({ json }: ProviderReply): AnswerReading => {
  const answer = json as BatchSendAnswer | undefined;
  if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
    return { kind: 'unreadable', why: 'no code in the answer' };
  }
  const [result] = Array.isArray(answer.result) ? (answer.result as (NumberResult | null)[]) : [];
  const status = typeof result?.status === 'string' ? result.status : undefined;
  const message = answer.description;
  if (answer.code !== success) {
    // E000510 ("see status"): the number's status says why, and that nothing was sent.
    return status && status !== success
      ? { kind: 'refused', code: status, message, byNumber: true }
      : { kind: 'refused', code: answer.code, message };
  }
  if (status === undefined) {
    return { kind: 'unreadable', why: 'code 000000 without result[0].status' };
  }
  return status === success
    ? { kind: 'accepted', acceptedAs: 'status 000000', messageId: result?.smsMsgId }
    : { kind: 'refused', code: status, message, byNumber: true };
};

export const huaweiSms = defineSmsConnector({
  provider: 'huawei',
  title: 'Huawei Cloud',
  metadata: defaultMetadata,
  configGuard: huaweiSmsConfigGuard,
  defaultEndpoint,
  // E.164 with `+` for every number: digits without it get +86 in front (docs/providers.md §4.1).
  formatNumber: formatForHuawei,
  describeTemplate: (template) => template.templateId,
  request: ({ config, template, phone, phoneNumber, code, regional }) => {
    const sender = chooseSender(config, phone.isMainlandChina);
    const templateId = regional(template.templateId);
    const fields = {
      from: sender.from,
      to: phoneNumber,
      templateId,
      // `${1}` is the code, then the template's static values: never payload keys (uiLocales).
      templateParas: JSON.stringify([code, ...(template.params ? regional(template.params) : [])]),
      signature: sender.signature,
    };
    return {
      template: templateId,
      build: () => buildBatchSendRequest(config.origin, fields, sender.credentials),
    };
  },
  secrets: (config) => [config.appSecret, config.overseasAppSecret],
  readAnswer: readBatchSendAnswer,
  errorTable: huaweiErrorTable,
  messageIdName: 'smsMsgId',
  checkConfig: checkHuaweiApp,
  checks:
    'nothing it can ask: MSGSMS has no read-only API for app credentials, so every item is unverified, with where to look in the console; a send to a test number checks it',
  noStatusQuery:
    'Huawei Cloud reports delivery in status reports (状态报告) to a callback of the app, and in its console; duanxin has no per-message query for it.',
});

export const { buildSendRequest, checkConfig, templateChoices } = huaweiSms;

export default huaweiSms.createConnector;
