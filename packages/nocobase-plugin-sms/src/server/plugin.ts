/**
 * The NocoBase server plugin: each duanxin provider registered with the SMS OTP verifier of
 * `@nocobase/plugin-verification`, its settings checked by the connector's guard when a
 * verifier is saved and, field by field, while the admin fills the form.
 */
import { SMSProvider, type SMSOTPProviderManager } from '@nocobase/plugin-verification';
import { Plugin, type Context, type Handler } from '@nocobase/server';
import { tval } from '@nocobase/utils';

import { describeProvider, loadProviders, type LoadedProvider } from '../catalog.js';
import { namespace } from '../namespace.js';
import { sendCode } from '../send.js';
import { VerificationSendError } from '../errors.js';
import { protectPlaceholders, restorePlaceholders } from '../placeholders.js';
import { describeSettingsIssue, readSettings, type SettingsIssue } from '../settings.js';

type VerificationPlugin = { smsOTPProviderManager: SMSOTPProviderManager };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The settings as a send would read them: rendered by NocoBase, placeholders kept. */
const checkSettings = (ctx: Context, provider: LoadedProvider, raw: unknown): SettingsIssue[] => {
  const rendered = ctx.app.environment.renderJsonTemplate(protectPlaceholders(raw));
  const read = readSettings(
    restorePlaceholders(rendered),
    provider.fields,
    provider.connector.configGuard,
    raw
  );
  return read.ok ? [] : read.issues;
};

const translator = (ctx: Context) => (key: string, values?: Record<string, string>) =>
  ctx.t(key, { ns: namespace, ...values, interpolation: { escapeValue: false } });

export class PluginDuanxinSmsServer extends Plugin {
  override async load(): Promise<void> {
    const providers = await loadProviders();
    const byType = new Map(providers.map((provider) => [provider.type, provider]));
    const verification = this.app.pm.get('verification') as VerificationPlugin;
    for (const provider of providers) {
      verification.smsOTPProviderManager.registerProvider(provider.type, {
        title: tval(describeProvider(provider).title.en, { ns: namespace }),
        provider: this.providerClass(provider),
      });
    }

    // While the admin fills the form: each field's issues, translated.
    const validate: Handler = async (ctx, next) => {
      const { provider: type, settings } = ctx.action.params.values ?? {};
      const provider = byType.get(String(type));
      if (!provider) {
        return ctx.throw(400, ctx.t('Unknown provider', { ns: namespace }));
      }
      const translate = translator(ctx);
      ctx.body = {
        issues: checkSettings(ctx, provider, settings).map((issue) => ({
          field: issue.field,
          message: describeSettingsIssue(issue, translate),
        })),
      };
      await next();
    };
    this.app.resourceManager.define({ name: 'duanxinSmsSettings', actions: { validate } });
    this.app.acl.registerSnippet({ name: `pm.${namespace}`, actions: ['duanxinSmsSettings:*'] });

    // On save, through the form or the API: refused when a send could not read the settings.
    const checkOnSave: Handler = async (ctx, next) => {
      const options = ctx.action.params.values?.options;
      const provider = isRecord(options) ? byType.get(String(options.provider)) : undefined;
      if (isRecord(options) && provider && options.settings !== undefined) {
        const issues = checkSettings(ctx, provider, options.settings);
        if (issues.length > 0) {
          const translate = translator(ctx);
          const listed = issues.map(
            (issue) => `${issue.field || 'settings'}: ${describeSettingsIssue(issue, translate)}`
          );
          return ctx.throw(400, {
            code: 'InvalidSettings',
            message: translate('Invalid settings: {{issues}}', { issues: listed.join('; ') }),
          });
        }
        options.settings = protectPlaceholders(options.settings);
      }
      await next();
    };
    this.app.resourceManager.registerPreActionHandler('verifiers:create', checkOnSave);
    this.app.resourceManager.registerPreActionHandler('verifiers:update', checkOnSave);
  }

  /** NocoBase builds one for each send, with the verifier's rendered settings as `options`. */
  private providerClass(provider: LoadedProvider): typeof SMSProvider {
    const log = this.log;
    return class DuanxinSmsProvider extends SMSProvider {
      override async send(receiver: string, { code }: { code: string }): Promise<void> {
        try {
          await sendCode(provider, this.options, receiver, code);
        } catch (error) {
          // NocoBase logs the failures it answers 500 for; these two it only answers.
          if (error instanceof VerificationSendError && error.name !== 'SendSMSFailed') {
            log.warn(`${error.name}: ${error.message}`);
          }
          throw error;
        }
      }
    };
  }
}
