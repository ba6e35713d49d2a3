import { describe, expect, it } from 'vitest';
import type { EmulatorRequest } from '@duanxin/shared';

import {
  call,
  errorCode,
  fakeContext,
  NOW,
  send,
  signed,
  statusCodes,
} from '../test/emulator-support.js';
import { signTencentTc3 } from '../src/signing.js';
import { tencentProvider } from './provider.js';

describe('tencent provider: SendSms', () => {
  it('claims requests carrying X-TC-Action only', () => {
    expect(tencentProvider.matches(send())).toBe(true);
    const plain = { ...send(), headers: { 'content-type': 'application/json' } };
    expect(tencentProvider.matches(plain)).toBe(false);
  });

  it('accepts every mainland number format and delivers the rendered text', async () => {
    const { context, inbox } = fakeContext();
    const numbers = ['+8613800138000', '008613800138001', '8613800138002', '13800138003'];
    const answer = await call(context, send({ PhoneNumberSet: numbers }));
    expect(answer.Error).toBeUndefined();
    expect(answer.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.SendStatusSet).toHaveLength(4);
    answer.SendStatusSet?.forEach((status, i) => {
      expect(status).toMatchObject({
        Code: 'Ok',
        Message: 'send success',
        PhoneNumber: `+861380013800${i}`,
        Fee: 1,
        SessionContext: 'ctx-1',
        IsoCode: 'CN',
      });
      expect(status.SerialNo).toMatch(/^5000:\d+$/);
    });
    expect(inbox).toHaveLength(4);
    expect(inbox[0]).toMatchObject({
      to: '+8613800138000',
      text: '【duanxin】123456为您的验证码，请于5分钟内填写。',
      signName: 'duanxin',
      templateId: '100001',
      params: ['123456'],
      code: '123456',
      messageId: answer.SendStatusSet?.[0]?.SerialNo,
      requestId: answer.RequestId,
      outId: 'ctx-1',
    });
  });

  it('reads the 2019-07-11 field names, where X-TC-Region is optional', async () => {
    const { context, inbox } = fakeContext();
    const request = signed(
      'SendSms',
      {
        PhoneNumberSet: ['+8613800138000'],
        SmsSdkAppid: '1400000001',
        Sign: 'duanxin',
        TemplateID: '100002',
        TemplateParamSet: ['4321', '10'],
      },
      { version: '2019-07-11', region: null }
    );
    expect(await statusCodes(request, context)).toEqual(['Ok']);
    expect(inbox[0]?.text).toBe('【duanxin】4321为您的验证码，请于10分钟内填写。');
  });

  it('sends international messages without a signature', async () => {
    const { context, inbox } = fakeContext();
    const request = send({
      PhoneNumberSet: ['+6591234567', '+14155550100'],
      SmsSdkAppId: '2400000001',
      SignName: undefined,
      TemplateId: '200001',
      TemplateParamSet: ['1234'],
    });
    const answer = await call(context, request);
    expect(answer.SendStatusSet?.map((s) => [s.Code, s.IsoCode])).toEqual([
      ['Ok', 'SG'],
      ['Ok', 'US'],
    ]);
    expect(inbox[0]).toMatchObject({ to: '+6591234567', text: 'Your verification code is 1234.' });
  });

  it('answers bad numbers per number and keeps sending the others', async () => {
    const { context, inbox } = fakeContext();
    const answer = await call(context, send({ PhoneNumberSet: ['+8613800138000', '12345'] }));
    expect(answer.SendStatusSet?.map((s) => s.Code)).toEqual([
      'Ok',
      'InvalidParameterValue.IncorrectPhoneNumber',
    ]);
    expect(answer.SendStatusSet?.[1]).toMatchObject({ PhoneNumber: '12345', SerialNo: '', Fee: 0 });
    expect(inbox).toHaveLength(1);
  });

  it.each([
    [{ PhoneNumberSet: [] }, 'MissingParameter.EmptyPhoneNumberSet'],
    [{ PhoneNumberSet: undefined }, 'MissingParameter'],
    [{ PhoneNumberSet: '+8613800138000' }, 'InvalidParameter'],
    [{ TemplateId: undefined }, 'MissingParameter'],
    [
      {
        PhoneNumberSet: Array.from(
          { length: 201 },
          (_, i) => `+861380013${String(i).padStart(4, '0')}`
        ),
      },
      'LimitExceeded.PhoneNumberCountLimit',
    ],
    [{ SmsSdkAppId: '1400999999' }, 'InvalidParameterValue.SdkAppIdNotExist'],
    [
      { PhoneNumberSet: ['+8613800138000', '+6591234567'] },
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
    ],
    [{ SmsSdkAppId: '2400000001' }, 'UnsupportedOperation.UnsuportedRegion'],
    [{ SignName: undefined }, 'FailedOperation.SignatureIncorrectOrUnapproved'],
    [{ SignName: 'unknown' }, 'FailedOperation.SignatureIncorrectOrUnapproved'],
    [{ SignName: 'pending-sign' }, 'FailedOperation.SignatureIncorrectOrUnapproved'],
    [{ SignName: 'rejected-sign' }, 'FailedOperation.SignatureIncorrectOrUnapproved'],
    [{ TemplateId: '999999' }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    [{ TemplateId: '100003' }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    [{ TemplateId: '100004' }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    [{ TemplateId: '200001' }, 'FailedOperation.TemplateIncorrectOrUnapproved'],
    [
      { PhoneNumberSet: ['+6591234567'], SmsSdkAppId: '2400000001' },
      'FailedOperation.TemplateIncorrectOrUnapproved',
    ],
    [{ TemplateId: '100002' }, 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate'],
    [{ TemplateParamSet: ['1', '2'] }, 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate'],
    [{ TemplateParamSet: [] }, 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate'],
    [{ TemplateParamSet: ['12a456'] }, 'InvalidParameterValue.TemplateParameterFormatError'],
    [{ TemplateParamSet: ['1234567'] }, 'InvalidParameterValue.TemplateParameterFormatError'],
  ])('rejects %j with %s', async (overrides, code) => {
    const { context, inbox } = fakeContext();
    expect(await errorCode(send(overrides), context)).toBe(code);
    expect(inbox).toHaveLength(0);
  });

  it('refuses international numbers when the account may not text abroad', async () => {
    const { context, account } = fakeContext();
    account.international = false;
    const request = send({
      PhoneNumberSet: ['+6591234567'],
      SmsSdkAppId: '2400000001',
      TemplateId: '200001',
    });
    expect(await errorCode(request, context)).toBe('UnsupportedOperation.UnsuportedRegion');
  });

  it('answers an exhausted balance per number', async () => {
    const { context, account, inbox } = fakeContext();
    account.balance = 1;
    const answer = await call(context, send({ PhoneNumberSet: ['13800138000', '13800138001'] }));
    expect(answer.SendStatusSet?.map((s) => s.Code)).toEqual([
      'Ok',
      'FailedOperation.InsufficientBalanceInSmsPackage',
    ]);
    expect(inbox).toHaveLength(1);
  });
});

describe('tencent provider: flow control', () => {
  it('limits the same content to one message per 30 s', async () => {
    const { context, clock } = fakeContext();
    expect(await statusCodes(send(), context)).toEqual(['Ok']);
    clock.now += 10_000;
    expect(await statusCodes(send({}, { timestamp: clock.now / 1000 }), context)).toEqual([
      'LimitExceeded.PhoneNumberThirtySecondLimit',
    ]);
    const other = send({ TemplateParamSet: ['654321'] }, { timestamp: clock.now / 1000 });
    expect(await statusCodes(other, context)).toEqual(['Ok']);
    clock.now += 21_000;
    expect(await statusCodes(send({}, { timestamp: clock.now / 1000 }), context)).toEqual(['Ok']);
  });

  it('applies the hourly and daily windows', async () => {
    const { context, clock } = fakeContext();
    const codes: string[] = [];
    // 5 per hour, 10 per day: sends 31 s apart, a new hour before the 7th and the 12th.
    for (let i = 0; i < 12; i++) {
      clock.now += i === 6 || i === 11 ? 3_600_000 : 31_000;
      codes.push(
        ...((await statusCodes(send({}, { timestamp: clock.now / 1000 }), context)) ?? [])
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('Ok'));
    expect(codes[5]).toBe('LimitExceeded.PhoneNumberOneHourLimit');
    expect(codes.slice(6, 11)).toEqual(Array(5).fill('Ok'));
    expect(codes[11]).toBe('LimitExceeded.PhoneNumberDailyLimit');
  });

  it('is off when the account says so', async () => {
    const { context, account } = fakeContext();
    account.flowControl = false;
    expect(await statusCodes(send(), context)).toEqual(['Ok']);
    expect(await statusCodes(send(), context)).toEqual(['Ok']);
  });
});

describe('tencent provider: authentication', () => {
  it.each([
    ['an unknown SecretId', { secretId: 'AKID-unknown' }, 'AuthFailure.SecretIdNotFound'],
    ['a wrong SecretKey', { secretKey: 'wrong' }, 'AuthFailure.SignatureFailure'],
    ['a timestamp 301 s old', { timestamp: NOW / 1000 - 301 }, 'AuthFailure.SignatureExpire'],
    ['a timestamp 301 s ahead', { timestamp: NOW / 1000 + 301 }, 'AuthFailure.SignatureExpire'],
    ['an unknown version', { version: '2020-01-01' }, 'NoSuchVersion'],
    ['no X-TC-Region on 2021-01-11', { region: null }, 'MissingParameter'],
    ['a region of no account', { region: 'ap-shanghai' }, 'UnsupportedRegion'],
  ])('rejects %s', async (_label, options, code) => {
    expect(await errorCode(send({}, options))).toBe(code);
  });

  it('accepts a timestamp 299 s off', async () => {
    expect(await statusCodes(send({}, { timestamp: NOW / 1000 - 299 }))).toEqual(['Ok']);
  });

  it('rejects a missing or malformed Authorization, and a disabled key', async () => {
    const request = send();
    const { authorization: _dropped, ...headers } = request.headers;
    expect(await errorCode({ ...request, headers })).toBe('AuthFailure.InvalidAuthorization');
    const garbled = { ...headers, authorization: 'TC3-HMAC-SHA256 nonsense' };
    expect(await errorCode({ ...request, headers: garbled })).toBe(
      'AuthFailure.InvalidAuthorization'
    );
    const { context, account } = fakeContext();
    account.credentials = account.credentials.map((c) => ({ ...c, disabled: true }));
    expect(await errorCode(send(), context)).toBe('AuthFailure.SecretIdNotFound');
  });

  it('rejects a tampered body or header', async () => {
    const request = send();
    const tampered = Buffer.from(request.body.toString('utf8').replace('123456', '654321'));
    expect(await errorCode({ ...request, body: tampered })).toBe('AuthFailure.SignatureFailure');
    const headers = { ...request.headers, 'content-type': 'application/json; charset=utf-8' };
    expect(await errorCode({ ...request, headers })).toBe('AuthFailure.SignatureFailure');
  });

  it('tolerates the Node SDK host/port and service quirks (docs/providers.md §2.4 item 6)', async () => {
    const timestamp = NOW / 1000;
    const body = JSON.stringify({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: 'duanxin',
      TemplateId: '100001',
      TemplateParamSet: ['1234'],
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      host: '127.0.0.1',
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-timestamp': String(timestamp),
      'x-tc-region': 'ap-guangzhou',
    };
    const { authorization } = signTencentTc3({
      secretId: 'AKID-duanxin-demo',
      secretKey: 'duanxin-demo-secret',
      service: '127',
      timestamp,
      headers,
      body,
    });
    const request: EmulatorRequest = {
      method: 'POST',
      url: new URL('http://127.0.0.1:8080/'),
      headers: { ...headers, host: '127.0.0.1:8080', authorization },
      body: Buffer.from(body),
    };
    expect(await statusCodes(request)).toEqual(['Ok']);
  });

  it('requires the matching X-TC-Token with a temporary key', async () => {
    const temporary = { secretId: 'AKID-duanxin-temporary', secretKey: 'duanxin-temporary-secret' };
    expect(await errorCode(send({}, temporary))).toBe('AuthFailure.TokenFailure');
    expect(await errorCode(send({}, { ...temporary, token: 'stale' }))).toBe(
      'AuthFailure.TokenFailure'
    );
    const good = send({}, { ...temporary, token: 'duanxin-temporary-token' });
    expect(await statusCodes(good)).toEqual(['Ok']);
  });

  it('rejects unknown actions and bodies that are not JSON objects', async () => {
    expect(await errorCode(signed('DescribeInstances', {}))).toBe('InvalidAction');
    expect(await errorCode(signed('SendSms', null, { body: '{"PhoneNumberSet":' }))).toBe(
      'FailedOperation.JsonParseFail'
    );
    expect(await errorCode(signed('SendSms', null, { body: '[]' }))).toBe(
      'FailedOperation.JsonParseFail'
    );
  });

  it('lets send-only keys send but not query', async () => {
    const sendOnly = { secretId: 'AKID-duanxin-send-only', secretKey: 'duanxin-send-only-secret' };
    expect(await statusCodes(send({}, sendOnly))).toEqual(['Ok']);
    for (const action of [
      'PullSmsSendStatus',
      'PullSmsSendStatusByPhoneNumber',
      'DescribeSmsTemplateList',
      'DescribeSmsSignList',
    ]) {
      expect(await errorCode(signed(action, {}, sendOnly))).toBe(
        'UnauthorizedOperation.RequestPermissionDeny'
      );
    }
  });
});
