/**
 * __Title__ SMS as a Logto SMS connector: its facts, handed to the connector core of
 * `@duanxin/shared`. EXAMPLE protocol: replace each fact with the provider's, and write its
 * number and error facts down in docs/providers.md.
 */
import { defineSmsConnector, type AnswerReading, type ProviderReply } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { __camel__ErrorTable } from './errors.js';
import { __camel__Hints } from './hints.js';
import { check__Pascal__Account } from './operator.js';
import { formatFor__Pascal__ } from './phone.js';
import { buildSignedRequest } from './request.js';
import { __camel__SmsConfigGuard } from './types.js';

export { __camel__SmsConfigGuard, type __Pascal__SmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { __camel__ErrorTable } from './errors.js';

type SendAnswer = { code?: unknown; message?: unknown; messageId?: unknown; requestId?: unknown };

/** EXAMPLE answer: `{ code: 'OK', messageId, requestId }`, or `{ code, message }` with HTTP 4xx. */
const readSendAnswer = ({ json }: ProviderReply): AnswerReading => {
  const answer = json as SendAnswer | undefined;
  if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'string') {
    return { kind: 'unreadable', why: 'no code in the answer' };
  }
  const { code, message, messageId, requestId } = answer;
  return code === 'OK'
    ? { kind: 'accepted', acceptedAs: 'code OK', messageId, requestId }
    : { kind: 'refused', code, message, requestId };
};

export const __camel__Sms = defineSmsConnector({
  provider: '__name__',
  title: '__Title__',
  metadata: defaultMetadata,
  configGuard: __camel__SmsConfigGuard,
  defaultEndpoint,
  formatNumber: formatFor__Pascal__,
  describeTemplate: (template) => template.templateId,
  request: ({ config, template, phoneNumber, code, regional }) => {
    const templateId = regional(template.templateId);
    // Only the code and the template's static values: never payload keys such as uiLocales.
    const fields = {
      to: phoneNumber,
      signName: config.signName,
      templateId,
      params: [code, ...(template.params ?? [])],
    };
    return { template: templateId, build: () => buildSignedRequest(config.origin, fields, config) };
  },
  secrets: (config) => [config.accessKeySecret],
  readAnswer: readSendAnswer,
  errorTable: __camel__ErrorTable,
  messageIdName: 'messageId',
  checkConfig: check__Pascal__Account,
  hints: __camel__Hints,
  checks: 'nothing it can ask: the provider has no read-only API, so every item is unverified',
  noStatusQuery: '__Title__ has no per-message status query in duanxin.',
});

export const { buildSendRequest, checkConfig, templateChoices } = __camel__Sms;

export default __camel__Sms.createConnector;
