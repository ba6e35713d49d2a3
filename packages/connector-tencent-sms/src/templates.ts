/** Tencent `TemplateParamSet`: `{1}` is the code, then the template's static extras `{2}`…. */
export const tencentTemplateParamSet = (
  code: string,
  extra: readonly string[] | undefined
): string[] => (extra ? [code, ...extra] : [code]);
