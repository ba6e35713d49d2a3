/**
 * The query actions: QuerySendDetails (delivery reports) and the QuerySmsSign / QuerySmsTemplate
 * review-status lookups an operator's config check uses. All need a key with query permission.
 */
import type { ApprovalState, InboxMessage, ProviderContext, SeedCredential } from '@duanxin/shared';

import type { AliyunError } from './errors.js';
import { business, missingActionParameter } from './errors.js';
import { parseAliyunNumber } from './sms.js';

type Fields = Record<string, unknown>;

const approvalStatus: Record<ApprovalState, number> = { pending: 0, approved: 1, rejected: 2 };
const reviewReason: Record<ApprovalState, string> = {
  pending: '无审核备注',
  approved: '无审核备注',
  rejected: '文件不能证明信息真实性，请重新上传',
};
// The seed has no creation dates; a fixed one keeps answers stable.
const CREATE_DATE = '2024-01-01 10:00:00';

export const requireQueryPermission = (credential: SeedCredential): AliyunError | undefined => {
  return credential.canQuery === false
    ? business('isp.RAM_PERMISSION_DENY', 'RAM权限DENY：当前 AccessKey 无权调用此接口')
    : undefined;
};

export const querySendDetails = (
  params: Record<string, string>,
  context: ProviderContext
): Fields | AliyunError => {
  const missing = ['PhoneNumber', 'SendDate', 'PageSize', 'CurrentPage'].find(
    (name) => !params[name]
  );
  if (missing) {
    return missingActionParameter(missing);
  }
  const pageSize = Number(params.PageSize);
  const currentPage = Number(params.CurrentPage);
  if (
    !/^\d{8}$/.test(params.SendDate ?? '') ||
    !Number.isInteger(pageSize) ||
    pageSize < 1 ||
    pageSize > 50 ||
    !Number.isInteger(currentPage) ||
    currentPage < 1
  ) {
    return business('isv.INVALID_PARAMETERS');
  }
  const number = parseAliyunNumber(params.PhoneNumber ?? '');
  if (!number) {
    return business('isv.MOBILE_NUMBER_ILLEGAL');
  }
  const matching = context
    .sent()
    .filter(
      (message) =>
        message.to === number.e164 &&
        beijingTime(message.receivedAt).date === params.SendDate &&
        (params.BizId === undefined || params.BizId === '' || message.messageId === params.BizId)
    )
    .reverse();
  const page = matching.slice((currentPage - 1) * pageSize, currentPage * pageSize);
  return {
    TotalCount: matching.length,
    SmsSendDetailDTOs: { SmsSendDetailDTO: page.map((message) => detail(message, number.digits)) },
  };
};

/** Every accepted message is reported delivered (SendStatus 3, ErrCode DELIVERED). */
const detail = (message: InboxMessage, phoneNum: string): Fields => {
  const sent = beijingTime(message.receivedAt).dateTime;
  return {
    PhoneNum: phoneNum,
    SendStatus: 3,
    ErrCode: 'DELIVERED',
    TemplateCode: message.templateId,
    Content: message.text,
    SendDate: sent,
    ReceiveDate: sent,
    ...(message.outId === undefined ? {} : { OutId: message.outId }),
  };
};

export const querySmsSign = (
  params: Record<string, string>,
  context: ProviderContext
): Fields | AliyunError => {
  if (!params.SignName) {
    return missingActionParameter('SignName');
  }
  const signature = context.account.signatures.find(({ name }) => name === params.SignName);
  if (!signature) {
    return business('isv.SMS_SIGNATURE_ILLEGAL');
  }
  return {
    SignName: signature.name,
    SignStatus: approvalStatus[signature.state],
    Reason: reviewReason[signature.state],
    CreateDate: CREATE_DATE,
  };
};

export const querySmsTemplate = (
  params: Record<string, string>,
  context: ProviderContext
): Fields | AliyunError => {
  if (!params.TemplateCode) {
    return missingActionParameter('TemplateCode');
  }
  const template = context.account.templates.find(({ id }) => id === params.TemplateCode);
  if (!template) {
    return business('isv.SMS_TEMPLATE_ILLEGAL');
  }
  // TemplateType: 0 verification code, 1 notification, 3 international / HK-Macau-Taiwan.
  const type = template.international
    ? 3
    : (template.kind ?? 'verification') === 'verification'
      ? 0
      : 1;
  return {
    TemplateCode: template.id,
    TemplateStatus: approvalStatus[template.state],
    TemplateType: type,
    TemplateName: template.id,
    TemplateContent: template.content,
    Reason: reviewReason[template.state],
    CreateDate: CREATE_DATE,
  };
};

/** Aliyun reports dates in Beijing time (UTC+8). */
const beijingTime = (ms: number): { date: string; dateTime: string } => {
  const iso = new Date(ms + 8 * 3600 * 1000).toISOString();
  return {
    date: iso.slice(0, 10).replace(/-/g, ''),
    dateTime: `${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
  };
};
