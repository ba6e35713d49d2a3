/**
 * For operators: a check of the config against YunPian that sends no SMS (`user/get` for the key and balance, `tpl/get` for the templates). YunPian
 * has no per-message status query (its `pull_status` hands each receipt out once), so no
 * `queryStatus`.
 */
import {
  checkItem,
  lookupProviderError,
  queryProvider,
  refusedQueryItem,
  regionalRoles,
  unreadableQueryAnswer,
  type CheckItem,
  type Prepared,
  type ProviderRequest,
  type TemplateRole,
} from '@duanxin/shared';

import { renderContent } from './content.js';
import { yunpianErrorTable } from './errors.js';
import type { YunpianSmsConfig } from './types.js';

type PreparedYunpianConfig = Prepared<YunpianSmsConfig>;

const provider = 'yunpian';
const userPath = '/v2/user/get.json';
const templatesPath = '/v2/tpl/get.json';

// The apikey is hex: form encoding needs none of single_send's care about `+`.
const formRequest = (origin: string, path: string, apikey: string): ProviderRequest => ({
  url: new URL(path, origin),
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    accept: 'application/json;charset=utf-8',
  },
  body: new URLSearchParams({ apikey }).toString(),
});

type Answer = { refusal?: { code: string; message: string }; body: unknown };

/** Errors are `{ code, msg, detail }` (HTTP 400); successes are the data itself. */
const query = async (config: PreparedYunpianConfig, path: string): Promise<Answer> => {
  const reply = await queryProvider(
    provider,
    () => formRequest(config.origin, path, config.apikey),
    config,
    [config.apikey]
  );
  const body = reply.json as { code?: unknown; msg?: unknown; detail?: unknown } | undefined;
  if (body === undefined) {
    throw unreadableQueryAnswer(provider, path, reply.statusCode, 'not JSON');
  }
  if (typeof body === 'object' && body !== null && typeof body.code === 'number' && body.code) {
    const message = [body.msg, body.detail].filter((part) => typeof part === 'string' && part);
    return {
      refusal: { code: String(body.code), message: [...new Set(message)].join(': ') },
      body,
    };
  }
  return { body };
};

const noPermission = '-2';
const queryPermissionHint =
  'Allow this apikey the account and template APIs (云片 → 账户设置 → 子帐户管理), or check the templates in the console.';

const refusalItem = (subject: string, refusal: NonNullable<Answer['refusal']>): CheckItem =>
  refusedQueryItem(subject, {
    providerCode: refusal.code,
    said: `${refusal.code}: ${refusal.message}`,
    lacksPermission: refusal.code === noPermission,
    permissionHint: queryPermissionHint,
    table: yunpianErrorTable,
    keyName: 'apikey',
  });

const balanceItem = (user: unknown): CheckItem => {
  const balance = (user as { balance?: unknown } | null)?.balance;
  if (typeof balance !== 'number') {
    return checkItem('balance', 'unverified', 'the account answer carries no balance');
  }
  return balance > 0
    ? checkItem('balance', 'ok', `${balance} RMB`)
    : checkItem('balance', 'problem', `${balance} RMB: sends answer code 3`, {
        hint: lookupProviderError(yunpianErrorTable, '3').hint,
      });
};

type AccountTemplate = { id: string; content: string; status: string; reason: string };

// check_status of tpl/get.
const reviewStates: Record<string, string> = {
  SUCCESS: 'approved',
  CHECKING: 'under review',
  FAIL: 'rejected',
};

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** YunPian matches a text against approved templates, each `#name#` standing for any value. */
const matches = (templateContent: string, text: string) =>
  new RegExp(
    `^${templateContent
      .split(/#[A-Za-z0-9_]+#/)
      .map(escapeRegExp)
      .join('[\\s\\S]+?')}$`,
    'u'
  ).test(text);

const leadingSignature = /^【([^】]*)】/;

type ContentUse = { content: string; role: TemplateRole; usageTypes: string[] };

const contentUses = (config: PreparedYunpianConfig): ContentUse[] => {
  const uses = new Map<string, ContentUse>();
  for (const template of config.templates) {
    for (const { value, role } of regionalRoles(template.content)) {
      const key = `${role}|${value}`;
      const use = uses.get(key) ?? { content: value, role, usageTypes: [] };
      use.usageTypes.push(template.usageType);
      uses.set(key, use);
    }
  }
  return [...uses.values()];
};

const templateItem = (use: ContentUse, account: AccountTemplate[]): CheckItem => {
  const subject = `template for ${use.usageTypes.join(', ')}${use.role === 'both' ? '' : ` (${use.role})`}`;
  const text = renderContent(use.content, '123456');
  // A text without its own 【signature】 goes out under the account's default signature.
  const signed = leadingSignature.test(text);
  const found = account.filter((template) =>
    matches(signed ? template.content : template.content.replace(leadingSignature, ''), text)
  );
  const approved = found.find((template) => template.status === 'SUCCESS');
  if (approved) {
    return checkItem(subject, 'ok', `matches approved template ${approved.id}`);
  }
  const templateHint = lookupProviderError(yunpianErrorTable, '5').hint;
  const [pending] = found;
  return pending
    ? checkItem(
        subject,
        'problem',
        `matches template ${pending.id}, which is ${reviewStates[pending.status] ?? pending.status}${pending.reason && `: ${pending.reason}`}`,
        { hint: templateHint }
      )
    : checkItem(subject, 'problem', 'matches no template of the account: sends answer code 5', {
        hint: templateHint,
      });
};

const readTemplates = (body: unknown): AccountTemplate[] =>
  (Array.isArray(body) ? (body as Record<string, unknown>[]) : []).map((template) => ({
    id: String(template.tpl_id),
    content: typeof template.tpl_content === 'string' ? template.tpl_content : '',
    status: String(template.check_status),
    reason: typeof template.reason === 'string' ? template.reason : '',
  }));

const signatureItems = (uses: ContentUse[]): CheckItem[] =>
  [...new Set(uses.map((use) => leadingSignature.exec(use.content)?.[1]))].map((signature) =>
    signature === undefined
      ? checkItem('signature', 'unverified', 'a text without 【signature】 uses the default one')
      : checkItem(
          `signature 【${signature}】`,
          'unverified',
          'YunPian v2 is not asked for signatures',
          {
            hint: 'It must be an approved signature of the account (云片 → 签名管理); sends answer code 15 otherwise.',
          }
        )
  );

/** Checks the apikey, balance and every template text against YunPian; sends no SMS. */
export const checkYunpianAccount = async (config: PreparedYunpianConfig): Promise<CheckItem[]> => {
  const uses = contentUses(config);
  const user = await query(config, userPath);
  const refusedKey = user.refusal && user.refusal.code !== noPermission;
  if (user.refusal && refusedKey) {
    const skipped = `not checked: the apikey was refused (${user.refusal.code})`;
    return [
      refusalItem('credentials', user.refusal),
      ...uses.map((use) =>
        checkItem(`template for ${use.usageTypes.join(', ')}`, 'unverified', skipped)
      ),
    ];
  }
  const items = [
    checkItem('credentials', 'ok', 'the apikey was accepted'),
    user.refusal ? refusalItem('balance', user.refusal) : balanceItem(user.body),
    ...signatureItems(uses),
  ];
  const templates = await query(config, templatesPath);
  for (const use of uses) {
    const { refusal } = templates;
    items.push(
      refusal
        ? refusalItem(`template for ${use.usageTypes.join(', ')}`, refusal)
        : templateItem(use, readTemplates(templates.body))
    );
  }
  return items;
};
