/**
 * Any failure as the operator sees it: the exit code it means, Logto's and the provider's error
 * codes, the provider's message, what became of the message, and a hint.
 */
import { duanxinErrorData, type DuanxinErrorData } from '@duanxin/shared';

import { CliError, exitCodes, type ExitCode } from './exit-codes.js';
import { hintFor } from './hints.js';
import { rows, type Output } from './output.js';
import { isProviderName, providerEntry, type ProviderName } from './providers.js';

export type FailureReport = {
  exitCode: ExitCode;
  title: string;
  /** Logto's error code, e.g. `invalid_config`. */
  errorCode?: string;
  providerCode?: string;
  message: string;
  requestId?: string;
  /** For a send: `not_sent`, `rejected` or `unknown` (it may have arrived). */
  outcome?: string;
  field?: string;
  retryable?: boolean;
  hint?: string;
  /** A failover connector's: what each provider answered. */
  attempts?: unknown[];
};

/** Fields of what was asked (the number, the code, a status query's id and day), not the config. */
const askedFields = new Set(['data', 'to', 'type', 'payload', 'id', 'date']);

const exitCodeOf = (code: string, data: DuanxinErrorData): ExitCode => {
  if (data.providerCode !== undefined) {
    return data.outcome === 'unknown' ? exitCodes.network : exitCodes.providerRefused;
  }
  if (data.field !== undefined && askedFields.has(data.field.split('.')[0] ?? '')) {
    return exitCodes.usage;
  }
  if (data.field !== undefined || code === 'invalid_config' || code === 'template_not_found') {
    return exitCodes.configInvalid;
  }
  return exitCodes.network;
};

const titles: Record<ExitCode, string> = {
  [exitCodes.ok]: 'done',
  [exitCodes.unexpected]: 'unexpected error',
  [exitCodes.usage]: 'invalid input',
  [exitCodes.configInvalid]: 'config invalid',
  [exitCodes.providerRefused]: 'refused by the provider',
  [exitCodes.network]: 'no usable answer from the provider',
  [exitCodes.problemsFound]: 'problems found',
};

export const describeFailure = (
  error: unknown,
  provider: ProviderName | undefined
): FailureReport => {
  if (error instanceof CliError) {
    return {
      exitCode: error.exitCode,
      title: titles[error.exitCode],
      message: error.message,
      ...(error.hint && { hint: error.hint }),
    };
  }
  const data = duanxinErrorData(error);
  const code = (error as { code?: unknown }).code;
  if (!data || typeof code !== 'string' || !provider) {
    return {
      exitCode: exitCodes.unexpected,
      title: titles[exitCodes.unexpected],
      message: error instanceof Error ? error.message : String(error),
    };
  }
  // Through a failover connector, the provider whose answer ended the send explains it.
  const answering = isProviderName(data.provider) ? data.provider : provider;
  const exitCode = exitCodeOf(code, data);
  const hint = hintFor(code, data, providerEntry(answering).hints);
  return {
    exitCode,
    title: titles[exitCode],
    errorCode: code,
    ...(data.providerCode && { providerCode: data.providerCode }),
    message: data.message,
    ...(data.requestId && { requestId: data.requestId }),
    outcome: data.outcome,
    ...(data.field && { field: data.field }),
    retryable: data.retryable,
    ...(hint && { hint }),
    ...(Array.isArray(data.attempts) && { attempts: data.attempts }),
  };
};

const outcomes: Record<string, string> = {
  not_sent: 'not sent',
  rejected: 'refused, nothing was sent',
  unknown: 'UNKNOWN: the message may have been sent',
};

export const printFailure = (
  output: Output,
  failure: FailureReport,
  provider: ProviderName | undefined
): void => {
  if (output.json) {
    output.printJson({ ok: false, ...(provider && { provider }), error: failure });
    return;
  }
  const codes = [failure.providerCode, failure.errorCode].filter(Boolean).join(', ');
  const heading = `✗ ${provider ? `${provider}: ` : ''}${failure.title}${codes ? ` (${codes})` : ''}`;
  const [first, ...rest] = failure.message.split('\n');
  const details = rows([
    ['message', first],
    ['request id', failure.requestId],
    ['field', failure.field],
    ['outcome', failure.outcome && (outcomes[failure.outcome] ?? failure.outcome)],
    [
      'retry',
      failure.retryable === undefined
        ? undefined
        : failure.retryable
          ? 'may succeed later'
          : 'not as is',
    ],
    ['hint', failure.hint],
  ]);
  output.err([output.paint('red', heading, true), details, ...rest].filter(Boolean).join('\n'));
};
