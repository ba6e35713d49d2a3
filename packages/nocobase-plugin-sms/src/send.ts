/**
 * One send of NocoBase's SMS OTP verifier through a duanxin connector: what the provider class
 * registered with NocoBase does in `send(receiver, { code })`.
 */
import { TemplateType } from '@logto/connector-kit';

import type { LoadedProvider } from './catalog.js';
import { toVerificationSendError, VerificationSendError } from './errors.js';
import { toLogtoRecipient } from './receiver.js';
import { restorePlaceholders } from './placeholders.js';
import { describeSettingsIssue, readSettings } from './settings.js';

/**
 * `settings` are the verifier's settings as NocoBase renders them (`{{$env.X}}` resolved). The
 * connector is handed the config with `sendMessage(data, config)`, as Logto hands it, and the
 * number in Logto's form. Every failure is a `VerificationSendError` named for NocoBase.
 */
export const sendCode = async (
  provider: LoadedProvider,
  settings: unknown,
  receiver: unknown,
  code: string
): Promise<void> => {
  const read = readSettings(
    restorePlaceholders(settings),
    provider.fields,
    provider.connector.configGuard
  );
  if (!read.ok) {
    const issues = read.issues.map(
      (issue) => `${issue.field || 'settings'}: ${describeSettingsIssue(issue)}`
    );
    throw new VerificationSendError(
      'SendSMSFailed',
      `[duanxin] [${provider.type}] the verifier's settings are invalid: ${issues.join('; ')}`
    );
  }
  try {
    const to = toLogtoRecipient(receiver, read.defaultCountry, provider.type);
    // NocoBase does not say which action the code is for: Generic is the template every
    // connector requires and falls back to.
    await provider.connector.sendMessage(
      { to, type: TemplateType.Generic, payload: { code } },
      read.config
    );
  } catch (error) {
    throw toVerificationSendError(error);
  }
};
