/** The parts of NocoBase's admin apps (legacy and v2) that the settings forms use. */
export type { ApiClient } from '@nocobase/client';

/** The client side of `@nocobase/plugin-verification`, the same in both apps but for `Options`. */
export type VerificationClientPlugin<Options> = {
  smsOTPProviderManager: { registerProvider(type: string, options: Options): void };
};
