import { afterEach, describe, expect, it } from 'vitest';

import { createVerificationHandler, type VerificationHandlerOptions } from '../../src/http.js';
import type { SmsVerifierOptions } from '../../src/index.js';
import { serve, type TestServer } from '../helpers/http-server.js';
import { wrongCode, type VerifierContext } from './context.js';

const mainland = '+8613800138000';
const hongKong = '+85291234567';

export const describeHttpHandler = (context: VerifierContext) =>
  describe('HTTP handler (@duanxin/verification/http)', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    const start = async (
      handlerOptions: Omit<VerificationHandlerOptions, 'verifier'> = {},
      verifierOptions: Partial<SmsVerifierOptions> = {}
    ) => {
      const verifier = context.createVerifier(verifierOptions);
      server = await serve(createVerificationHandler({ verifier, ...handlerOptions }));
      return server;
    };
    const signedIn = {
      subject: (request: Request) => request.headers.get('x-test-user') ?? undefined,
    };

    it('sends with POST /send and verifies with POST /verify', async () => {
      const { post } = await start();
      const sent = await post('/send', { phone: '8613800138000', scene: 'sign-in' });
      expect(sent.status).toBe(200);
      expect(sent.headers.get('cache-control')).toBe('no-store');
      await expect(sent.json()).resolves.toEqual({
        phone: mainland,
        scene: 'sign-in',
        expiresAt: new Date(context.clock.now + 300_000).toISOString(),
        resendAt: new Date(context.clock.now + 60_000).toISOString(),
      });
      expect(context.emulator.inbox.list({ to: mainland })).toHaveLength(1);

      const code = context.lastCode(mainland);
      const verified = await post('/verify', { phone: mainland, scene: 'sign-in', code });
      expect(verified.status).toBe(200);
      await expect(verified.json()).resolves.toEqual({ phone: mainland, scene: 'sign-in' });
    });

    it('answers refusals as JSON with the code, the status, Retry-After and attemptsLeft', async () => {
      const { post } = await start();
      await post('/send', { phone: mainland, scene: 'sign-in' });
      context.clock.advance(15);
      const cooldown = await post('/send', { phone: mainland, scene: 'sign-in' });
      expect(cooldown.status).toBe(429);
      expect(cooldown.headers.get('retry-after')).toBe('45');
      await expect(cooldown.json()).resolves.toEqual({
        code: 'RESEND_COOLDOWN',
        message: 'A code was just sent: wait before asking again. Try again in 45 s.',
        status: 429,
        retryable: true,
        retryAfterSeconds: 45,
      });

      const code = context.lastCode(mainland);
      const other = wrongCode(code);
      const mismatch = await post('/verify', { phone: mainland, scene: 'sign-in', code: other });
      expect(mismatch.status).toBe(400);
      expect(mismatch.headers.get('retry-after')).toBeNull();
      await expect(mismatch.json()).resolves.toMatchObject({
        code: 'CODE_MISMATCH',
        status: 400,
        attemptsLeft: 4,
      });
    });

    it('answers 503 with Retry-After while the store is unavailable', async () => {
      const { post } = await start();
      await context.outage.begin();
      const answer = await post('/send', { phone: mainland, scene: 'sign-in' });
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      await expect(answer.json()).resolves.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        retryable: true,
      });
      expect(context.emulator.requests.list()).toEqual([]);
    });

    it('takes the client address from the connection, never from X-Forwarded-For by default', async () => {
      const { post } = await start({}, { perIpCap: { max: 1, window: 3600 } });
      const spoofed = (index: number) =>
        post(
          '/send',
          { phone: `+86139001390${index}0`, scene: 'sign-in' },
          { 'x-forwarded-for': `198.51.100.${index}` }
        );
      expect((await spoofed(1)).status).toBe(200);
      await expect((await spoofed(2)).json()).resolves.toMatchObject({ code: 'IP_CAP_REACHED' });
      expect(context.calls.map(({ ip }) => ip)).toEqual(['127.0.0.1']);
    });

    it.each([
      ['one proxy', 1 as const],
      ['the proxy by address', ['127.0.0.1', '::1']],
      ['the proxy by range', ['127.0.0.0/8']],
    ])('believes X-Forwarded-For as far as trustProxy says: %s', async (_, trustProxy) => {
      const { post } = await start({ trustProxy }, { perIpCap: { max: 1, window: 3600 } });
      for (const index of [1, 2]) {
        const answer = await post(
          '/send',
          { phone: `+86139001390${index}0`, scene: 'sign-in' },
          // The client forged the first entry; the proxy appended what it saw.
          { 'x-forwarded-for': `192.0.2.66, 198.51.100.${index}` }
        );
        expect(answer.status).toBe(200);
      }
      expect(context.calls.map(({ ip }) => ip)).toEqual(['198.51.100.1', '198.51.100.2']);
    });

    it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
      const { post } = await start({ trustProxy: ['10.0.0.0/8'] });
      await post(
        '/send',
        { phone: mainland, scene: 'sign-in' },
        { 'x-forwarded-for': '198.51.100.1' }
      );
      expect(context.calls.map(({ ip }) => ip)).toEqual(['127.0.0.1']);
    });

    it('counts wrong codes from one address against the per-IP guess cap', async () => {
      const { post } = await start({}, { perIpGuessCap: { max: 1, window: 3600 } });
      await post('/send', { phone: mainland, scene: 'sign-in' });
      const code = context.lastCode(mainland);
      const other = wrongCode(code);
      await post('/verify', { phone: mainland, scene: 'sign-in', code: other });
      const capped = await post('/verify', { phone: mainland, scene: 'sign-in', code });
      expect(capped.status).toBe(429);
      expect(capped.headers.get('retry-after')).toBe('3600');
      await expect(capped.json()).resolves.toMatchObject({ code: 'IP_GUESS_CAP_REACHED' });
    });

    it('binds and unbinds for the signed-in user only', async () => {
      const { post } = await start(signedIn);
      const as = (user?: string) => (user ? { 'x-test-user': user } : undefined);

      const anonymous = await post('/send', { phone: mainland, scene: 'bind-phone' });
      expect(anonymous.status).toBe(401);
      await expect(anonymous.json()).resolves.toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(context.emulator.requests.list()).toEqual([]);

      for (const phone of [mainland, hongKong]) {
        expect((await post('/send', { phone, scene: 'bind-phone' }, as('alice'))).status).toBe(200);
        const code = context.lastCode(phone);
        // Bob cannot redeem the code alice asked for.
        const stolen = await post('/verify', { phone, scene: 'bind-phone', code }, as('bob'));
        await expect(stolen.json()).resolves.toMatchObject({ code: 'CODE_NOT_FOUND' });
        const bound = await post('/verify', { phone, scene: 'bind-phone', code }, as('alice'));
        await expect(bound.json()).resolves.toEqual({ phone, scene: 'bind-phone', bound: phone });
      }
      const taken = await post('/send', { phone: mainland, scene: 'bind-phone' }, as('bob'));
      await expect(taken.json()).resolves.toMatchObject({ code: 'PHONE_ALREADY_BOUND' });

      await post('/send', { phone: hongKong, scene: 'unbind-phone' }, as('alice'));
      const code = context.lastCode(hongKong);
      const unbound = await post(
        '/verify',
        { phone: hongKong, scene: 'unbind-phone', code, target: mainland },
        as('alice')
      );
      await expect(unbound.json()).resolves.toEqual({
        phone: hongKong,
        scene: 'unbind-phone',
        unbound: mainland,
      });
      await expect(context.createVerifier().listBoundPhones('alice')).resolves.toEqual([hongKong]);
    });

    it('refuses what is not a JSON POST to its two routes', async () => {
      const { url, post } = await start();
      const refusals = [
        [await fetch(`${url}/send`), 405],
        [await post('/elsewhere', {}), 404],
        [
          await post('/send', 'phone=1', { 'content-type': 'application/x-www-form-urlencoded' }),
          415,
        ],
        [await post('/send', '{"phone":'), 400],
        [await post('/send', '["+8613800138000"]'), 400],
        [await post('/send', { phone: 8613800138000, scene: 'sign-in' }), 400],
        [await post('/send', { phone: mainland, scene: 'sign-in', pad: 'x'.repeat(5000) }), 413],
      ] as const;
      for (const [answer, status] of refusals) {
        expect(answer.status).toBe(status);
        await expect(answer.json()).resolves.toMatchObject({ status });
      }
      expect(refusals[0][0].headers.get('allow')).toBe('POST');
      expect(context.emulator.requests.list()).toEqual([]);
    });

    it("answers 502 to a provider's refusal without its details, telling onError", async () => {
      const errors: unknown[] = [];
      const { post } = await start({ onError: (error) => errors.push(error) });
      context.emulator.account('aliyun').balance = 0;
      const answer = await post('/send', { phone: mainland, scene: 'sign-in' });
      expect(answer.status).toBe(502);
      const text = await answer.text();
      expect(JSON.parse(text)).toEqual({
        code: 'SEND_FAILED',
        message: 'The text message could not be sent: try again later.',
        status: 502,
        retryable: true,
      });
      expect(text).not.toMatch(/AMOUNT|13800138000/);
      expect(errors).toEqual([expect.objectContaining({ code: 'usage_limit_exceeded' })]);
    });

    it('lets onVerified add to the answer or answer itself', async () => {
      const { post } = await start({
        ...signedIn,
        onVerified: ({ phone, subject }) =>
          subject
            ? new Response(null, { status: 204, headers: { 'set-cookie': `session=${subject}` } })
            : { token: `token-for-${phone}` },
      });
      await post('/send', { phone: mainland, scene: 'sign-in' });
      const answer = await post('/verify', {
        phone: mainland,
        scene: 'sign-in',
        code: context.lastCode(mainland),
      });
      await expect(answer.json()).resolves.toEqual({
        phone: mainland,
        scene: 'sign-in',
        token: `token-for-${mainland}`,
      });

      await post('/send', { phone: hongKong, scene: 'sign-in' }, { 'x-test-user': 'carol' });
      const own = await post(
        '/verify',
        { phone: hongKong, scene: 'sign-in', code: context.lastCode(hongKong) },
        { 'x-test-user': 'carol' }
      );
      expect(own.status).toBe(204);
      expect(own.headers.get('set-cookie')).toBe('session=carol');
    });

    it('serves only the scenes it is told to', async () => {
      const { post } = await start({ scenes: ['sign-in'] });
      const answer = await post('/send', { phone: mainland, scene: 'register' });
      await expect(answer.json()).resolves.toMatchObject({ code: 'INVALID_SCENE', status: 400 });
      expect(context.emulator.requests.list()).toEqual([]);
    });
  });
