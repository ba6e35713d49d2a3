/**
 * Aliyun Dysmsapi 2017-05-25 (docs/providers.md §1): SendSms, SendBatchSms, QuerySendDetails,
 * QuerySmsSign and QuerySmsTemplate, signed with RPC V1 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256,
 * ACS3-HMAC-SM3, ACS3-RSA-SHA256).
 */
import {
  demoSignatures,
  type ProviderAccount,
  type ProviderContext,
  type ProviderDefinition,
} from '@duanxin/shared';

import { authenticate, isAliyunRequest } from './auth.js';
import { AliyunError, errorAnswer, newRequestId, okAnswer } from './errors.js';
import {
  querySendDetails,
  querySmsSign,
  querySmsTemplate,
  requireQueryPermission,
} from './query.js';
import { sendBatchSms, sendSms } from './sms.js';
import { aliyunEmulatorConfig, aliyunHosts } from './config.js';

type Action = (
  params: Record<string, string>,
  context: ProviderContext,
  requestId: string
) => Record<string, unknown> | AliyunError;

const actions: Record<string, { needsQueryPermission: boolean; run: Action }> = {
  SendSms: { needsQueryPermission: false, run: (p, c, id) => bizIdFields(sendSms(p, c, id)) },
  SendBatchSms: {
    needsQueryPermission: false,
    run: (p, c, id) => bizIdFields(sendBatchSms(p, c, id)),
  },
  QuerySendDetails: { needsQueryPermission: true, run: querySendDetails },
  QuerySmsSign: { needsQueryPermission: true, run: querySmsSign },
  QuerySmsTemplate: { needsQueryPermission: true, run: querySmsTemplate },
};
const actionNames: ReadonlySet<string> = new Set(Object.keys(actions));

const bizIdFields = (
  result: { bizId: string } | AliyunError
): Record<string, unknown> | AliyunError => {
  return result instanceof AliyunError ? result : { BizId: result.bizId };
};

/**
 * The built-in seed (credentials to paste into a connector config):
 * - `LTAI-duanxin-demo` / `duanxin-demo-secret`: full access.
 * - `LTAI-duanxin-sendonly` / `duanxin-sendonly-secret`: may send, query APIs answer
 *   `isp.RAM_PERMISSION_DENY`.
 * - `STS.duanxin-demo-sts` / `duanxin-sts-secret` with SecurityToken `duanxin-sts-token`.
 * Signatures `duanxin` (approved), `pending-sign`, `rejected-sign`; templates SMS_100001 (code),
 * SMS_100002 (international), SMS_100003 (code + time), SMS_100004 (pending), SMS_100005
 * (rejected). Flow control: Aliyun's verification-code default of 1/min, 5/h, 10/day per number.
 */
export const aliyunDefaultAccount = (): ProviderAccount => {
  return {
    credentials: [
      { id: 'LTAI-duanxin-demo', secret: 'duanxin-demo-secret', canQuery: true },
      { id: 'LTAI-duanxin-sendonly', secret: 'duanxin-sendonly-secret', canQuery: false },
      {
        id: 'STS.duanxin-demo-sts',
        secret: 'duanxin-sts-secret',
        token: 'duanxin-sts-token',
        canQuery: true,
      },
    ],
    signatures: demoSignatures(),
    templates: [
      { id: 'SMS_100001', content: '您的验证码为${code}，5分钟内有效。', state: 'approved' },
      {
        id: 'SMS_100002',
        content: 'Your verification code is ${code}.',
        state: 'approved',
        international: true,
      },
      {
        id: 'SMS_100003',
        content: '您的验证码为${code}，请于${time}分钟内填写。',
        state: 'approved',
      },
      {
        id: 'SMS_100004',
        content: '您的订单${order}已发货。',
        state: 'pending',
        kind: 'notification',
      },
      { id: 'SMS_100005', content: '点击领取红包${url}', state: 'rejected', kind: 'notification' },
    ],
    balance: 1_000_000,
    international: true,
    flowControl: [
      {
        seconds: 60,
        max: 1,
        code: 'isv.BUSINESS_LIMIT_CONTROL',
        message: '触发分钟级流控Permits:1',
        // Per number and signature (docs/providers.md §1.6).
        perKey: true,
      },
      {
        seconds: 3600,
        max: 5,
        code: 'isv.BUSINESS_LIMIT_CONTROL',
        message: '触发小时级流控Permits:5',
        perKey: true,
      },
      {
        seconds: 86_400,
        max: 10,
        code: 'isv.BUSINESS_LIMIT_CONTROL',
        message: '触发天级流控Permits:10',
        perKey: true,
      },
    ],
  };
};

export const aliyunProvider: ProviderDefinition = {
  name: 'aliyun',
  matches: isAliyunRequest,
  handle(request, context) {
    const auth = authenticate(request, context, actionNames);
    if (!auth.ok) {
      return errorAnswer(auth.error, auth.action, auth.format);
    }
    const { action, params, credential } = auth.call;
    const definition = actions[action];
    if (!definition) {
      return errorAnswer(
        new AliyunError('gateway', 'InvalidAction.NotFound'),
        undefined,
        auth.format
      );
    }
    const requestId = newRequestId();
    const result =
      (definition.needsQueryPermission ? requireQueryPermission(credential) : undefined) ??
      definition.run(params, context, requestId);
    return result instanceof AliyunError
      ? errorAnswer(result, action, auth.format)
      : okAnswer(action, { RequestId: requestId, ...result }, auth.format);
  },
  defaultAccount: aliyunDefaultAccount,
  connectorConfig: aliyunEmulatorConfig,
  credentialLabels: { id: 'AccessKeyId', secret: 'AccessKeySecret', token: 'SecurityToken' },
  hosts: aliyunHosts,
  identifiedBy:
    'an aliyuncs.com host, or / with an ACS3- signature, x-acs-* headers, AccessKeyId or Version=2017-05-25',
};
