import { randomInt } from 'node:crypto';
import type { ProviderContext, SeedTemplate } from '@duanxin/shared';
import { normaliseTencentNumber, type TencentNumber } from './account.js';
import {
  findApp,
  optionalString,
  optionalStrings,
  rememberApp,
  requiredString,
  requiredStrings,
  type TencentCall,
} from './call.js';
import { messageFor, TencentError } from './errors.js';

const MAX_NUMBERS = 200;
const VERIFICATION_PARAM = /^\d{0,6}$/;

type SendStatus = {
  SerialNo: string;
  PhoneNumber: string;
  Fee: number;
  SessionContext: string;
  Code: string;
  Message: string;
  IsoCode: string;
};

export const placeholderCount = (template: SeedTemplate): number =>
  new Set(template.content.match(/\{\d+\}/g) ?? []).size;

const render = (template: SeedTemplate, params: string[]): string =>
  template.content.replace(/\{(\d+)\}/g, (whole, n: string) => params[Number(n) - 1] ?? whole);

/** Billed parts: 70 characters for one message, 67 per part beyond (docs/providers.md §2.5). */
const parts = (text: string): number => {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
};

let serialSequence = 0;
const newSerialNo = (now: number): string =>
  `5000:${now}${String(++serialSequence % 1e8).padStart(8, '0')}${randomInt(1e6)}`;

export const sendSms = (call: TencentCall, context: ProviderContext) => {
  const { account } = context;
  const inputs = requiredStrings(call, 'PhoneNumberSet');
  const appId = requiredString(call, 'SmsSdkAppId');
  const templateId = requiredString(call, 'TemplateId');
  const signName = optionalString(call, 'SignName');
  const params = optionalStrings(call, 'TemplateParamSet') ?? [];
  const sessionContext = optionalString(call, 'SessionContext') ?? '';

  if (inputs.length === 0) throw new TencentError('MissingParameter.EmptyPhoneNumberSet');
  if (inputs.length > MAX_NUMBERS) throw new TencentError('LimitExceeded.PhoneNumberCountLimit');
  const app = findApp(account, appId);

  const numbers = inputs.map((input) => ({ input, number: normaliseTencentNumber(input) }));
  const valid = numbers.flatMap(({ number }) => (number ? [number] : []));
  const international = valid.some((number) => !number.domestic);
  if (international && valid.some((number) => number.domestic)) {
    throw new TencentError('UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber');
  }
  // International-site apps cannot text the mainland; mainland accounts need international enabled.
  if (international ? !account.international : app.international) {
    throw new TencentError('UnsupportedOperation.UnsuportedRegion');
  }

  const signature = account.signatures.find(
    (candidate) => candidate.name === signName && candidate.state === 'approved'
  );
  // International messages need no signature (docs/providers.md §2.5, SignName "domestic: yes; intl: no").
  if (!international && !signature) {
    throw new TencentError('FailedOperation.SignatureIncorrectOrUnapproved');
  }
  const template = account.templates.find((candidate) => candidate.id === templateId);
  if (
    !template ||
    template.state !== 'approved' ||
    Boolean(template.international) !== international
  ) {
    throw new TencentError('FailedOperation.TemplateIncorrectOrUnapproved');
  }
  if (params.length !== placeholderCount(template)) {
    throw new TencentError('FailedOperation.TemplateParamSetNotMatchApprovedTemplate');
  }
  const verification = (template.kind ?? 'verification') === 'verification';
  if (verification && !params.every((param) => VERIFICATION_PARAM.test(param))) {
    throw new TencentError('InvalidParameterValue.TemplateParameterFormatError');
  }

  const text = `${signature ? `【${signature.name}】` : ''}${render(template, params)}`;
  const fee = parts(text);
  const failed = (phoneNumber: string, isoCode: string, code: string, message?: string) => ({
    SerialNo: '',
    PhoneNumber: phoneNumber,
    Fee: 0,
    SessionContext: sessionContext,
    Code: code,
    Message: message ?? messageFor(code),
    IsoCode: isoCode,
  });

  const sendOne = (number: TencentNumber): SendStatus => {
    if (account.balance <= 0) {
      return failed(number.e164, number.isoCode, 'FailedOperation.InsufficientBalanceInSmsPackage');
    }
    const window = context.checkFlow(number.e164, `${templateId}:${JSON.stringify(params)}`);
    if (window) return failed(number.e164, number.isoCode, window.code, window.message);
    const serialNo = newSerialNo(context.now());
    context.deliver({
      to: number.e164,
      text,
      signName: signature?.name ?? '',
      templateId,
      params,
      code: verification ? params[0] : undefined,
      messageId: serialNo,
      outId: sessionContext,
      requestId: call.requestId,
    });
    rememberApp(account, serialNo, appId);
    return {
      SerialNo: serialNo,
      PhoneNumber: number.e164,
      Fee: fee,
      SessionContext: sessionContext,
      Code: 'Ok',
      Message: 'send success',
      IsoCode: number.isoCode,
    };
  };

  return {
    SendStatusSet: numbers.map(({ input, number }) =>
      number ? sendOne(number) : failed(input, 'DEF', 'InvalidParameterValue.IncorrectPhoneNumber')
    ),
  };
};
