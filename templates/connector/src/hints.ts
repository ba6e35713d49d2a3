import type { ProviderHints } from '@duanxin/shared';

/**
 * What `duanxin` advises about __Title__'s codes, by failure family (the families and their
 * common advice are the CLI's): a family named without a hint takes the family's own words.
 * EXAMPLE codes: replace them with the provider's.
 */
export const __camel__Hints: ProviderHints = {
  'bad key': {
    codes: /^UnknownKey$/,
    hint: '__Title__ does not know this accessKeyId: copy it again from the console.',
  },
  'signature mismatch': { codes: /^InvalidSignature$/ },
  'clock skew': { codes: /^StaleTimestamp$/ },
  'international not enabled': {
    codes: /^InternationalNotEnabled$/,
    hint: 'Enable international SMS for the account, or restrict allowedCountries.',
  },
};
