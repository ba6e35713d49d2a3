import type {
  EmulatorRequest,
  EmulatorResponse,
  ProviderContext,
  ProviderDefinition,
  SeedCredential,
} from '@duanxin/shared';

import { defaultEndpoint, overseasServerEndpoint } from '../src/constant.js';

import { yunpianDefaultAccount, yunpianEmulatorConfig } from './account.js';
import {
  badParameter,
  missingParameter,
  YunpianError,
  yunpianError,
  yunpianMessage,
  yunpianOk,
} from './errors.js';
import { prepareTemplate, prepareText, round4, sendOne, type SendResult } from './send.js';

const MAX_BATCH = 1000;
const CHECK_STATUS = { approved: 'SUCCESS', pending: 'CHECKING', rejected: 'FAIL' } as const;

type Call = { params: URLSearchParams; context: ProviderContext; credential: SeedCredential };
type Route = { run: (call: Call) => unknown; query: boolean };

const required = (params: URLSearchParams, name: string): string => {
  const value = params.get(name);
  if (value === null || value === '') throw missingParameter(name);
  return value;
};

const singleSend = ({ params, context }: Call) => {
  const mobile = required(params, 'mobile');
  const prepared = prepareText(context, required(params, 'text'));
  return sendOne(context, mobile, prepared, params.get('uid') ?? undefined);
};

const tplSingleSend = ({ params, context }: Call) => {
  const mobile = required(params, 'mobile');
  const tplId = required(params, 'tpl_id');
  const prepared = prepareTemplate(context, tplId, required(params, 'tpl_value'));
  return sendOne(context, mobile, prepared, params.get('uid') ?? undefined);
};

/** Per-number results: each `data[i]` carries its own code (docs/providers.md §3.4). */
const batchSend = ({ params, context }: Call) => {
  const mobileList = required(params, 'mobile');
  const mobiles = mobileList.split(',');
  if (mobiles.length > MAX_BATCH) throw badParameter('mobile', `${mobiles.length} 个号码`);
  const prepared = prepareText(context, required(params, 'text'));
  const data = mobiles.map((mobile): SendResult => {
    try {
      return sendOne(context, mobile, prepared, params.get('uid') ?? undefined);
    } catch (error) {
      if (!(error instanceof YunpianError)) throw error;
      const msg = yunpianMessage(error.code);
      return { code: error.code, msg, count: 0, fee: 0, unit: 'RMB', mobile, sid: 0 };
    }
  });
  return {
    total_count: data.reduce((sum, result) => sum + result.count, 0),
    // A string with four decimals, unlike the per-number `fee` numbers.
    total_fee: round4(data.reduce((sum, result) => sum + result.fee, 0)).toFixed(4),
    unit: 'RMB',
    data,
  };
};

const PRICE_PER_MESSAGE = 0.05;

/** `balance` is in RMB; the seed counts messages, priced here at the domestic rate. */
const userGet = ({ context }: Call) => ({
  nick: 'duanxin',
  gmt_created: '2024-01-01 00:00:00',
  mobile: '13800138000',
  email: 'demo@duanxin.invalid',
  ip_whitelist: null,
  api_version: 'v2',
  alarm_balance: 10,
  emergency_contact: '',
  emergency_mobile: '',
  balance: round4(context.account.balance * PRICE_PER_MESSAGE),
});

const tplGet = ({ params, context }: Call) => {
  const describe = (template: (typeof context.account.templates)[number]) => ({
    tpl_id: Number(template.id),
    tpl_content: template.content,
    check_status: CHECK_STATUS[template.state],
    reason: template.state === 'rejected' ? '模板内容不符合规范' : null,
  });
  const tplId = params.get('tpl_id');
  if (tplId === null || tplId === '') return context.account.templates.map(describe);
  const template = context.account.templates.find((candidate) => candidate.id === tplId);
  if (!template) throw new YunpianError(5, '未找到对应id的模板');
  return describe(template);
};

const ROUTES: Record<string, Route> = {
  '/v2/sms/single_send.json': { run: singleSend, query: false },
  '/v2/sms/tpl_single_send.json': { run: tplSingleSend, query: false },
  '/v2/sms/batch_send.json': { run: batchSend, query: false },
  '/v2/user/get.json': { run: userGet, query: true },
  '/v2/tpl/get.json': { run: tplGet, query: true },
};

/** Servlet-style parameters: the query string and the form body together, the body winning. */
const parametersOf = (request: EmulatorRequest): URLSearchParams => {
  const params = new URLSearchParams(request.url.searchParams);
  for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) {
    params.set(name, value);
  }
  return params;
};

const handle = (request: EmulatorRequest, context: ProviderContext): EmulatorResponse => {
  try {
    const route = ROUTES[request.url.pathname];
    if (!route) throw new YunpianError(-7, `不支持的接口 ${request.url.pathname}`, 404);
    if (request.method !== 'POST') throw new YunpianError(11);
    const params = parametersOf(request);
    const apikey = required(params, 'apikey');
    const credential = context.account.credentials.find(
      (candidate) => candidate.id === apikey && !candidate.disabled
    );
    if (!credential) throw new YunpianError(-1, '请检查您的apikey是否正确，或者账户已经失效');
    if (route.query && credential.canQuery === false) throw new YunpianError(-2);
    return yunpianOk(route.run({ params, context, credential }));
  } catch (error) {
    if (error instanceof YunpianError) return yunpianError(error);
    throw error;
  }
};

export const yunpianProvider: ProviderDefinition = {
  name: 'yunpian',
  matches: (request) => request.url.pathname.startsWith('/v2/'),
  handle,
  defaultAccount: yunpianDefaultAccount,
  connectorConfig: yunpianEmulatorConfig,
  credentialLabels: { id: 'apikey' },
  hosts: [defaultEndpoint, overseasServerEndpoint].map((origin) => new URL(origin).host),
  identifiedBy: '/v2/ paths',
};
