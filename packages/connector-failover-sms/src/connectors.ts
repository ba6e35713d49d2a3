/**
 * The connectors a failover config can list, reached only through their public surface: Logto's
 * default export, the config guard, the metadata, and the operator functions.
 */
import createAliyunSmsConnector, * as aliyun from '@duanxin/connector-aliyun-sms';
import createHuaweiSmsConnector, * as huawei from '@duanxin/connector-huawei-sms';
import createTencentSmsConnector, * as tencent from '@duanxin/connector-tencent-sms';
import createYunpianSmsConnector, * as yunpian from '@duanxin/connector-yunpian-sms';

/** Each provider's config, as its own guard reads it. */
export type ProviderConfigs = {
  aliyun: aliyun.AliyunSmsConfig;
  tencent: tencent.TencentSmsConfig;
  yunpian: yunpian.YunpianSmsConfig;
  huawei: huawei.HuaweiSmsConfig;
};

export type FailoverProvider = keyof ProviderConfigs;

export const connectors = {
  aliyun: {
    create: createAliyunSmsConnector,
    configGuard: aliyun.aliyunSmsConfigGuard,
    metadata: aliyun.defaultMetadata,
    operator: aliyun,
  },
  tencent: {
    create: createTencentSmsConnector,
    configGuard: tencent.tencentSmsConfigGuard,
    metadata: tencent.defaultMetadata,
    operator: tencent,
  },
  yunpian: {
    create: createYunpianSmsConnector,
    configGuard: yunpian.yunpianSmsConfigGuard,
    metadata: yunpian.defaultMetadata,
    operator: yunpian,
  },
  huawei: {
    create: createHuaweiSmsConnector,
    configGuard: huawei.huaweiSmsConfigGuard,
    metadata: huawei.defaultMetadata,
    operator: huawei,
  },
} satisfies Record<FailoverProvider, unknown>;

export const providerNames = Object.keys(connectors) as FailoverProvider[];

export const isFailoverProvider = (value: unknown): value is FailoverProvider =>
  typeof value === 'string' && Object.hasOwn(connectors, value);
