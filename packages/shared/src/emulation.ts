/**
 * The emulator's extension API, provider-neutral: a provider's emulation (in its own connector
 * package, `emulator/`) is written against these types alone. Each provider (ours and an integrator's) is a `ProviderDefinition`:
 * it claims requests, verifies them against its account model and answers as the real API does.
 * The core (server.ts) owns transport, the request log, the inbox, flow control and faults.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type ApprovalState = 'approved' | 'pending' | 'rejected';

export type SeedCredential = {
  /** The key id: Aliyun AccessKeyId, Tencent SecretId, YunPian apikey, Huawei APP_Key. */
  id: string;
  /** Aliyun AccessKeySecret, Tencent SecretKey, Huawei APP_Secret; unused for YunPian. */
  secret?: string;
  /** Temporary credentials: Aliyun SecurityToken / Tencent X-TC-Token that must accompany the key. */
  token?: string;
  /** False for send-only keys: query APIs (templates, signatures, status) answer "no permission". */
  canQuery?: boolean;
  disabled?: boolean;
};

export type SeedSignature = { name: string; state: ApprovalState };

const demoSignatureNames: Record<ApprovalState, string> = {
  approved: 'duanxin',
  pending: 'pending-sign',
  rejected: 'rejected-sign',
};

/**
 * The signatures of a built-in demo account, one a review state: `duanxin` (approved),
 * `pending-sign`, `rejected-sign`.
 */
export const demoSignatures = (
  states: readonly ApprovalState[] = ['approved', 'pending', 'rejected']
): SeedSignature[] => states.map((state) => ({ name: demoSignatureNames[state], state }));

export type SeedTemplate = {
  /** Aliyun TemplateCode, Tencent TemplateId, YunPian tpl_id, Huawei templateId. */
  id: string;
  /**
   * Template text in the provider's own placeholder syntax:
   * Aliyun `${code}`, Tencent `{1}`, YunPian `#code#`, Huawei `${1}`.
   */
  content: string;
  state: ApprovalState;
  /** International / HK-Macau-Taiwan template (Aliyun, Tencent), or sendable abroad (YunPian). */
  international?: boolean;
  /** Verification-code templates get the providers' stricter flow control. Default 'verification'. */
  kind?: 'verification' | 'notification';
};

/** One flow-control window: at most `max` accepted messages per number within `seconds`. */
export type FlowWindow = {
  seconds: number;
  max: number;
  /** The provider error code answered. */
  code: string;
  message?: string;
  /**
   * Counted per number *and* the key the provider passes to `checkFlow` (the same content, the
   * same signature); otherwise per number alone, whatever is sent.
   */
  perKey?: boolean;
};

export type ProviderAccount = {
  credentials: SeedCredential[];
  signatures: SeedSignature[];
  templates: SeedTemplate[];
  /** Messages the account can still pay for; 0 answers the provider's "no balance" error. */
  balance: number;
  /** Whether numbers outside mainland China may be texted. */
  international: boolean;
  /** Per-number flow control: the provider's documented windows, or false to switch it off. */
  flowControl: FlowWindow[] | false;
  /**
   * What a request names as its sender, when the provider has such ids: Tencent SmsSdkAppIds,
   * Huawei channel numbers (通道号, `from`). `international` ones serve numbers abroad.
   */
  apps?: { id: string; international?: boolean }[];
  /** Tencent: regions accepted in X-TC-Region. */
  regions?: string[];
  /** YunPian: signature used when the text carries none. */
  defaultSignature?: string;
};

export type EmulatorRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  /** Raw body bytes: signatures are verified over these, never over a re-serialisation. */
  body: Buffer;
};

export type EmulatorResponse = {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string or Buffer. */
  body: unknown;
};

export type InboxMessage = {
  id: string;
  provider: string;
  /** The number as E.164, e.g. `+8613800138000`. */
  to: string;
  /** What the phone shows: `【签名】` + rendered template text. */
  text: string;
  signName: string;
  templateId: string;
  /** Template parameters as sent (named for Aliyun/YunPian, positional for Tencent). */
  params: Record<string, string> | string[];
  /** The verification code, when the template has a code placeholder. */
  code?: string;
  /** Provider message id: Aliyun BizId, Tencent SerialNo, YunPian sid. */
  messageId: string;
  /** The caller's own reference, echoed in status queries: Aliyun OutId, Tencent SessionContext, YunPian uid. */
  outId?: string;
  requestId: string;
  receivedAt: number;
};

export type ProviderContext = {
  account: ProviderAccount;
  now(): number;
  /** Records an accepted message in the inbox (and spends one unit of balance). */
  deliver(message: Omit<InboxMessage, 'id' | 'provider' | 'receivedAt'>): InboxMessage;
  /**
   * Checks and counts per-number flow control for a message about to be accepted.
   * Returns the violated window (answer its `code`) or undefined when the message may go.
   */
  checkFlow(number: string, key?: string): FlowWindow | undefined;
  /** Remembers a nonce; false when it was already used within `ttlSeconds`. */
  useNonce(nonce: string, ttlSeconds: number): boolean;
  /** Accepted messages, for status queries. */
  sent(): readonly InboxMessage[];
};

export type ProviderDefinition = {
  name: string;
  /** Claims a request, e.g. by `X-TC-Action` header, `Action` parameter or `/v2/` path. */
  matches(request: EmulatorRequest): boolean;
  handle(
    request: EmulatorRequest,
    context: ProviderContext
  ): EmulatorResponse | Promise<EmulatorResponse>;
  /** The seeded account used when the seed names none for this provider. */
  defaultAccount(): ProviderAccount;
  /**
   * A connector config that works against the default account, for whoever runs the emulator:
   * the demo, tests, the start-up banner (to paste into the Logto console).
   */
  connectorConfig?: (endpoint: string) => Record<string, unknown>;
  /** The credential fields in the provider's own words, for the banner, e.g. `SecretId`. */
  credentialLabels?: { id: string; secret?: string; token?: string };
  /** The provider's production hosts, for `redirectTls` (clients with fixed endpoints). */
  hosts?: readonly string[];
  /** What identifies its requests, for the answer to a request no provider claims. */
  identifiedBy?: string;
};
