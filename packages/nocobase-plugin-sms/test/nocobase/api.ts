/** NocoBase's HTTP API as a client calls it: `POST /api/<resource>:<action>`, JSON both ways. */
export type Answer = {
  status: number;
  /** `data` of a success; undefined on an error. */
  data: unknown;
  /** The error NocoBase answered: its first `errors[]` entry, or the bare body of a 429. */
  error: { message?: string; code?: string } | undefined;
};

export type CallOptions = {
  values?: unknown;
  token?: string;
  /** `X-Locale`: the language of NocoBase's messages. */
  locale?: 'en-US' | 'zh-CN';
  /** `X-Authenticator`, for signing in other than with a password. */
  authenticator?: string;
  query?: Record<string, string>;
  method?: 'GET' | 'POST';
  form?: FormData;
};

const errorOf = (body: unknown): Answer['error'] => {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const { errors, message, code } = body as {
    errors?: { message?: string; code?: string }[];
    message?: string;
    code?: string;
  };
  return errors?.[0] ?? (message === undefined ? undefined : { message, code });
};

export const nocobaseApi =
  (url: string) =>
  async (action: string, options: CallOptions = {}): Promise<Answer> => {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const headers: Record<string, string> = {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(options.locale && { 'x-locale': options.locale }),
      ...(options.authenticator && { 'x-authenticator': options.authenticator }),
      ...(options.values !== undefined && { 'content-type': 'application/json' }),
    };
    const method =
      options.method ?? (options.values === undefined && !options.form ? 'GET' : 'POST');
    const response = await fetch(`${url}/api/${action}${query}`, {
      method,
      headers,
      body:
        options.form ?? (options.values === undefined ? undefined : JSON.stringify(options.values)),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    const ok = response.status < 400;
    return {
      status: response.status,
      data: ok ? (body as { data?: unknown } | undefined)?.data : undefined,
      error: ok ? undefined : errorOf(body),
    };
  };

export type NocobaseApi = ReturnType<typeof nocobaseApi>;
