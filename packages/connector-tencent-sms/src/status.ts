import {
  chinaDay,
  parsePhoneNumberForSms,
  providerRejection,
  readStatusQuery,
  type DeliveryRecord,
  type DeliveryReport,
  type StatusQuery,
} from '@duanxin/shared';

import { chooseSender, readConfig } from './config.js';
import { tencentErrorTable } from './errors.js';
import { formatForTencent } from './phone.js';
import { query } from './query.js';

const provider = 'tencent';

/** Tencent reports Unix seconds; Aliyun's China-time format reads the same in both. */
const chinaDateTime = (seconds: number) =>
  new Date(seconds * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Receipts of one message, by number and day. Not PullSmsSendStatus: it hands each receipt out
 * once, so pulling here would take it from the operator's own receipt processing.
 */
export const queryStatus = async (
  inputConfig: unknown,
  statusQuery: StatusQuery
): Promise<DeliveryReport> => {
  const config = readConfig(inputConfig);
  const { id, to, date } = readStatusQuery(statusQuery, provider);
  const phone = parsePhoneNumberForSms(to, {
    provider,
    allowedCountries: config.allowedCountries,
  });
  const phoneNumber = formatForTencent(phone);
  const day = chinaDay(date);
  const answer = await query(config, 'PullSmsSendStatusByPhoneNumber', {
    BeginTime: day.beginSeconds,
    EndTime: day.endSeconds,
    Offset: 0,
    Limit: 100,
    PhoneNumber: phoneNumber,
    SmsSdkAppId: chooseSender(config, phone.isMainlandChina).sdkAppId,
  });
  if (answer.error) {
    const message = answer.response.Error?.Message;
    throw providerRejection({
      provider,
      table: tencentErrorTable,
      providerCode: answer.error,
      message: typeof message === 'string' ? message : undefined,
      requestId:
        typeof answer.response.RequestId === 'string' ? answer.response.RequestId : undefined,
      sensitive: [config.accessKeySecret, config.token, phoneNumber],
    });
  }
  const set = answer.response.PullSmsSendStatusSet;
  const receipts = (Array.isArray(set) ? (set as Record<string, unknown>[]) : []).filter(
    (receipt) => receipt.SerialNo === id
  );
  const records = receipts.map((receipt): DeliveryRecord => ({
    messageId: id,
    phoneNumber: typeof receipt.PhoneNumber === 'string' ? receipt.PhoneNumber : phoneNumber,
    state:
      receipt.ReportStatus === 'SUCCESS'
        ? 'delivered'
        : receipt.ReportStatus === 'FAIL'
          ? 'failed'
          : 'pending',
    providerStatus: String(receipt.ReportStatus),
    ...(typeof receipt.Description === 'string' && { description: receipt.Description }),
    ...(typeof receipt.UserReceiveTime === 'number' && {
      deliveredAt: chinaDateTime(receipt.UserReceiveTime),
    }),
  }));
  return { provider, records };
};
