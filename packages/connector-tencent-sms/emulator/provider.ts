import type {
  EmulatorRequest,
  EmulatorResponse,
  ProviderContext,
  ProviderDefinition,
} from '@duanxin/shared';

import { parseTc3Authorization, verifyTencentTc3 } from '../src/signing.js';
import { tencentDefaultAccount } from './account.js';
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

/** X-TC-Timestamp may differ from server time by at most 5 minutes (providers.md §B.1). */
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

const authenticate = (request: EmulatorRequest, context: ProviderContext, requestId: string) => {
  const authorization = parseTc3Authorization(header(request, 'authorization') ?? '');
  if (!authorization) throw new TencentError('AuthFailure.InvalidAuthorization');
  const credential = context.account.credentials.find(
    (candidate) => candidate.id === authorization.secretId && !candidate.disabled
  );
  if (!credential) throw new TencentError('AuthFailure.SecretIdNotFound');

  const timestampHeader = header(request, 'x-tc-timestamp') ?? '';
  if (!/^\d+$/.test(timestampHeader)) {
    throw new TencentError('MissingParameter', 'The request is missing a valid `X-TC-Timestamp`.');
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(context.now() / 1000 - timestamp) > TIMESTAMP_WINDOW_SECONDS) {
    throw new TencentError('AuthFailure.SignatureExpire');
  }
  // The verifier checks the scope date (UTC, §0.1 item 7) and tolerates the SDK's host/port and
  // service quirks (§B.8).
  const check = verifyTencentTc3({
    method: request.method,
    headers: request.headers,
    body: request.body,
    secretKey: credential.secret ?? '',
    query: request.url.search.slice(1),
  });
  if (!check.ok) {
    throw new TencentError(
      'AuthFailure.SignatureFailure',
      `The provided credentials could not be validated. Please check your signature is correct. (emulator: ${check.reason})`
    );
  }
  if (credential.token !== undefined && header(request, 'x-tc-token') !== credential.token) {
    throw new TencentError('AuthFailure.TokenFailure');
  }

  const version = header(request, 'x-tc-version') ?? '';
  if (!TENCENT_VERSIONS.includes(version as TencentVersion)) {
    throw new TencentError('NoSuchVersion', `The API version \`${version}\` does not exist.`);
  }
  const region = header(request, 'x-tc-region');
  // X-TC-Region is required by 2021-01-11 only (providers.md §B.1).
  if (region === undefined && version === '2021-01-11') {
    throw new TencentError(
      'MissingParameter',
      'The request is missing a required parameter `Region`.'
    );
  }
  if (region !== undefined && !(context.account.regions ?? []).includes(region)) {
    throw new TencentError('UnsupportedRegion', `The region \`${region}\` is not supported.`);
  }

  const action = header(request, 'x-tc-action') ?? '';
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
    params: parseParams(request),
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
  matches: (request) => header(request, 'x-tc-action') !== undefined,
  handle,
  defaultAccount: tencentDefaultAccount,
};
