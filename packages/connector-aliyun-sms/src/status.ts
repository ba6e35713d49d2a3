import {
  chinaDay,
  parsePhoneNumberForSms,
  providerRejection,
  readStatusQuery,
  type DeliveryRecord,
  type DeliveryReport,
  type StatusQuery,
} from '@duanxin/shared';

import { readConfig } from './config.js';
import { aliyunErrorTable } from './errors.js';
import { formatForAliyun } from './phone.js';
import { query } from './query.js';

const provider = 'aliyun';

type SendDetail = Record<string, unknown>;

// SendStatus of QuerySendDetails (providers.md §A.8).
const deliveryStates: Record<number, DeliveryRecord['state']> = {
  1: 'pending',
  2: 'failed',
  3: 'delivered',
};

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Receipts of one message (QuerySendDetails by BizId, number and day). */
export const queryStatus = async (
  inputConfig: unknown,
  statusQuery: StatusQuery
): Promise<DeliveryReport> => {
  const config = readConfig(inputConfig);
  const { id, to, date } = readStatusQuery(statusQuery, provider);
  const phone = parsePhoneNumberForSms(to, {
    provider,
    strict: config.strictPhoneRegionNumberCheck,
    allowedCountries: config.allowedCountries,
  });
  const phoneNumber = formatForAliyun(phone);
  const answer = await query(config, 'QuerySendDetails', {
    PhoneNumber: phoneNumber,
    SendDate: chinaDay(date).compact,
    PageSize: '50',
    CurrentPage: '1',
    BizId: id,
  });
  if (answer.Code !== 'OK') {
    throw providerRejection({
      provider,
      table: aliyunErrorTable,
      providerCode: answer.Code,
      message: optionalString(answer.Message),
      requestId: optionalString(answer.RequestId),
      sensitive: [config.accessKeySecret, config.securityToken, phoneNumber],
    });
  }
  const list = (answer.SmsSendDetailDTOs as { SmsSendDetailDTO?: unknown } | undefined)
    ?.SmsSendDetailDTO;
  const details = Array.isArray(list) ? (list as SendDetail[]) : [];
  // Content is not copied: it holds the code.
  const records = details.map((detail): DeliveryRecord => ({
    messageId: id,
    phoneNumber: optionalString(detail.PhoneNum) ?? phoneNumber,
    state: deliveryStates[Number(detail.SendStatus)] ?? 'pending',
    providerStatus: optionalString(detail.ErrCode) ?? String(detail.SendStatus),
    ...(optionalString(detail.SendDate) && { sentAt: optionalString(detail.SendDate) }),
    ...(optionalString(detail.ReceiveDate) && { deliveredAt: optionalString(detail.ReceiveDate) }),
  }));
  return { provider, records };
};
