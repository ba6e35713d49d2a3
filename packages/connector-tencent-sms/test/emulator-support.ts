/** Helpers of the Tencent provider tests: a fake core context and TC3-signed requests. */
import { expect } from 'vitest';
import { fakeProviderContext as fakeTencentContext, fakeNow } from '@duanxin/connector-testkit';
import type { EmulatorRequest, ProviderAccount, ProviderContext } from '@duanxin/shared';

import { tencentProvider } from '../emulator/provider.js';
import { signTencentTc3 } from '../src/signing.js';

export const NOW = fakeNow;

export const fakeContext = (account?: ProviderAccount) =>
  fakeTencentContext(tencentProvider, account);

export type RequestOptions = {
  version?: string;
  region?: string | null;
  secretId?: string;
  secretKey?: string;
  token?: string;
  timestamp?: number;
  body?: string;
};

export const signed = (
  action: string,
  payload: unknown,
  options: RequestOptions = {}
): EmulatorRequest => {
  const body = options.body ?? JSON.stringify(payload);
  const timestamp = options.timestamp ?? NOW / 1000;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: 'sms.tencentcloudapi.com',
    'x-tc-action': action,
    'x-tc-version': options.version ?? '2021-01-11',
    'x-tc-timestamp': String(timestamp),
  };
  if (options.region !== null) headers['x-tc-region'] = options.region ?? 'ap-guangzhou';
  if (options.token !== undefined) headers['x-tc-token'] = options.token;
  const { authorization } = signTencentTc3({
    secretId: options.secretId ?? 'AKID-duanxin-demo',
    secretKey: options.secretKey ?? 'duanxin-demo-secret',
    service: 'sms',
    timestamp,
    headers,
    body,
  });
  return {
    method: 'POST',
    url: new URL('http://sms.tencentcloudapi.com/'),
    headers: { ...headers, authorization },
    body: Buffer.from(body, 'utf8'),
  };
};

export type Answer = {
  Error?: { Code: string; Message: string };
  RequestId: string;
  SendStatusSet?: { Code: string; PhoneNumber: string; SerialNo: string; [k: string]: unknown }[];
  [k: string]: unknown;
};

export const call = async (context: ProviderContext, request: EmulatorRequest): Promise<Answer> => {
  const response = await tencentProvider.handle(request, context);
  expect(response.status).toBe(200);
  return (response.body as { Response: Answer }).Response;
};

export const send = (overrides: Record<string, unknown> = {}, options?: RequestOptions) =>
  signed(
    'SendSms',
    {
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: 'duanxin',
      TemplateId: '100001',
      TemplateParamSet: ['123456'],
      SessionContext: 'ctx-1',
      ...overrides,
    },
    options
  );

export const errorCode = async (request: EmulatorRequest, context = fakeContext().context) =>
  (await call(context, request)).Error?.Code;

export const statusCodes = async (request: EmulatorRequest, context = fakeContext().context) =>
  (await call(context, request)).SendStatusSet?.map((status) => status.Code);
