/**
 * The vendors' official Node SDKs, each with every signing method it offers, behind one shape so
 * that a table can run them all against the emulator; and a loopback proxy that changes a signed
 * request on its way (docs/providers.md §1.2, §2.2, §3.2).
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

import type yunpianModule from 'yunpian-sdk';

// CommonJS packages, loaded as Node's require does (ESM interop differs between Node and vitest),
// typed as require sees them.
const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/consistent-type-imports -- an import type cannot say "as required" */
type AsRequired<Name extends string> = Name extends '@alicloud/dysmsapi20170525'
  ? typeof import('@alicloud/dysmsapi20170525', { with: { 'resolution-mode': 'require' } })
  : Name extends '@alicloud/openapi-client'
    ? typeof import('@alicloud/openapi-client', { with: { 'resolution-mode': 'require' } })
    : Name extends '@alicloud/pop-core'
      ? typeof import('@alicloud/pop-core', { with: { 'resolution-mode': 'require' } })
      : typeof import('tencentcloud-sdk-nodejs-sms', { with: { 'resolution-mode': 'require' } });
/* eslint-enable @typescript-eslint/consistent-type-imports */
const load = <Name extends string>(name: Name): AsRequired<Name> =>
  require(name) as AsRequired<Name>;
const Dysmsapi = load('@alicloud/dysmsapi20170525');
const OpenApi = load('@alicloud/openapi-client');
const RPCClient = load('@alicloud/pop-core');
const tencentcloud = load('tencentcloud-sdk-nodejs-sms');
const yunpian = require('yunpian-sdk') as typeof yunpianModule;

// ACS4's signer, @alicloud/gateway-pop, is no dependency of its own: it is the one
// @alicloud/openapi-core (under @alicloud/dysmsapi20170525) depends on, loaded from there, with
// the signature util it signs through.
const requireFrom = (name: string, from: NodeJS.Require) => createRequire(from.resolve(name));
const gatewayPopRequire = requireFrom(
  '@alicloud/gateway-pop',
  requireFrom('@alicloud/openapi-core', requireFrom('@alicloud/dysmsapi20170525', require))
);
const GatewayPop = (gatewayPopRequire('@alicloud/gateway-pop') as { default: new () => unknown })
  .default;
type KeyedBy = (stringToSign: string, key: Buffer) => Buffer;
const signatureUtil = (
  gatewayPopRequire('@alicloud/darabonba-signature-util') as {
    default: { HmacSHA256SignByBytes: KeyedBy; HmacSM3SignByBytes: KeyedBy };
  }
).default;

export type Provider = 'aliyun' | 'tencent' | 'yunpian';

/**
 * send: one number; batch: two; status: the delivery reports of a number sent to first; recent:
 * the latest delivery reports of the account (Tencent's PullSmsSendStatus).
 */
export type Operation =
  'send' | 'send-2019' | 'batch' | 'status' | 'recent' | 'sign' | 'template' | 'account';

export type Credential = { id: string; secret: string; token?: string };

/** `phones` are mainland mobiles, 11 digits. */
export type Input = { phones: string[]; code: string };

export type Outcome =
  { ok: true; body: Record<string, unknown> } | { ok: false; code: string; message: string };

export type SdkClient = {
  provider: Provider;
  sdk: string;
  method: string;
  operations: Operation[];
  sts: boolean;
  /**
   * What a request it sent looks like, as `wire()` shows a logged one: the signing method is
   * checked on the wire, not taken on trust from the SDK's options.
   */
  signedAs: RegExp;
  /** The operation whose signed parameters travel in the query, and the one whose are in the body. */
  tamper: { query?: Operation; body?: Operation };
  run(endpoint: URL, credential: Credential, operation: Operation, input: Input): Promise<Outcome>;
};

/** `METHOD path`, the Authorization header and the body, one per line. */
export const wire = (entry: {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}): string =>
  `${entry.method} ${entry.path}\n${String(entry.headers.authorization ?? '')}\n${entry.body}`;

