/**
 * What to do about a failure, by error family: which config field, where in the provider console,
 * whether and when to retry. Data, first match wins; the connector's error-table hint is the
 * fallback. A provider's own codes and advice per family may come from its package (`hints`).
 */
import { providerEntry, type ProviderName } from './providers.js';

export type FailureFacts = {
  provider: ProviderName;
  /** Logto's error code, e.g. `invalid_config`, `rate_limit_exceeded`. */
  errorCode: string | undefined;
  providerCode: string | undefined;
  field: string | undefined;
  outcome: string | undefined;
  /** The error's description, without its origin prefix. */
  description: string;
  /** Transport failures: whether a connection to the endpoint was made. */
  connected: boolean | undefined;
  config: Record<string, unknown> | undefined;
};

type PerProvider = string | Partial<Record<ProviderName, string>>;

type HintFamily = { family: string; applies: (facts: FailureFacts) => boolean; hint: PerProvider };

const providerCode =
  (pattern: RegExp) =>
  ({ provider, providerCode }: FailureFacts) =>
    providerCode !== undefined && pattern.test(`${provider}:${providerCode}`);

/** A family whose codes all come from providers' own hints (`ProviderHints`). */
const providersOwnCodesOnly = () => false;

const families: HintFamily[] = [
  {
    family: 'bad key',
    applies: providerCode(/^yunpian:-1$/),
    hint: {
      yunpian:
        'YunPian does not know this apikey: copy it again from 账户设置 → 子帐户管理; if it comes from env:NAME, check that variable in this shell.',
    },
  },
  {
    family: 'signature mismatch',
    applies: providersOwnCodesOnly,
    hint: 'The key is known but the request signature does not match: accessKeySecret is not the secret of this accessKeyId (the secret of another key, a rotated key, a stray space). A wrong clock gives a timestamp error, not this one.',
  },
  {
    family: 'clock skew',
    applies: providersOwnCodesOnly,
    hint: "This machine's clock is off (Aliyun allows 15 minutes, Tencent 5): sync it with NTP, then retry.",
  },
  {
    family: 'temporary credentials',
    applies: providersOwnCodesOnly,
    hint: 'Temporary (STS) credentials need their token (Aliyun securityToken, Tencent token) and expire: fetch a fresh set.',
  },
  {
    family: 'unapproved signature',
    applies: providerCode(/^yunpian:(15|16)$/),
    hint: {
      yunpian:
        'The 【signature】 at the start of the template content must be an approved signature of the account (云片 → 签名管理).',
    },
  },
  {
    family: 'unapproved or unknown template',
    applies: providerCode(/^yunpian:(5|7)$/),
    hint: {
      yunpian:
        'The content must match an approved template exactly, with {{code}} where the template has #code# (云片 → 模板管理). `duanxin check yunpian` shows which template matches.',
    },
  },
  {
    family: 'parameter count',
    applies: providersOwnCodesOnly,
    hint: {},
  },
  {
    family: 'international not enabled',
    applies: (facts) =>
      providerCode(/^yunpian:(20|23)$/)(facts) ||
      // The connector's own refusal (its message is the config's unsupportedCountriesMsg).
      (facts.provider === 'yunpian' &&
        facts.field === 'to' &&
        facts.providerCode === undefined &&
        facts.config?.enableInternational !== true &&
        !/Invalid phone number|allowedCountries/.test(facts.description)),
    hint: {
      yunpian:
        'For numbers outside mainland China, enable international SMS in the YunPian console and set "enableInternational": true, with an international template.',
    },
  },
  {
    family: 'illegal number',
    applies: (facts) =>
      providerCode(/^yunpian:2$/)(facts) ||
      (facts.field === 'to' && facts.providerCode === undefined),
    hint: 'Give --to one number with its country code, as Logto stores it: 8613800138000, +8613800138000 or 008613800138000. Digits are read country code first (13012345678 is +1 301 234 5678); only when allowedCountries leaves that country out and allows CN are they the mainland mobile. No number outside allowedCountries is sent.',
  },
  {
    family: 'no permission',
    applies: providerCode(/^yunpian:-2$/),
    hint: {
      yunpian: "The apikey's sub-account lacks permission for this API (账户设置 → 子帐户管理).",
    },
  },
  {
    family: 'IP whitelist',
    applies: providerCode(/^yunpian:-3$/),
    hint: "Add this server's public IP to the account's IP whitelist.",
  },
  {
    family: 'flow control',
    applies: (facts) => facts.errorCode === 'rate_limit_exceeded',
    hint: 'Per-number flow control: wait before sending to this number again (Aliyun 1/min, 5/hour, 10/day; Tencent 1 per 30 s for the same text, then hourly and daily caps). Retrying at once only extends the wait.',
  },
  {
    family: 'no balance',
    applies: (facts) => facts.errorCode === 'usage_limit_exceeded',
    hint: 'The account is out of balance or reached a daily or monthly cap: top it up or raise the cap in the provider console.',
  },
  {
    family: 'unreachable',
    applies: (facts) =>
      facts.providerCode === undefined &&
      facts.field === undefined &&
      facts.outcome === 'not_sent' &&
      facts.connected !== true,
    hint: 'The provider could not be reached: check the endpoint (or --endpoint), DNS, HTTPS_PROXY or the proxy field, and the firewall; --timeout raises the limit per attempt.',
  },
  {
    family: 'no answer',
    applies: (facts) =>
      facts.providerCode === undefined &&
      facts.field === undefined &&
      facts.outcome === 'not_sent' &&
      facts.connected === true,
    hint: "The connection was made, but no usable answer came (see the message: a timeout, a reset, a TLS handshake that failed): check that the endpoint is the provider's API and that a proxy does not intercept TLS; --timeout raises the limit per attempt.",
  },
  {
    family: 'outcome unknown',
    applies: (facts) => facts.outcome === 'unknown',
    hint: 'The message may have been sent: look at the phone, or run `duanxin status`, before sending again (a retry could text the user twice).',
  },
];

/**
 * The provider's own families first (its package's `hints`): their advice when they carry one,
 * else the advice of the family of that name below; then the families above, first match wins.
 */
export const hintFor = (facts: FailureFacts): string | undefined => {
  const own = Object.entries(providerEntry(facts.provider).hints ?? {}).find(
    ([, entry]) => facts.providerCode !== undefined && entry.codes.test(facts.providerCode)
  );
  if (own?.[1].hint !== undefined) {
    return own[1].hint;
  }
  const family = own
    ? families.find((candidate) => candidate.family === own[0])
    : families.find((candidate) => candidate.applies(facts));
  if (!family) {
    return undefined;
  }
  return typeof family.hint === 'string' ? family.hint : family.hint[facts.provider];
};
