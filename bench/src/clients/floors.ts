/**
 * The floors: the bare transport with nothing around it. They send requests signed beforehand by
 * the parent (see floor-requests.ts), one per send.
 */
import { readJsonFile } from '../child/io.js';
import type { PresignedRequest } from '../floor-requests.js';
import type { LoadClient } from './types.js';

const signedRequests = (file: string | undefined) => {
  if (!file) {
    throw new Error('the floors need the signed requests file');
  }
  const requests = readJsonFile<PresignedRequest[]>(file);
  return (sequence: number): PresignedRequest => {
    const request = requests[sequence];
    if (!request) {
      throw new Error(`only ${requests.length} signed requests, send ${sequence} has none`);
    }
    return request;
  };
};

/** got as Logto's connectors call it: `got.post`, default agent, the answer read as text. */
export const loadGotFloor: LoadClient = async ({ floorRequestsFile }) => {
  const { got } = await import('got');
  const requestFor = signedRequests(floorRequestsFile);
  return {
    createPerSend: false,
    create: async () => async (sequence) => {
      const { url, headers, body } = requestFor(sequence);
      await got.post(url, { headers, body });
    },
  };
};

/** node:https with a keep-alive agent; the answer is drained, its status checked. */
export const loadHttpsFloor: LoadClient = async ({ floorRequestsFile }) => {
  // Imported here, not at the top: cold start must not find https loaded before the client runs.
  const { default: https } = await import('node:https');
  const agent = new https.Agent({ keepAlive: true });
  const requestFor = signedRequests(floorRequestsFile);
  return {
    createPerSend: false,
    create: async () => (sequence) =>
      new Promise<void>((resolve, reject) => {
        const { url, headers, body } = requestFor(sequence);
        const request = https.request(
          url,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
            agent,
          },
          (response) => {
            response.resume();
            response.on('end', () =>
              response.statusCode === 200
                ? resolve()
                : reject(new Error(`HTTP ${response.statusCode ?? '?'}`))
            );
            response.on('error', reject);
          }
        );
        request.on('error', reject);
        request.end(body);
      }),
  };
};
