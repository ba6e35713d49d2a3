/**
 * The fault matrix: each case breaks the path to the provider in one way, and says what a correct
 * connector reports. `not_sent` failures (the request never left the machine) are retried once
 * (`maxRetries: 1`); everything else is attempted exactly once, since a retry could text twice.
 */
import type { Fault } from '@duanxin/emulator';

import type { ProviderName } from './clients.js';

export type Expected = {
  resolved: 'success' | 'error';
  code?: string;
  outcome?: 'not_sent' | 'rejected' | 'unknown';
  attempts: number;
  deliveries: number;
};

export type FaultCase = {
  name: string;
  /** Where TLS connections for the provider hosts go; the emulator unless broken on purpose. */
  target?: 'emulator' | 'closed-port' | 'reset-on-connect' | 'unresolvable-host';
  fault?: (provider: ProviderName) => Fault;
  expected: Expected;
};

/** A provider's own error body, answered with a 5xx. */
const providerServerError: Record<ProviderName, string> = {
  aliyun: JSON.stringify({
    RequestId: 'F0000000-0000-4000-8000-000000000503',
    Code: 'ServiceUnavailable',
    Message: 'The request has failed due to a temporary failure of the server.',
  }),
  tencent: JSON.stringify({
    Response: {
      Error: { Code: 'InternalError', Message: 'An internal error has occurred.' },
      RequestId: 'f0000000-0000-4000-8000-000000000503',
    },
  }),
  yunpian: JSON.stringify({
    http_status_code: 500,
    code: -50,
    msg: '未知异常',
    detail: '未知异常',
  }),
};

/** HTTP 200 whose body says the send failed (no balance). */
const errorInside200: Record<ProviderName, string> = {
  aliyun: JSON.stringify({
    RequestId: 'F0000000-0000-4000-8000-000000000200',
    Code: 'isv.AMOUNT_NOT_ENOUGH',
    Message: '账户余额不足',
  }),
  tencent: JSON.stringify({
    Response: {
      SendStatusSet: [
        {
          SerialNo: '',
          PhoneNumber: '+8613800138000',
          Fee: 0,
          SessionContext: '',
          Code: 'FailedOperation.InsufficientBalanceInSmsPackage',
          Message: 'insufficient balance in SMS package',
          IsoCode: 'CN',
        },
      ],
      RequestId: 'f0000000-0000-4000-8000-000000000200',
    },
  }),
  yunpian: JSON.stringify({ code: 3, msg: '账户余额不足', detail: '账户余额不足' }),
};

const json = 'application/json;charset=utf-8';

export const faultCases: FaultCase[] = [
  {
    name: 'healthy provider',
    expected: { resolved: 'success', attempts: 1, deliveries: 1 },
  },
  {
    name: 'connection refused',
    target: 'closed-port',
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'not_sent',
      attempts: 2,
      deliveries: 0,
    },
  },
  {
    name: 'DNS failure',
    target: 'unresolvable-host',
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'not_sent',
      attempts: 2,
      deliveries: 0,
    },
  },
  {
    name: 'reset before the request is written',
    target: 'reset-on-connect',
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'not_sent',
      attempts: 2,
      deliveries: 0,
    },
  },
  {
    name: 'reset after the request is written',
    fault: () => ({ kind: 'reset-after-body' }),
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: '5xx with a provider error body',
    fault: (provider) => ({
      kind: 'malformed',
      status: 503,
      body: providerServerError[provider],
      contentType: json,
    }),
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: '5xx without a body',
    fault: () => ({ kind: 'malformed', status: 500, body: '' }),
    expected: {
      resolved: 'error',
      code: 'invalid_response',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: 'hang (no answer)',
    fault: () => ({ kind: 'hang' }),
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: 'slow trickle body (accepted, answer too slow)',
    fault: () => ({ kind: 'trickle', bytesPerSecond: 20 }),
    expected: {
      resolved: 'error',
      code: 'general',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 1,
    },
  },
  {
    name: 'non-JSON 200',
    fault: () => ({ kind: 'malformed', status: 200, body: 'OK', contentType: 'text/plain' }),
    expected: {
      resolved: 'error',
      code: 'invalid_response',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: 'HTML proxy error page',
    fault: () => ({
      kind: 'malformed',
      status: 502,
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      contentType: 'text/html',
    }),
    expected: {
      resolved: 'error',
      code: 'invalid_response',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: 'oversized body',
    fault: () => ({ kind: 'oversized', bytes: 4 * 1024 * 1024 }),
    expected: {
      resolved: 'error',
      code: 'invalid_response',
      outcome: 'unknown',
      attempts: 1,
      deliveries: 0,
    },
  },
  {
    name: '200 with an error code inside',
    fault: (provider) => ({
      kind: 'malformed',
      status: 200,
      body: errorInside200[provider],
      contentType: json,
    }),
    expected: {
      resolved: 'error',
      code: 'usage_limit_exceeded',
      outcome: 'rejected',
      attempts: 1,
      deliveries: 0,
    },
  },
];
