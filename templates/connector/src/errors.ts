import type { ProviderErrorTable } from '@duanxin/shared';

const credentials = 'Check accessKeyId / accessKeySecret (where in the __Title__ console).';
const template = 'Check templates[].templateId: it must be an approved template of this account.';

/**
 * The provider's error codes → Logto error codes, as data (link the vendor's error-code page).
 * `failover` marks what another provider may still deliver: `number` for this number's flow
 * control, `account` for anything about this account; none for a refusal any provider would
 * repeat (docs/providers.md §5). EXAMPLE codes: replace them with the provider's. Unknown codes
 * fall back to `general`.
 */
export const __camel__ErrorTable: ProviderErrorTable = {
  UnknownKey: { code: 'InvalidConfig', failover: 'account', hint: credentials },
  InvalidSignature: { code: 'InvalidConfig', failover: 'account', hint: credentials },
  StaleTimestamp: {
    code: 'InvalidConfig',
    failover: 'account',
    hint: "The request's timestamp is too far from the provider's clock: check this server's time.",
  },
  SignatureNotApproved: {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'Check signName: it must be an approved signature.',
  },
  TemplateNotApproved: { code: 'InvalidConfig', failover: 'account', hint: template },
  TemplateParamsMismatch: {
    code: 'InvalidConfig',
    failover: 'account',
    hint: 'The template has another number of variables: check templates[].params.',
  },
  ReplayedNonce: { code: 'General', hint: 'A nonce was reused: each attempt must be signed anew.' },
  InvalidParameter: { code: 'InvalidRequestParameters' },
  InvalidPhoneNumber: { code: 'InvalidRequestParameters', hint: 'The phone number was refused.' },
  InternationalNotEnabled: {
    code: 'InvalidRequestParameters',
    failover: 'account',
    hint: 'International SMS is not enabled for this account.',
  },
  RateLimited: { code: 'RateLimitExceeded', failover: 'number', retryable: true },
  InsufficientBalance: {
    code: 'UsageLimitExceeded',
    failover: 'account',
    hint: 'Top up the account balance.',
  },
  InternalError: { code: 'General', failover: 'account', retryable: true },
};
