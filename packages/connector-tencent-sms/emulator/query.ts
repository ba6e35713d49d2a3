import type { ApprovalState, InboxMessage, ProviderContext } from '@duanxin/shared';
import { normaliseTencentNumber } from './account.js';
import {
  appOf,
  findApp,
  optionalNumber,
  optionalNumbers,
  requiredNumber,
  requiredNumbers,
  requiredString,
  type TencentCall,
} from './call.js';
import { TencentError } from './errors.js';

const MAX_LIMIT = 100;
/** Seeded templates and signatures have no history; they all "date" from here (2024-01-01). */
const SEED_CREATED = 1_704_067_200;

const STATUS_CODES: Record<ApprovalState, number> = { approved: 0, pending: 1, rejected: -1 };
const REVIEW_REPLIES: Record<ApprovalState, string> = {
  approved: '',
  pending: '',
  rejected: 'Rejected in the emulator seed.',
};

/** Numeric ids in seed order, since the seed gives signatures only names (see DescribeSmsSignList). */
export const signatureId = (index: number): number => 1000 + index;

const statusRecord = (message: InboxMessage) => {
  const number = normaliseTencentNumber(message.to);
  return {
    UserReceiveTime: Math.floor(message.receivedAt / 1000),
    CountryCode: number?.countryCode ?? '',
    SubscriberNumber: number?.subscriber ?? message.to,
    PhoneNumber: message.to,
    SerialNo: message.messageId,
    ReportStatus: 'SUCCESS',
    Description: '用户短信送达成功',
    SessionContext: message.outId ?? '',
  };
};

/** Accepted messages of one app; messages whose app is unknown (sent before a reload) are kept. */
const sentThrough = (context: ProviderContext, appId: string) =>
  context.sent().filter((message) => {
    const app = appOf(context.account, message.messageId);
    return app === undefined || app === appId;
  });

const limitOf = (call: TencentCall): number => Math.min(requiredNumber(call, 'Limit'), MAX_LIMIT);

/** Every accepted message is reported delivered; the latest `Limit` are returned, oldest first. */
export const pullSmsSendStatus = (call: TencentCall, context: ProviderContext) => {
  const limit = limitOf(call);
  const appId = requiredString(call, 'SmsSdkAppId');
  findApp(context.account, appId);
  const records = sentThrough(context, appId).slice(-limit);
  return {
    PullSmsSendStatusSet: records.map(statusRecord),
  };
};

export const pullSmsSendStatusByPhoneNumber = (call: TencentCall, context: ProviderContext) => {
  const begin = requiredNumber(call, 'BeginTime') * 1000;
  const end = (optionalNumber(call, 'EndTime') ?? Number.MAX_SAFE_INTEGER / 1000) * 1000;
  const offset = optionalNumber(call, 'Offset') ?? 0;
  const limit = limitOf(call);
  const phone = requiredString(call, 'PhoneNumber');
  const appId = requiredString(call, 'SmsSdkAppId');
  findApp(context.account, appId);
  const number = normaliseTencentNumber(phone);
  if (!number) throw new TencentError('InvalidParameterValue.IncorrectPhoneNumber');
  const records = sentThrough(context, appId).filter(
    (message) =>
      message.to === number.e164 && message.receivedAt >= begin && message.receivedAt <= end
  );
  return {
    PullSmsSendStatusSet: records.slice(offset, offset + limit).map(statusRecord),
  };
};

const internationalFlag = (call: TencentCall): 0 | 1 => {
  const value = requiredNumber(call, 'International');
  if (value !== 0 && value !== 1) {
    throw new TencentError('InvalidParameterValue', 'International must be 0 or 1.');
  }
  return value;
};

export const describeSmsTemplateList = (call: TencentCall, context: ProviderContext) => {
  const international = internationalFlag(call);
  const ids = optionalNumbers(call, 'TemplateIdSet');
  const all = context.account.templates.filter(
    (template) => Boolean(template.international) === (international === 1)
  );
  // Without TemplateIdSet the 2021-01-11 API pages through all templates with Limit/Offset.
  const selected = ids
    ? all.filter((template) => ids.some((id) => String(id) === template.id))
    : all.slice(
        optionalNumber(call, 'Offset') ?? 0,
        (optionalNumber(call, 'Offset') ?? 0) + (optionalNumber(call, 'Limit') ?? MAX_LIMIT)
      );
  return {
    DescribeTemplateStatusSet: selected.map((template) => ({
      TemplateId: Number(template.id),
      International: international,
      StatusCode: STATUS_CODES[template.state],
      ReviewReply: REVIEW_REPLIES[template.state],
      TemplateName: `template-${template.id}`,
      CreateTime: SEED_CREATED,
      TemplateContent: template.content,
    })),
  };
};

export const describeSmsSignList = (call: TencentCall, context: ProviderContext) => {
  const international = internationalFlag(call);
  const ids = requiredNumbers(call, 'SignIdSet');
  return {
    DescribeSignListStatusSet: context.account.signatures.flatMap((signature, index) =>
      ids.includes(signatureId(index))
        ? [
            {
              SignId: signatureId(index),
              International: international,
              StatusCode: STATUS_CODES[signature.state],
              ReviewReply: REVIEW_REPLIES[signature.state],
              SignName: signature.name,
              CreateTime: SEED_CREATED,
            },
          ]
        : []
    ),
  };
};
