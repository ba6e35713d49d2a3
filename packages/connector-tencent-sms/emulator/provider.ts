/**
 * Tencent Cloud SMS, API 3.0 (docs/providers.md §2.2): TC3-HMAC-SHA256 (headers, JSON body or GET query)
 * and signature v1 (HmacSHA1 / HmacSHA256, parameters in a form body or the query).
 */
import type {
  EmulatorRequest,
  EmulatorResponse,
  ProviderContext,
  ProviderDefinition,
  SignatureCheck,
} from '@duanxin/shared';

import { parseTc3Authorization, verifyTencentTc3 } from '../src/signing.js';
import { verifyTencentV1 } from '../src/signing-v1.js';
import { tencentDefaultAccount, tencentEmulatorConfig } from './account.js';
import {
  paramsFromQuery,
  TENCENT_VERSIONS,
  type TencentCall,
  type TencentVersion,
} from './call.js';
import { newRequestId, TencentError, tencentError, tencentOk } from './errors.js';
import {
  describeSmsSignList,
  describeSmsTemplateList,
  pullSmsSendStatus,
  pullSmsSendStatusByPhoneNumber,
} from './query.js';
import { sendSms } from './send.js';

/** X-TC-Timestamp may differ from server time by at most 5 minutes (docs/providers.md §2.2). */
const TIMESTAMP_WINDOW_SECONDS = 300;

type Action = {
  run: (call: TencentCall, context: ProviderContext) => Record<string, unknown>;
  /** Query actions are refused to send-only keys. */
  query: boolean;
};

const ACTIONS: Record<string, Action> = {
  SendSms: { run: sendSms, query: false },
  PullSmsSendStatus: { run: pullSmsSendStatus, query: true },
  PullSmsSendStatusByPhoneNumber: { run: pullSmsSendStatusByPhoneNumber, query: true },
  DescribeSmsTemplateList: { run: describeSmsTemplateList, query: true },
  DescribeSmsSignList: { run: describeSmsSignList, query: true },
};

const header = (request: EmulatorRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Signature v1's own parameters; the rest are the action's (docs/providers.md §2.2). */
const V1_COMMON = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
]);
// Production hosts and any regional one (sms.<region>.tencentcloudapi.com), port or not.
const TENCENT_HOST = /(^|\.)tencentcloudapi\.com(:\d+)?$/i;

/** TC3 carries its signature and common parameters in headers; v1 in parameters. */
const isTc3 = (request: EmulatorRequest): boolean =>
  (header(request, 'authorization') ?? '').startsWith('TC3-') ||
  ['x-tc-action', 'x-tc-timestamp', 'x-tc-version'].some((name) => name in request.headers);

/** Query and form-body parameters, as signature v1 sends them (GET or POST form). */
const v1Params = (request: EmulatorRequest): Record<string, string> => {
  const params = Object.fromEntries(request.url.searchParams);
  const contentType = (header(request, 'content-type') ?? '').toLowerCase();
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(request.body.toString('utf8'))));
  }
  return params;
};

/**
 * A Tencent Cloud API 3.0 request: sent to a `tencentcloudapi.com` host, TC3 (`X-TC-*` headers,
 * a `TC3-` Authorization) or signature v1 at `/` (a `SecretId` parameter, or one of the SMS API
 * versions). Aliyun's requests name their key `AccessKeyId` and their version 2017-05-25.
 */
const isTencentRequest = (request: EmulatorRequest): boolean => {
  if (TENCENT_HOST.test(header(request, 'host') ?? '')) return true;
  // The SDK sends X-TC-TraceId with either scheme.
  if (isTc3(request) || Object.keys(request.headers).some((name) => name.startsWith('x-tc-'))) {
    return true;
  }
  if (request.url.pathname !== '/') return false;
  const params = v1Params(request);
  return (
    params.SecretId !== undefined || TENCENT_VERSIONS.includes(params.Version as TencentVersion)
  );
};

/** What either signature scheme says about the request, before the secret is known. */
type Signed = {
  secretId: string;
  timestamp: string;
  /** Where the timestamp travels, for the error message. */
  timestampName: string;
  action: string;
  version: string;
  region: string | undefined;
  token: string | undefined;
  params: () => Record<string, unknown>;
  verify: (secretKey: string) => SignatureCheck;
};

const readTc3 = (request: EmulatorRequest): Signed => {
  const authorization = parseTc3Authorization(header(request, 'authorization') ?? '');
  if (!authorization) throw new TencentError('AuthFailure.InvalidAuthorization');
  return {
    secretId: authorization.secretId,
    timestamp: header(request, 'x-tc-timestamp') ?? '',
    timestampName: 'X-TC-Timestamp',
    action: header(request, 'x-tc-action') ?? '',
    version: header(request, 'x-tc-version') ?? '',
    region: header(request, 'x-tc-region'),
    token: header(request, 'x-tc-token'),
    params: () => parseParams(request),
    // The verifier checks the scope date (UTC, §2.4 item 3) and tolerates the SDK's host/port
    // and service quirks (§2.4 item 6).
    verify: (secretKey) =>
      verifyTencentTc3({
        method: request.method,
        headers: request.headers,
        body: request.body,
        secretKey,
        query: request.url.search.slice(1),
      }),
  };
};

