/**
 * A user's personal verification settings, as in NocoBase: bind a phone number with a code sent
 * to it, unbind one with a code sent to a number already bound, list the bound numbers. Codes go
 * through the Aliyun connector to the local emulator, whose inbox the page shows beside the form.
 *
 *   pnpm example            # http://127.0.0.1:3000 (PORT=… to change)
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import {
  createSmsVerifier,
  SMS_VERIFICATION_ERROR_CODES,
  isSmsVerificationError,
  SmsVerificationError,
  type SendResult,
  type SmsVerifierOptions,
} from '@duanxin/verification';

export type PhoneBindingApp = { url: string; emulator: Emulator; close(): Promise<void> };

export type PhoneBindingAppOptions = {
  /** 0 picks a free port. */
  port?: number;
  verifier?: Partial<SmsVerifierOptions>;
};

// No sign-in in this example: every request acts for this user.
const userId = 'alice';

type Body = Record<string, string | undefined>;

const readJson = async (request: http.IncomingMessage): Promise<Body> => {
  let text = '';
  for await (const chunk of request) {
    text += String(chunk);
    if (text.length > 10_000) {
      throw new Error('request body too large');
    }
  }
  return text ? (JSON.parse(text) as Body) : {};
};

const reply = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

/** Verification refusals as the verifier words them; a provider failure as the connector does. */
const replyWithError = (response: http.ServerResponse, error: unknown) => {
  if (isSmsVerificationError(error)) {
    const { code, status, retryAfterSeconds } = error;
    const wait = retryAfterSeconds ? ` Try again in ${retryAfterSeconds} s.` : '';
    reply(response, status, {
      code,
      message: SMS_VERIFICATION_ERROR_CODES[code].message + wait,
      retryAfterSeconds,
    });
    return;
  }
  const description = (error as { data?: { errorDescription?: string } }).data?.errorDescription;
  reply(response, description ? 502 : 500, {
    code: 'SEND_FAILED',
    message: description ?? 'Failed.',
  });
};

/** What the browser needs to know of a send: not the provider's message ids. */
const sent = ({ phone, resendAt, expiresAt }: SendResult) => ({ phone, resendAt, expiresAt });

export const startPhoneBindingApp = async ({
  port = 0,
  verifier: verifierOptions = {},
}: PhoneBindingAppOptions = {}): Promise<PhoneBindingApp> => {
  // The emulator's per-number flow control is off: the verifier enforces cooldown and caps, and
  // Aliyun's 1 code per minute would refuse the unbind code right after the bind code.
  const emulator = await startEmulator({ flowControl: false });
  const verifier = createSmsVerifier({
    connector: await createAliyunSmsConnector({
      getConfig: async () => emulatorConnectorConfigs(emulator.url).aliyun,
    }),
    secret: process.env.VERIFICATION_SECRET,
    ...verifierOptions,
  });
  const page = await readFile(new URL('./page.html', import.meta.url));

  const api: Record<string, (body: Body, ip: string | undefined) => Promise<unknown>> = {
    'GET /api/state': async () => ({
      userId,
      phones: await verifier.listBoundPhones(userId),
      inbox: emulator.inbox
        .list()
        .slice(-8)
        .reverse()
        .map(({ id, to, text, receivedAt }) => ({ id, to, text, receivedAt })),
    }),
    'POST /api/bind/send': async ({ phone = '' }, ip) => {
      // Checked before texting: bind() would refuse the number anyway.
      if ((await verifier.ownerOfPhone(phone)) !== undefined) {
        throw new SmsVerificationError('PHONE_ALREADY_BOUND');
      }
      return sent(await verifier.send({ phone, scene: 'bind-phone', ip }));
    },
    'POST /api/bind': ({ phone = '', code = '' }) => verifier.bind(userId, phone, code),
    'POST /api/unbind/send': async ({ proofPhone = '' }, ip) => {
      if ((await verifier.ownerOfPhone(proofPhone)) !== userId) {
        throw new SmsVerificationError('PROOF_NOT_BOUND');
      }
      return sent(await verifier.send({ phone: proofPhone, scene: 'unbind-phone', ip }));
    },
    'POST /api/unbind': ({ phone = '', proofPhone = '', code = '' }) =>
      verifier.unbind(userId, phone, { phone: proofPhone, code }),
  };

  const server = http.createServer((request, response) => {
    const route = `${request.method} ${request.url}`;
    if (route === 'GET /') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    const handle = api[route];
    if (!handle) {
      reply(response, 404, { code: 'NOT_FOUND', message: 'No such page.' });
      return;
    }
    readJson(request)
      .then((body) => handle(body, request.socket.remoteAddress))
      .then((result) => reply(response, 200, result ?? {}))
      .catch((error: unknown) => replyWithError(response, error));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${listening}`,
    emulator,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const app = await startPhoneBindingApp({ port: Number(process.env.PORT ?? 3000) });
  console.log(`Phone binding example: ${app.url}  (emulator: ${app.emulator.url})`);
}
