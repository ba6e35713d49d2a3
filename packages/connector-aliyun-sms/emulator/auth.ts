/**
 * Authenticates an Aliyun request as the POP gateway does (docs/providers.md §1.2): V3 when
 * `Authorization` is `ACS3-<algorithm> …`, ACS4 when it is `ACS4-<algorithm> …`, else RPC V1 —
 * whatever other headers come along: both official SDKs send `x-acs-action` and `x-acs-version`
 * with V1 signatures too.
 */
import type {
  EmulatorRequest,
  ProviderContext,
  SeedCredential,
  SignatureCheck,
} from '@duanxin/shared';

import { isAcs3Algorithm, verifyAliyunAcs3 } from '../src/signing/acs3.js';
import { isAcs4Algorithm, verifyAliyunAcs4 } from '../src/signing/acs4.js';
import { verifyAliyunRpc } from '../src/signing/rpc.js';
import { AliyunError, type AliyunFormat, gateway, missingCommonParameter } from './errors.js';

export const ALIYUN_VERSION = '2017-05-25';
const ACS3_PREFIX = 'ACS3-';
const ACS4_PREFIX = 'ACS4-';
// Production hosts and any regional one (dysmsapi.<region>.aliyuncs.com), port or not.
const ALIYUN_HOST = /(^|\.)aliyuncs\.com(:\d+)?$/i;
const CLOCK_SKEW_MS = 15 * 60 * 1000;
// Longer than the whole ±15 min window, so a nonce cannot be replayed while its timestamp is valid.
const NONCE_TTL_SECONDS = 30 * 60;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export type AliyunCall = {
  action: string;
  /** Query and form-body parameters merged (decoded). */
  params: Record<string, string>;
  credential: SeedCredential;
};

export type AuthOutcome =
  | { ok: true; call: AliyunCall; format: AliyunFormat }
  | { ok: false; error: AliyunError; action: string | undefined; format: AliyunFormat };

export const isFormBody = (request: EmulatorRequest): boolean => {
  const contentType = request.headers['content-type'] ?? '';
  return contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
};

export const queryParams = (request: EmulatorRequest): Record<string, string> => {
  return Object.fromEntries(request.url.searchParams);
};

/** Parameters may arrive in the query, in a form body, or both (§1.4 item 8). */
export const requestParams = (request: EmulatorRequest): Record<string, string> => {
  const params = queryParams(request);
  if (isFormBody(request)) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(request.body.toString('utf8'))));
  }
  return params;
};

/** Told by the signature itself, the `Authorization` scheme, never by the other headers. */
export const isAcs3 = (request: EmulatorRequest): boolean => {
  return (header(request, 'authorization') ?? '').startsWith(ACS3_PREFIX);
};

export const isAcs4 = (request: EmulatorRequest): boolean => {
  return (header(request, 'authorization') ?? '').startsWith(ACS4_PREFIX);
};

/**
 * A Dysmsapi request (docs/providers.md §1.2): sent to an `aliyuncs.com` host, or at `/` with what
 * only Aliyun's protocol has — an `ACS3-` or `ACS4-` signature, `x-acs-*` headers, an
 * `AccessKeyId` parameter or the API version 2017-05-25. Tencent's requests (`X-TC-*`,
 * `SecretId`) have none.
 */
export const isAliyunRequest = (request: EmulatorRequest): boolean => {
  if (ALIYUN_HOST.test(header(request, 'host') ?? '')) {
    return true;
  }
  if (request.url.pathname !== '/') {
    return false;
  }
  if (
    isAcs3(request) ||
    isAcs4(request) ||
    Object.keys(request.headers).some((name) => name.startsWith('x-acs-'))
  ) {
    return true;
  }
  const params = requestParams(request);
  return params.AccessKeyId !== undefined || params.Version === ALIYUN_VERSION;
};

export const authenticate = (
  request: EmulatorRequest,
  context: ProviderContext,
  actions: ReadonlySet<string>
): AuthOutcome => {
  const params = requestParams(request);
  const v4 = isAcs4(request);
  // ACS3 and ACS4 name the action in a header and answer JSON, RPC V1 in its parameters.
  const inHeaders = v4 || isAcs3(request);
  const format: AliyunFormat =
    inHeaders || params.Format?.toUpperCase() === 'JSON' ? 'JSON' : 'XML';
  const action = inHeaders ? header(request, 'x-acs-action') : params.Action;
  const error = v4
    ? checkAcs4(request, context, actions)
    : inHeaders
      ? checkAcs3(request, context, actions)
      : checkRpc(request, params, context, actions);
  if (error instanceof AliyunError) {
    return { ok: false, error, action: action && actions.has(action) ? action : undefined, format };
  }
  return { ok: true, call: { action: action ?? '', params, credential: error }, format };
};

const rpcCommonParameters = [
  'Action',
  'Version',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
];

const checkRpc = (
  request: EmulatorRequest,
  params: Record<string, string>,
  context: ProviderContext,
  actions: ReadonlySet<string>
): AliyunError | SeedCredential => {
  const missing = rpcCommonParameters.find((name) => !params[name]);
  if (missing) {
    return missingCommonParameter(missing);
  }
  if (params.SignatureMethod !== 'HMAC-SHA1') {
    return gateway('InvalidSignatureMethod');
  }
  if (params.SignatureVersion !== '1.0') {
    return gateway('InvalidSignatureVersion');
  }
  const common = checkCommon(context, {
    action: params.Action ?? '',
    version: params.Version ?? '',
    accessKeyId: params.AccessKeyId ?? '',
    timestamp: params.Timestamp ?? '',
    securityToken: params.SecurityToken,
    actions,
  });
  if (common instanceof AliyunError) {
    return common;
  }
  const check = verifyAliyunRpc({ method: request.method, params, secret: common.secret ?? '' });
  return signatureError(check) ?? useNonce(context, params.SignatureNonce ?? '') ?? common;
};

