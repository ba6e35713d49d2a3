/**
 * What an operator tool (the `duanxin` CLI, a script, an integrator's own connector) asks of a
 * connector besides sending: the signed request a send would make, which template each usage type
 * takes, a check of the config against the provider that sends no SMS, and a sent message's
 * delivery status. Plain data in and out.
 */
import type { SendMessageData } from '@logto/connector-kit';

import {
  badInput,
  duanxinError,
  lookupProviderError,
  redactDeep,
  redactSecrets,
  type ProviderErrorTable,
  type ProviderName,
} from './errors/index.js';
import { callProvider, defaultTimeoutMs, type ProviderCall, type ProviderReply } from './http.js';
import {
  pickRegional,
  pickTemplate,
  placeholderTemplates,
  templateTypes,
  type Regional,
} from './templates.js';

/** A send, prepared up to the request: `sendMessage` is `callProvider(call)` plus reading the answer. */
export type PreparedSend = {
  /** `call.build()` signs one attempt; `call.sensitive` lists what must never be shown. */
  call: ProviderCall;
  /** The template as the provider knows it: Aliyun/Tencent template code, YunPian usage type. */
  template: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as the provider receives it. */
  phoneNumber: string;
};

export type CheckStatus = 'ok' | 'problem' | 'unverified';

export type CheckItem = {
  /** What was checked: `credentials`, `signName "duanxin"`, `template SMS_100001 (china)`. */
  subject: string;
  status: CheckStatus;
  /** What was found; for `unverified`, why it could not be checked. */
  detail: string;
  /** What to do about it: which config field, where in the provider console. */
  hint?: string;
  providerCode?: string;
};

export const checkItem = (
  subject: string,
  status: CheckStatus,
  detail: string,
  extra: Pick<CheckItem, 'hint' | 'providerCode'> = {}
): CheckItem => ({
  subject,
  status,
  detail,
  ...(extra.hint && { hint: extra.hint }),
  ...(extra.providerCode && { providerCode: extra.providerCode }),
});

export type Finding = { problem: string; hint?: string | undefined };

/** A template's item: every problem found in it at once, or ok. */
export const templateVerdict = (
  subject: string,
  usedBy: readonly string[],
  okDetail: string,
  findings: readonly (Finding | undefined)[]
): CheckItem => {
  const problems = findings.filter((finding): finding is Finding => finding !== undefined);
  const where = `used by ${usedBy.join(', ')}`;
  if (problems.length === 0) {
    return checkItem(subject, 'ok', `${okDetail}; ${where}`);
  }
  const hints = [...new Set(problems.map((finding) => finding.hint).filter(Boolean))];
  return checkItem(subject, 'problem', `${problems.map((f) => f.problem).join('; ')}; ${where}`, {
    hint: hints.join(' '),
  });
};

/**
 * Templates left as the form's placeholder: sends fall back to Generic for them, which is seldom
 * what the admin meant; removing the entries says it on purpose.
 */
export const placeholderItems = (
  templates: readonly { usageType: string }[],
  placeholders: ReadonlySet<string>
): CheckItem[] => {
  const left = placeholderTemplates(templates, placeholders);
  if (left.length === 0) {
    return [];
  }
  const values = [...new Set(left.map(({ placeholder }) => placeholder))].join(', ');
  return [
    checkItem(
      `templates left as ${values}`,
      'problem',
      `${left.map(({ usageType }) => usageType).join(', ')} still hold the form's placeholder: they use the Generic template`,
      {
        hint: "Put one of the provider's templates in each, or remove those entries to have them use Generic on purpose.",
      }
    ),
  ];
};

export type TemplateChoice = {
  usageType: string;
  /** The template as configured, e.g. `SMS_100001` or `china SMS_100001, overseas SMS_100002`. */
  template: string;
  fellBackToGeneric: boolean;
};

/** Which template each of the nine usage types takes, Generic standing in for missing ones. */
export const listTemplateChoices = <T extends { usageType: string }>(
  templates: readonly T[],
  describe: (template: T) => string,
  provider: ProviderName
): TemplateChoice[] =>
  templateTypes.map((usageType) => {
    const { template, fellBack } = pickTemplate(templates, usageType, provider);
    return { usageType, template: describe(template), fellBackToGeneric: fellBack };
  });

export const describeRegional = (value: Regional<string>): string =>
  typeof value === 'string' ? value : `china ${value.china}, overseas ${value.overseas}`;

