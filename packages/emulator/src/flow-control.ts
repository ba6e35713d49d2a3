import type { FlowWindow } from './types.js';

/**
 * Sliding-window counters of accepted messages, per provider and number, and per number and key
 * (the same content, the signature a provider limits by) for windows marked `perKey`. Only accepted messages count: a rejected attempt does not use a permit,
 * which is how the providers' "Permits:N" limits read.
 */
export class FlowControl {
  private readonly accepted = new Map<string, number[]>();

  /** Returns the first violated window, or records the message and returns undefined. */
  check(
    provider: string,
    windows: FlowWindow[] | false,
    number: string,
    key: string | undefined,
    now: number
  ): FlowWindow | undefined {
    if (windows === false || windows.length === 0) {
      return undefined;
    }
    const numberKey = JSON.stringify([provider, number]);
    const contentKey = JSON.stringify([provider, number, key ?? '']);
    const longest = Math.max(...windows.map((window) => window.seconds)) * 1000;
    const recent = (counter: string) =>
      (this.accepted.get(counter) ?? []).filter((at) => now - at < longest);
    const byNumber = recent(numberKey);
    const byContent = recent(contentKey);
    const violated = windows.find((window) => {
      const times = window.perKey ? byContent : byNumber;
      return times.filter((at) => now - at < window.seconds * 1000).length >= window.max;
    });
    if (!violated) {
      byNumber.push(now);
      byContent.push(now);
    }
    this.accepted.set(numberKey, byNumber);
    this.accepted.set(contentKey, byContent);
    return violated;
  }

  clear(): void {
    this.accepted.clear();
  }
}

/**
 * Remembers nonces until they expire, so a replay inside the timestamp window is caught. Entries
 * are kept in the order they were stored, which is the order of their expiry for one TTL; each
 * `use` drops expired entries from the front, so a request costs O(1) amortised whatever the
 * number of live nonces. An entry stored with a shorter TTL behind a longer one is dropped a
 * little late, which only costs memory: `use` checks the expiry itself.
 */
export class NonceStore {
  private readonly expiries = new Map<string, number>();

  use(scope: string, nonce: string, ttlSeconds: number, now: number): boolean {
    this.dropExpired(now);
    const key = `${scope}\u0000${nonce}`;
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) {
      return false;
    }
    // Re-inserted at the back, so the map stays in storing order.
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlSeconds * 1000);
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private dropExpired(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) {
        return;
      }
      this.expiries.delete(key);
    }
  }
}