type HeaderSigned = {
  scheme: RegExp;
  isAlgorithm: (name: string) => boolean;
  verify: typeof verifyAliyunAcs3;
};

/** ACS3 and ACS4 carry the same common headers; only the Authorization and the key differ. */
const checkHeaderSigned =
  ({ scheme, isAlgorithm, verify }: HeaderSigned) =>
  (
    request: EmulatorRequest,
    context: ProviderContext,
    actions: ReadonlySet<string>
  ): AliyunError | SeedCredential => {
    const credentialMatch = scheme.exec(header(request, 'authorization') ?? '');
    if (!credentialMatch) {
      return gateway('IncompleteSignature');
    }
    if (!isAlgorithm(credentialMatch[1] ?? '')) {
      return gateway(
        'IncompleteSignature',
        `The request signature does not conform to Aliyun standards. Unsupported signature algorithm ${credentialMatch[1]}.`
      );
    }
    const missing = ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce'].find(
      (name) => !header(request, name)
    );
    if (missing) {
      return missingCommonParameter(missing);
    }
    const common = checkCommon(context, {
      action: header(request, 'x-acs-action') ?? '',
      version: header(request, 'x-acs-version') ?? '',
      accessKeyId: credentialMatch[2] ?? '',
      timestamp: header(request, 'x-acs-date') ?? '',
      securityToken: header(request, 'x-acs-security-token'),
      actions,
    });
    if (common instanceof AliyunError) {
      return common;
    }
    const check = verify({
      method: request.method,
      path: request.url.pathname,
      query: queryParams(request),
      headers: request.headers,
      body: request.body,
      secret: common.secret ?? '',
    });
    return (
      signatureError(check) ??
      useNonce(context, header(request, 'x-acs-signature-nonce') ?? '') ??
      common
    );
  };

const checkAcs3 = checkHeaderSigned({
  scheme: /^(ACS3-[A-Z0-9-]+) Credential=([^,\s]+),/,
  isAlgorithm: isAcs3Algorithm,
  verify: verifyAliyunAcs3,
});

// The Credential is the AccessKeyId and the key's scope: `<id>/<date>/<region>/<product>/…`.
const checkAcs4 = checkHeaderSigned({
  scheme: /^(ACS4-[A-Z0-9-]+) Credential=([^/,\s]+)\//,
  isAlgorithm: isAcs4Algorithm,
  verify: verifyAliyunAcs4,
});

const checkCommon = (
  context: ProviderContext,
  call: {
    action: string;
    version: string;
    accessKeyId: string;
    timestamp: string;
    securityToken: string | undefined;
    actions: ReadonlySet<string>;
  }
): AliyunError | SeedCredential => {
  if (call.version !== ALIYUN_VERSION) {
    return gateway('InvalidVersion');
  }
  if (!call.actions.has(call.action)) {
    return gateway('InvalidAction.NotFound');
  }
  const credential = context.account.credentials.find(({ id }) => id === call.accessKeyId);
  if (!credential) {
    return gateway('InvalidAccessKeyId.NotFound');
  }
  if (credential.disabled) {
    return gateway('InvalidAccessKeyId.Inactive');
  }
  if (!TIMESTAMP.test(call.timestamp) || Number.isNaN(Date.parse(call.timestamp))) {
    return gateway('InvalidTimeStamp.Format');
  }
  if (Math.abs(context.now() - Date.parse(call.timestamp)) > CLOCK_SKEW_MS) {
    return gateway('InvalidTimeStamp.Expired');
  }
  if (credential.token !== undefined) {
    if (!call.securityToken) {
      return gateway('MissingSecurityToken');
    }
    if (call.securityToken !== credential.token) {
      return gateway('InvalidSecurityToken.MismatchWithAccessKey');
    }
  }
  return credential;
};

/** The real API echoes its string to sign, which is what makes a mismatch debuggable (§1.6). */
const signatureError = (check: SignatureCheck): AliyunError | undefined => {
  if (check.ok) {
    return undefined;
  }
  const base = 'Specified signature does not match our calculation.';
  if (check.canonicalRequest !== undefined && check.stringToSign !== undefined) {
    return gateway(
      'SignatureDoesNotMatch',
      `${base} server StringToSign is [${check.stringToSign}] server CanonicalRequest is [${check.canonicalRequest}]`
    );
  }
  if (check.stringToSign !== undefined) {
    return gateway(
      'SignatureDoesNotMatch',
      `${base} server string to sign is:${check.stringToSign}`
    );
  }
  if (/SignedHeaders|malformed|missing Authorization/.test(check.reason)) {
    return gateway(
      'IncompleteSignature',
      `The request signature does not conform to Aliyun standards. ${check.reason}`
    );
  }
  return gateway('SignatureDoesNotMatch', `${base} ${check.reason}`);
};

const useNonce = (context: ProviderContext, nonce: string): AliyunError | undefined => {
  return context.useNonce(nonce, NONCE_TTL_SECONDS) ? undefined : gateway('SignatureNonceUsed');
};

const header = (request: EmulatorRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
};
