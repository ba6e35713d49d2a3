/**
 * A provider's settings form for the legacy admin app: a formily schema, rendered inside the
 * verifier's `options.settings` (docs/nocobase.md §4). Text fields use NocoBase's variable input,
 * so any of them may be `{{$env.X}}`; secrets are password fields.
 */
import type { FieldKind, SettingsField } from '../fields.js';

/** formily's validator context: the field validated, and the form it is in. */
export type ValidatorContext = {
  field: { path: { parent(): unknown } };
  form: { getValuesIn(path: unknown): unknown };
};

export type Validate = (field: string, settings: unknown) => Promise<string | undefined>;

const variableInput = (field: SettingsField, props: Record<string, boolean> = {}) => ({
  'x-component': 'TextAreaWithGlobalScope',
  'x-component-props': { ...props, ...(field.placeholder && { placeholder: field.placeholder }) },
});

const inputs: Record<FieldKind, (field: SettingsField) => Record<string, unknown>> = {
  text: (field) => variableInput(field),
  secret: (field) => variableInput(field, { password: true }),
  multiline: (field) => variableInput(field, { supportsLineBreak: true }),
  // A number typed as text, read as one on the server (it may be {{$env.X}} too).
  number: (field) => variableInput(field),
  switch: () => ({ 'x-component': 'Checkbox' }),
  select: (field) => ({ 'x-component': 'Select', enum: field.options ?? [] }),
  multiselect: (field) => ({
    'x-component': 'Select',
    'x-component-props': { mode: 'multiple' },
    enum: field.options ?? [],
  }),
  json: (field) => ({
    'x-component': 'DuanxinJsonInput',
    'x-component-props': field.placeholder ? { placeholder: field.placeholder } : {},
  }),
};

export const settingsSchema = (
  fields: readonly SettingsField[],
  translate: (text: string) => string,
  validate: Validate
) => ({
  type: 'object',
  properties: Object.fromEntries(
    fields.map((field, index) => [
      field.key,
      {
        title: translate(field.label),
        ...(field.description && { description: translate(field.description) }),
        required: field.required,
        ...(field.defaultValue !== undefined && { default: field.defaultValue }),
        'x-decorator': 'FormItem',
        'x-index': index,
        ...inputs[field.kind](field),
        'x-validator': async (value: unknown, _rule: unknown, context: ValidatorContext) =>
          // An empty required field: formily says so itself.
          field.required && (value === undefined || value === null || value === '')
            ? ''
            : ((await validate(field.key, context.form.getValuesIn(context.field.path.parent()))) ??
              ''),
      },
    ])
  ),
});