/** Where a template is used: a plain value serves both kinds of number. */
export type TemplateRole = 'china' | 'overseas' | 'both';

/** Each distinct value of a regional field with the role it plays. */
export const regionalRoles = <T>(value: Regional<T>): { value: T; role: TemplateRole }[] =>
  typeof value === 'object' && value !== null && 'china' in value && 'overseas' in value
    ? [
        { value: pickRegional(value, true), role: 'china' },
        { value: pickRegional(value, false), role: 'overseas' },
      ]
    : [{ value: value as T, role: 'both' }];

/**
 * Why a domestic or international template cannot serve the numbers it is used for, if so, and
 * what to do: split a plain template into a regional one, or fix the template (`templateHint`).
 * `allowedCountries` narrows what a plain (`both`) template has to serve.
 */
export const templateKindFinding = (
  role: TemplateRole,
  international: boolean,
  allowedCountries: readonly string[] | undefined,
  templateHint: string | undefined
): Finding | undefined => {
  const everywhere = !allowedCountries || allowedCountries.length === 0;
  const too = role === 'both' ? ' too' : '';
  const hint = role === 'both' ? templateKindHint : templateHint;
  if (international && role !== 'overseas' && (everywhere || allowedCountries.includes('CN'))) {
    return { problem: `an international template, used for mainland numbers${too}`, hint };
  }
  if (
    !international &&
    role !== 'china' &&
    (everywhere || allowedCountries.some((country) => country !== 'CN'))
  ) {
    return { problem: `a domestic template, used for numbers outside mainland China${too}`, hint };
  }
  return undefined;
};

const templateKindHint =
  'Give templateCode as { "china": …, "overseas": … } with a domestic and an international template, or limit allowedCountries to the countries served.';

/**
 * A query the provider refused. A key that only lacks query rights is "unverified", with how to
 * grant them: never reported as bad credentials.
 */
export const refusedQueryItem = (
  subject: string,
  refusal: {
    providerCode: string;
    /** The provider's answer as shown (`code: message`), already redacted. */
    said: string;
    lacksPermission: boolean;
    permissionHint: string;
    table: ProviderErrorTable;
    /** What the provider calls its credential: `key`, `apikey`. */
    keyName?: string;
  }
): CheckItem => {
  const { providerCode, keyName = 'key' } = refusal;
  return refusal.lacksPermission
    ? checkItem(
        subject,
        'unverified',
        `this ${keyName} may not call the query APIs (${providerCode})`,
        { hint: refusal.permissionHint, providerCode }
      )
    : checkItem(subject, 'problem', refusal.said, {
        hint: lookupProviderError(refusal.table, providerCode).hint,
        providerCode,
      });
};

/** One template as a config can use it: for which numbers, what is sent, and by which usage types. */
export type TemplateUse<Sent> = {
  code: string;
  role: TemplateRole;
  sent: Sent;
  usageTypes: string[];
};

/**
 * Each distinct (template, kind of number, what is sent) a config can produce: a regional code or
 * regional params make a mainland and an overseas use. `sentKey` tells two `sent` apart.
 */
export const templateUses = <T extends { usageType: string; templateCode: Regional<string> }, Sent>(
  templates: readonly T[],
  sent: (template: T, isMainlandChina: boolean) => Sent,
  sentKey: (sent: Sent) => string
): TemplateUse<Sent>[] => {
  const uses = new Map<string, TemplateUse<Sent>>();
  for (const template of templates) {
    const regionalCode = regionalRoles(template.templateCode).length > 1;
    for (const mainland of [true, false]) {
      const code = pickRegional(template.templateCode, mainland);
      const role: TemplateRole = regionalCode ? (mainland ? 'china' : 'overseas') : 'both';
      const what = sent(template, mainland);
      const key = `${code}|${role}|${sentKey(what)}`;
      const use = uses.get(key) ?? { code, role, sent: what, usageTypes: [] };
      if (!use.usageTypes.includes(template.usageType)) {
        use.usageTypes.push(template.usageType);
      }
      uses.set(key, use);
    }
  }
  return [...uses.values()];
};

export type StatusQuery = {
  /** The provider's message id as a send reported it: Aliyun BizId, Tencent SerialNo. */
  id: string;
  /** The number it was sent to, in any form a send accepts. */
  to: string;
  /** `YYYY-MM-DD`, the day it was sent in China time (UTC+8); default today. */
  date?: string;
};

