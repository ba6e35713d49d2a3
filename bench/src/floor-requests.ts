/**
 * The floors send requests signed beforehand, in the parent process: the emulator accepts them
 * (so the floors pay the same server work as the clients they are compared with), while the
 * floor process itself does no signing, validation or number handling at all. Each Aliyun request
 * carries its own nonce, so one request is made per send.
 */
import { randomUUID } from 'node:crypto';

// The signing modules alone: the parent process needs nothing else of the connectors.
import { signAliyunRpc } from '../../packages/connector-aliyun-sms/src/signing/rpc.js';
import { signTencentTc3 } from '../../packages/connector-tencent-sms/src/signing.js';
import { percentEncode } from '../../packages/shared/src/signing/index.js';

import { aliyunAccount, payloadFor, phoneFor, tencentAccount, yunpianAccount } from './fixtures.js';
import type { Provider } from './matrix.js';

export type PresignedRequest = { url: string; headers: Record<string, string>; body: string };

const formEncode = (params: Record<string, string>, encode: (value: string) => string) =>
  Object.entries(params)
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .join('&');

const aliyunRequest = (sequence: number): PresignedRequest => {
  const params: Record<string, string> = {
    AccessKeyId: aliyunAccount.accessKeyId,
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: phoneFor(sequence),
    RegionId: 'cn-hangzhou',
    SignName: aliyunAccount.signName,
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: randomUUID(),
    SignatureVersion: '1.0',
    TemplateCode: aliyunAccount.templateCode,
    TemplateParam: JSON.stringify({ code: payloadFor(sequence).code }),
    Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Version: '2017-05-25',
  };
  params.Signature = signAliyunRpc(params, aliyunAccount.accessKeySecret, 'POST');
  return {
    url: 'https://dysmsapi.aliyuncs.com/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: formEncode(params, percentEncode),
  };
};

const tencentRequest = (sequence: number): PresignedRequest => {
  const body = JSON.stringify({
    PhoneNumberSet: [`+${phoneFor(sequence)}`],
    SmsSdkAppId: tencentAccount.sdkAppId,
    SignName: tencentAccount.signName,
    TemplateId: tencentAccount.templateId,
    TemplateParamSet: [payloadFor(sequence).code],
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'x-tc-action': 'SendSms',
    'x-tc-version': '2021-01-11',
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': tencentAccount.region,
  };
  const { authorization } = signTencentTc3({
    secretId: tencentAccount.secretId,
    secretKey: tencentAccount.secretKey,
    service: 'sms',
    timestamp,
    headers: { ...headers, host: 'sms.tencentcloudapi.com' },
    body,
  });
  return { url: 'https://sms.tencentcloudapi.com/', headers: { ...headers, authorization }, body };
};

const yunpianRequest = (sequence: number): PresignedRequest => ({
  url: 'https://sms.yunpian.com/v2/sms/single_send.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
  body: formEncode(
    {
      apikey: yunpianAccount.apikey,
      mobile: phoneFor(sequence).slice(2),
      text: yunpianAccount.content.replace('{{code}}', payloadFor(sequence).code),
    },
    encodeURIComponent
  ),
});

const builders: Record<Provider, (sequence: number) => PresignedRequest> = {
  aliyun: aliyunRequest,
  tencent: tencentRequest,
  yunpian: yunpianRequest,
};

export const presignFloorRequests = (provider: Provider, count: number): PresignedRequest[] =>
  Array.from({ length: count }, (_, sequence) => builders[provider](sequence));
