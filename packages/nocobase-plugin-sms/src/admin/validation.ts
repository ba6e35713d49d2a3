/**
 * Field-level errors in the settings form, from the server: only it can run the connector's
 * guard and resolve `{{$env.X}}`. Every field's validator asks about the same settings, so one
 * request answers them all.
 */
import type { ApiClient } from './types.js';

type ServerIssue = { field: string; message: string };

const isIssueList = (value: unknown): value is ServerIssue[] =>
  Array.isArray(value) &&
  value.every(
    (issue: { field?: unknown; message?: unknown }) =>
      typeof issue?.field === 'string' && typeof issue.message === 'string'
  );

/** Each field's messages; an issue of no shown field is shown under the first one. */
export const groupIssues = (
  issues: readonly ServerIssue[],
  fieldKeys: readonly string[]
): Map<string, string> => {
  const grouped = new Map<string, string[]>();
  for (const { field, message } of issues) {
    const key = fieldKeys.includes(field) ? field : (fieldKeys[0] ?? field);
    grouped.set(key, [...(grouped.get(key) ?? []), message]);
  }
  return new Map([...grouped].map(([key, messages]) => [key, messages.join('; ')]));
};

/**
 * `check(field, settings)`: that field's message, or undefined. The answer for the last
 * settings sent is kept, so validating every field of an unchanged form is one request.
 */
export type SettingsCheck = (field: string, settings: unknown) => Promise<string | undefined>;

export const createSettingsCheck = (
  api: ApiClient,
  provider: string,
  fieldKeys: string[]
): SettingsCheck => {
  let last: { key: string; answer: Promise<Map<string, string>> } | undefined;
  const ask = (settings: unknown) => {
    const key = JSON.stringify(settings ?? {});
    if (last?.key !== key) {
      const answer = api
        .request({
          url: 'duanxinSmsSettings:validate',
          method: 'post',
          data: { provider, settings: settings ?? {} },
        })
        .then((response) => {
          const body = response.data?.data as { issues?: unknown } | undefined;
          return groupIssues(isIssueList(body?.issues) ? body.issues : [], fieldKeys);
        });
      last = { key, answer };
    }
    return last.answer;
  };
  return async (field: string, settings: unknown): Promise<string | undefined> =>
    (await ask(settings)).get(field);
};