/** V3: the scheme of the Authorization header; V1: `SignatureMethod` among the parameters. */
const aliyunWire = (signatureAlgorithm: string | undefined): RegExp =>
  signatureAlgorithm === 'v2'
    ? /^POST \/\?[^\n]*SignatureMethod=HMAC-SHA1[^\n]*\n\n/
    : new RegExp(`^POST [^\\n]*\\n${signatureAlgorithm ?? 'ACS3-HMAC-SHA256'} Credential=`);

type Thrown = {
  code?: unknown;
  name?: unknown;
  message?: unknown;
};

const settle = async (call: () => Promise<Record<string, unknown>>): Promise<Outcome> => {
  try {
    return { ok: true, body: await call() };
  } catch (error) {
    const thrown = (error ?? {}) as Thrown;
    return {
      ok: false,
      code: String(thrown.code ?? thrown.name),
      message: String(thrown.message),
    };
  }
};

// --- Aliyun ----------------------------------------------------------------------------------

const ALIYUN = { signName: 'duanxin', template: 'SMS_100001' } as const;

/** QuerySendDetails takes the Beijing date of the send. */
const beijingDate = () =>
  new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');

/** Action parameters as the API names them, and whether the SDK sends them as a form body. */
const aliyunCall = (
  operation: Operation,
  input: Input
): { action: string; params: Record<string, string>; form?: Record<string, string> } => {
  const [phone = '', second = ''] = input.phones;
  const templateParam = JSON.stringify({ code: input.code });
  switch (operation) {
    case 'send':
      return {
        action: 'SendSms',
        params: {
          PhoneNumbers: phone,
          SignName: ALIYUN.signName,
          TemplateCode: ALIYUN.template,
          TemplateParam: templateParam,
        },
      };
    case 'batch':
      // The SDKs send the *Json parameters in a form body (docs/providers.md §1.2).
      return {
        action: 'SendBatchSms',
        params: { TemplateCode: ALIYUN.template },
        form: {
          PhoneNumberJson: JSON.stringify([phone, second]),
          SignNameJson: JSON.stringify([ALIYUN.signName, ALIYUN.signName]),
          TemplateParamJson: JSON.stringify([{ code: input.code }, { code: input.code }]),
        },
      };
    case 'status':
      return {
        action: 'QuerySendDetails',
        params: { PhoneNumber: phone, SendDate: beijingDate(), PageSize: '10', CurrentPage: '1' },
      };
    case 'sign':
      return { action: 'QuerySmsSign', params: { SignName: ALIYUN.signName } };
    case 'template':
      return { action: 'QuerySmsTemplate', params: { TemplateCode: ALIYUN.template } };
    default:
      throw new Error(`no Aliyun operation ${operation}`);
  }
};

const aliyunConfig = (
  endpoint: URL,
  credential: Credential,
  signatureAlgorithm?: string,
  signatureVersion?: 'v4'
) =>
  new OpenApi.Config({
    accessKeyId: credential.id,
    accessKeySecret: credential.secret,
    ...(credential.token === undefined ? {} : { securityToken: credential.token }),
    endpoint: endpoint.host,
    protocol: endpoint.protocol.replace(':', ''),
    ...(signatureAlgorithm === undefined ? {} : { signatureAlgorithm }),
    ...(signatureVersion === undefined ? {} : { signatureVersion }),
  });

/**
 * How ACS4's HMAC chain is keyed (docs/providers.md §1.2, "ACS4"): `as-shipped`, by the pinned
 * signature util, which turns each intermediate key into UTF-8 text first (lossy); `bytes`, by
 * the key's bytes, as the ACS4 algorithm (and Aliyun's Go gateway) has it — the util's two
 * byte-keyed HMACs replaced for the duration of one call, nothing else of the SDK changed.
 */
export type Acs4Keying = 'as-shipped' | 'bytes';

