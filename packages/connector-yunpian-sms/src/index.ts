/**
 * YunPian v2 single_send as a Logto SMS connector: its facts, handed to the connector core of
 * `@duanxin/shared` (docs/providers.md §3).
 */
import { defineSmsConnector, type AnswerReading, type ProviderReply } from '@duanxin/shared';

import {
  defaultEndpoint,
  defaultMetadata,
  defaultUnsupportedCountriesMessage,
} from './constant.js';
import { renderContent } from './content.js';
import { yunpianErrorTable } from './errors.js';
import { internationalHint, yunpianHints } from './hints.js';
import { formatForYunpian } from './number.js';
import { checkYunpianAccount } from './operator.js';
import { buildSingleSendRequest } from './request.js';
import { yunpianSmsConfigGuard } from './types.js';

export { yunpianSmsConfigGuard, type YunpianSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { yunpianErrorTable } from './errors.js';
export { formatForYunpian } from './number.js';

type SingleSendAnswer = { code?: unknown; msg?: unknown; detail?: unknown; sid?: unknown };

/** Errors come as HTTP 400 `{ code, msg, detail }`; `detail` often repeats `msg`. */
const describeRefusal = (msg: unknown, detail: unknown): string | undefined => {
  const parts = [msg, detail].filter((part): part is string => typeof part === 'string' && !!part);
  return parts.length > 0 ? [...new Set(parts)].join(': ') : undefined;
};

/** HTTP 200 alone is not success (the official connector's bug): only `code: 0` is. */
const readSingleSendAnswer = ({ json }: ProviderReply): AnswerReading => {
  const answer = json as (SingleSendAnswer & Record<string, unknown>) | undefined;
  if (typeof answer !== 'object' || answer === null || typeof answer.code !== 'number') {
    return { kind: 'unreadable', why: 'no numeric code in the answer' };
  }
  if (answer.code !== 0) {
    const message = describeRefusal(answer.msg, answer.detail);
    return { kind: 'refused', code: String(answer.code), message };
  }
  // sid is an int64: a string for status queries. fee is in `unit` (RMB), count the billed parts.
  const { sid, fee, count } = answer;
  return {
    kind: 'accepted',
    acceptedAs: 'code 0',
    messageId: typeof sid === 'number' ? String(sid) : sid,
    extras: { fee, count },
  };
};

export const yunpianSms = defineSmsConnector({
  provider: 'yunpian',
  title: 'YunPian',
  metadata: defaultMetadata,
  configGuard: yunpianSmsConfigGuard,
  defaultEndpoint,
  // Mainland as 11 digits (the official connector turned a bare 13800138000 into +13800138000).
  formatNumber: formatForYunpian,
  // The official connector returned without sending here, and Logto reported success.
  refuseNumber: (phone, config) =>
    phone.isMainlandChina || config.enableInternational === true
      ? undefined
      : {
          message: config.unsupportedCountriesMsg ?? defaultUnsupportedCountriesMessage,
          hint: internationalHint,
        },
  describeTemplate: (template) => template.content,
  request: ({ config, template, phoneNumber, code, regional }) => {
    // Only {{code}}: other payload keys (locale, uiLocales) never reach the text.
    const text = renderContent(regional(template.content), code);
    const fields = { apikey: config.apikey, mobile: phoneNumber, text };
    return {
      template: template.usageType,
      build: () => buildSingleSendRequest(config.origin, fields),
    };
  },
  secrets: (config) => [config.apikey],
  readAnswer: readSingleSendAnswer,
  errorTable: yunpianErrorTable,
  messageIdName: 'sid',
  checkConfig: checkYunpianAccount,
  hints: yunpianHints,
  checks: 'apikey, balance, and which account template each text matches (user/get, tpl/get)',
  noStatusQuery:
    'YunPian reports delivery to a callback_url, or in its console (发送记录); its pull_status hands each receipt out once, so duanxin does not take them.',
});

export const { buildSendRequest, checkConfig, templateChoices } = yunpianSms;

export default yunpianSms.createConnector;
