/**
 * For operators: a check of the config against Tencent Cloud that sends no SMS
 * (DescribeSmsTemplateList, and PullSmsSendStatusByPhoneNumber for the app ids), and the receipts
 * of one message. Both take the config as the connector core prepared it.
 */
import {
  chinaDay,
  checkItem,
  lookupProviderError,
  pickRegional,
  providerRejection,
  redactText,
  refusedQueryItem,
  templateKindFinding,
  templateUses,
  templateVerdict,
  type CheckItem,
  type DeliveryRecord,
  type DeliveryReport,
  type Prepared,
  type PreparedStatusQuery,
  type TemplateUse,
} from '@duanxin/shared';

import { tencentErrorTable } from './errors.js';
import { formatForTencent } from './phone.js';
import { query, type Response } from './query.js';
import { chooseSender } from './request.js';
import type { TencentSmsConfig } from './types.js';

type PreparedTencentConfig = Prepared<TencentSmsConfig>;

const provider = 'tencent';

// UnauthorizedOperation.* says the key authenticated but lacks rights, except these, which are
// real faults of the app or the account.
const realFaults = new Set([
  'UnauthorizedOperation.SmsSdkAppIdVerifyFail',
  'UnauthorizedOperation.SdkAppIdIsDisabled',
  'UnauthorizedOperation.SerivceSuspendDueToArrears',
  'UnauthorizedOperation.RequestIpNotInWhitelist',
]);
const lacksPermission = (code: string) =>
  code === 'AuthFailure.UnauthorizedOperation' ||
  ((code === 'UnauthorizedOperation' || code.startsWith('UnauthorizedOperation.')) &&
    !realFaults.has(code));

const queryPermissionHint =
  'Grant the key QcloudSMSReadOnlyAccess (访问管理 → 策略) to check this from here, or check it in the console (短信 → 国内短信 / 国际短信).';

const said = ({ response, error }: { response: Response; error: string | undefined }) => {
  const message = response.Error?.Message;
  return typeof message === 'string' ? `${error ?? ''}: ${redactText(message)}` : (error ?? '');
};

const refusal = (subject: string, answer: { response: Response; error: string }): CheckItem =>
  refusedQueryItem(subject, {
    providerCode: answer.error,
    said: said(answer),
    lacksPermission: lacksPermission(answer.error),
    permissionHint: queryPermissionHint,
    table: tencentErrorTable,
  });

/** How many values the connector sends: `{1}` is the code, then the template's static values. */
type TencentTemplateUse = TemplateUse<number>;

const tencentTemplateUses = (config: PreparedTencentConfig): TencentTemplateUse[] =>
  templateUses(
    config.templates,
    (template, mainland) =>
      1 + (template.params ? pickRegional(template.params, mainland).length : 0),
    String
  );

type ListedTemplate = { international: boolean; status: number; content: string; reply: string };

const listTemplates = async (config: PreparedTencentConfig, ids: number[]) => {
  const listed = new Map<string, ListedTemplate>();
  for (const international of [0, 1]) {
    const answer = await query(config, 'DescribeSmsTemplateList', {
      International: international,
      ...(ids.length > 0 ? { TemplateIdSet: ids } : { Limit: 1, Offset: 0 }),
    });
    if (answer.error) {
      return { ...answer, error: answer.error };
    }
    const set = answer.response.DescribeTemplateStatusSet;
    for (const entry of Array.isArray(set) ? (set as Record<string, unknown>[]) : []) {
      listed.set(String(entry.TemplateId), {
        international: entry.International === 1,
        status: Number(entry.StatusCode),
        content: typeof entry.TemplateContent === 'string' ? entry.TemplateContent : '',
        reply: typeof entry.ReviewReply === 'string' ? entry.ReviewReply : '',
      });
    }
  }
  return { listed };
};

const reviewStates: Record<number, string> = { 0: 'approved', 1: 'under review', [-1]: 'rejected' };

const templateItem = (
  use: TencentTemplateUse,
  found: ListedTemplate | undefined,
  allowedCountries: readonly string[] | undefined
): CheckItem => {
  const subject = `template ${use.code} (${use.role === 'both' ? 'all numbers' : use.role})`;
  const templateHint = lookupProviderError(
    tencentErrorTable,
    'FailedOperation.TemplateIncorrectOrUnapproved'
  ).hint;
  const problem = (why: string) =>
    templateVerdict(subject, use.usageTypes, '', [{ problem: why, hint: templateHint }]);
  if (!/^\d+$/.test(use.code)) {
    return problem('a Tencent TemplateId is a number');
  }
  if (!found) {
    return problem('no domestic or international template with this id on the account');
  }
  if (found.status !== 0) {
    const state = reviewStates[found.status] ?? `status ${found.status}`;
    return problem(found.status === -1 && found.reply ? `${state}: ${found.reply}` : state);
  }
  const placeholders = [...found.content.matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]));
  const expected = Math.max(0, ...placeholders);
  const kind = found.international ? 'international' : 'domestic';
  return templateVerdict(subject, use.usageTypes, `approved, ${kind}, ${expected} placeholder(s)`, [
    templateKindFinding(use.role, found.international, allowedCountries, templateHint),
    expected === use.sent
      ? undefined
      : {
          problem: `the template has ${expected} placeholder(s), the connector sends ${use.sent} value(s): the code${use.sent > 1 ? ' and params' : ''}`,
          hint: lookupProviderError(
            tencentErrorTable,
            'FailedOperation.TemplateParamSetNotMatchApprovedTemplate'
          ).hint,
        },
  ]);
};

