import { describe, it, expect } from 'vitest';
import {
  aliyunRpcCanonicalQuery,
  aliyunRpcStringToSign,
  signAliyunRpc,
  verifyAliyunRpc,
} from './rpc.js';

// Test vectors of the official docs and official SDK captures, whose sources
// docs/providers.md §1.7 names.

type RpcVector = {
  name: string;
  method: 'GET' | 'POST';
  secret: string;
  params: Record<string, string>;
  canonicalQuery?: string;
  stringToSign: string;
  signature: string;
  /** The request as it went over the wire, to be parsed and verified as an emulator would. */
  wire?: { query?: string; formBody?: string };
};

const smsDocParams: Record<string, string> = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

const smsDocCanonicalQuery =
  'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25';

const smsDocStringToSignTail =
  '&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25';

const describeRegionsParams = (timestampName: string): Record<string, string> => ({
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  [timestampName]: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
});

const sendSmsSdkParams: Record<string, string> = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'JSON',
  PhoneNumbers: '13800138000',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: 'c0ffee00-0000-4000-8000-000000000001',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_154950909',
  TemplateParam: '{"code":"123456"}',
  Timestamp: '2025-01-02T03:04:05Z',
  Version: '2017-05-25',
};

const sendSmsSdkCanonicalQuery =
  'AccessKeyId=testId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25';

const sendSmsSdkStringToSignTail =
  '&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DJSON%26PhoneNumbers%3D13800138000%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc0ffee00-0000-4000-8000-000000000001%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_154950909%26TemplateParam%3D%257B%2522code%2522%253A%2522123456%2522%257D%26Timestamp%3D2025-01-02T03%253A04%253A05Z%26Version%3D2017-05-25';

