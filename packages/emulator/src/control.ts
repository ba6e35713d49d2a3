/**
 * Control endpoints, under `/_` (never a provider path, never in the request log):
 *   GET /_inbox[?provider=&to=&templateId=&since=]   DELETE /_inbox
 *   GET /_requests                                   DELETE /_requests
 *   GET /_faults   POST /_faults (a FaultRule as JSON)   DELETE /_faults
 */
import { type FaultQueue, parseFaultRule } from './faults.js';
import type { Inbox, InboxFilter, RequestLog } from './inbox.js';
import type { EmulatorResponse } from './types.js';

export type ControlRequest = {
  method: string;
  url: URL;
  body: Buffer | 'too-large' | 'aborted';
  inbox: Inbox;
  requestLog: RequestLog;
  faults: FaultQueue;
};

const noContent: EmulatorResponse = { status: 204, body: '' };

export const handleControl = async (request: ControlRequest): Promise<EmulatorResponse> => {
  const { inbox, requestLog, faults } = request;
  switch (`${request.method} ${request.url.pathname}`) {
    case 'GET /_inbox':
      return { status: 200, body: inbox.list(inboxFilter(request.url.searchParams)) };
    case 'DELETE /_inbox':
      inbox.clear();
      return noContent;
    case 'GET /_requests':
      return { status: 200, body: requestLog.list() };
    case 'DELETE /_requests':
      requestLog.clear();
      return noContent;
    case 'GET /_faults':
      return { status: 200, body: faults.list() };
    case 'POST /_faults':
      return injectFault(request);
    case 'DELETE /_faults':
      faults.clear();
      return noContent;
    default:
      return {
        status: 404,
        body: { error: `unknown control endpoint ${request.method} ${request.url.pathname}` },
      };
  }
};

const injectFault = (request: ControlRequest): EmulatorResponse => {
  if (!Buffer.isBuffer(request.body)) {
    return { status: 413, body: { error: 'request body too large' } };
  }
  try {
    const rule = parseFaultRule(JSON.parse(request.body.toString('utf8')) as unknown);
    request.faults.inject(rule);
    return { status: 201, body: rule };
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
};

const inboxFilter = (query: URLSearchParams): InboxFilter => {
  const filter: InboxFilter = {};
  const provider = query.get('provider');
  const to = query.get('to');
  const templateId = query.get('templateId');
  const since = query.get('since');
  if (provider) filter.provider = provider;
  if (to) filter.to = to;
  if (templateId) filter.templateId = templateId;
  if (since && Number.isFinite(Number(since))) filter.since = Number(since);
  return filter;
};
