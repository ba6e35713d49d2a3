import type { ProviderAccount, SeedCredential } from '@duanxin/shared';
import { TencentError } from './errors.js';

export const TENCENT_VERSIONS = ['2021-01-11', '2019-07-11'] as const;
export type TencentVersion = (typeof TENCENT_VERSIONS)[number];

/** An authenticated request: what the action handlers get. */
export type TencentCall = {
  action: string;
  version: TencentVersion;
  params: Record<string, unknown>;
  credential: SeedCredential;
  requestId: string;
};

/** 2019-07-11 spells some fields differently (docs/providers.md §2.3). */
const FIELDS_2019: Record<string, string> = {
  SmsSdkAppId: 'SmsSdkAppid',
  SignName: 'Sign',
  TemplateId: 'TemplateID',
};

const raw = (call: TencentCall, name: string): unknown =>
  call.params[call.version === '2019-07-11' ? (FIELDS_2019[name] ?? name) : name];

const missing = (name: string) =>
  new TencentError('MissingParameter', `The request is missing a required parameter \`${name}\`.`);
const invalid = (name: string) =>
  new TencentError('InvalidParameter', `The value type of parameter \`${name}\` is incorrect.`);

export const optionalString = (call: TencentCall, name: string): string | undefined => {
  const value = raw(call, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(name);
  return value;
};

export const requiredString = (call: TencentCall, name: string): string => {
  const value = optionalString(call, name);
  if (value === undefined) throw missing(name);
  return value;
};

export const optionalNumber = (call: TencentCall, name: string): number | undefined => {
  const value = raw(call, name);
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw invalid(name);
  return number;
};

export const requiredNumber = (call: TencentCall, name: string): number => {
  const value = optionalNumber(call, name);
  if (value === undefined) throw missing(name);
  return value;
};

const optionalArray = <T>(
  call: TencentCall,
  name: string,
  item: (value: unknown) => T | undefined
): T[] | undefined => {
  const value = raw(call, name);
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(name);
  return value.map((entry) => {
    const converted = item(entry);
    if (converted === undefined) throw invalid(name);
    return converted;
  });
};

export const optionalStrings = (call: TencentCall, name: string): string[] | undefined =>
  optionalArray(call, name, (v) => (typeof v === 'string' ? v : undefined));

export const optionalNumbers = (call: TencentCall, name: string): number[] | undefined =>
  optionalArray(call, name, (v) =>
    typeof v === 'number' && Number.isInteger(v)
      ? v
      : typeof v === 'string' && /^\d+$/.test(v)
        ? Number(v)
        : undefined
  );

export const requiredStrings = (call: TencentCall, name: string): string[] => {
  const value = optionalStrings(call, name);
  if (value === undefined) throw missing(name);
  return value;
};

export const requiredNumbers = (call: TencentCall, name: string): number[] => {
  const value = optionalNumbers(call, name);
  if (value === undefined) throw missing(name);
  return value;
};

export const findApp = (account: ProviderAccount, appId: string) => {
  const app = account.apps?.find((candidate) => candidate.id === appId);
  if (!app) throw new TencentError('InvalidParameterValue.SdkAppIdNotExist');
  return app;
};

/** GET requests carry flattened parameters: `PhoneNumberSet.0=…&PhoneNumberSet.1=…`. */
export const paramsFromQuery = (query: URLSearchParams): Record<string, unknown> => {
  const params: Record<string, unknown> = {};
  for (const [key, value] of query) {
    const [name, index] = key.split('.');
    if (!name) continue;
    if (index === undefined) params[name] = value;
    else {
      const list = Array.isArray(params[name]) ? (params[name] as unknown[]) : [];
      list[Number(index)] = value;
      params[name] = list;
    }
  }
  return params;
};

/**
 * The inbox does not record the app a message was sent through, which the status queries filter
 * by. Kept per account so two emulators in one process do not mix them.
 */
const appOfMessage = new WeakMap<ProviderAccount, Map<string, string>>();

export const rememberApp = (account: ProviderAccount, serialNo: string, appId: string) => {
  let byAccount = appOfMessage.get(account);
  if (!byAccount) appOfMessage.set(account, (byAccount = new Map()));
  byAccount.set(serialNo, appId);
};

export const appOf = (account: ProviderAccount, serialNo: string): string | undefined =>
  appOfMessage.get(account)?.get(serialNo);