const vectors: RpcVector[] = [
  {
    name: 'A-V1-DOC-1 (SMS doc, testSecret)',
    method: 'GET',
    secret: 'testSecret',
    params: smsDocParams,
    canonicalQuery: smsDocCanonicalQuery,
    stringToSign: `GET${smsDocStringToSignTail}`,
    signature: 'zJDF+Lrzhj/ThnlvIToysFRq6t4=',
    wire: {
      query:
        'Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
    },
  },
  {
    // docs/providers.md §1.7: the lower-case secret is a common false alarm.
    name: 'A-V1-DOC-1 derived: secret testsecret (lower-case s)',
    method: 'GET',
    secret: 'testsecret',
    params: smsDocParams,
    canonicalQuery: smsDocCanonicalQuery,
    stringToSign: `GET${smsDocStringToSignTail}`,
    signature: 'EpROzuoKhdewdxdmVWhll2qdKbk=',
  },
  {
    name: 'A-V1-DOC-1 derived: POST',
    method: 'POST',
    secret: 'testSecret',
    params: smsDocParams,
    canonicalQuery: smsDocCanonicalQuery,
    stringToSign: `POST${smsDocStringToSignTail}`,
    signature: 'Xvhv7fPXrPkLVSnlt0jIr08o8NQ=',
  },
  {
    name: 'A-V1-DOC-2 (RPC doc, DescribeDedicatedHosts)',
    method: 'GET',
    secret: 'testsecret',
    params: {
      AccessKeyId: 'testid',
      Action: 'DescribeDedicatedHosts',
      Format: 'JSON',
      RegionId: 'cn-beijing',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'edb2b34af0af9a6d14deaf7c1a5315eb',
      SignatureVersion: '1.0',
      Timestamp: '2023-03-13T08:34:30Z',
      Version: '2014-05-26',
    },
    canonicalQuery:
      'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26',
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26',
    signature: '9NaGiOspFP5UPcwX8Iwt2YJXXuk=',
    wire: {
      query:
        'AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26&RegionId=cn-beijing',
    },
  },
  {
    name: 'A-V1-DOC-3 (generic RPC doc, DescribeRegions)',
    method: 'GET',
    secret: 'testsecret',
    params: describeRegionsParams('Timestamp'),
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
  },
  {
    name: 'A-V1-DOC-3 historical variant: parameter spelled TimeStamp',
    method: 'GET',
    secret: 'testsecret',
    params: describeRegionsParams('TimeStamp'),
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    signature: 'CT9X0VtwR86fNWSnsc6v8YGOjuE=',
  },
  {
    name: 'A-V1-SDK-1 (pop-core, GET)',
    method: 'GET',
    secret: 'testSecret',
    params: sendSmsSdkParams,
    canonicalQuery: sendSmsSdkCanonicalQuery,
    stringToSign: `GET${sendSmsSdkStringToSignTail}`,
    signature: 'bWoySVUhtJUiLUDlWlopdMtVfBg=',
    wire: {
      query:
        'AccessKeyId=testId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=bWoySVUhtJUiLUDlWlopdMtVfBg%3D',
    },
  },
  {
    name: 'A-V1-SDK-2 (pop-core, POST, params in the form body)',
    method: 'POST',
    secret: 'testSecret',
    params: sendSmsSdkParams,
    canonicalQuery: sendSmsSdkCanonicalQuery,
    stringToSign: `POST${sendSmsSdkStringToSignTail}`,
    signature: 'Xuu+q8pawK+BjSVORs5uRN6hOfI=',
    wire: {
      formBody:
        'AccessKeyId=testId&Action=SendSms&Format=JSON&PhoneNumbers=13800138000&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=Xuu%2Bq8pawK%2BBjSVORs5uRN6hOfI%3D',
    },
  },
  {
    name: 'A-V1-SDK-3 (pop-core, GET, percent-encoding stress test)',
    method: 'GET',
    secret: 'testSecret',
    params: {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'JSON',
      OutId: 'order#1&2=3',
      PhoneNumbers: '+8613800138000,008613900139000',
      RegionId: 'cn-hangzhou',
      SignName: '测试',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'c0ffee00-0000-4000-8000-000000000001',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_0001',
      TemplateParam: '{"name":"A b*c~d+e!f\'g(h)i/j:k","code":"0042"}',
      Timestamp: '2025-01-02T03:04:05Z',
      Version: '2017-05-25',
    },
    canonicalQuery:
      'AccessKeyId=testId&Action=SendSms&Format=JSON&OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&RegionId=cn-hangzhou&SignName=%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b%2Ac~d%2Be%21f%27g%28h%29i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25',
    stringToSign:
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DJSON%26OutId%3Dorder%25231%25262%253D3%26PhoneNumbers%3D%252B8613800138000%252C008613900139000%26RegionId%3Dcn-hangzhou%26SignName%3D%25E6%25B5%258B%25E8%25AF%2595%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dc0ffee00-0000-4000-8000-000000000001%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_0001%26TemplateParam%3D%257B%2522name%2522%253A%2522A%2520b%252Ac~d%252Be%2521f%2527g%2528h%2529i%252Fj%253Ak%2522%252C%2522code%2522%253A%25220042%2522%257D%26Timestamp%3D2025-01-02T03%253A04%253A05Z%26Version%3D2017-05-25',
    signature: '40wnSHqT5yH0GslYwQnaaIiGw8s=',
    wire: {
      query:
        'AccessKeyId=testId&Action=SendSms&Format=JSON&OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&RegionId=cn-hangzhou&SignName=%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=c0ffee00-0000-4000-8000-000000000001&SignatureVersion=1.0&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b%2Ac~d%2Be%21f%27g%28h%29i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25&Signature=40wnSHqT5yH0GslYwQnaaIiGw8s%3D',
    },
  },
  {
    // docs/providers.md §1.4 item 3: a POST with every parameter in the query still signs "POST&".
    name: 'A-V1-SDK-4 (dysmsapi20170525 v2 path, POST with params in the query)',
    method: 'POST',
    secret: 'testSecret',
    params: {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'json',
      PhoneNumbers: '13800138000',
      SignName: '阿里云短信测试',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '0123456789abcdef0123456789abcdef',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_154950909',
      TemplateParam: '{"code":"123456"}',
      Timestamp: '2025-01-02T03:04:05Z',
      Version: '2017-05-25',
    },
    canonicalQuery:
      'AccessKeyId=testId&Action=SendSms&Format=json&PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&SignatureMethod=HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion=1.0&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&Timestamp=2025-01-02T03%3A04%3A05Z&Version=2017-05-25',
    stringToSign:
      'POST&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3Djson%26PhoneNumbers%3D13800138000%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D0123456789abcdef0123456789abcdef%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_154950909%26TemplateParam%3D%257B%2522code%2522%253A%2522123456%2522%257D%26Timestamp%3D2025-01-02T03%253A04%253A05Z%26Version%3D2017-05-25',
    signature: 'ntvCWwYycp8ADUcOAov5ivujXDY=',
    wire: {
      query:
        'Action=SendSms&Format=json&Version=2017-05-25&Timestamp=2025-01-02T03%3A04%3A05Z&SignatureNonce=0123456789abcdef0123456789abcdef&PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testId&Signature=ntvCWwYycp8ADUcOAov5ivujXDY%3D',
    },
  },
];

/** Decodes a query or form body the way the emulator does (URLSearchParams: `+` is a space). */
const decodeParams = (encoded: string): Record<string, string> => {
  return Object.fromEntries(new URLSearchParams(encoded));
};

