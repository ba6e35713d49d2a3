import { describe, expect, it } from 'vitest';
import { call, errorCode, fakeContext, send, signed } from '../test/emulator-support.js';

describe('tencent provider: query actions', () => {
  it('reports accepted messages as delivered', async () => {
    const { context, clock } = fakeContext();
    await call(context, send({ PhoneNumberSet: ['13800138000', '13800138001'] }));
    clock.now += 60_000;
    const later = send(
      { TemplateParamSet: ['999999'], SessionContext: 'ctx-2' },
      { timestamp: clock.now / 1000 }
    );
    const serial = (await call(context, later)).SendStatusSet?.[0]?.SerialNo;

    const pulled = await call(
      context,
      signed(
        'PullSmsSendStatus',
        { Limit: 10, SmsSdkAppId: '1400000001' },
        { timestamp: clock.now / 1000 }
      )
    );
    expect(pulled.PullSmsSendStatusSet).toHaveLength(3);
    expect((pulled.PullSmsSendStatusSet as unknown[])[2]).toEqual({
      UserReceiveTime: clock.now / 1000,
      CountryCode: '86',
      SubscriberNumber: '13800138000',
      PhoneNumber: '+8613800138000',
      SerialNo: serial,
      ReportStatus: 'SUCCESS',
      Description: '用户短信送达成功',
      SessionContext: 'ctx-2',
    });
    const limited = await call(
      context,
      signed(
        'PullSmsSendStatus',
        { Limit: 1, SmsSdkAppId: '1400000001' },
        { timestamp: clock.now / 1000 }
      )
    );
    expect(limited.PullSmsSendStatusSet).toHaveLength(1);
    const otherApp = await call(
      context,
      signed(
        'PullSmsSendStatus',
        { Limit: 10, SmsSdkAppId: '2400000001' },
        { timestamp: clock.now / 1000 }
      )
    );
    expect(otherApp.PullSmsSendStatusSet).toEqual([]);

    const byNumber = await call(
      context,
      signed(
        'PullSmsSendStatusByPhoneNumber',
        {
          BeginTime: clock.now / 1000 - 30,
          Offset: 0,
          Limit: 10,
          PhoneNumber: '+8613800138000',
          SmsSdkAppId: '1400000001',
        },
        { timestamp: clock.now / 1000 }
      )
    );
    expect(
      (byNumber.PullSmsSendStatusSet as { SerialNo: string }[]).map((r) => r.SerialNo)
    ).toEqual([serial]);
  });

  it('requires Limit and a known app', async () => {
    expect(await errorCode(signed('PullSmsSendStatus', { SmsSdkAppId: '1400000001' }))).toBe(
      'MissingParameter'
    );
    expect(await errorCode(signed('PullSmsSendStatus', { Limit: 1, SmsSdkAppId: '1' }))).toBe(
      'InvalidParameterValue.SdkAppIdNotExist'
    );
  });

  it('describes templates by id and International flag', async () => {
    const answer = await call(
      fakeContext().context,
      signed('DescribeSmsTemplateList', {
        TemplateIdSet: [100001, 100003, 100004, 200001],
        International: 0,
      })
    );
    expect(answer.DescribeTemplateStatusSet).toEqual([
      expect.objectContaining({
        TemplateId: 100001,
        International: 0,
        StatusCode: 0,
        TemplateContent: '{1}为您的验证码，请于5分钟内填写。',
      }),
      expect.objectContaining({ TemplateId: 100003, StatusCode: 1 }),
      expect.objectContaining({ TemplateId: 100004, StatusCode: -1 }),
    ]);
    const international = await call(
      fakeContext().context,
      signed('DescribeSmsTemplateList', { TemplateIdSet: [200001], International: 1 })
    );
    expect(international.DescribeTemplateStatusSet).toEqual([
      expect.objectContaining({
        TemplateId: 200001,
        International: 1,
        StatusCode: 0,
        ReviewReply: '',
        TemplateName: expect.any(String),
        CreateTime: expect.any(Number),
      }),
    ]);
    expect(await errorCode(signed('DescribeSmsTemplateList', { TemplateIdSet: [100001] }))).toBe(
      'MissingParameter'
    );
  });

  it('describes signatures by their numeric ids in seed order', async () => {
    const answer = await call(
      fakeContext().context,
      signed('DescribeSmsSignList', { SignIdSet: [1000, 1001, 1002, 5], International: 0 })
    );
    expect(answer.DescribeSignListStatusSet).toEqual([
      expect.objectContaining({ SignId: 1000, SignName: 'duanxin', StatusCode: 0 }),
      expect.objectContaining({ SignId: 1001, SignName: 'pending-sign', StatusCode: 1 }),
      expect.objectContaining({ SignId: 1002, SignName: 'rejected-sign', StatusCode: -1 }),
    ]);
  });
});
