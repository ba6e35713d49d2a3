/**
 * The connector core's contract: the facts a provider's package hands over (`SmsConnectorFacts`)
 * and the one operator object every connector offers (`SmsOperator`), with its one result type.
 */
import type {
  ConnectorMetadata,
  CreateConnector,
  SendMessageData,
  SmsConnector,
} from '@logto/connector-kit';
import type { ZodType, ZodTypeAny, ZodTypeDef } from 'zod';

import type { ProviderErrorTable, ProviderHints, ProviderName } from '../errors/index.js';
import type { ProviderReply, ProviderRequest } from '../http.js';
import type {
  CheckItem,
  DeliveryReport,
  PreparedSend,
  StatusQuery,
  TemplateChoice,
} from '../operator.js';
import type { SmsPhoneNumber } from '../phone/index.js';
import type { Regional } from '../templates.js';

/** What every duanxin config has: a template per usage type, and `commonConfigShape`. */
export type BaseConfig = {
  templates: readonly { usageType: string }[];
  endpoint?: string | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  proxy?: string | undefined;
  allowedCountries?: string[] | undefined;
};

/** A config as the provider's functions get it: validated, prepared once, with its origin. */
export type Prepared<Config> = Config & { origin: string };

/** One send, up to the provider's request: what `request` builds it from. */
export type SendInput<Config extends BaseConfig> = {
  config: Prepared<Config>;
  /** The template entry of the usage type, or the Generic one standing in. */
  template: Config['templates'][number];
  phone: SmsPhoneNumber;
  /** The number as the provider takes it (`formatNumber`). */
  phoneNumber: string;
  code: string;
  /** Picks a `{ china, overseas }` field's value for this number; a plain value serves both. */
  regional: <T>(value: Regional<T>) => T;
};

/** The provider's request for one send. */
export type RequestPlan = {
  /** The template as the provider knows it: its code or id (YunPian: the usage type). */
  template: string;
  /** One attempt's request; built again for a retry, so that it is signed afresh. */
  build: () => ProviderRequest;
};

/** What the provider's answer says, read by its connector; the core checks and maps it. */
export type AnswerReading =
  | {
      kind: 'accepted';
      /** How the provider said yes, e.g. `Code OK`: the error names it if the id is missing. */
      acceptedAs: string;
      /** Accepted only with HTTP 200 and a non-empty string. */
      messageId: unknown;
      requestId?: unknown;
      /** More the provider reported (fee, billed parts): strings and numbers are kept. */
      extras?: Record<string, unknown>;
    }
  | {
      kind: 'refused';
      /** The provider's error code, looked up in its error table. */
      code: string;
      message?: unknown;
      requestId?: unknown;
      /**
       * The number's own status refused it: nothing was sent, whatever the HTTP status. Otherwise
       * a 5xx answer leaves the outcome unknown.
       */
      byNumber?: boolean;
    }
  | { kind: 'unreadable'; why: string };

/** A status query, the number read by the same rules as a send's. */
export type PreparedStatusQuery = StatusQuery & { phone: SmsPhoneNumber };

