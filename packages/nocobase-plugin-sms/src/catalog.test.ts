import { ConnectorConfigFormItemType } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { describeProvider, loadProviders } from './catalog.js';
import { defaultCountryField } from './fields.js';
import { providers } from './providers.js';

const loaded = await loadProviders();

describe('the providers offered to NocoBase', () => {
  it('are one per connector, each under its own provider type', () => {
    expect(loaded.map((provider) => provider.type)).toEqual(providers.map((entry) => entry.type));
    expect(new Set(loaded.map((provider) => provider.connector.metadata.id)).size).toBe(
      loaded.length
    );
  });

  it("each show the connector's form, secrets as password fields, and defaultCountry", () => {
    for (const { type, connector, fields } of loaded) {
      const items = connector.metadata.formItems ?? [];
      expect(
        fields.map((field) => field.key),
        type
      ).toEqual([...items.map((item) => item.key), 'defaultCountry']);
      for (const item of items) {
        const field = fields.find((candidate) => candidate.key === item.key);
        expect(field?.label, item.key).toBe(item.label);
        expect(field?.required, item.key).toBe(item.required ?? false);
        if (item.isConfidential) {
          expect(field?.kind, `${type} ${item.key}`).toBe('secret');
        }
        if (item.type === ConnectorConfigFormItemType.Json) {
          expect(field?.kind, `${type} ${item.key}`).toBe('json');
        }
      }
      expect(fields.at(-1)).toEqual(defaultCountryField);
    }
  });

  it('keep no secret in clear text fields: every credential key is a password field', () => {
    const secretKeys = /secret|apikey|token/i;
    for (const { type, fields } of loaded) {
      const credentials = fields.filter((field) => secretKeys.test(field.key));
      expect(credentials.length, type).toBeGreaterThan(0);
      for (const field of credentials) {
        expect(field.kind, `${type} ${field.key}`).toBe('secret');
      }
    }
  });

  it("are titled by the connector's own names, in English and Chinese", () => {
    expect(loaded.map((provider) => describeProvider(provider).title)).toEqual(
      loaded.map(({ connector }) => ({
        en: connector.metadata.name.en,
        'zh-CN': connector.metadata.name['zh-CN'],
      }))
    );
  });
});
