import { queryProvider, unreadableQueryAnswer } from '@duanxin/shared';

import type { PreparedAliyunConfig } from './request.js';

const provider = 'aliyun';

export type Answer = { Code: string; Message?: unknown; RequestId?: unknown } & Record<
  string,
  unknown
>;

/** One RPC query action, signed as the config's sends are (V1 or V3). */
export const query = async (
  config: PreparedAliyunConfig,
  action: string,
  params: Record<string, string>
): Promise<Answer> => {
  const reply = await queryProvider(
    provider,
    () => config.buildRequest(config.origin, action, params, config),
    config,
    [config.accessKeySecret, config.securityToken]
  );
  const answer = reply.json as Partial<Answer> | null | undefined;
  if (typeof answer?.Code !== 'string') {
    throw unreadableQueryAnswer(provider, action, reply.statusCode, 'no Code in the answer');
  }
  return answer as Answer;
};
