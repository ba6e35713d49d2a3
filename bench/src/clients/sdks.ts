/**
 * The vendors' SDKs, used as their READMEs show: one client made once, a request per send. Both
 * are CommonJS, so their exports sit on `default`.
 */
import { aliyunAccount, payloadFor, phoneFor, tencentAccount } from '../fixtures.js';
import type { LoadClient } from './types.js';

const loadAliyunSdk: LoadClient = async () => {
  const { default: dysmsapi } = await import('@alicloud/dysmsapi20170525');
  const { default: openApi } = await import('@alicloud/openapi-client');
  return {
    createPerSend: false,
    create: async () => {
      const client = new dysmsapi.default(
        new openApi.Config({
          accessKeyId: aliyunAccount.accessKeyId,
          accessKeySecret: aliyunAccount.accessKeySecret,
          endpoint: 'dysmsapi.aliyuncs.com',
        })
      );
      return async (sequence) => {
        const { body } = await client.sendSms(
          new dysmsapi.SendSmsRequest({
            phoneNumbers: phoneFor(sequence).slice(2),
            signName: aliyunAccount.signName,
            templateCode: aliyunAccount.templateCode,
            templateParam: JSON.stringify({ code: payloadFor(sequence).code }),
          })
        );
        if (body?.code !== 'OK') {
          throw new Error(`Aliyun SDK send refused: ${body?.code} ${body?.message}`);
        }
      };
    },
  };
};

const loadTencentSdk: LoadClient = async () => {
  const { default: sdk } = await import('tencentcloud-sdk-nodejs-sms');
  return {
    createPerSend: false,
    create: async () => {
      const client = new sdk.sms.v20210111.Client({
        credential: { secretId: tencentAccount.secretId, secretKey: tencentAccount.secretKey },
        region: tencentAccount.region,
        profile: { httpProfile: { endpoint: 'sms.tencentcloudapi.com' } },
      });
      return async (sequence) => {
        const answer = await client.SendSms({
          PhoneNumberSet: [`+${phoneFor(sequence)}`],
          SmsSdkAppId: tencentAccount.sdkAppId,
          SignName: tencentAccount.signName,
          TemplateId: tencentAccount.templateId,
          TemplateParamSet: [payloadFor(sequence).code],
        });
        const status = answer.SendStatusSet?.[0];
        if (status?.Code !== 'Ok') {
          throw new Error(`Tencent SDK send refused: ${status?.Code} ${status?.Message}`);
        }
      };
    },
  };
};

export const loadSdk: LoadClient = async (context) => {
  if (context.provider === 'aliyun') {
    return loadAliyunSdk(context);
  }
  if (context.provider === 'tencent') {
    return loadTencentSdk(context);
  }
  throw new Error(`no SDK for ${context.provider}`);
};
