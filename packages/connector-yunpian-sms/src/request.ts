import type { ProviderRequest } from '@duanxin/shared';

import { singleSendPath } from './constant.js';

export type SingleSendFields = { apikey: string; mobile: string; text: string };

/**
 * `encodeURIComponent` per field: an international number's `+` must arrive as `%2B`, a bare `+`
 * decodes to a space and YunPian answers code 2 (docs/providers.md §3.1).
 */
const encodeForm = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');

/** `single_send`: no signature, the apikey is a form field (docs/providers.md §3.2). */
export const buildSingleSendRequest = (
  origin: string,
  fields: SingleSendFields
): ProviderRequest => ({
  url: new URL(singleSendPath, origin),
  method: 'POST',
  headers: {
    'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
    accept: 'application/json;charset=utf-8',
  },
  body: encodeForm(fields),
});