const readV1 = (request: EmulatorRequest): Signed => {
  const params = v1Params(request);
  const missing = ['SecretId', 'Signature'].find((name) => !params[name]);
  if (missing) {
    throw new TencentError(
      'MissingParameter',
      `The request is missing a required parameter \`${missing}\`.`
    );
  }
  return {
    secretId: params.SecretId ?? '',
    timestamp: params.Timestamp ?? '',
    timestampName: 'Timestamp',
    action: params.Action ?? '',
    version: params.Version ?? '',
    region: params.Region,
    token: params.Token,
    params: () =>
      paramsFromQuery(
        new URLSearchParams(Object.entries(params).filter(([name]) => !V1_COMMON.has(name)))
      ),
    verify: (secretKey) =>
      verifyTencentV1({
        method: request.method,
        host: header(request, 'host') ?? '',
        path: request.url.pathname,
        params,
        secretKey,
      }),
  };
};

const authenticate = (request: EmulatorRequest, context: ProviderContext, requestId: string) => {
  const signed = isTc3(request) ? readTc3(request) : readV1(request);
  const credential = context.account.credentials.find(
    (candidate) => candidate.id === signed.secretId && !candidate.disabled
  );
  if (!credential) throw new TencentError('AuthFailure.SecretIdNotFound');

  if (!/^\d+$/.test(signed.timestamp)) {
    throw new TencentError(
      'MissingParameter',
      `The request is missing a valid \`${signed.timestampName}\`.`
    );
  }
  const timestamp = Number(signed.timestamp);
  if (Math.abs(context.now() / 1000 - timestamp) > TIMESTAMP_WINDOW_SECONDS) {
    throw new TencentError('AuthFailure.SignatureExpire');
  }
  const check = signed.verify(credential.secret ?? '');
  if (!check.ok) {
    throw new TencentError(
      'AuthFailure.SignatureFailure',
      `The provided credentials could not be validated. Please check your signature is correct. (emulator: ${check.reason})`
    );
  }
  if (credential.token !== undefined && signed.token !== credential.token) {
    throw new TencentError('AuthFailure.TokenFailure');
  }

  const { version, region, action } = signed;
  if (!TENCENT_VERSIONS.includes(version as TencentVersion)) {
    throw new TencentError('NoSuchVersion', `The API version \`${version}\` does not exist.`);
  }
  // X-TC-Region is required by 2021-01-11 only (docs/providers.md §2.3).
  if (region === undefined && version === '2021-01-11') {
    throw new TencentError(
      'MissingParameter',
      'The request is missing a required parameter `Region`.'
    );
  }
  if (region !== undefined && !(context.account.regions ?? []).includes(region)) {
    throw new TencentError('UnsupportedRegion', `The region \`${region}\` is not supported.`);
  }

  if (action === '') {
    throw new TencentError(
      'MissingParameter',
      'The request is missing a required parameter `Action`.'
    );
  }
  const definition = ACTIONS[action];
  if (!definition) {
    throw new TencentError('InvalidAction', `The action \`${action}\` is not valid.`);
  }
  if (definition.query && credential.canQuery === false) {
    throw new TencentError('UnauthorizedOperation.RequestPermissionDeny');
  }
  const call: TencentCall = {
    action,
    version: version as TencentVersion,
    params: signed.params(),
    credential,
    requestId,
  };
  return { call, definition };
};

const parseParams = (request: EmulatorRequest): Record<string, unknown> => {
  if (request.method === 'GET') return paramsFromQuery(request.url.searchParams);
  try {
    const parsed: unknown = JSON.parse(request.body.toString('utf8') || '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // answered below
  }
  throw new TencentError('FailedOperation.JsonParseFail');
};

const handle = (request: EmulatorRequest, context: ProviderContext): EmulatorResponse => {
  const requestId = newRequestId();
  try {
    const { call, definition } = authenticate(request, context, requestId);
    return tencentOk(definition.run(call, context), requestId);
  } catch (error) {
    if (error instanceof TencentError) return tencentError(error, requestId);
    throw error;
  }
};

export const tencentProvider: ProviderDefinition = {
  name: 'tencent',
  matches: isTencentRequest,
  handle,
  defaultAccount: tencentDefaultAccount,
  connectorConfig: tencentEmulatorConfig,
  credentialLabels: { id: 'SecretId', secret: 'SecretKey', token: 'Token' },
  hosts: ['sms.tencentcloudapi.com'],
  identifiedBy:
    'a tencentcloudapi.com host, or / with X-TC-* headers, a TC3- signature, SecretId or an SMS API Version',
};
