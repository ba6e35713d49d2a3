/**
 * A verifier's settings as NocoBase stores and renders them, turned into the connector's config
 * (the JSON an admin would paste into Logto) and the plugin's own `defaultCountry`, or into
 * field-level issues for the form.
 */
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import type { ZodIssue, ZodType } from 'zod';

import type { SettingsField } from './fields.js';

/**
 * What is wrong: one of the plugin's messages, an i18n key (its English text) with values, or
 * the connector's own words, shown as they are (they may contain `{{code}}`).
 */
export type IssueMessage =
  | {
      key: string;
      values?: Record<string, string>;
      /** The values are words to translate too (type names). */
      translateValues?: true;
    }
  | { text: string };

/** One problem of one field. */
export type SettingsIssue = {
  /** The settings key at fault; `''` for the settings as a whole. */
  field: string;
  /** Where inside the field's value, e.g. `#1 › content` for the first template's content. */
  at: string;
  message: IssueMessage;
};

export type ReadSettings =
  | { ok: true; config: Record<string, unknown>; defaultCountry: CountryCode }
  | { ok: false; issues: SettingsIssue[] };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `{{$env.X}}` always renders to a string: read it as the field's type. Cleared fields (empty
 * strings, null) are absent, as they are in a config Logto saves.
 */
const coerce = (value: unknown, field: SettingsField | undefined): unknown => {
  if (typeof value !== 'string' || !field) {
    return value;
  }
  const text = value.trim();
  if (field.kind === 'number' && /^-?\d+(\.\d+)?$/.test(text)) {
    return Number(text);
  }
  if (field.kind === 'switch' && (text === 'true' || text === 'false')) {
    return text === 'true';
  }
  if (field.kind === 'json' && text !== '') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return value;
    }
  }
  return value;
};

const envReference = /^\s*{{\s*\$env\.([\w.-]+)\s*}}\s*$/;

/** Zod's own words, except where they would repeat the value received (it may be a secret). */
const describeIssue = (issue: ZodIssue): IssueMessage => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? { key: 'Required' }
        : {
            key: 'Expected {{expected}}, received {{received}}',
            values: { expected: issue.expected, received: issue.received },
            translateValues: true,
          };
    case 'invalid_enum_value':
      return { key: 'Expected one of {{options}}', values: { options: issue.options.join(', ') } };
    case 'invalid_union':
      return { key: 'Has an unexpected shape' };
    default:
      return { text: issue.message };
  }
};

/** A union's most specific branch: the one whose issue points deepest into the value. */
const deepestIssue = (issue: ZodIssue): ZodIssue => {
  if (issue.code !== 'invalid_union') {
    return issue;
  }
  const branches = issue.unionErrors.flatMap((error) => error.issues);
  const deepest = branches.reduce<ZodIssue | undefined>(
    (best, candidate) => (!best || candidate.path.length > best.path.length ? candidate : best),
    undefined
  );
  return deepest && deepest.path.length > issue.path.length ? deepestIssue(deepest) : issue;
};

const positionOf = (path: readonly (string | number)[]) =>
  path.map((part) => (typeof part === 'number' ? `#${part + 1}` : part)).join(' › ');

const issueOf = (zodIssue: ZodIssue): SettingsIssue => {
  const issue = deepestIssue(zodIssue);
  const [field, ...inside] = issue.path;
  return {
    field: field === undefined ? '' : String(field),
    at: positionOf(inside),
    message: describeIssue(issue),
  };
};

/**
 * Reads rendered settings. `raw` (the settings as saved, before rendering) lets an issue name the
 * `{{$env.X}}` variable that left a required field empty.
 */
export const readSettings = (
  settings: unknown,
  fields: readonly SettingsField[],
  configGuard: ZodType,
  raw?: unknown
): ReadSettings => {
  if (!isRecord(settings)) {
    return {
      ok: false,
      issues: [{ field: '', at: '', message: { key: 'Settings must be an object' } }],
    };
  }
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const present = Object.entries(settings).filter(([, value]) => value !== '' && value !== null);
  const { defaultCountry: country, ...config } = Object.fromEntries(
    present.map(([key, value]) => [key, coerce(value, byKey.get(key))])
  );

  const issues: SettingsIssue[] = [];
  const defaultCountry = typeof country === 'string' ? country.trim().toUpperCase() : 'CN';
  if (country !== undefined && !isSupportedCountry(defaultCountry)) {
    issues.push({
      field: 'defaultCountry',
      at: '',
      message: { key: 'An ISO country code such as CN or US' },
    });
  }
  const parsed = configGuard.safeParse(config);
  if (!parsed.success) {
    issues.push(...parsed.error.issues.map(issueOf));
  }
  if (issues.length > 0) {
    return { ok: false, issues: issues.map((issue) => namingTheVariable(issue, config, raw)) };
  }
  return { ok: true, config, defaultCountry: defaultCountry as CountryCode };
};

const namingTheVariable = (
  issue: SettingsIssue,
  config: Record<string, unknown>,
  raw: unknown
): SettingsIssue => {
  const saved = isRecord(raw) ? raw[issue.field] : undefined;
  const name = typeof saved === 'string' ? envReference.exec(saved)?.[1] : undefined;
  if (!name || (config[issue.field] !== undefined && config[issue.field] !== '')) {
    return issue;
  }
  return {
    ...issue,
    message: {
      key: 'The variable {{name}} is not set (Settings › Variables and secrets)',
      values: { name },
    },
  };
};

const interpolate = (key: string, values: Record<string, string> = {}) =>
  key.replace(/{{(\w+)}}/g, (match, name: string) => values[name] ?? match);

export type Translate = (key: string, values?: Record<string, string>) => string;

const valuesOf = (message: Exclude<IssueMessage, { text: string }>, translate: Translate) =>
  message.values && message.translateValues
    ? Object.fromEntries(
        Object.entries(message.values).map(([name, value]) => [name, translate(value)])
      )
    : message.values;

/** An issue as text, translated by NocoBase's `ctx.t`, or in English. */
export const describeSettingsIssue = (
  { at, message }: SettingsIssue,
  translate: Translate = interpolate
): string => {
  const text =
    'text' in message ? message.text : translate(message.key, valuesOf(message, translate));
  return at ? `${at}: ${text}` : text;
};
