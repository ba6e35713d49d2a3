/**
 * The registry: every duanxin provider's connector as its operator object, the one shape the
 * CLI, the demo and the tests drive. A new provider is its own package and one line here.
 */
import type { SmsOperator } from '@duanxin/shared';
import { aliyunSms } from '@duanxin/connector-aliyun-sms';
import { failoverSms } from '@duanxin/connector-failover-sms';
import { huaweiSms } from '@duanxin/connector-huawei-sms';
import { tencentSms } from '@duanxin/connector-tencent-sms';
import { yunpianSms } from '@duanxin/connector-yunpian-sms';

export const providers: readonly SmsOperator[] = [
  aliyunSms,
  tencentSms,
  yunpianSms,
  huaweiSms,
  failoverSms,
];

export const providerNames: readonly string[] = providers.map(({ provider }) => provider);

/** The operator object of a provider, by its name (`aliyun`, `huawei`…). */
export const findProvider = (name: string): SmsOperator | undefined =>
  providers.find(({ provider }) => provider === name);

export type { SmsOperator, SmsSendResult } from '@duanxin/shared';
