import type { ProviderErrorTable } from '@duanxin/shared';

const template =
  'The text must match an approved template exactly (云片 → 国内短信/国际短信 → 模板管理), with {{code}} where the template has #code#.';

/**
 * YunPian v2 return codes → Logto error codes (official Java SDK Code.java; providers.md §C.4).
 */
export const yunpianErrorTable: ProviderErrorTable = {
  '1': { code: 'InvalidRequestParameters' },
  '2': { code: 'InvalidRequestParameters', hint: 'The phone number was refused.', field: 'to' },
  '3': {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'Top up the YunPian account balance.',
  },
  '4': { code: 'InvalidConfig', failover: 'account', hint: 'The text contains a blocked keyword.' },
  '5': { code: 'InvalidConfig', failover: 'account', hint: template },
  '7': { code: 'InvalidConfig', failover: 'account', hint: template },
  '8': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '9': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '10': { code: 'InvalidRequestParameters', hint: 'The number is on a do-not-disturb list.' },
  '15': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The signature 【…】 is not an approved signature of this account.',
  },
  '16': { code: 'InvalidConfig', failover: 'account', hint: 'The signature 【…】 is malformed.' },
  '17': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '20': {
    code: 'InvalidRequestParameters',
    failover: 'account',
    hint: 'This country or region is not supported, or international SMS is not enabled.',
  },
  '22': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '23': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The template may not be sent to this country: use an international template.',
  },
  '33': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '43': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '53': { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  '-1': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Check apikey (云片 → 账户设置 → 子帐户管理).',
  },
  '-2': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The apikey lacks permission for this API.',
  },
  '-3': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "Add this server's IP to the whitelist (系统设置 → IP白名单设置).",
  },
  '-4': { code: 'UsageLimitExceeded', failover: 'account' },
  '-5': { code: 'RateLimitExceeded', failover: 'account', retryable: true },
  '-50': { code: 'General', failover: 'account', retryable: true },
  '-51': { code: 'General', failover: 'account', retryable: true },
  '-53': { code: 'General', failover: 'account', retryable: true },
  '-57': {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Set the fixed signature in the YunPian console.',
  },
};
