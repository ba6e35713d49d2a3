import { queryProvider, unreadableQueryAnswer, type Prepared } from '@duanxin/shared';

import { buildTc3Request } from './request.js';
import type { TencentSmsConfig } from './types.js';

const provider = 'tencent';

export type Response = {
  Error?: { Code?: unknown; Message?: unknown } | null;
  RequestId?: unknown;
} & Record<string, unknown>;

export const query = async (
  config: Prepared<TencentSmsConfig>,
  action: string,
  body: Record<string, unknown>
): Promise<{ response: Response; error: string | undefined }> => {
  const reply = await queryProvider(
    provider,
    () => buildTc3Request(config.origin, action, JSON.stringify(body), config),
    config,
    [config.accessKeySecret, config.token]
  );
  const response = (reply.json as { Response?: unknown } | null | undefined)?.Response;
  if (typeof response !== 'object' || response === null) {
    throw unreadableQueryAnswer(provider, action, reply.statusCode, 'no Response in the answer');
  }
  const code = (response as Response).Error?.Code;
  return { response: response as Response, error: typeof code === 'string' ? code : undefined };
};