const withAcs4Keying = async <T>(keying: Acs4Keying, call: () => Promise<T>): Promise<T> => {
  if (keying === 'as-shipped') return call();
  // Static methods of a class: not enumerable, so taken one by one.
  const shipped = {
    HmacSHA256SignByBytes: signatureUtil.HmacSHA256SignByBytes,
    HmacSM3SignByBytes: signatureUtil.HmacSM3SignByBytes,
  };
  const byBytes =
    (hash: string): KeyedBy =>
    (stringToSign, key) =>
      createHmac(hash, key).update(stringToSign, 'utf8').digest();
  signatureUtil.HmacSHA256SignByBytes = byBytes('sha256');
  signatureUtil.HmacSM3SignByBytes = byBytes('sm3');
  try {
    return await call();
  } finally {
    signatureUtil.HmacSHA256SignByBytes = shipped.HmacSHA256SignByBytes;
    signatureUtil.HmacSM3SignByBytes = shipped.HmacSM3SignByBytes;
  }
};

/**
 * @alicloud/dysmsapi20170525 with a config of @alicloud/openapi-client, as Aliyun's samples do.
 * With `acs4`: `signatureVersion: 'v4'`, which sends nothing without a gateway client and a
 * product id, neither of which the product SDK sets (docs/providers.md §1.2, "ACS4").
 */
const dysmsapi = (
  signatureAlgorithm: string | undefined,
  method: string,
  acs4?: Acs4Keying
): SdkClient => ({
  provider: 'aliyun',
  sdk: '@alicloud/dysmsapi20170525',
  method,
  signedAs: aliyunWire(signatureAlgorithm),
  operations: ['send', 'batch', 'status', 'sign', 'template'],
  sts: true,
  tamper: { query: 'send', body: 'batch' },
  run: (endpoint, credential, operation, input) =>
    settle(async () => {
      const client = new Dysmsapi.default(
        aliyunConfig(endpoint, credential, signatureAlgorithm, acs4 && 'v4')
      );
      if (acs4 !== undefined) {
        client.setGatewayClient(new GatewayPop() as Parameters<typeof client.setGatewayClient>[0]);
        client._productId = 'Dysmsapi';
      }
      const { params, form } = aliyunCall(operation, input);
      const all = { ...params, ...form };
      const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
      const fields = Object.fromEntries(
        Object.entries(all).map(([name, value]) => [lower(name), value])
      );
      const answer = await withAcs4Keying(
        acs4 ?? 'as-shipped',
        {
          send: () => client.sendSms(new Dysmsapi.SendSmsRequest(fields)),
          batch: () => client.sendBatchSms(new Dysmsapi.SendBatchSmsRequest(fields)),
          status: () =>
            client.querySendDetails(
              new Dysmsapi.QuerySendDetailsRequest({
                ...fields,
                pageSize: Number(all.PageSize),
                currentPage: Number(all.CurrentPage),
              })
            ),
          sign: () => client.querySmsSign(new Dysmsapi.QuerySmsSignRequest(fields)),
          template: () => client.querySmsTemplate(new Dysmsapi.QuerySmsTemplateRequest(fields)),
        }[operation as 'send']
      );
      // The model's wire names, as the other SDKs return them.
      return answer.body?.toMap() ?? {};
    }),
});

/**
 * @alicloud/openapi-client's generic call, which the product SDKs before 4.x are built on; with
 * `acs4` as `dysmsapi`'s.
 */
const openApiClient = (
  signatureAlgorithm: string | undefined,
  method: string,
  acs4?: Acs4Keying
): SdkClient => ({
  provider: 'aliyun',
  sdk: '@alicloud/openapi-client',
  method,
  signedAs: aliyunWire(signatureAlgorithm),
  operations: ['send', 'batch', 'status', 'sign', 'template'],
  sts: true,
  tamper: { query: 'send', body: 'batch' },
  run: (endpoint, credential, operation, input) =>
    settle(async () => {
      const client = new OpenApi.default(
        aliyunConfig(endpoint, credential, signatureAlgorithm, acs4 && 'v4')
      );
      if (acs4 !== undefined) {
        client.setGatewayClient(new GatewayPop() as Parameters<typeof client.setGatewayClient>[0]);
        client._productId = 'Dysmsapi';
      }
      const { action, params, form } = aliyunCall(operation, input);
      const answer = await withAcs4Keying(acs4 ?? 'as-shipped', () =>
        client.callApi(
          new OpenApi.Params({
            action,
            version: '2017-05-25',
            protocol: endpoint.protocol.replace(':', '').toUpperCase(),
            pathname: '/',
            method: 'POST',
            authType: 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json',
          }),
          new OpenApi.OpenApiRequest({
            query: params,
            ...(form === undefined ? {} : { body: form }),
          }),
          {} as Parameters<typeof client.callApi>[2]
        )
      );
      return (answer as { body: Record<string, unknown> }).body;
    }),
});

