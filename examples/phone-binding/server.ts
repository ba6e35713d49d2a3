/**
 * A user's personal verification settings, as in NocoBase: bind a phone number with a code sent
 * to it, unbind one with a code sent to another bound number, list the bound numbers. The codes
 * are sent and checked by `@duanxin/verification/http`'s handler; they go through the Aliyun
 * connector to the local emulator, whose inbox the page shows beside the form.
 *
 *   pnpm example            # http://127.0.0.1:3000 (PORT=… to change)
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import {
  emulatorConnectorConfigs,
  startEmulator,
  stopWithParent,
  type Emulator,
} from '@duanxin/emulator';
import { createSmsVerifier, type SmsVerifierOptions } from '@duanxin/verification';
import { createVerificationHandler, toNodeListener } from '@duanxin/verification/http';

export type PhoneBindingApp = { url: string; emulator: Emulator; close(): Promise<void> };

export type PhoneBindingAppOptions = {
  /** 0 picks a free port. */
  port?: number;
  verifier?: Partial<SmsVerifierOptions>;
};

// No sign-in in this example: every request acts for this user.
const userId = 'alice';

const replyJson = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

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
  const verification = toNodeListener(
    createVerificationHandler({
      verifier,
      basePath: '/api/verification',
      // A real app reads its session here; the codes are then bound to that user.
      subject: () => userId,
      scenes: ['bind-phone', 'unbind-phone'],
    })
  );
  const page = await readFile(new URL('./page.html', import.meta.url));

  const state = async () => ({
    userId,
    phones: await verifier.listBoundPhones(userId),
    inbox: emulator.inbox
      .list()
      .slice(-8)
      .reverse()
      .map(({ id, to, text, receivedAt }) => ({ id, to, text, receivedAt })),
  });

  const server = http.createServer((request, response) => {
    const route = `${request.method} ${request.url}`;
    if (route === 'GET /') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
    } else if (route === 'GET /api/state') {
      state().then(
        (body) => replyJson(response, 200, body),
        () => replyJson(response, 503, { message: 'The store is unavailable.' })
      );
    } else if (request.url?.startsWith('/api/verification/')) {
      verification(request, response);
    } else {
      replyJson(response, 404, { message: 'No such page.' });
    }
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
  stopWithParent(() => app.close());
}
