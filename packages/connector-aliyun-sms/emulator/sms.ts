/** SendSms and SendBatchSms (docs/providers.md §1.5): validation in the API's order, then delivery. */
import { randomInt } from 'node:crypto';

import type { ProviderAccount, ProviderContext, SeedTemplate } from '@duanxin/shared';

import { readAliyunNumber } from '../src/phone.js';
import { AliyunError, business, missingActionParameter } from './errors.js';

export type AliyunNumber = {
  e164: string;
  mainland: boolean;
  /** As the console and QuerySendDetails show it: 11 digits, or country code + number. */
  digits: string;
};

/** The number Aliyun delivers to, read by Aliyun's rules (docs/providers.md §1.1). */
export const parseAliyunNumber = (raw: string): AliyunNumber | undefined => {
  const reading = readAliyunNumber(raw);
  return (
    reading && {
      ...reading,
      digits: reading.mainland ? reading.e164.slice(3) : reading.e164.slice(1),
    }
  );
};

const PLACEHOLDER = /\$\{([^}]+)\}/g;

export const templateVariables = (content: string): string[] =>
  [...content.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');

type Prepared = {
  number: AliyunNumber;
  signName: string;
  template: SeedTemplate;
  params: Record<string, string>;
};

type Delivery = { bizId: string } | AliyunError;

export const sendSms = (
  params: Record<string, string>,
  context: ProviderContext,
  requestId: string
): Delivery => {
  const missing = ['PhoneNumbers', 'SignName', 'TemplateCode'].find((name) => !params[name]);
  if (missing) {
    return missingActionParameter(missing);
  }
  const rawNumbers = (params.PhoneNumbers ?? '').split(',');
  if (rawNumbers.length > 1000) {
    return business('isv.MOBILE_COUNT_OVER_LIMIT');
  }
  const numbers = rawNumbers.map(parseAliyunNumber);
  if (numbers.some((number) => number === undefined)) {
    return business('isv.MOBILE_NUMBER_ILLEGAL');
  }
  const signName = params.SignName ?? '';
  const signature = signatureProblem(context.account, signName);
  if (signature) {
    return signature;
  }
  const template = findTemplate(context.account, params.TemplateCode ?? '');
  if (template instanceof AliyunError) {
    return template;
  }
  const templateParams = parseTemplateParam(params.TemplateParam);
  if (templateParams instanceof AliyunError) {
    return templateParams;
  }
  const prepared = numbers.map((number) => ({
    number: number as AliyunNumber,
    signName,
    template,
    params: templateParams,
  }));
  return validateAndDeliver(prepared, context, requestId, params.OutId);
};

export const sendBatchSms = (
  params: Record<string, string>,
  context: ProviderContext,
  requestId: string
): Delivery => {
  const missing = ['PhoneNumberJson', 'SignNameJson', 'TemplateCode'].find((name) => !params[name]);
  if (missing) {
    return missingActionParameter(missing);
  }
  const numbers = parseJsonArray(params.PhoneNumberJson);
  const signNames = parseJsonArray(params.SignNameJson);
  const paramSets =
    params.TemplateParamJson === undefined ? undefined : parseJsonArray(params.TemplateParamJson);
  if (!numbers || !signNames || paramSets === null) {
    return business('isv.INVALID_JSON_PARAM', 'JSON参数不合法');
  }
  if (numbers.length > 100) {
    return business('isv.MOBILE_COUNT_OVER_LIMIT');
  }
  if (
    numbers.length === 0 ||
    signNames.length !== numbers.length ||
    (paramSets !== undefined && paramSets.length !== numbers.length)
  ) {
    return business(
      'isv.INVALID_PARAMETERS',
      '参数异常：PhoneNumberJson、SignNameJson、TemplateParamJson 长度不一致'
    );
  }
  const template = findTemplate(context.account, params.TemplateCode ?? '');
  if (template instanceof AliyunError) {
    return template;
  }
  const prepared: Prepared[] = [];
  for (const [index, rawNumber] of numbers.entries()) {
    const number = typeof rawNumber === 'string' ? parseAliyunNumber(rawNumber) : undefined;
    if (!number) {
      return business('isv.MOBILE_NUMBER_ILLEGAL');
    }
    const signName = signNames[index];
    if (typeof signName !== 'string') {
      return business('isv.INVALID_JSON_PARAM', 'JSON参数不合法');
    }
    const templateParams = paramSets === undefined ? {} : stringValues(paramSets[index]);
    const signature = signatureProblem(context.account, signName);
    if (signature) {
      return signature;
    }
    if (templateParams instanceof AliyunError) {
      return templateParams;
    }
    prepared.push({ number, signName, template, params: templateParams });
  }
  return validateAndDeliver(prepared, context, requestId, params.OutId);
};

const validateAndDeliver = (
  prepared: Prepared[],
  context: ProviderContext,
  requestId: string,
  outId: string | undefined
): Delivery => {
  const problem = prepared.map((message) => messageProblem(message, context.account)).find(Boolean);
  if (problem) {
    return problem;
  }
  if (context.account.balance < prepared.length) {
    return business('isv.AMOUNT_NOT_ENOUGH');
  }
  for (const message of prepared) {
    // Aliyun's per-number limits (1/min, 5/h, 10/day by default) apply to verification codes,
    // counted per signature and number.
    if ((message.template.kind ?? 'verification') === 'verification') {
      const window = context.checkFlow(message.number.e164, message.signName);
      if (window) {
        return business(window.code, window.message);
      }
    }
  }
  const bizId = newBizId();
  for (const message of prepared) {
    const code = templateVariables(message.template.content).find((name) => /code/i.test(name));
    context.deliver({
      to: message.number.e164,
      text: `【${message.signName}】${render(message.template.content, message.params)}`,
      signName: message.signName,
      templateId: message.template.id,
      params: message.params,
      ...(code === undefined ? {} : { code: message.params[code] }),
      messageId: bizId,
      requestId,
      ...(outId === undefined ? {} : { outId }),
    });
  }
  return { bizId };
};

/** Missing variables, then the number's region against the template's and the account's. */
const messageProblem = (message: Prepared, account: ProviderAccount): AliyunError | undefined => {
  const missing = templateVariables(message.template.content).filter(
    (name) => !(name in message.params) || message.params[name] === ''
  );
  if (missing.length > 0) {
    return business(
      'isv.TEMPLATE_MISSING_PARAMETERS',
      `模板变量缺少对应参数值：${missing.join(',')}`
    );
  }
  if (!message.number.mainland && !account.international) {
    return business('isv.PRODUCT_UN_SUBSCRIPT', '未开通国际/港澳台短信服务');
  }
  if (message.template.international && message.number.mainland) {
    return business('isv.DOMESTIC_NUMBER_NOT_SUPPORTED');
  }
  if (!message.template.international && !message.number.mainland) {
    return business('isv.SMS_TEMPLATE_ILLEGAL', '国内短信模板不支持发送国际/港澳台号码');
  }
  return undefined;
};

const signatureProblem = (account: ProviderAccount, signName: string): AliyunError | undefined => {
  const signature = account.signatures.find(({ name }) => name === signName);
  if (!signature) {
    return business('isv.SMS_SIGNATURE_ILLEGAL');
  }
  if (signature.state !== 'approved') {
    return business(
      'isv.SMS_SIGNATURE_ILLEGAL',
      `短信签名不合法：签名${signature.state === 'pending' ? '审核中' : '审核未通过'}`
    );
  }
  return undefined;
};

const findTemplate = (account: ProviderAccount, code: string): SeedTemplate | AliyunError => {
  const template = account.templates.find(({ id }) => id === code);
  if (!template) {
    return business('isv.SMS_TEMPLATE_ILLEGAL');
  }
  if (template.state !== 'approved') {
    return business(
      'isv.SMS_TEMPLATE_ILLEGAL',
      `短信模板不合法：模板${template.state === 'pending' ? '审核中' : '审核未通过'}`
    );
  }
  return template;
};

/** TemplateParam must be a JSON object of strings (`{"code":1234}` is refused). */
const parseTemplateParam = (raw: string | undefined): Record<string, string> | AliyunError => {
  if (raw === undefined || raw === '') {
    return {};
  }
  try {
    return stringValues(JSON.parse(raw));
  } catch {
    return business('isv.INVALID_JSON_PARAM');
  }
};

const stringValues = (value: unknown): Record<string, string> | AliyunError => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return business('isv.INVALID_JSON_PARAM');
  }
  const entries = Object.entries(value);
  if (entries.some(([, item]) => typeof item !== 'string')) {
    return business('isv.INVALID_JSON_PARAM');
  }
  return Object.fromEntries(entries) as Record<string, string>;
};

/** undefined when absent, null when not a JSON array. */
const parseJsonArray = (raw: string | undefined): unknown[] | null => {
  try {
    const value: unknown = JSON.parse(raw ?? '');
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
};

const render = (content: string, params: Record<string, string>): string =>
  content.replace(PLACEHOLDER, (_, name: string) => params[name] ?? '');

/** `<18 digits>^0`, like `900619746936498440^0`. */
const newBizId = (): string =>
  `${randomInt(100_000_000, 1_000_000_000)}${randomInt(100_000_000, 1_000_000_000)}^0`;