/** @alicloud/pop-core: RPC V1 only, parameters in the query (GET) or a form body (POST). */
const popCore = (httpMethod: 'GET' | 'POST'): SdkClient => ({
  provider: 'aliyun',
  sdk: '@alicloud/pop-core',
  method: `HMAC-SHA1 ${httpMethod}`,
  signedAs:
    httpMethod === 'GET'
      ? /^GET \/\?[^\n]*SignatureMethod=HMAC-SHA1[^\n]*\n\n$/
      : /^POST \/\n\n[^\n]*SignatureMethod=HMAC-SHA1/,
  operations: ['send', 'batch', 'status', 'sign', 'template'],
  sts: true,
  tamper: httpMethod === 'GET' ? { query: 'send' } : { body: 'send' },
  run: (endpoint, credential, operation, input) =>
    settle(async () => {
      const client = new RPCClient({
        accessKeyId: credential.id,
        accessKeySecret: credential.secret,
        ...(credential.token === undefined ? {} : { securityToken: credential.token }),
        endpoint: endpoint.origin,
        apiVersion: '2017-05-25',
      });
      const { action, params, form } = aliyunCall(operation, input);
      return client.request<Record<string, unknown>>(
        action,
        { ...params, ...form },
        { method: httpMethod }
      );
    }),
});

// --- Tencent ---------------------------------------------------------------------------------

const TENCENT = { appId: '1400000001', signName: 'duanxin', template: '100001' } as const;

type TencentSignMethod = 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';

const tencent = (signMethod: TencentSignMethod, reqMethod: 'POST' | 'GET'): SdkClient => ({
  provider: 'tencent',
  sdk: 'tencentcloud-sdk-nodejs-sms',
  method: `${signMethod} ${reqMethod}`,
  signedAs:
    signMethod === 'TC3-HMAC-SHA256'
      ? new RegExp(`^${reqMethod} \\/[^\\n]*\\nTC3-HMAC-SHA256 Credential=`)
      : reqMethod === 'GET'
        ? new RegExp(`^GET \\/\\?[^\\n]*SignatureMethod=${signMethod}[^\\n]*\\n\\n$`)
        : new RegExp(`^POST \\/\\n\\n[^\\n]*SignatureMethod=${signMethod}`),
  operations: ['send', 'send-2019', 'batch', 'status', 'recent', 'sign', 'template'],
  sts: true,
  // Parameters travel in the query of a GET and in the (JSON or form) body of a POST.
  tamper: reqMethod === 'GET' ? { query: 'send' } : { body: 'send' },
  run: (endpoint, credential, operation, input) =>
    settle(async () => {
      const options = {
        credential: {
          secretId: credential.id,
          secretKey: credential.secret,
          ...(credential.token === undefined ? {} : { token: credential.token }),
        },
        region: 'ap-guangzhou',
        profile: {
          signMethod,
          httpProfile: { endpoint: endpoint.host, protocol: `${endpoint.protocol}//`, reqMethod },
        },
      };
      const phones = input.phones.map((phone) => `+86${phone}`);
      if (operation === 'send-2019') {
        const client = new tencentcloud.sms.v20190711.Client(options);
        return (await client.SendSms({
          PhoneNumberSet: phones.slice(0, 1),
          SmsSdkAppid: TENCENT.appId,
          Sign: TENCENT.signName,
          TemplateID: TENCENT.template,
          TemplateParamSet: [input.code],
        })) as unknown as Record<string, unknown>;
      }
      const client = new tencentcloud.sms.v20210111.Client(options);
      const send = (numbers: string[]) =>
        client.SendSms({
          PhoneNumberSet: numbers,
          SmsSdkAppId: TENCENT.appId,
          SignName: TENCENT.signName,
          TemplateId: TENCENT.template,
          TemplateParamSet: [input.code],
        });
      const answers: Record<string, () => Promise<unknown>> = {
        send: () => send(phones.slice(0, 1)),
        batch: () => send(phones.slice(0, 2)),
        status: () =>
          client.PullSmsSendStatusByPhoneNumber({
            BeginTime: Math.floor(Date.now() / 1000) - 3600,
            Offset: 0,
            Limit: 10,
            PhoneNumber: phones[0] ?? '',
            SmsSdkAppId: TENCENT.appId,
          }),
        recent: () => client.PullSmsSendStatus({ Limit: 10, SmsSdkAppId: TENCENT.appId }),
        // 1000 is the emulator's id of the first seeded signature, `duanxin`.
        sign: () => client.DescribeSmsSignList({ SignIdSet: [1000], International: 0 }),
        template: () =>
          client.DescribeSmsTemplateList({
            TemplateIdSet: [Number(TENCENT.template)],
            International: 0,
          }),
      };
      return (await answers[operation]!()) as Record<string, unknown>;
    }),
});

