/**
 * Fault injection. What each kind does to a request (the provider never sees it unless noted):
 * - `status`: a gateway-style error page with that status.
 * - `delay`: the provider handles the request (and may deliver it), the answer leaves `ms` later,
 *   which is how a client timeout on a message that was actually sent looks.
 * - `hang`: no answer at all; the socket stays open until the client gives up or close().
 * - `reset-before-body` / `reset-after-body`: the connection is reset before / after the body is read.
 * - `malformed`: the given body, as is (default status 200, JSON content type).
 * - `oversized`: a 200 JSON answer of `bytes` bytes.
 * - `trickle`: the provider handles the request; its answer is sent at `bytesPerSecond`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TLSSocket } from 'node:tls';
import { z } from 'zod';
import type { Fault, FaultRule } from './types.js';

export const JSON_CONTENT_TYPE = 'application/json;charset=utf-8';

/**
 * Largest `oversized` answer: 64 MiB is far past any client's answer limit (ours is 1 MiB), and
 * the emulator builds the answer in memory.
 */
export const MAX_OVERSIZED_BYTES = 64 * 1024 * 1024;

type ActiveRule = { rule: FaultRule; remaining: number };

export class FaultQueue {
  private active: ActiveRule[] = [];

  /** Throws on a fault the control API would refuse (checked here, so the library is too). */
  inject(rule: FaultRule): void {
    const checked = faultSchema.safeParse(rule.fault);
    if (!checked.success) {
      throw new Error(`invalid fault rule: ${describeIssues(checked.error)}`);
    }
    this.active.push({ rule, remaining: rule.times ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  list(): FaultRule[] {
    return this.active.map(({ rule, remaining }) => ({ ...rule, times: remaining }));
  }

  /** Consumes one use of the first rule for this provider (undefined: the request is unclaimed). */
  take(
    provider: string | undefined,
    accept: (fault: Fault) => boolean = () => true
  ): Fault | undefined {
    const found = this.active.find(
      ({ rule }) =>
        (rule.provider === undefined || rule.provider === provider) && accept(rule.fault)
    );
    if (!found) {
      return undefined;
    }
    found.remaining -= 1;
    if (found.remaining <= 0) {
      this.active = this.active.filter((entry) => entry !== found);
    }
    return found.rule.fault;
  }
}

const faultSchema: z.ZodType<Fault> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    status: z.number().int().min(100).max(599),
    body: z.string().optional(),
    contentType: z.string().optional(),
  }),
  z.object({ kind: z.literal('delay'), ms: z.number().nonnegative() }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('reset-before-body') }),
  z.object({ kind: z.literal('reset-after-body') }),
  z.object({
    kind: z.literal('malformed'),
    body: z.string(),
    contentType: z.string().optional(),
    status: z.number().int().min(100).max(599).optional(),
  }),
  z.object({
    kind: z.literal('oversized'),
    bytes: z.number().int().nonnegative().max(MAX_OVERSIZED_BYTES),
  }),
  z.object({
    kind: z.literal('trickle'),
    bytesPerSecond: z.number().positive(),
    status: z.number().int().min(100).max(599).optional(),
  }),
]);

const faultRuleSchema = z.object({
  fault: faultSchema,
  provider: z.string().optional(),
  // JSON has no Infinity: "all" (or "Infinity", or null) applies the rule to every request.
  times: z
    .union([z.number().int().positive(), z.enum(['all', 'Infinity']), z.null()])
    .optional()
    .transform((times) => (typeof times === 'number' || times === undefined ? times : Infinity)),
});

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');

/** Reads the body of `POST /_faults`; throws an Error with a readable message when invalid. */
export const parseFaultRule = (json: unknown): FaultRule => {
  const parsed = faultRuleSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`invalid fault rule: ${describeIssues(parsed.error)}`);
  }
  const { fault, provider, times } = parsed.data;
  return {
    fault,
    ...(provider === undefined ? {} : { provider }),
    ...(times === undefined ? {} : { times }),
  };
};

/** Timers that close() can cancel, so no test waits on a trickle or delay after the end. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.add(timer);
    });
  }

  clear(): void {
    for (const timer of this.pending) {
      clearTimeout(timer);
    }
    this.pending.clear();
  }
}

/** A TCP reset where the platform allows it (the client sees ECONNRESET), else a plain close. */
export const resetConnection = (request: IncomingMessage): void => {
  const socket = request.socket;
  if (!(socket instanceof TLSSocket) && typeof socket.resetAndDestroy === 'function') {
    socket.resetAndDestroy();
  } else {
    socket.destroy();
  }
};

const gatewayPage = (status: number): string =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>emulated gateway</center>\r\n</body>\r\n</html>\r\n`;

/** Answers a `status`, `malformed` or `oversized` fault in place of the provider. */
export const writeFaultAnswer = async (
  fault: Extract<Fault, { kind: 'status' | 'malformed' | 'oversized' }>,
  response: ServerResponse
): Promise<number> => {
  if (fault.kind === 'status') {
    const body = fault.body ?? gatewayPage(fault.status);
    response.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'text/html' });
    response.end(body);
    return fault.status;
  }
  if (fault.kind === 'malformed') {
    const status = fault.status ?? 200;
    response.writeHead(status, { 'Content-Type': fault.contentType ?? JSON_CONTENT_TYPE });
    response.end(fault.body);
    return status;
  }
  await writeOversized(fault.bytes, response);
  return 200;
};

const writeOversized = async (bytes: number, response: ServerResponse): Promise<void> => {
  const prefix = '{"Padding":"';
  const suffix = '"}';
  const framed = bytes >= prefix.length + suffix.length;
  response.writeHead(200, { 'Content-Type': JSON_CONTENT_TYPE, 'Content-Length': String(bytes) });
  if (framed) {
    response.write(prefix);
  }
  const filler = Buffer.alloc(64 * 1024, 'x');
  let remaining = framed ? bytes - prefix.length - suffix.length : bytes;
  while (remaining > 0 && !response.destroyed) {
    const part = filler.subarray(0, Math.min(remaining, filler.length));
    remaining -= part.length;
    if (!response.write(part)) {
      await drainedOrClosed(response);
    }
  }
  if (!response.destroyed) {
    response.end(framed ? suffix : undefined);
  }
};

const drainedOrClosed = (response: ServerResponse): Promise<void> => {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
};

/** Sends an already computed answer slowly: headers at once, then the body in small pieces. */
export const writeTrickle = async (
  answer: { status: number; headers: Record<string, string>; body: Buffer },
  bytesPerSecond: number,
  response: ServerResponse,
  timers: Timers
): Promise<void> => {
  response.writeHead(answer.status, {
    ...answer.headers,
    'Content-Length': String(answer.body.length),
  });
  response.flushHeaders();
  const step = Math.max(1, Math.ceil(bytesPerSecond / 10));
  const interval = (1000 * step) / bytesPerSecond;
  for (let offset = 0; offset < answer.body.length; offset += step) {
    await timers.sleep(interval);
    if (response.destroyed) {
      return;
    }
    response.write(answer.body.subarray(offset, offset + step));
  }
  response.end();
};
