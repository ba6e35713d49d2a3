/**
 * What to do about a failure. A provider's own advice for its code comes first (its package's
 * `hints`, by family; a family it names without words takes the family's words below); a refusal
 * of the connector's own carries its advice in its data; then the families below, first match
 * wins; last the hint the error carries (its error-table entry's). No text here names a provider.
 */
import type { DuanxinErrorData, ProviderHints } from '@duanxin/shared';

export const numberHint =
  'Give --to one number with its country code, as Logto stores it: 8613800138000, +8613800138000 or 008613800138000. Digits are read country code first (13012345678 is +1 301 234 5678); only when allowedCountries leaves that country out and allows CN are they the mainland mobile. No number outside allowedCountries is sent.';

type Family = {
  family: string;
  applies: (errorCode: string, data: DuanxinErrorData) => boolean;
  hint: string;
};

/** A family whose codes all come from the providers' own hints. */
const providersOwnCodesOnly = () => false;

const families: readonly Family[] = [
  {
    family: 'signature mismatch',
    applies: providersOwnCodesOnly,
    hint: 'The key is known but the request signature does not match: the secret is not the secret of this key id (the secret of another key, a rotated key, a stray space). A wrong clock gives a timestamp error, not this one.',
  },
  {
    family: 'clock skew',
    applies: providersOwnCodesOnly,
    hint: "This machine's clock is off by more than the provider allows: sync it with NTP, then retry.",
  },
  {
    family: 'temporary credentials',
    applies: providersOwnCodesOnly,
    hint: 'Temporary (STS) credentials need their token and expire: fetch a fresh set.',
  },
  // The number was refused, by the connector or by the provider (its table names the field).
  {
    family: 'illegal number',
    applies: (_code, data) => data.field === 'to' && data.providerCode === undefined,
    hint: numberHint,
  },
  {
    family: 'flow control',
    applies: (code) => code === 'rate_limit_exceeded',
    hint: 'Per-number flow control: wait before sending to this number again. Retrying at once only extends the wait.',
  },
  {
    family: 'no balance',
    applies: (code) => code === 'usage_limit_exceeded',
    hint: 'The account is out of balance or reached a daily or monthly cap: top it up or raise the cap in the provider console.',
  },
  {
    family: 'unreachable',
    applies: (_code, data) =>
      data.providerCode === undefined &&
      data.field === undefined &&
      data.outcome === 'not_sent' &&
      data.connected !== true,
    hint: 'The provider could not be reached: check the endpoint (or --endpoint), DNS, HTTPS_PROXY or the proxy field, and the firewall; --timeout raises the limit per attempt.',
  },
  {
    family: 'no answer',
    applies: (_code, data) =>
      data.providerCode === undefined &&
      data.field === undefined &&
      data.outcome === 'not_sent' &&
      data.connected === true,
    hint: "The connection was made, but no usable answer came (see the message: a timeout, a reset, a TLS handshake that failed): check that the endpoint is the provider's API and that a proxy does not intercept TLS; --timeout raises the limit per attempt.",
  },
  {
    family: 'outcome unknown',
    applies: (_code, data) => data.outcome === 'unknown',
    hint: 'The message may have been sent: look at the phone, or run `duanxin status`, before sending again (a retry could text the user twice).',
  },
];

export const hintFor = (
  errorCode: string,
  data: DuanxinErrorData,
  providerHints: ProviderHints | undefined
): string | undefined => {
  const { providerCode } = data;
  if (providerCode === undefined) {
    // A refusal of the connector's own carries the most specific advice.
    return data.hint ?? families.find((family) => family.applies(errorCode, data))?.hint;
  }
  const own = Object.entries(providerHints ?? {}).find(([, entry]) =>
    entry.codes.test(providerCode)
  );
  const family = own
    ? families.find((candidate) => candidate.family === own[0])
    : families.find((candidate) => candidate.applies(errorCode, data));
  return own?.[1].hint ?? family?.hint ?? data.hint;
};
