import type { ProviderErrorTable } from '@duanxin/shared';

const credentials = 'Check accessKeyId / accessKeySecret (where in the __Title__ console).';
const template = 'Check templates[].templateId: it must be an approved template of this account.';

/**
 * The provider's error codes → Logto error codes, as data (link the vendor's error-code page).
 * EXAMPLE codes: replace them with the provider's. Unknown codes fall back to `general`.
 */
export const __camel__ErrorTable: ProviderErrorTable = {
  UnknownKey: { code: 'InvalidConfig', hint: credentials },
  InvalidSignature: { code: 'InvalidConfig', hint: credentials },
  StaleTimestamp: {
    code: 'InvalidConfig',
    hint: "The request's timestamp is too far from the provider's clock: check this server's time.",
  },
  SignatureNotApproved: {
    code: 'InvalidConfig',
    hint: 'Check signName: it must be an approved signature.',
  },
  TemplateNotApproved: { code: 'InvalidConfig', hint: template },
  TemplateParamsMismatch: {
    code: 'InvalidConfig',
    hint: 'The template has another number of variables: check templates[].params.',
  },
  ReplayedNonce: { code: 'General', hint: 'A nonce was reused: each attempt must be signed anew.' },
  InvalidParameter: { code: 'InvalidRequestParameters' },
  InvalidPhoneNumber: { code: 'InvalidRequestParameters', hint: 'The phone number was refused.' },
  InternationalNotEnabled: {
    code: 'InvalidRequestParameters',
    hint: 'International SMS is not enabled for this account.',
  },
  RateLimited: { code: 'RateLimitExceeded', retryable: true },
  InsufficientBalance: { code: 'UsageLimitExceeded', hint: 'Top up the account balance.' },
  InternalError: { code: 'General', retryable: true },
};
