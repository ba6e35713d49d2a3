import type { ProviderHints } from '@duanxin/shared';

export const internationalHint =
  'For numbers outside mainland China, enable international SMS in the YunPian console and set "enableInternational": true, with an international template.';

/** What `duanxin` (the CLI) advises on YunPian's return codes, by failure family. */
export const yunpianHints: ProviderHints = {
  'bad key': {
    codes: /^-1$/,
    hint: 'YunPian does not know this apikey: copy it again from 账户设置 → 子帐户管理; if it comes from env:NAME, check that variable in this shell.',
  },
  'unapproved signature': {
    codes: /^(15|16)$/,
    hint: 'The 【signature】 at the start of the template content must be an approved signature of the account (云片 → 签名管理).',
  },
  'unapproved or unknown template': {
    codes: /^(5|7)$/,
    hint: 'The content must match an approved template exactly, with {{code}} where the template has #code# (云片 → 模板管理). `duanxin check yunpian` shows which template matches.',
  },
  'international not enabled': { codes: /^(20|23)$/, hint: internationalHint },
  'illegal number': { codes: /^2$/ },
  'no permission': {
    codes: /^-2$/,
    hint: "The apikey's sub-account lacks permission for this API (账户设置 → 子帐户管理).",
  },
  'IP whitelist': {
    codes: /^-3$/,
    hint: "Add this server's public IP to the account's IP whitelist.",
  },
};
