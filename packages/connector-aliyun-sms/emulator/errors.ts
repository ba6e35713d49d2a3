/**
 * Aliyun answers (docs/providers.md §1.6): gateway (POP) errors carry an HTTP error status and
 * `{RequestId, HostId, Code, Message, Recommend}`; business errors are HTTP 200 `{RequestId, Code,
 * Message}`. V1 requests get XML unless they ask for `Format=JSON` (the V1 default is XML).
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorResponse } from '@duanxin/shared';

export type AliyunFormat = 'JSON' | 'XML';

const HOST_ID = 'dysmsapi.aliyuncs.com';

/** HTTP status and message of each gateway error; `Missing<Param>` codes are built on the fly. */
const gatewayErrors: Record<string, { status: number; message: string }> = {
  SignatureDoesNotMatch: {
    status: 400,
    message: 'Specified signature does not match our calculation.',
  },
  IncompleteSignature: {
    status: 400,
    message: 'The request signature does not conform to Aliyun standards.',
  },
  'InvalidAccessKeyId.NotFound': { status: 404, message: 'Specified access key is not found.' },
  'InvalidAccessKeyId.Inactive': { status: 400, message: 'Specified access key is disabled.' },
  'InvalidTimeStamp.Expired': {
    status: 400,
    message: 'Specified time stamp or date value is expired.',
  },
  'InvalidTimeStamp.Format': {
    status: 400,
    message: 'Specified time stamp or date value is not well formatted.',
  },
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  MissingSecurityToken: { status: 400, message: 'SecurityToken is mandatory for this action.' },
  'InvalidSecurityToken.MismatchWithAccessKey': {
    status: 400,
    message: 'Specified SecurityToken mismatch with the AccessKey.',
  },
  InvalidSignatureMethod: { status: 400, message: 'Specified signature method is not valid.' },
  InvalidSignatureVersion: { status: 400, message: 'Specified signature version is not valid.' },
  InvalidVersion: { status: 400, message: 'Specified parameter Version is not valid.' },
  'InvalidAction.NotFound': {
    status: 404,
    message: 'Specified api is not found, please check your url and method.',
  },
  MissingParameter: { status: 400, message: 'A mandatory parameter is not supplied.' },
};

/** Business error messages as the API words them (HTTP 200). */
const businessMessages: Record<string, string> = {
  'isv.BUSINESS_LIMIT_CONTROL': '业务限流',
  'isv.MOBILE_NUMBER_ILLEGAL': '非法手机号',
  'isv.MOBILE_COUNT_OVER_LIMIT': '手机号码数量超过限制',
  'isv.SMS_TEMPLATE_ILLEGAL': '该账号下找不到对应模板',
  'isv.SMS_SIGNATURE_ILLEGAL': '该账号下找不到对应签名',
  'isv.TEMPLATE_MISSING_PARAMETERS': '模板变量缺少对应参数值',
  'isv.INVALID_JSON_PARAM': 'JSON参数不合法，只接受字符串值',
  'isv.INVALID_PARAMETERS': '参数异常',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED': '国际/港澳台消息模板不支持发送境内号码',
  'isv.AMOUNT_NOT_ENOUGH': '账户余额不足',
  'isv.PRODUCT_UN_SUBSCRIPT': '未开通云通信产品的阿里云客户',
  'isp.RAM_PERMISSION_DENY': 'RAM权限DENY',
};

/** A class, so `instanceof` tells an error from a value that happens to have the same keys. */
export class AliyunError {
  constructor(
    readonly kind: 'gateway' | 'business',
    readonly code: string,
    readonly message?: string
  ) {}
}

export const gateway = (code: string, message?: string): AliyunError =>
  new AliyunError('gateway', code, message);

export const business = (code: string, message?: string): AliyunError =>
  new AliyunError('business', code, message);

/** `MissingPhoneNumbers` / "PhoneNumbers is mandatory for this action." (HTTP 400). */
export const missingActionParameter = (name: string): AliyunError =>
  gateway(`Missing${name}`, `${name} is mandatory for this action.`);

/** A missing common (signing) parameter. */
export const missingCommonParameter = (name: string): AliyunError =>
  gateway(
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`
  );

export const newRequestId = (): string => randomUUID().toUpperCase();

export const errorAnswer = (
  error: AliyunError,
  action: string | undefined,
  format: AliyunFormat
): EmulatorResponse => {
  const RequestId = newRequestId();
  if (error.kind === 'business') {
    const Message = error.message ?? businessMessages[error.code] ?? error.code;
    return answer(
      200,
      `${action ?? 'Error'}Response`,
      { RequestId, Code: error.code, Message },
      format
    );
  }
  const known = gatewayErrors[error.code];
  return answer(
    known?.status ?? 400,
    'Error',
    {
      RequestId,
      HostId: HOST_ID,
      Code: error.code,
      Message: error.message ?? known?.message ?? error.code,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Dysmsapi`,
    },
    format
  );
};

export const okAnswer = (
  action: string,
  fields: Record<string, unknown>,
  format: AliyunFormat
): EmulatorResponse => {
  return answer(200, `${action}Response`, { Code: 'OK', Message: 'OK', ...fields }, format);
};

const answer = (
  status: number,
  root: string,
  body: Record<string, unknown>,
  format: AliyunFormat
): EmulatorResponse => {
  if (format === 'JSON') {
    return { status, body };
  }
  return {
    status,
    headers: { 'content-type': 'text/xml;charset=utf-8' },
    body: `<?xml version='1.0' encoding='UTF-8'?>${toXml(root, body)}`,
  };
};

/** Arrays repeat their element: `{Dto: [a, b]}` → `<Dto>a</Dto><Dto>b</Dto>`. */
const toXml = (name: string, value: unknown): string => {
  if (Array.isArray(value)) {
    return value.map((item) => toXml(name, item)).join('');
  }
  if (value !== null && typeof value === 'object') {
    const children = Object.entries(value).map(([key, child]) => toXml(key, child));
    return `<${name}>${children.join('')}</${name}>`;
  }
  const text = String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return `<${name}>${text}</${name}>`;
};
