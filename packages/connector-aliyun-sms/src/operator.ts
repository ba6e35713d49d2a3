/**
 * For operators: a check of the config against Aliyun that sends no SMS (QuerySmsSign,
 * QuerySmsTemplate), and the receipts of a sent message (QuerySendDetails). Both take the config
 * as the connector core prepared it.
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
  type PreparedStatusQuery,
  type TemplateUse,
} from '@duanxin/shared';

import { stripEchoedRequest } from './echoed-request.js';
import { aliyunErrorTable } from './errors.js';
import { formatForAliyun } from './phone.js';
import { query, type Answer } from './query.js';
import type { PreparedAliyunConfig } from './request.js';

const provider = 'aliyun';

/** The key authenticated but may not call query APIs: common for send-only RAM users. */
const noPermissionCodes = new Set(['isp.RAM_PERMISSION_DENY', 'Forbidden.RAM', 'NoPermission']);
/** The key, its secret or token, the account or this machine's clock is refused: nothing else can be checked. */
const credentialFailure =
  /^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId\.|MissingSecurityToken|InvalidSecurityToken\.|InvalidTimeStamp\.|isv\.ACCOUNT_|isv\.PRODUCT_UN)/;

const queryPermissionHint =
  'Grant the RAM user AliyunDysmsReadOnlyAccess (or QuerySmsSign / QuerySmsTemplate) to check this from here, or check it in the console (短信服务 → 国内消息).';

// SignStatus / TemplateStatus of QuerySmsSign and QuerySmsTemplate.
const reviewStates: Record<number, string> = {
  0: 'under review',
  1: 'approved',
  2: 'rejected',
  10: 'withdrawn from review',
};
const templateKinds: Record<number, string> = {
  0: 'verification code',
  1: 'notification',
  2: 'marketing',
  3: 'international / HK-Macau-Taiwan',
};
const internationalTemplateType = 3;

const said = (answer: Answer, sensitive: readonly string[] = []) =>
  typeof answer.Message === 'string'
    ? `${answer.Code}: ${redactText(stripEchoedRequest(answer.Message), sensitive)}`
    : answer.Code;

const refusal = (subject: string, answer: Answer): CheckItem =>
  refusedQueryItem(subject, {
    providerCode: answer.Code,
    said: said(answer),
    lacksPermission: noPermissionCodes.has(answer.Code),
    permissionHint: queryPermissionHint,
    table: aliyunErrorTable,
  });

const credentialsItem = (answer: Answer, secret: string): CheckItem =>
  credentialFailure.test(answer.Code)
    ? checkItem('credentials', 'problem', said(answer, [secret]), {
        hint: lookupProviderError(aliyunErrorTable, answer.Code).hint,
        providerCode: answer.Code,
      })
    : checkItem('credentials', 'ok', 'accessKeyId and accessKeySecret were accepted');

const signatureItem = (signName: string, answer: Answer): CheckItem => {
  const subject = `signName "${signName}"`;
  if (answer.Code !== 'OK') {
    return refusal(subject, answer);
  }
  const state = reviewStates[Number(answer.SignStatus)] ?? `status ${String(answer.SignStatus)}`;
  const reason =
    typeof answer.Reason === 'string' && answer.SignStatus === 2 ? `: ${answer.Reason}` : '';
  return answer.SignStatus === 1
    ? checkItem(subject, 'ok', 'approved')
    : checkItem(subject, 'problem', `${state}${reason}`, {
        hint: lookupProviderError(aliyunErrorTable, 'isv.SMS_SIGNATURE_ILLEGAL').hint,
      });
};

/** Variables the connector fills: the code's name, then the template's static params. */
type AliyunTemplateUse = TemplateUse<string[]>;

const aliyunTemplateUses = (config: PreparedAliyunConfig): AliyunTemplateUse[] =>
  templateUses(
    config.templates,
    (template, mainland) => [
      config.templateParamName,
      ...Object.keys((template.params && pickRegional(template.params, mainland)) ?? {}),
    ],
    (variables) => [...variables].sort().join(',')
  );

const templateVariables = (content: string) => [
  ...new Set([...content.matchAll(/\$\{(\w+)\}/g)].map((match) => match[1] ?? '')),
];

