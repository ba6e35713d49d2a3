import { describe, expect, it } from 'vitest';

import { badInput, duanxinErrorData } from './connector-error.js';
import { providerRejection, unreadableReply } from './reply.js';
import type { ProviderErrorTable } from './table.js';

const table: ProviderErrorTable = {
  'Limit.Number': { code: 'RateLimitExceeded', retryable: true, hint: 'Wait a minute.' },
  BadNumber: { code: 'InvalidRequestParameters', field: 'to' },
};

describe('errors as data: the fields, and the console text composed from them', () => {
  it('a refusal carries the message, the hint and the code apart', () => {
    const error = providerRejection({
      provider: 'test',
      table,
      providerCode: 'Limit.Number',
      message: 'too many for 8613800138000',
      requestId: 'req-1',
      sensitive: [],
    });
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.data).toEqual({
      errorDescription:
        '[duanxin] [test] Limit.Number: too many for 86138****8000 — Wait a minute.',
      provider: 'test',
      providerCode: 'Limit.Number',
      message: 'too many for 86138****8000',
      hint: 'Wait a minute.',
      outcome: 'rejected',
      retryable: true,
      requestId: 'req-1',
    });
    expect(duanxinErrorData(error)).toBe(error.data);
  });

  it('a refusal without words is its code, once; the table may name the field at fault', () => {
    const error = providerRejection({
      provider: 'test',
      table,
      providerCode: 'BadNumber',
      message: undefined,
      requestId: undefined,
      sensitive: [],
      statusCode: 503,
    });
    expect(error.data).toMatchObject({
      errorDescription: '[duanxin] [test] BadNumber',
      message: 'BadNumber',
      field: 'to',
      outcome: 'unknown',
      retryable: false,
    });
    expect(error.data).not.toHaveProperty('hint');
  });

  it('bad input and unreadable answers have a message and no provider code', () => {
    expect(badInput('test', 'InvalidConfig', 'No key.', 'key', 'Set key.').data).toEqual({
      errorDescription: '[duanxin] [test] No key. — Set key.',
      provider: 'test',
      message: 'No key.',
      hint: 'Set key.',
      outcome: 'not_sent',
      retryable: false,
      field: 'key',
    });
    expect(duanxinErrorData(unreadableReply('test', 502, 'not JSON'))).toMatchObject({
      message: 'Unreadable answer (HTTP 502): not JSON; the message may or may not have been sent.',
      outcome: 'unknown',
    });
  });

  it('reads nothing from other errors', () => {
    expect(duanxinErrorData(new Error('x'))).toBeUndefined();
    expect(duanxinErrorData(null)).toBeUndefined();
  });
});
