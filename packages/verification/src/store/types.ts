/**
 * Where the verifier keeps codes, send counters and bindings. Every method is one atomic step:
 * the memory driver runs each synchronously inside one process, the Redis driver as one Lua
 * script on the server. Times are milliseconds on the verifier's clock, passed in, so that all
 * instances sharing a store agree on what "now" is worth.
 *
 * `phoneKey` and `ipKey` are keyed hashes (no number or address appears in the store); bindings
 * hold E.164 numbers, since listing them is their purpose.
 */
export interface VerificationStore {
  readonly name: string;
  /**
   * Data dies with the process (memory driver): a random per-process secret then loses nothing.
   */
  readonly ephemeral?: boolean;

  /** Checks cooldown, caps and in-flight sends; on success holds the number for one send. */
  reserveSend(request: ReserveSendRequest): Promise<ReserveSendResult>;
  /** The provider accepted the message: store its code, start the cooldown, count it. */
  confirmSend(request: ConfirmSendRequest): Promise<void>;
  /** The provider refused the message: free the number, count nothing. */
  releaseSend(request: ReleaseSendRequest): Promise<void>;

  /** Spends one attempt on the pending code before it is compared. */
  takeAttempt(request: CodeRef & { now: number }): Promise<TakeAttemptResult>;
  /** Deletes the code if it is still `codeId`: true for exactly one caller. */
  consumeCode(request: CodeRef & { codeId: string }): Promise<boolean>;

  /** Binds `phone` to `userId` unless it is bound already. */
  bindPhone(request: Binding): Promise<'bound' | 'already-yours' | 'taken'>;
  /** Unbinds `phone` if it is bound to `userId`. */
  unbindPhone(request: Binding): Promise<boolean>;
  ownerOfPhone(phone: string): Promise<string | undefined>;
  listPhones(userId: string): Promise<string[]>;

  /** Releases what the driver opened itself (not a client it was given). */
  close?(): Promise<void>;
}

export type CodeRef = { phoneKey: string; scene: string };

export type SendLimits = {
  /** Per number and scene. */
  cooldownMs: number;
  /** How long a reservation holds if its send never ends (the process died). */
  reservationMs: number;
  /** Accepted messages per number in a rolling window; undefined: no cap. */
  numberCap: Cap | undefined;
  /** Accepted and in-flight messages per IP bucket in a rolling window; undefined: no cap. */
  ipCap: Cap | undefined;
};

export type Cap = { max: number; windowMs: number };

export type ReserveSendRequest = CodeRef & {
  ipKey: string | undefined;
  reservationId: string;
  now: number;
  limits: SendLimits;
};

export type ReserveSendResult =
  | { ok: true }
  | {
      ok: false;
      reason: 'cooldown' | 'in-progress' | 'number-cap' | 'ip-cap';
      retryAfterMs: number;
    };

export type ConfirmSendRequest = ReserveSendRequest & {
  code: {
    hash: string;
    expiresAt: number;
    allowedAttempts: number;
    /** How long the store keeps the code; past `expiresAt` it answers `expired`. */
    keepMs: number;
  };
};

export type ReleaseSendRequest = CodeRef & { ipKey: string | undefined; reservationId: string };

export type TakeAttemptResult =
  | { status: 'ok'; codeId: string; hash: string; attemptsLeft: number }
  | { status: 'not-found' | 'expired' | 'exhausted' };

export type Binding = { userId: string; phone: string };