const templateItem = (
  use: AliyunTemplateUse,
  answer: Answer,
  { templateParamName: codeName, allowedCountries }: PreparedAliyunConfig
): CheckItem => {
  const subject = `template ${use.code} (${use.role === 'both' ? 'all numbers' : use.role})`;
  if (answer.Code !== 'OK') {
    return refusal(subject, answer);
  }
  const templateHint = lookupProviderError(aliyunErrorTable, 'isv.SMS_TEMPLATE_ILLEGAL').hint;
  if (answer.TemplateStatus !== 1) {
    const state =
      reviewStates[Number(answer.TemplateStatus)] ?? `status ${String(answer.TemplateStatus)}`;
    const reason =
      answer.TemplateStatus === 2 && typeof answer.Reason === 'string' ? `: ${answer.Reason}` : '';
    return templateVerdict(subject, use.usageTypes, '', [
      { problem: `${state}${reason}`, hint: templateHint },
    ]);
  }
  const variables = templateVariables(
    typeof answer.TemplateContent === 'string' ? answer.TemplateContent : ''
  );
  const unfilled = variables.filter((name) => !use.sent.includes(name));
  const kind = templateKinds[Number(answer.TemplateType)] ?? 'unknown kind';
  return templateVerdict(
    subject,
    use.usageTypes,
    `approved, ${kind}, variables ${variables.join(', ')}`,
    [
      templateKindFinding(
        use.role,
        answer.TemplateType === internationalTemplateType,
        allowedCountries,
        templateHint
      ),
      variables.includes(codeName)
        ? undefined
        : {
            problem: `the template has no \${${codeName}}: its variables are ${variables.join(', ') || 'none'}`,
            hint: "Set templateParamName to the template's code variable.",
          },
      unfilled.length > 0
        ? {
            problem: `\${${unfilled.join('}, ${')}} would be left unfilled (isv.TEMPLATE_MISSING_PARAMETERS)`,
            hint: `Give the template "params", e.g. { "${unfilled[0] ?? ''}": "5" }.`,
          }
        : undefined,
    ]
  );
};

/** Checks credentials, signature and every template against Aliyun; sends no SMS. */
export const checkAliyunConfig = async (config: PreparedAliyunConfig): Promise<CheckItem[]> => {
  const sign = await query(config, 'QuerySmsSign', { SignName: config.signName });
  const credentials = credentialsItem(sign, config.accessKeySecret);
  const uses = aliyunTemplateUses(config);
  if (credentials.status === 'problem') {
    const skipped = 'not checked: the credentials were refused';
    return [
      credentials,
      checkItem(`signName "${config.signName}"`, 'unverified', skipped),
      ...uses.map((use) => checkItem(`template ${use.code}`, 'unverified', skipped)),
    ];
  }
  const items = [credentials, signatureItem(config.signName, sign)];
  for (const use of uses) {
    const answer = await query(config, 'QuerySmsTemplate', { TemplateCode: use.code });
    items.push(templateItem(use, answer, config));
  }
  return items;
};

// SendStatus of QuerySendDetails (docs/providers.md §1.5).
const deliveryStates: Record<number, DeliveryRecord['state']> = {
  1: 'pending',
  2: 'failed',
  3: 'delivered',
};

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Receipts of one message (QuerySendDetails by BizId, number and day). */
export const queryAliyunStatus = async (
  config: PreparedAliyunConfig,
  { id, phone, date }: PreparedStatusQuery
): Promise<DeliveryReport> => {
  const phoneNumber = formatForAliyun(phone);
  const answer = await query(config, 'QuerySendDetails', {
    PhoneNumber: phoneNumber,
    SendDate: chinaDay(date).compact,
    PageSize: '50',
    CurrentPage: '1',
    BizId: id,
  });
  if (answer.Code !== 'OK') {
    throw providerRejection({
      provider,
      table: aliyunErrorTable,
      providerCode: answer.Code,
      message: optionalString(answer.Message),
      requestId: optionalString(answer.RequestId),
      sensitive: [config.accessKeySecret, config.securityToken, phoneNumber],
    });
  }
  const list = (answer.SmsSendDetailDTOs as { SmsSendDetailDTO?: unknown } | undefined)
    ?.SmsSendDetailDTO;
  const details = Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
  // Content is not copied: it holds the code.
  const records = details.map((detail): DeliveryRecord => ({
    messageId: id,
    phoneNumber: optionalString(detail.PhoneNum) ?? phoneNumber,
    state: deliveryStates[Number(detail.SendStatus)] ?? 'pending',
    providerStatus: optionalString(detail.ErrCode) ?? String(detail.SendStatus),
    ...(optionalString(detail.SendDate) && { sentAt: optionalString(detail.SendDate) }),
    ...(optionalString(detail.ReceiveDate) && { deliveredAt: optionalString(detail.ReceiveDate) }),
  }));
  return { provider, records };
};
