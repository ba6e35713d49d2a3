/**
 * Where the verifier keeps codes, counters and bindings. Every method is one atomic step: the
 * memory driver runs each synchronously inside one process, the Redis driver as one Lua script
 * on the server. Times are milliseconds on the verifier's clock, passed in, so that all
 * instances sharing a store agree on what "now" is worth.
 *
 * `phoneKey`, counter keys and `subjectKey` are keyed hashes (no number, address or user id
 * appears in the store); bindings hold E.164 numbers and user ids, since listing them is their
 * purpose.
 *
 * A method that cannot reach its backend rejects; the verifier answers `STORE_UNAVAILABLE`.
 */
export type VerificationStore = {
  readonly name: string;
  /**
   * Data dies with the process (memory driver): a random per-process secret then loses nothing.
   */
  readonly ephemeral?: boolean;

  /**
   * Checks the reservation, the cooldown and every counter; if all have room, holds the number
   * for one send and counts the send in every counter.
   */
  reserveSend(request: ReserveSendRequest): Promise<ReserveSendResult>;
  /** The provider accepted the message: store its code, end the reservation, start the cooldown. */
  confirmSend(request: ConfirmSendRequest): Promise<void>;
  /**
   * The send did not happen, as far as its caller knows (the provider refused it, or its code
   * could not be stored): if the number is still reserved for it, or its code was stored after
   * all (a confirmation that landed after its caller gave up), undo it — free the number, delete
   * that code and the cooldown it started, take the send out of the counters.
   */
  releaseSend(request: ReleaseSendRequest): Promise<void>;

  /**
   * Spends one attempt on the pending code before it is compared, and counts it in every guess
   * counter, unless one is full.
   */
  takeAttempt(request: TakeAttemptRequest): Promise<TakeAttemptResult>;
  /**
   * The attempt was right: take it out of the guess counters and delete the code if it is still
   * `codeId` — true for exactly one caller.
   */
  consumeCode(request: ConsumeCodeRequest): Promise<boolean>;

  /** Binds `phone` to `userId` unless it is bound already. */
  bindPhone(request: Binding): Promise<'bound' | 'already-yours' | 'taken'>;
  /** Unbinds `phone` if it is bound to `userId` (and, with `keepLast`, is not their last one). */
  unbindPhone(request: Binding & { keepLast: boolean }): Promise<'unbound' | 'not-bound' | 'last'>;
  ownerOfPhone(phone: string): Promise<string | undefined>;
  listPhones(userId: string): Promise<string[]>;

  /** Releases what the driver opened itself (not a client it was given); the store is done. */
  close?(): Promise<void>;
};

export type CodeRef = { phoneKey: string; scene: string };

/** What a send is counted by; the verifier's names for its caps. */
export type SendCounterName = 'number' | 'ip' | 'prefix' | 'global';
/** What a wrong code is counted by. */
export type GuessCounterName = 'number-guesses' | 'ip-guesses';

/** A rolling window: room while fewer than `max` entries are younger than `windowMs`. */
export type Counter<Name extends string = string> = {
  name: Name;
  /** Unique per counted thing, e.g. `send:ip:<hash>`. */
  key: string;
  max: number;
  windowMs: number;
};

/** A counter with no room, and when its oldest entry leaves the window. */
export type CounterFull<Name extends string> = { counter: Name; retryAfterMs: number };

export type ReserveSendRequest = CodeRef & {
  reservationId: string;
  now: number;
  /** How long the reservation holds if its send never ends (the process died). */
  reservationMs: number;
  counters: Counter<SendCounterName>[];
};

export type ReserveSendResult =
  | { ok: true }
  | ({ ok: false } & (
      | { reason: 'cooldown' | 'in-progress'; retryAfterMs: number }
      | ({ reason: 'counter' } & CounterFull<SendCounterName>)
    ));

export type ConfirmSendRequest = CodeRef & {
  reservationId: string;
  now: number;
  /** Per number and scene; 0: none. */
  cooldownMs: number;
  code: {
    hash: string;
    /** Only this subject may redeem the code; undefined: anyone with the code. */
    subjectKey: string | undefined;
    expiresAt: number;
    allowedAttempts: number;
    /** How long the store keeps the code; past `expiresAt` it answers `expired`. */
    keepMs: number;
  };
};

export type ReleaseSendRequest = CodeRef & {
  reservationId: string;
  counters: Counter<SendCounterName>[];
};

export type TakeAttemptRequest = CodeRef & {
  now: number;
  attemptId: string;
  subjectKey: string | undefined;
  counters: Counter<GuessCounterName>[];
};

export type TakeAttemptResult =
  | {
      status: 'ok';
      codeId: string;
      hash: string;
      /** Tries left after this one: of the code, and of every guess counter. */
      attemptsLeft: number;
    }
  /** `other-subject`: the code was sent for someone else; nothing was spent. */
  | { status: 'not-found' | 'other-subject' | 'expired' | 'exhausted' }
  | ({ status: 'counter-full' } & CounterFull<GuessCounterName>);

export type ConsumeCodeRequest = CodeRef & {
  codeId: string;
  attemptId: string;
  counters: Counter<GuessCounterName>[];
};

export type Binding = { userId: string; phone: string };
