import type { ProviderAccount, SeedTemplate } from '@duanxin/shared';
import { YunpianError } from './errors.js';

/** `#name#`: case-sensitive letters, digits and `_` between half-width `#` (docs/providers.md §3.3). */
const VARIABLE = /#([A-Za-z0-9_]+)#/g;
const LEADING_SIGNATURE = /^【([^】]*)】/;

export const splitSignature = (text: string): { signature?: string; body: string } => {
  const match = LEADING_SIGNATURE.exec(text);
  return match ? { signature: match[1] ?? '', body: text.slice(match[0].length) } : { body: text };
};

const escapeRegExp = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each `#var#` is a lazy wildcard in an anchored pattern (docs/providers.md §3.3). */
const compile = (content: string) => {
  const names: string[] = [];
  let pattern = '';
  let last = 0;
  for (const match of content.matchAll(VARIABLE)) {
    pattern += `${escapeRegExp(content.slice(last, match.index))}([\\s\\S]+?)`;
    names.push(match[1] ?? '');
    last = match.index + match[0].length;
  }
  pattern += escapeRegExp(content.slice(last));
  return { regex: new RegExp(`^${pattern}$`, 'u'), names };
};

/** The variable values when `text` matches the template, else undefined. */
export const matchTemplate = (
  content: string,
  text: string
): Record<string, string> | undefined => {
  const { regex, names } = compile(content);
  const match = regex.exec(text);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    values[name] = match[index + 1] ?? '';
  });
  return values;
};

export type TemplateMatch = { template: SeedTemplate; values: Record<string, string> };

/**
 * Approved templates the text matches. A text without its own `【签名】` is sent under the default
 * signature, so it is matched against the template minus its leading `【…】`.
 */
export const matchingTemplates = (
  account: ProviderAccount,
  text: string,
  signed: boolean
): TemplateMatch[] =>
  account.templates.flatMap((template) => {
    if (template.state !== 'approved') return [];
    const content = signed ? template.content : splitSignature(template.content).body;
    const values = matchTemplate(content, text);
    return values ? [{ template, values }] : [];
  });

/**
 * `tpl_value` is a query string of individually URL-encoded `#name#=value` pairs, itself
 * form-encoded once more (docs/providers.md §3.3, C-3); the outer layer is already decoded here.
 */
export const parseTplValue = (tplValue: string): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(tplValue)) {
    values[key.replace(/^#(.*)#$/, '$1')] = value;
  }
  return values;
};

export const renderTemplate = (template: SeedTemplate, values: Record<string, string>): string =>
  template.content.replace(VARIABLE, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') {
      throw new YunpianError(2, `参数 tpl_value 格式不正确，缺少变量 #${name}# 的值`);
    }
    return value;
  });