/** `YYYY-MM-DD` naming a real day: `2025-02-30` would roll over to March. */
export const isCalendarDay = (value: string): boolean => {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(ms) &&
    new Date(ms).toISOString().slice(0, 10) === value
  );
};

/** What a message id may look like: printable, without spaces (ids are `123^0`, `5000:104…`). */
const messageIdShape = /^[\x21-\x7e]{1,128}$/;

/**
 * A status query read without trusting its type. An empty id is refused above all: Aliyun takes
 * a missing BizId for "every message to this number that day" and would report another
 * message's receipt. The number is left to the phone rules.
 */
export const readStatusQuery = (query: unknown, provider: ProviderName): StatusQuery => {
  const { id, to, date } = (typeof query === 'object' && query !== null ? query : {}) as Record<
    string,
    unknown
  >;
  if (typeof id !== 'string' || !messageIdShape.test(id)) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      'id must be the message id a send reported: printable, without spaces, at most 128 characters.',
      'id'
    );
  }
  if (date !== undefined && (typeof date !== 'string' || !isCalendarDay(date))) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      'date must be a day as YYYY-MM-DD.',
      'date'
    );
  }
  return { id, to: to as string, ...(date !== undefined && { date }) };
};

export type DeliveryRecord = {
  messageId: string | undefined;
  /** As the provider reports it. */
  phoneNumber: string;
  state: 'delivered' | 'failed' | 'pending';
  /** The provider's own status, e.g. Aliyun `DELIVERED`, Tencent `SUCCESS`. */
  providerStatus: string;
  description?: string;
  sentAt?: string;
  deliveredAt?: string;
};

export type DeliveryReport = {
  provider: ProviderName;
  /** Receipts for the message: empty when none has arrived (yet), or the id/date do not match. */
  records: DeliveryRecord[];
};

/** What a duanxin connector offers an operator tool besides its default export. */
export type ConnectorOperator = {
  buildSendRequest: (data: SendMessageData, config: unknown) => PreparedSend;
  templateChoices: (config: unknown) => TemplateChoice[];
  checkConfig: (config: unknown) => Promise<CheckItem[]>;
  /** Absent when the provider has no per-message status query. */
  queryStatus?: (config: unknown, query: StatusQuery) => Promise<DeliveryReport>;
};

type TransportSettings = { timeout?: number; maxRetries?: number; proxy?: string };

/**
 * A read-only provider query (no SMS is sent), with the config's timeout, retries and proxy. Its
 * failures say so (`query: true`). The answer comes back with the secrets (`sensitive`) removed in
 * any encoding: what a query reports (check items, receipts, errors) is made of it.
 */
export const queryProvider = async (
  provider: ProviderName,
  build: ProviderCall['build'],
  settings: TransportSettings,
  secrets: readonly (string | undefined)[]
): Promise<ProviderReply> => {
  const reply = await callProvider({
    provider,
    build,
    timeout: settings.timeout ?? defaultTimeoutMs,
    maxRetries: settings.maxRetries ?? 1,
    proxy: settings.proxy,
    sensitive: secrets,
    query: true,
  });
  return {
    statusCode: reply.statusCode,
    json: redactDeep(reply.json, secrets),
    text: redactSecrets(reply.text, secrets),
  };
};

/** An answer to a query that cannot be read (an HTML proxy page, a body without its fields). */
export const unreadableQueryAnswer = (
  provider: ProviderName,
  action: string,
  statusCode: number,
  why: string
) =>
  duanxinError('InvalidResponse', {
    provider,
    message: `Unreadable answer to ${action} (HTTP ${statusCode}): ${why}.`,
    outcome: 'not_sent',
    retryable: false,
  });

const chinaOffsetMs = 8 * 3600 * 1000;

/** A calendar day in China time (UTC+8), as Aliyun and Tencent file messages. */
export const chinaDay = (date: string | undefined, now = Date.now()) => {
  const day = date ?? new Date(now + chinaOffsetMs).toISOString().slice(0, 10);
  const beginMs = Date.parse(`${day}T00:00:00+08:00`);
  return {
    /** `yyyyMMdd`, Aliyun's SendDate. */
    compact: day.replaceAll('-', ''),
    beginSeconds: Math.floor(beginMs / 1000),
    endSeconds: Math.floor(beginMs / 1000) + 86_400 - 1,
  };
};