describe.each(vectors)('$name', (vector) => {
  if (vector.canonicalQuery !== undefined) {
    const canonicalQuery = vector.canonicalQuery;
    it('builds the canonicalized query string', () => {
      expect(aliyunRpcCanonicalQuery(vector.params)).toBe(canonicalQuery);
    });
  }

  it('builds the string to sign', () => {
    expect(aliyunRpcStringToSign(vector.method, vector.params)).toBe(vector.stringToSign);
  });

  it('computes the signature', () => {
    expect(signAliyunRpc(vector.params, vector.secret, vector.method)).toBe(vector.signature);
  });

  it('verifies its own signature and rejects a wrong secret or a tampered parameter', () => {
    const signed = { ...vector.params, Signature: vector.signature };
    const verify = (params: Record<string, string>, secret = vector.secret) =>
      verifyAliyunRpc({ method: vector.method, params, secret });

    expect(verify(signed)).toEqual({ ok: true });
    expect(verify(signed, `${vector.secret}x`).ok).toBe(false);
    expect(verify({ ...signed, Version: '2017-05-26' })).toMatchObject({ ok: false });
    expect(verify({ ...signed, Extra: '' }).ok).toBe(false);
    expect(
      verifyAliyunRpc({
        method: vector.method === 'GET' ? 'POST' : 'GET',
        params: signed,
        secret: vector.secret,
      }).ok
    ).toBe(false);
  });

  if (vector.wire !== undefined) {
    const wire = vector.wire;
    it('verifies the request as captured on the wire', () => {
      const params = {
        ...decodeParams(wire.query ?? ''),
        ...decodeParams(wire.formBody ?? ''),
      };
      const { Signature: signature, ...unsigned } = params;
      expect(signature).toBe(vector.signature);
      expect(unsigned).toEqual(vector.params);
      expect(verifyAliyunRpc({ method: vector.method, params, secret: vector.secret })).toEqual({
        ok: true,
      });
    });
  }
});

describe('aliyunRpcStringToSign', () => {
  it('sorts by code unit, so SignName comes before SignatureMethod (docs/providers.md §1.4 item 2)', () => {
    const canonical = aliyunRpcCanonicalQuery({ SignatureMethod: 'HMAC-SHA1', SignName: 'x' });
    expect(canonical).toBe('SignName=x&SignatureMethod=HMAC-SHA1');
    // The trap: a locale-aware sort puts them the other way round.
    expect(['SignName', 'SignatureMethod'].sort((a, b) => a.localeCompare(b))).toEqual([
      'SignatureMethod',
      'SignName',
    ]);
  });

  it('sorts upper-case before lower-case names', () => {
    expect(aliyunRpcCanonicalQuery({ a: '1', B: '2', A: '3' })).toBe('A=3&B=2&a=1');
  });

  it('ignores a Signature parameter', () => {
    expect(aliyunRpcStringToSign('GET', { A: '1', Signature: 'zzz' })).toBe(
      aliyunRpcStringToSign('GET', { A: '1' })
    );
  });

  it("encodes ! ' ( ) * and a space, keeps ~, then encodes the whole query again", () => {
    expect(aliyunRpcStringToSign('GET', { K: "a b!'()*~" })).toBe(
      'GET&%2F&K%3Da%2520b%2521%2527%2528%2529%252A~'
    );
  });

  it('writes an empty value as k=', () => {
    expect(aliyunRpcCanonicalQuery({ A: '', B: 'x' })).toBe('A=&B=x');
  });
});

describe('verifyAliyunRpc', () => {
  it('rejects a request without Signature', () => {
    expect(
      verifyAliyunRpc({ method: 'GET', params: smsDocParams, secret: 'testSecret' })
    ).toMatchObject({ ok: false, reason: 'missing Signature parameter' });
  });

  it('returns the server string to sign on a mismatch, as the real API echoes it', () => {
    const result = verifyAliyunRpc({
      method: 'GET',
      params: { ...smsDocParams, Signature: 'zJDF+Lrzhj/ThnlvIToysFRq6t4=' },
      secret: 'testsecret',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'Specified signature is not matched with our calculation.',
      stringToSign: `GET${smsDocStringToSignTail}`,
    });
  });

  it('rejects a signature of another length without throwing', () => {
    const params = { ...smsDocParams, Signature: 'short' };
    expect(verifyAliyunRpc({ method: 'GET', params, secret: 'testSecret' }).ok).toBe(false);
  });

  it('accepts a lower-case method name', () => {
    const params = { ...smsDocParams, Signature: 'zJDF+Lrzhj/ThnlvIToysFRq6t4=' };
    expect(verifyAliyunRpc({ method: 'get', params, secret: 'testSecret' })).toEqual({ ok: true });
  });
});
