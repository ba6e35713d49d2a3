/**
 * What the admin clients use of the modules NocoBase's app defines for plugins (docs/nocobase.md
 * §4). They are the host's, loaded by requirejs, and never installed here.
 */
declare module '@nocobase/client' {
  import type { ComponentType } from 'react';

  /** NocoBase's axios wrapper: answers are `{ data: <the action's body> }`. */
  export type ApiClient = {
    request(config: { url: string; method: 'post'; data: unknown }): Promise<{
      data?: { data?: unknown };
    }>;
  };

  export class Plugin {
    readonly app: { pm: { get(name: string): unknown }; apiClient: ApiClient };
    load(): Promise<void>;
  }
  export const SchemaComponent: ComponentType<{
    schema: Record<string, unknown>;
    components?: Record<string, ComponentType<never>>;
  }>;
}

declare module '@nocobase/client-v2' {
  import type { ApiClient } from '@nocobase/client';
  import type { ComponentType } from 'react';

  export class Plugin {
    readonly app: { pm: { get(name: string): unknown }; apiClient: ApiClient };
    load(): Promise<void>;
  }
  /** A text input that also takes `{{$env.X}}` from "Variables and secrets". */
  export const EnvVariableInput: ComponentType<{ password?: boolean; placeholder?: string }>;
}

declare module 'antd' {
  import type { ComponentType, ReactNode } from 'react';

  type FormInstance = { getFieldValue(name: (string | number)[]): unknown };
  type Rule = {
    required?: boolean;
    message?: string;
    validator?: (rule: unknown, value: unknown) => Promise<void>;
  };
  export const Form: {
    Item: ComponentType<{
      name: (string | number)[];
      label?: ReactNode;
      extra?: ReactNode;
      required?: boolean;
      rules?: Rule[];
      initialValue?: unknown;
      valuePropName?: string;
      children?: ReactNode;
    }>;
    useFormInstance(): FormInstance;
  };
  export const Input: {
    TextArea: ComponentType<{
      value?: string;
      rows?: number;
      placeholder?: string;
      spellCheck?: boolean;
      style?: Record<string, string | number>;
      onChange?: (event: { target: { value: string } }) => void;
    }>;
  };
  export const InputNumber: ComponentType<{
    placeholder?: string;
    style?: Record<string, string | number>;
  }>;
  export const Select: ComponentType<{
    options: { value: string; label: string }[];
    mode?: 'multiple';
    placeholder?: string;
    allowClear?: boolean;
  }>;
  export const Switch: ComponentType;
}

declare module 'react-i18next' {
  export function useTranslation(namespace: string): { t(key: string): string };
}
