import { HttpRefusal } from './responses.js';

const jsonType = /^application\/json\s*(;|$)/i;

/**
 * The request's JSON object, read up to `limit` bytes. Only `application/json` is read: a form on
 * another site cannot send it without the browser asking first (no cross-site form posts).
 */
export const readJsonObject = async (
  request: Request,
  limit: number
): Promise<Record<string, unknown>> => {
  if (!jsonType.test(request.headers.get('content-type') ?? '')) {
    throw new HttpRefusal('UNSUPPORTED_MEDIA_TYPE');
  }
  if (Number(request.headers.get('content-length') ?? 0) > limit) {
    throw new HttpRefusal('PAYLOAD_TOO_LARGE');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > limit) {
      await reader?.cancel();
      throw new HttpRefusal('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpRefusal('INVALID_REQUEST');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpRefusal('INVALID_REQUEST');
  }
  return body as Record<string, unknown>;
};

/** A field that must be a string when present. */
export const stringField = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  if (value !== undefined && typeof value !== 'string') {
    throw new HttpRefusal('INVALID_REQUEST');
  }
  return value;
};
