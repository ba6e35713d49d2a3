/**
 * The providers this plugin adds to NocoBase's SMS OTP verifier: one provider type per duanxin
 * connector. A connector is reached only through its package's default export (a Logto
 * `CreateConnector`: `metadata` with its `formItems`, `configGuard`, `sendMessage`), so another
 * one — the failover connector, or each entry of a shared provider registry — is one more line.
 */
import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import createHuaweiSmsConnector from '@duanxin/connector-huawei-sms';
import createTencentSmsConnector from '@duanxin/connector-tencent-sms';
import createYunpianSmsConnector from '@duanxin/connector-yunpian-sms';

export type ProviderEntry = {
  /** The provider type saved in a verifier's `options.provider`; never renamed once released. */
  type: string;
  createConnector: CreateConnector<SmsConnector>;
};

export const providers: readonly ProviderEntry[] = [
  { type: 'duanxin-aliyun', createConnector: createAliyunSmsConnector },
  { type: 'duanxin-tencent', createConnector: createTencentSmsConnector },
  { type: 'duanxin-yunpian', createConnector: createYunpianSmsConnector },
  { type: 'duanxin-huawei', createConnector: createHuaweiSmsConnector },
];
