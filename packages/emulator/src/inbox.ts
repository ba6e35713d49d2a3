import { parsePhoneNumberForSms } from '@duanxin/shared';

import type { InboxMessage, RequestLogEntry } from './types.js';

export type InboxFilter = {
  provider?: string;
  /** E.164 (`+8613800138000`), or any form a connector reads (`8613800138000`, `13800138000`). */
  to?: string;
  templateId?: string;
  /** Only messages received at or after this time (ms since epoch). */
  since?: number;
};

/**
 * Read as a connector reads Logto's `to` (docs/providers.md §0.1), so that a filter finds what
 * a send to the same string delivered; what no connector reads is compared as `+` + digits.
 */
const normaliseInboxNumber = (to: string): string => {
  const trimmed = to.trim();
  try {
    return parsePhoneNumberForSms(trimmed, { provider: 'emulator' }).e164;
  } catch {
    return trimmed.startsWith('+') ? trimmed : `+${trimmed.replace(/^00/, '')}`;
  }
};

/** The filter with `to` as E.164, read once rather than for every message. */
const normalised = (filter: InboxFilter): InboxFilter =>
  filter.to === undefined ? filter : { ...filter, to: normaliseInboxNumber(filter.to) };

const matches = (message: InboxMessage, filter: InboxFilter): boolean =>
  (filter.provider === undefined || message.provider === filter.provider) &&
  (filter.to === undefined || message.to === filter.to) &&
  (filter.templateId === undefined || message.templateId === filter.templateId) &&
  (filter.since === undefined || message.receivedAt >= filter.since);

type Waiter = {
  filter: InboxFilter;
  resolve: (message: InboxMessage) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/** Every accepted message, as the phone would show it. */
export class Inbox {
  private readonly messages: InboxMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private nextId = 1;

  add(message: Omit<InboxMessage, 'id'>): InboxMessage {
    const stored: InboxMessage = { id: `msg-${this.nextId++}`, ...message };
    this.messages.push(stored);
    for (const waiter of this.waiters) {
      if (matches(stored, waiter.filter)) {
        this.settle(waiter);
        waiter.resolve(stored);
      }
    }
    return stored;
  }

  list(filter: InboxFilter = {}): InboxMessage[] {
    const wanted = normalised(filter);
    return this.messages.filter((message) => matches(message, wanted));
  }

  /** The latest message matching `filter`, waiting for one to arrive when there is none yet. */
  waitFor(filter: InboxFilter = {}, options: { timeoutMs?: number } = {}): Promise<InboxMessage> {
    const existing = this.list(filter).at(-1);
    if (existing) {
      return Promise.resolve(existing);
    }
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        filter: normalised(filter),
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(waiter);
          reject(
            new Error(`no inbox message matching ${JSON.stringify(filter)} within ${timeoutMs} ms`)
          );
        }, timeoutMs),
      };
      waiter.timer.unref();
      this.waiters.add(waiter);
    });
  }

  clear(): void {
    this.messages.length = 0;
  }

  /** Fails pending `waitFor` calls: the emulator is closing. */
  close(): void {
    for (const waiter of this.waiters) {
      this.settle(waiter);
      waiter.reject(new Error('the emulator was closed'));
    }
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}

/**
 * Every provider request received (control endpoints excluded), so tests can assert that nothing
 * was sent. An entry is written when the request arrives; `status` stays 0 until it is answered
 * (and for ever when a fault hangs or resets it).
 */
export class RequestLog {
  private readonly entries: RequestLogEntry[] = [];

  start(entry: RequestLogEntry): RequestLogEntry {
    this.entries.push(entry);
    return entry;
  }

  list(): RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
