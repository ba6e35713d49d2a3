import { randomUUID } from 'node:crypto';

import type { ProviderContext } from '@duanxin/shared';

import { readYunpianNumber } from '../src/number.js';
import { badParameter, YunpianError, yunpianMessage } from './errors.js';
import {
  matchingTemplates,
  parseTplValue,
  renderTemplate,
  splitSignature,
  type TemplateMatch,
} from './templates.js';

/** RMB per billed part; the emulator's own prices, the real ones are per contract. */
const DOMESTIC_PRICE = 0.05;
const INTERNATIONAL_PRICE = 0.35;

/** A text ready to send: the full text as the phone shows it and the templates it fits. */
export type Prepared = { text: string; signName: string; matches: TemplateMatch[] };

export type SendResult = {
  code: number;
  msg: string;
  count: number;
  fee: number;
  unit: 'RMB';
  mobile: string;
  sid: number;
};

let lastSid = 30_000_000_000;

/** 70 characters (signature included) for one part, else 67 per part (docs/providers.md §3.3). */
const partsOf = (text: string): number => {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
};

export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The text must start with an approved `【签名】`, or goes out under the default signature. */
const resolveSignature = (context: ProviderContext, text: string) => {
  const { signature } = splitSignature(text);
  const signName = signature ?? context.account.defaultSignature;
  const approved = context.account.signatures.some(
    (candidate) => candidate.name === signName && candidate.state === 'approved'
  );
  if (signName === undefined || !approved) {
    throw new YunpianError(
      15,
      signature === undefined
        ? '短信内容没有签名，且账户没有可用的默认签名'
        : `签名 【${signature}】 与设置的签名不匹配`
    );
  }
  return { signName, signed: signature !== undefined };
};

export const prepareText = (context: ProviderContext, text: string): Prepared => {
  const { signName, signed } = resolveSignature(context, text);
  const matches = matchingTemplates(context.account, text, signed);
  if (matches.length === 0) throw new YunpianError(5, '未自动匹配到合适的模板');
  return { text: signed ? text : `【${signName}】${text}`, signName, matches };
};

export const prepareTemplate = (
  context: ProviderContext,
  tplId: string,
  tplValue: string
): Prepared => {
  const template = context.account.templates.find((candidate) => candidate.id === tplId);
  if (!template) throw new YunpianError(5, '未找到对应id的模板');
  if (template.state !== 'approved') throw new YunpianError(7, `模板 ${tplId} 未审核通过`);
  const values = parseTplValue(tplValue);
  const rendered = renderTemplate(template, values);
  const { signName, signed } = resolveSignature(context, rendered);
  return {
    text: signed ? rendered : `【${signName}】${rendered}`,
    signName,
    matches: [{ template, values }],
  };
};

/** Sends one prepared text to one number, or throws the YunPian error for that number. */
export const sendOne = (
  context: ProviderContext,
  mobile: string,
  prepared: Prepared,
  uid?: string
): SendResult => {
  const { account } = context;
  // Without `+` a mainland number, `86…` refused (docs/providers.md §3.1).
  const number = readYunpianNumber(mobile);
  if (!number) throw badParameter('mobile', mobile);
  const international = !number.mainland;
  const match = international
    ? prepared.matches.find(({ template }) => template.international)
    : prepared.matches[0];
  if (international && !account.international) throw new YunpianError(20, '请确认号码归属地');
  if (!match) throw new YunpianError(23, '请提交模板可发送国家列表内的号码');
  if (account.balance <= 0) throw new YunpianError(3, '账户余额不足，请充值');

  const to = number.e164;
  const window = context.checkFlow(to, prepared.text);
  if (window) {
    const code = Number(window.code);
    throw new YunpianError(
      Number.isInteger(code) ? code : 33,
      window.message ?? yunpianMessage(code)
    );
  }
  const sid = ++lastSid;
  context.deliver({
    to,
    text: prepared.text,
    signName: prepared.signName,
    templateId: match.template.id,
    params: match.values,
    code: match.values.code,
    messageId: String(sid),
    requestId: randomUUID(),
    outId: uid,
  });
  const count = partsOf(prepared.text);
  return {
    code: 0,
    msg: '发送成功',
    count,
    fee: round4(count * (international ? INTERNATIONAL_PRICE : DOMESTIC_PRICE)),
    unit: 'RMB',
    mobile,
    sid,
  };
};
