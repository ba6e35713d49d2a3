/**
 * The emulator's types. The provider contract (`ProviderDefinition` and what it is given) lives in
 * `@duanxin/shared` so that a provider's emulation depends on nothing but shared.
 */
import type { IncomingHttpHeaders } from 'node:http';

import type { ProviderAccount } from '@duanxin/shared';

export type {
  ApprovalState,
  SeedCredential,
  SeedSignature,
  SeedTemplate,
  FlowWindow,
  ProviderAccount,
  EmulatorRequest,
  EmulatorResponse,
  InboxMessage,
  ProviderContext,
  ProviderDefinition,
} from '@duanxin/shared';

export type EmulatorSeed = Record<string, ProviderAccount>;

export type RequestLogEntry = {
  provider: string | undefined;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  at: number;
};

export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'reset-before-body' }
  | { kind: 'reset-after-body' }
  | { kind: 'malformed'; body: string; contentType?: string; status?: number }
  | { kind: 'oversized'; bytes: number }
  | { kind: 'trickle'; bytesPerSecond: number; status?: number };

export type FaultRule = {
  fault: Fault;
  /** Only requests claimed by this provider; all providers when absent. */
  provider?: string;
  /** How many requests it applies to; default 1, Infinity for all. */
  times?: number;
};
