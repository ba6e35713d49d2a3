/**
 * YunPian sends a text, not a template id: the config gives the text with `{{code}}` where the
 * approved template has `#code#` (docs/providers.md §3).
 */
const hasCodePlaceholder = /\{\{\s*code\s*\}\}/;
const codePlaceholders = /\{\{\s*code\s*\}\}/g;
const anyPlaceholder = /\{\{\s*([\w.]+)\s*\}\}/;

/** A template text must carry `{{code}}`, and nothing else we could not fill. */
export const contentTemplateIssue = (content: string): string | undefined => {
  if (!hasCodePlaceholder.test(content)) {
    return 'The template content must contain {{code}} where the verification code goes.';
  }
  const other = content.replace(codePlaceholders, '').match(anyPlaceholder);
  return other ? `Unknown placeholder {{${other[1] ?? ''}}}: only {{code}} is filled.` : undefined;
};

/** Renders `{{code}}` only: never other payload keys such as `locale` or `uiLocales`. */
export const renderContent = (content: string, code: string): string =>
  content.replace(codePlaceholders, code);