/** What a provider's package hands to `defineSmsConnector`: its facts, and nothing repeated. */
export type SmsConnectorFacts<Input extends BaseConfig, Config extends BaseConfig = Input> = {
  provider: ProviderName;
  /** The provider's name in help texts, e.g. `Tencent Cloud`. */
  title: string;
  metadata: ConnectorMetadata;
  configGuard: ZodType<Input, ZodTypeDef, unknown>;
  /** Computed once per distinct config: Logto creates the connector anew for every code. */
  prepare?: (config: Input) => Config;
  /** The origin when the config has no `endpoint`. */
  defaultEndpoint: string | ((config: Config) => string);
  /** The number as the provider takes it, e.g. `formatForHuawei`. */
  formatNumber: (phone: SmsPhoneNumber) => string;
  /** Refuse bare mainland numbers without a country code (Aliyun's strict check). */
  strictNumbers?: (config: Config) => boolean;
  /** A number the provider's config rules out (YunPian with international SMS off). */
  refuseNumber?: (
    phone: SmsPhoneNumber,
    config: Prepared<Config>
  ) => { message: string; hint?: string } | undefined;
  /** What a template entry names, as `templateChoices` lists it: its code, id or text. */
  describeTemplate: (template: Config['templates'][number]) => Regional<string>;
  request: (send: SendInput<Config>) => RequestPlan;
  /** The config's secrets: never in an error or a log (the code and number are added). */
  secrets: (config: Prepared<Config>) => readonly (string | undefined)[];
  readAnswer: (reply: ProviderReply) => AnswerReading;
  errorTable: ProviderErrorTable;
  /** The message id in the provider's words, e.g. `BizId`, `smsMsgId`. */
  messageIdName: string;
  /** A check of the config against the provider that sends no SMS. */
  checkConfig?: (config: Prepared<Config>) => CheckItem[] | Promise<CheckItem[]>;
  /** Delivery receipts of one sent message. */
  queryStatus?: (config: Prepared<Config>, query: PreparedStatusQuery) => Promise<DeliveryReport>;
  /** What `duanxin` advises on the provider's codes, by failure family. */
  hints?: ProviderHints;
  /** What `checkConfig` asks the provider, for `duanxin check --help`. */
  checks?: string;
  /** Without `queryStatus`: where delivery can be followed instead. */
  noStatusQuery?: string;
};

/** What every duanxin send resolves with (Logto ignores it; operator tools show it). */
export type SmsSendResult = {
  provider: ProviderName;
  /** The provider's id of the message (`messageIdName`), for status queries and receipts. */
  messageId: string;
  requestId: string | undefined;
  /** The template as the provider knows it: its code or id (YunPian: the usage type). */
  template: string;
  /** The usage type had no template of its own and Generic was used. */
  fellBackToGeneric: boolean;
  /** The number as sent. */
  phoneNumber: string;
  /** More the provider reported about this send, e.g. YunPian's fee and billed parts. */
  extras?: Record<string, string | number>;
  /** A connector over others (failover): the entry that sent it… */
  deliveredBy?: string;
  /** …and what the providers before it answered, in order. */
  earlier?: readonly unknown[];
};

/**
 * A connector as operator tools (the CLI, the demo, the testkit) drive it: Logto's default
 * export and everything else, one shape for every provider.
 */
export type SmsOperator = {
  provider: ProviderName;
  /** The provider's name in help texts, e.g. `Tencent Cloud`. */
  title: string;
  metadata: ConnectorMetadata;
  configGuard: ZodTypeAny;
  errorTable: ProviderErrorTable;
  messageIdName: string;
  hints: ProviderHints;
  checks: string | undefined;
  noStatusQuery: string | undefined;
  /** The package's default export, as Logto loads it. */
  createConnector: CreateConnector<SmsConnector>;
  /** Creates the connector and sends, exactly as Logto does. */
  send: (data: SendMessageData, config: unknown) => Promise<SmsSendResult>;
  /** Everything a send does up to the request: what `duanxin send --dry-run` shows. */
  buildSendRequest: (data: SendMessageData, config: unknown) => PreparedSend;
  templateChoices: (config: unknown) => TemplateChoice[];
  checkConfig: (config: unknown) => Promise<CheckItem[]>;
  /** Absent when the provider has no per-message status query. */
  queryStatus?: (config: unknown, query: StatusQuery) => Promise<DeliveryReport>;
  /** A connector over others (failover): the providers its config lists, read leniently. */
  listed?: ListedConfigs;
};

/** For tools holding a config over other providers' configs before it is validated. */
export type ListedConfigs = {
  configs: (config: unknown) => { provider: string; config: Record<string, unknown> }[];
  /** The config with `change` applied to each listed provider's config. */
  map: (
    config: Record<string, unknown>,
    change: (config: Record<string, unknown>, provider: string) => Record<string, unknown>
  ) => Record<string, unknown>;
};