// --- YunPian ---------------------------------------------------------------------------------

/** yunpian-sdk calls https://sms.yunpian.com itself: the tests send it on with `redirectTls`. */
const yunpianSdk: SdkClient = {
  provider: 'yunpian',
  sdk: 'yunpian-sdk',
  method: 'apikey',
  signedAs: /^POST \/v2\/[^\n]*\n\napikey=/,
  operations: ['send', 'batch', 'template', 'account'],
  sts: false,
  tamper: {},
  run: (_endpoint, credential, operation, input) =>
    settle(async () => {
      const apikey = credential.id;
      const text = `【duanxin】您的验证码是${input.code}。如非本人操作，请忽略本短信`;
      const answers: Record<string, () => Promise<Record<string, unknown>>> = {
        send: () => new yunpian.SMS({ apikey }).singleSend({ mobile: input.phones[0]!, text }),
        batch: () =>
          new yunpian.SMS({ apikey }).batchSend({
            mobile: input.phones.slice(0, 2).join(','),
            text,
          }),
        template: () => new yunpian.TPL({ apikey }).get({ tpl_id: '1' }),
        account: () => new yunpian.USER({ apikey }).get({}),
      };
      const answer = await answers[operation]!();
      // The SDK resolves with the error answers too.
      if (typeof answer.http_status_code === 'number') {
        throw Object.assign(new Error(String(answer.detail ?? answer.msg)), {
          code: String(answer.code),
        });
      }
      return answer;
    }),
};

/** Every SDK × signing method it offers (docs/providers.md §1.2, §2.2, §3.2). */
export const sdkClients: SdkClient[] = [
  dysmsapi(undefined, 'ACS3-HMAC-SHA256 (default)'),
  dysmsapi('ACS3-HMAC-SM3', 'ACS3-HMAC-SM3'),
  dysmsapi('ACS3-RSA-SHA256', 'ACS3-RSA-SHA256'),
  dysmsapi('v2', 'HMAC-SHA1 (signatureAlgorithm v2)'),
  dysmsapi('ACS4-HMAC-SHA256', 'ACS4-HMAC-SHA256 (v4, key bytes kept)', 'bytes'),
  dysmsapi('ACS4-HMAC-SM3', 'ACS4-HMAC-SM3 (v4, key bytes kept)', 'bytes'),
  openApiClient(undefined, 'ACS3-HMAC-SHA256 (default)'),
  openApiClient('ACS3-HMAC-SM3', 'ACS3-HMAC-SM3'),
  openApiClient('ACS3-RSA-SHA256', 'ACS3-RSA-SHA256'),
  openApiClient('v2', 'HMAC-SHA1 (signatureAlgorithm v2)'),
  openApiClient('ACS4-HMAC-SHA256', 'ACS4-HMAC-SHA256 (v4, key bytes kept)', 'bytes'),
  openApiClient('ACS4-HMAC-SM3', 'ACS4-HMAC-SM3 (v4, key bytes kept)', 'bytes'),
  popCore('GET'),
  popCore('POST'),
  tencent('TC3-HMAC-SHA256', 'POST'),
  tencent('TC3-HMAC-SHA256', 'GET'),
  tencent('HmacSHA1', 'POST'),
  tencent('HmacSHA1', 'GET'),
  tencent('HmacSHA256', 'POST'),
  tencent('HmacSHA256', 'GET'),
  yunpianSdk,
];

