/**
 * The part of NocoBase's server API this plugin uses (2.2, docs/nocobase.md §1). NocoBase's own
 * packages are the host's and never installed here, so their types are declared by hand.
 */
declare module '@nocobase/server' {
  export type Context = {
    action: { params: { values?: Record<string, unknown> } };
    app: Application;
    body: unknown;
    t(key: string, options?: Record<string, unknown>): string;
    throw(status: number, error: string | { code: string; message: string }): never;
  };
  export type Next = () => Promise<void>;
  export type Handler = (ctx: Context, next: Next) => Promise<void>;

  export type Application = {
    pm: { get(name: string): unknown };
    resourceManager: {
      define(resource: { name: string; actions: Record<string, Handler> }): void;
      registerPreActionHandler(action: string, handler: Handler): void;
    };
    acl: { registerSnippet(snippet: { name: string; actions: string[] }): void };
    environment: { renderJsonTemplate(template: unknown): unknown };
  };

  export class Plugin {
    readonly app: Application;
    get name(): string;
    get log(): { warn(message: string): void };
    load(): Promise<void>;
  }
}

declare module '@nocobase/plugin-verification' {
  export class SMSProvider {
    /** The verifier's settings, `{{$env.X}}` already rendered. */
    options: unknown;
    constructor(options: unknown);
    send(receiver: string, data: { code: string }): Promise<unknown>;
  }

  export type SMSOTPProviderManager = {
    registerProvider(type: string, options: { title: string; provider: typeof SMSProvider }): void;
  };
}

declare module '@nocobase/utils' {
  /** An i18n key the client translates: `{{t("key", { ns })}}`. */
  export function tval(text: string, options: { ns: string }): string;
}