// Any number will do: the query only filters receipts; what matters is whether the app answers.
const probeNumber = '+8613800138000';

const appItem = async (config: PreparedTencentConfig, sdkAppId: string): Promise<CheckItem> => {
  const now = Math.floor(Date.now() / 1000);
  const answer = await query(config, 'PullSmsSendStatusByPhoneNumber', {
    BeginTime: now - 60,
    EndTime: now,
    Offset: 0,
    Limit: 1,
    PhoneNumber: probeNumber,
    SmsSdkAppId: sdkAppId,
  });
  const subject = `sdkAppId ${sdkAppId}`;
  return answer.error
    ? refusal(subject, { ...answer, error: answer.error })
    : checkItem(subject, 'ok', "an app of the key's account");
};

const signatureItems = (config: PreparedTencentConfig): CheckItem[] =>
  [config.signName, config.overseasSignName]
    .filter((name): name is string => name !== undefined)
    .map((name) =>
      checkItem(
        `signName "${name}"`,
        'unverified',
        "Tencent's signature list (DescribeSmsSignList) takes numeric SignIds, which a Logto config does not have",
        {
          hint: 'Compare it with 签名内容 (not the id) under 短信 → 国内短信 → 签名管理; a send answers FailedOperation.SignatureIncorrectOrUnapproved when it is wrong.',
        }
      )
    );

/** Checks credentials, region, app ids and every template against Tencent Cloud; sends no SMS. */
export const checkTencentConfig = async (config: PreparedTencentConfig): Promise<CheckItem[]> => {
  const uses = tencentTemplateUses(config);
  const ids = [...new Set(uses.map((use) => use.code).filter((code) => /^\d+$/.test(code)))];
  const templates = await listTemplates(config, ids.map(Number));
  const unverified = (why: string) => [
    ...[...new Set([config.sdkAppId, chooseSender(config, false).sdkAppId])].map((sdkAppId) =>
      checkItem(`sdkAppId ${sdkAppId}`, 'unverified', why)
    ),
    ...signatureItems(config),
    ...uses.map((use) => checkItem(`template ${use.code}`, 'unverified', why)),
  ];

  if ('error' in templates) {
    const { error } = templates;
    if (error === 'UnsupportedRegion') {
      const region = checkItem(`region "${config.region}"`, 'problem', said(templates), {
        hint: lookupProviderError(tencentErrorTable, error).hint,
        providerCode: error,
      });
      return [region, ...unverified('not checked: the region was refused')];
    }
    if (error.startsWith('AuthFailure.') && !lacksPermission(error)) {
      const credentials = checkItem('credentials', 'problem', said(templates), {
        hint: lookupProviderError(tencentErrorTable, error).hint,
        providerCode: error,
      });
      return [credentials, ...unverified('not checked: the credentials were refused')];
    }
  }
  const items = [checkItem('credentials', 'ok', 'accessKeyId and accessKeySecret were accepted')];
  for (const sdkAppId of new Set([config.sdkAppId, chooseSender(config, false).sdkAppId])) {
    items.push(await appItem(config, sdkAppId));
  }
  items.push(...signatureItems(config));
  for (const use of uses) {
    items.push(
      'error' in templates
        ? refusal(`template ${use.code}`, templates)
        : templateItem(use, templates.listed.get(use.code), config.allowedCountries)
    );
  }
  return items;
};

/** Tencent reports Unix seconds; Aliyun's China-time format reads the same in both. */
const chinaDateTime = (seconds: number) =>
  new Date(seconds * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Receipts of one message, by number and day. Not PullSmsSendStatus: it hands each receipt out
 * once, so pulling here would take it from the operator's own receipt processing.
 */
export const queryTencentStatus = async (
  config: PreparedTencentConfig,
  { id, date, phone }: PreparedStatusQuery
): Promise<DeliveryReport> => {
  const phoneNumber = formatForTencent(phone);
  const day = chinaDay(date);
  const answer = await query(config, 'PullSmsSendStatusByPhoneNumber', {
    BeginTime: day.beginSeconds,
    EndTime: day.endSeconds,
    Offset: 0,
    Limit: 100,
    PhoneNumber: phoneNumber,
    SmsSdkAppId: chooseSender(config, phone.isMainlandChina).sdkAppId,
  });
  if (answer.error) {
    const message = answer.response.Error?.Message;
    throw providerRejection({
      provider,
      table: tencentErrorTable,
      providerCode: answer.error,
      message: typeof message === 'string' ? message : undefined,
      requestId:
        typeof answer.response.RequestId === 'string' ? answer.response.RequestId : undefined,
      sensitive: [config.accessKeySecret, config.token, phoneNumber],
    });
  }
  const set = answer.response.PullSmsSendStatusSet;
  const receipts = (Array.isArray(set) ? (set as Record<string, unknown>[]) : []).filter(
    (receipt) => receipt.SerialNo === id
  );
  const records = receipts.map((receipt): DeliveryRecord => ({
    messageId: id,
    phoneNumber: typeof receipt.PhoneNumber === 'string' ? receipt.PhoneNumber : phoneNumber,
    state:
      receipt.ReportStatus === 'SUCCESS'
        ? 'delivered'
        : receipt.ReportStatus === 'FAIL'
          ? 'failed'
          : 'pending',
    providerStatus: String(receipt.ReportStatus),
    ...(typeof receipt.Description === 'string' && { description: receipt.Description }),
    ...(typeof receipt.UserReceiveTime === 'number' && {
      deliveredAt: chinaDateTime(receipt.UserReceiveTime),
    }),
  }));
  return { provider, records };
};