/** ACS4 as the pinned SDK signs it: sent, and refused (docs/providers.md §1.2, "ACS4"). */
export const acs4AsShipped: SdkClient[] = [
  dysmsapi('ACS4-HMAC-SHA256', 'ACS4-HMAC-SHA256 (v4, as shipped)', 'as-shipped'),
  dysmsapi('ACS4-HMAC-SM3', 'ACS4-HMAC-SM3 (v4, as shipped)', 'as-shipped'),
  openApiClient('ACS4-HMAC-SHA256', 'ACS4-HMAC-SHA256 (v4, as shipped)', 'as-shipped'),
  openApiClient('ACS4-HMAC-SM3', 'ACS4-HMAC-SM3 (v4, as shipped)', 'as-shipped'),
];

// --- Tampering proxy -------------------------------------------------------------------------

export type Tampering =
  { kind: 'query' | 'body'; from: string; to: string } | { kind: 'replay' } | { kind: 'none' };

/**
 * Forwards each request to the emulator as it came (Host included, since it is signed), except
 * for the one change asked for: a string replaced in the query or the body after signing, or the
 * request sent twice (the second answer is returned). A change that finds nothing to change
 * answers 599, so a case cannot pass by tampering with nothing.
 */
export const startTamperingProxy = async (target: URL) => {
  const state: { tampering: Tampering; forwarded: number } = {
    tampering: { kind: 'none' },
    forwarded: 0,
  };
  const forward = (
    method: string,
    path: string,
    headers: http.IncomingHttpHeaders,
    body: Buffer
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const {
        'content-length': _length,
        'transfer-encoding': _encoding,
        connection: _connection,
        ...kept
      } = headers;
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          method,
          path,
          headers: { ...kept, 'content-length': String(body.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            })
          );
          response.on('error', reject);
        }
      );
      request.on('error', reject);
      request.end(body);
    });

  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        let path = incoming.url ?? '/';
        let body = Buffer.concat(chunks);
        const { tampering } = state;
        if (tampering.kind === 'query' || tampering.kind === 'body') {
          const [pathname = '', query] = path.split(/\?(.*)/s);
          const part = tampering.kind === 'query' ? (query ?? '') : body.toString('utf8');
          if (!part.includes(tampering.from)) {
            outgoing.writeHead(599).end(`nothing to tamper with in the ${tampering.kind}`);
            return;
          }
          const changed = part.replace(tampering.from, tampering.to);
          if (tampering.kind === 'query') path = `${pathname}?${changed}`;
          else body = Buffer.from(changed, 'utf8');
        }
        const method = incoming.method ?? 'GET';
        let answer = await forward(method, path, incoming.headers, body);
        state.forwarded++;
        if (tampering.kind === 'replay') {
          answer = await forward(method, path, incoming.headers, body);
          state.forwarded++;
        }
        const {
          'content-length': _length,
          'transfer-encoding': _encoding,
          ...headers
        } = answer.headers;
        outgoing.writeHead(answer.status, headers).end(answer.body);
      })().catch((error: unknown) => outgoing.writeHead(502).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}`),
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
