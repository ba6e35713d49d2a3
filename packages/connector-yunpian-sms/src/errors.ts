import { accountWide, perNumberLimit, retryLater, type ProviderErrorTable } from '@duanxin/shared';

const template =
  'The text must match an approved template exactly (云片 → 国内短信/国际短信 → 模板管理), with {{code}} where the template has #code#.';

/**
 * YunPian v2 return codes → Logto error codes (official Java SDK Code.java; docs/providers.md §3.4).
 */
export const yunpianErrorTable: ProviderErrorTable = {
  '1': { code: 'InvalidRequestParameters' },
  '2': { code: 'InvalidRequestParameters', hint: 'The phone number was refused.', field: 'to' },
  '3': accountWide('UsageLimitExceeded', 'Top up the YunPian account balance.'),
  '4': accountWide('InvalidConfig', 'The text contains a blocked keyword.'),
  '5': accountWide('InvalidConfig', template),
  '7': accountWide('InvalidConfig', template),
  '8': perNumberLimit(),
  '9': perNumberLimit(),
  '10': { code: 'InvalidRequestParameters', hint: 'The number is on a do-not-disturb list.' },
  '15': accountWide(
    'InvalidConfig',
    'The signature 【…】 is not an approved signature of this account.'
  ),
  '16': accountWide('InvalidConfig', 'The signature 【…】 is malformed.'),
  '17': perNumberLimit(),
  '20': accountWide(
    'InvalidRequestParameters',
    'This country or region is not supported, or international SMS is not enabled.'
  ),
  '22': perNumberLimit(),
  '23': accountWide(
    'InvalidConfig',
    'The template may not be sent to this country: use an international template.'
  ),
  '33': perNumberLimit(),
  '43': perNumberLimit(),
  '53': perNumberLimit(),
  '-1': accountWide('InvalidConfig', 'Check apikey (云片 → 账户设置 → 子帐户管理).'),
  '-2': accountWide('InvalidConfig', 'The apikey lacks permission for this API.'),
  '-3': accountWide(
    'InvalidConfig',
    "Add this server's IP to the whitelist (系统设置 → IP白名单设置)."
  ),
  '-4': accountWide('UsageLimitExceeded'),
  '-5': retryLater('RateLimitExceeded'),
  '-50': retryLater('General'),
  '-51': retryLater('General'),
  '-53': retryLater('General'),
  '-57': accountWide('InvalidConfig', 'Set the fixed signature in the YunPian console.'),
};
