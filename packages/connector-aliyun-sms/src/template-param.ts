/**
 * Aliyun `TemplateParam`: the code under its parameter name plus the template's static extras,
 * built from an allow-list — never from the payload (Logto issue #7121: `locale`/`uiLocales`
 * in TemplateParam break verification templates).
 */
export const aliyunTemplateParam = (
  code: string,
  parameterName: string,
  extra: Readonly<Record<string, string>> | undefined
): string => JSON.stringify({ ...extra, [parameterName]: code });
