/**
 * Request dispatch: read the request, then either the control API (paths under `/_`) or the
 * provider that claims it, with any injected fault in between, and write the answer.
 */
import type http from 'node:http';
import { handleControl } from './control.js';
import { resetConnection, writeFaultAnswer, writeTrickle } from './faults.js';
import { contextFor, type EmulatorState } from './state.js';
import {
  notClaimed,
  readBody,
  requestUrl,
  send,
  type SerialisedAnswer,
  serialise,
  tooLarge,
} from './transport.js';
import type { EmulatorRequest, Fault, ProviderDefinition, RequestLogEntry } from './types.js';

/** The first provider whose `matches` accepts the request; one that throws claims nothing. */
const claim = (
  providers: readonly ProviderDefinition[],
  request: EmulatorRequest
): ProviderDefinition | undefined =>
  providers.find((provider) => {
    try {
      return provider.matches(request);
    } catch {
      return false;
    }
  });

const logRequest = (state: EmulatorState, incoming: http.IncomingMessage): RequestLogEntry =>
  state.requestLog.start({
    provider: undefined,
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '/',
    headers: incoming.headers,
    body: '',
    status: 0,
    at: state.now(),
  });

/**
 * The request with its body, or undefined when it is already dealt with: reset by a
 * `reset-before-body` fault, aborted by the client, or answered 413.
 */
const readRequest = async (
  state: EmulatorState,
  incoming: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL,
  entry: RequestLogEntry
): Promise<EmulatorRequest | undefined> => {
  const bodiless: EmulatorRequest = {
    method: entry.method,
    url,
    headers: incoming.headers,
    body: Buffer.alloc(0),
  };
  const claimant = claim(state.providers, bodiless)?.name;
  if (state.faults.take(claimant, (f) => f.kind === 'reset-before-body')) {
    resetConnection(incoming);
    return undefined;
  }
  const body = await readBody(incoming);
  if (body === 'aborted') {
    return undefined;
  }
  if (body === 'too-large') {
    entry.status = 413;
    send(response, serialise(tooLarge()), true);
    return undefined;
  }
  entry.body = body.toString('utf8');
  return { ...bodiless, body };
};

/** Faults that stand in for the provider's answer; true when one did. */
const answeredByFault = async (
  fault: Fault | undefined,
  incoming: http.IncomingMessage,
  response: http.ServerResponse,
  entry: RequestLogEntry
): Promise<boolean> => {
  if (fault?.kind === 'hang') {
    return true;
  }
  if (fault?.kind === 'reset-before-body' || fault?.kind === 'reset-after-body') {
    resetConnection(incoming);
    return true;
  }
  if (fault?.kind === 'status' || fault?.kind === 'malformed' || fault?.kind === 'oversized') {
    entry.status = await writeFaultAnswer(fault, response);
    return true;
  }
  return false;
};

/** Writes the provider's answer, later (`delay`) or slowly (`trickle`) when a fault says so. */
const writeAnswer = async (
  state: EmulatorState,
  answer: SerialisedAnswer,
  fault: Fault | undefined,
  response: http.ServerResponse,
  entry: RequestLogEntry
): Promise<void> => {
  entry.status = fault?.kind === 'trickle' ? (fault.status ?? answer.status) : answer.status;
  if (fault?.kind === 'delay') {
    await state.timers.sleep(fault.ms);
  }
  if (response.destroyed) {
    return;
  }
  if (fault?.kind === 'trickle') {
    const slow = { ...answer, status: entry.status };
    await writeTrickle(slow, fault.bytesPerSecond, response, state.timers);
    return;
  }
  send(response, answer);
};

const handleProviderRequest = async (
  state: EmulatorState,
  incoming: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL
): Promise<void> => {
  const entry = logRequest(state, incoming);
  const request = await readRequest(state, incoming, response, url, entry);
  if (!request) {
    return;
  }
  const provider = claim(state.providers, request);
  entry.provider = provider?.name;
  const fault = state.faults.take(provider?.name);
  if (await answeredByFault(fault, incoming, response, entry)) {
    return;
  }
  const answer = serialise(
    provider
      ? await provider.handle(request, contextFor(state, provider))
      : notClaimed(request, state.providers)
  );
  await writeAnswer(state, answer, fault, response, entry);
};

const handleControlRequest = async (
  state: EmulatorState,
  incoming: http.IncomingMessage,
  response: http.ServerResponse,
  url: URL
): Promise<void> => {
  const body = await readBody(incoming);
  const { inbox, requestLog, faults } = state;
  const method = incoming.method ?? 'GET';
  const answer = await handleControl({ method, url, body, inbox, requestLog, faults });
  send(response, serialise(answer));
};

/** An emulator bug answers 500, or closes the connection when the answer has begun. */
const answerFailure = (response: http.ServerResponse, error: unknown): void => {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  send(response, serialise({ status: 500, body: { error: `emulator failure: ${String(error)}` } }));
};

/** The server's request handler. */
export const dispatcher =
  (state: EmulatorState, secure: boolean) =>
  (incoming: http.IncomingMessage, response: http.ServerResponse): void => {
    const url = requestUrl(incoming, secure);
    const handle = url.pathname.startsWith('/_') ? handleControlRequest : handleProviderRequest;
    handle(state, incoming, response, url).catch((error: unknown) =>
      answerFailure(response, error)
    );
  };
