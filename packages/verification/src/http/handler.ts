import { SmsVerificationError } from '../errors.js';
import { bindScene, unbindScene } from '../scenes.js';
import type { SmsVerifier } from '../verifier.js';
import { createClientIp, type TrustProxy } from './client-ip.js';
import { readJsonObject, stringField } from './body.js';
import { HttpRefusal, errorResponse, isConnectorError, json } from './responses.js';

/** A code accepted by `POST /verify`, as `onVerified` is told. */
export type Verified = {
  /** E.164: the number the code was sent to. */
  phone: string;
  scene: string;
  subject: string | undefined;
  /** Scene `bind-phone`: the number now bound to the subject. */
  bound?: string;
  /** Scene `unbind-phone`: the number no longer bound to the subject. */
  unbound?: string;
};

export type VerificationHandlerOptions = {
  verifier: SmsVerifier;
  /** Where the routes live: `${basePath}/send` and `${basePath}/verify`. @default '' */
  basePath?: string;
  /**
   * The user or session asking (from your session cookie or token): codes are then bound to it.
   * Scenes `bind-phone` and `unbind-phone` need one (else 401); without the option, none has.
   */
  subject?: (request: Request) => string | undefined | Promise<string | undefined>;
  /**
   * Which proxies to believe about the client's address. Never trust a forwarding header unless
   * your proxy sets it: anyone can send one.
   * @default false
   */
  trustProxy?: TrustProxy;
  /** The header trusted proxies put the address chain in. @default 'x-forwarded-for' */
  proxyHeader?: string;
  /** Scenes clients may ask for. @default every scene the verifier knows */
  scenes?: readonly string[];
  /**
   * After a code was accepted: what to add to the 200 answer (an object), or a `Response` of your
   * own (e.g. one that sets a session cookie).
   */
  onVerified?: (verified: Verified, request: Request) => unknown;
  /**
   * Errors that are not refusals: a provider's failure (answered 502) and bugs (500).
   * @default console.error of the error's name and code, nothing else
   */
  onError?: (error: unknown, request: Request) => void;
  /** @default 4096 */
  maxBodyBytes?: number;
};

/** What the framework knows and the `Request` does not carry. */
export type HandlerContext = {
  /** The connection's remote address (Node: `request.socket.remoteAddress`). */
  remoteAddress?: string;
};

export type VerificationHandler = (request: Request, context?: HandlerContext) => Promise<Response>;

const defaultOnError = (error: unknown) => {
  // Only the kind of failure: connector errors may carry the provider's message and the number.
  const { name, code } = (error ?? {}) as { name?: unknown; code?: unknown };
  console.error(`[duanxin] [verification] [http] ${String(name ?? 'Error')} ${String(code ?? '')}`);
};

/**
 * `POST /send` and `POST /verify` as one Web `Request` → `Response` function: Node (with
 * `toNodeListener`), Hono, Next.js route handlers, Deno and Bun take it as it is.
 */
export const createVerificationHandler = (
  options: VerificationHandlerOptions
): VerificationHandler => {
  const { verifier } = options;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const clientIp = createClientIp(options.trustProxy, options.proxyHeader);
  const maxBodyBytes = options.maxBodyBytes ?? 4096;
  const onError = options.onError ?? defaultOnError;

  const checkScene = (scene: string | undefined) => {
    if (options.scenes && (scene === undefined || !options.scenes.includes(scene))) {
      throw new SmsVerificationError('INVALID_SCENE');
    }
  };
  const needSubject = (subject: string | undefined): string => {
    if (subject === undefined) {
      throw new HttpRefusal('UNAUTHENTICATED');
    }
    return subject;
  };

  const send = async (request: Request, body: Record<string, unknown>, ip?: string) => {
    const phone = stringField(body, 'phone') ?? '';
    const scene = stringField(body, 'scene');
    checkScene(scene);
    const subject = await options.subject?.(request);
    const info = { ip, context: { request, body } };
    const sent =
      scene === bindScene
        ? await verifier.sendBindCode(needSubject(subject), phone, info)
        : scene === unbindScene
          ? await verifier.sendUnbindCode(needSubject(subject), phone, info)
          : await verifier.send({ phone, scene: scene ?? '', ip, subject, context: info.context });
    return json(200, {
      phone: sent.phone,
      scene: sent.scene,
      expiresAt: sent.expiresAt.toISOString(),
      resendAt: sent.resendAt.toISOString(),
    });
  };

  const verify = async (request: Request, body: Record<string, unknown>, ip?: string) => {
    const phone = stringField(body, 'phone') ?? '';
    const scene = stringField(body, 'scene');
    const code = stringField(body, 'code') ?? '';
    checkScene(scene);
    const subject = await options.subject?.(request);
    let verified: Verified;
    if (scene === bindScene) {
      const { phone: bound } = await verifier.bind(needSubject(subject), phone, code, { ip });
      verified = { phone: bound, scene, subject, bound };
    } else if (scene === unbindScene) {
      const target = stringField(body, 'target');
      if (target === undefined) {
        throw new SmsVerificationError('PHONE_NOT_BOUND');
      }
      const { phone: unbound } = await verifier.unbind(
        needSubject(subject),
        target,
        { phone, code },
        { ip }
      );
      verified = { phone, scene, subject, unbound };
    } else {
      const result = await verifier.verify({ phone, scene: scene ?? '', code, ip, subject });
      verified = { ...result, subject };
    }
    const extra = await options.onVerified?.(verified, request);
    if (extra instanceof Response) {
      return extra;
    }
    const { subject: _subject, ...answer } = verified;
    return json(200, { ...answer, ...(typeof extra === 'object' && extra !== null && extra) });
  };

  const routes = { '/send': send, '/verify': verify } as const;

  return async (request, context = {}) => {
    const { pathname } = new URL(request.url);
    const route = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : undefined;
    const handle = route === '/send' || route === '/verify' ? routes[route] : undefined;
    try {
      if (!handle) {
        throw new HttpRefusal('NOT_FOUND');
      }
      if (request.method !== 'POST') {
        throw new HttpRefusal('METHOD_NOT_ALLOWED');
      }
      const body = await readJsonObject(request, maxBodyBytes);
      return await handle(request, body, clientIp(request.headers, context.remoteAddress));
    } catch (error) {
      const refusal = errorResponse(error);
      if (!refusal || isConnectorError(error)) {
        onError(error, request);
      }
      const answer = refusal ?? (errorResponse(new HttpRefusal('INTERNAL_ERROR')) as Response);
      if (error instanceof HttpRefusal && error.code === 'METHOD_NOT_ALLOWED') {
        answer.headers.set('allow', 'POST');
      }
      return answer;
    }
  };
};
