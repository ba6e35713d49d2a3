/**
 * Stands in for `got` in the own-work build of the connectors: answers every request at once with
 * the provider's success answer, so that what is measured is the connector's work alone.
 */
type StubOptions = { headers?: Record<string, string> };
type StubResponse = { statusCode: number; body: Buffer };

export class RequestError extends Error {}
export class TimeoutError extends RequestError {}

const answers = {
  aliyun: Buffer.from(
    JSON.stringify({ Code: 'OK', Message: 'OK', BizId: '900001^0', RequestId: 'stub-request' })
  ),
  tencent: Buffer.from(
    JSON.stringify({
      Response: {
        SendStatusSet: [{ SerialNo: 'stub-serial', Code: 'Ok', Message: 'send success', Fee: 1 }],
        RequestId: 'stub-request',
      },
    })
  ),
  yunpian: Buffer.from(
    JSON.stringify({ code: 0, msg: '发送成功', sid: 900001, fee: 0.05, count: 1 })
  ),
};

const answerFor = (url: URL | string, options: StubOptions): Buffer => {
  const host = typeof url === 'string' ? new URL(url).host : url.host;
  if (host.includes('yunpian')) {
    return answers.yunpian;
  }
  return options.headers?.['x-tc-action'] ? answers.tencent : answers.aliyun;
};

const got = (url: URL | string, options: StubOptions = {}) => {
  const pending = Promise.resolve<StubResponse>({
    statusCode: 200,
    body: answerFor(url, options),
  }) as Promise<StubResponse> & { on: () => unknown; cancel: () => void };
  pending.on = () => pending;
  pending.cancel = () => undefined;
  return pending;
};

export default got;
