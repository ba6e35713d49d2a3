/**
 * `send --dry-run`: the request exactly as it would go out, with secrets replaced by `***` and the
 * number and code masked. The signature is shown: it is computed over the real values.
 */
import {
  maskCode,
  maskPhone,
  percentEncode,
  redactSecrets,
  type ProviderRequest,
} from '@duanxin/shared';

export type ShownRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
};

export type HiddenValues = { secrets: readonly string[]; phoneNumber: string; code: string };

// Headers and fields that carry a credential, whatever its value: an API key, an STS token.
const secretHeader = /(token|secret)$/i;
const secretFields = /(^|[?&])(\w*(?:key|token|secret))=[^&]*/gi;

/**
 * The number and the code, as they may appear (raw, form-encoded or Aliyun-encoded), masked in
 * the same encoding so that the request still reads as sent.
 */
const maskings = (value: string, replacement: string): [string, string][] => [
  [value, replacement],
  [encodeURIComponent(value), encodeURIComponent(replacement)],
  [percentEncode(value), percentEncode(replacement)],
];

export const redactRequest = (request: ProviderRequest, hidden: HiddenValues): ShownRequest => {
  const replacements = [
    ...maskings(hidden.phoneNumber, maskPhone(hidden.phoneNumber)),
    ...maskings(hidden.code, maskCode(hidden.code)),
  ].filter(([value]) => value.length > 0);
  // Secrets first, whole, in any encoding: one may contain the code.
  const hide = (text: string) =>
    replacements
      .reduce(
        (result, [value, replacement]) => result.split(value).join(replacement),
        redactSecrets(text, hidden.secrets)
      )
      .replace(secretFields, '$1$2=***');

  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      secretHeader.test(name) ? '***' : hide(value),
    ])
  );
  const body = request.body === undefined ? undefined : hide(request.body.toString());
  return {
    method: request.method,
    url: hide(request.url.href),
    headers,
    ...(body !== undefined && { body }),
  };
};

const isForm = (headers: Record<string, string>) =>
  Object.entries(headers).some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' && value.startsWith('application/x-www-form-urlencoded')
  );

/** The request as text; a form body is followed by its fields decoded, one per line. */
export const formatRequest = ({ method, url, headers, body }: ShownRequest): string => {
  const decoded =
    body !== undefined && isForm(headers)
      ? [
          '',
          '# decoded:',
          ...[...new URLSearchParams(body)].map(([name, value]) => `#   ${name} = ${value}`),
        ]
      : [];
  return [
    `${method} ${url}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(body === undefined ? [] : ['', body]),
    ...decoded,
  ].join('\n');
};
