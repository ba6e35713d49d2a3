import type { EmulatorResponse } from '@duanxin/shared';

/** `msg` of the codes the YunPian emulator answers (docs/providers.md §3.4); clients key on `code`. */
export const YUNPIAN_MESSAGES: Record<number, string> = {
  [-7]: 'HTTP请求错误',
  [-2]: 'API没有权限',
  [-1]: '非法的apikey',
  1: '请求参数缺失',
  2: '请求参数格式错误',
  3: '账户余额不足',
  5: '未找到匹配的模板',
  7: '模板不可用',
  8: '同一手机号30秒内重复提交相同的内容',
  9: '同一手机号5分钟内重复提交相同的内容超过3次',
  11: '接口不支持GET方式调用',
  15: '签名不匹配',
  17: '24小时内同一手机号发送次数超过限制',
  20: '暂不支持的国家地区',
  22: '验证码类短信1小时内同一手机号发送次数不能超过3次',
  23: '号码归属地不在模板可发送的地区内',
  33: '超过频率',
};

export const yunpianMessage = (code: number): string => YUNPIAN_MESSAGES[code] ?? '未知异常';

export class YunpianError extends Error {
  constructor(
    readonly code: number,
    readonly detail: string = yunpianMessage(code),
    readonly httpStatus = 400
  ) {
    super(`${code} ${detail}`);
  }
}

export const missingParameter = (name: string) => new YunpianError(1, `参数 ${name} 必须传入`);
export const badParameter = (name: string, value: string) =>
  new YunpianError(2, `参数 ${name} 格式不正确，${name}:${value}`);

const JSON_HEADERS = { 'content-type': 'application/json;charset=utf-8' };

export const yunpianOk = (body: unknown): EmulatorResponse => ({
  status: 200,
  headers: JSON_HEADERS,
  body,
});

/** Errors are HTTP 400 with the status repeated in the body (docs/providers.md §3.4). */
export const yunpianError = (error: YunpianError): EmulatorResponse => ({
  status: error.httpStatus,
  headers: JSON_HEADERS,
  body: {
    http_status_code: error.httpStatus,
    code: error.code,
    msg: yunpianMessage(error.code),
    detail: error.detail,
  },
});
