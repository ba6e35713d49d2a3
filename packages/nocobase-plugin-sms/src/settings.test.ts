import createAliyunSmsConnector from '@duanxin/connector-aliyun-sms';
import createYunpianSmsConnector from '@duanxin/connector-yunpian-sms';
import { describe, expect, it } from 'vitest';

import { settingsFieldsOf } from './fields.js';
import { describeSettingsIssue, readSettings, type SettingsIssue } from './settings.js';
import { emulatorSettings } from '../test/emulator-settings.js';

const noConfig = async () => undefined;
const yunpian = await createYunpianSmsConnector({ getConfig: noConfig });
const aliyun = await createAliyunSmsConnector({ getConfig: noConfig });
const yunpianFields = settingsFieldsOf(yunpian.metadata.formItems ?? []);
const aliyunFields = settingsFieldsOf(aliyun.metadata.formItems ?? []);

const endpoint = 'http://127.0.0.1:9';
const yunpianSettings = emulatorSettings(endpoint)['duanxin-yunpian'] ?? {};
const aliyunSettings = emulatorSettings(endpoint)['duanxin-aliyun'] ?? {};

const readYunpian = (settings: unknown, raw?: unknown) =>
  readSettings(settings, yunpianFields, yunpian.configGuard, raw);

const issuesOf = (result: ReturnType<typeof readSettings>): SettingsIssue[] =>
  result.ok ? [] : result.issues;

const described = (result: ReturnType<typeof readSettings>) =>
  issuesOf(result).map((issue) => ({ field: issue.field, text: describeSettingsIssue(issue) }));

describe('readSettings', () => {
  it("hands the connector its config, and reads the plugin's defaultCountry apart", () => {
    const result = readYunpian({ ...yunpianSettings, defaultCountry: 'us' });
    expect(result).toEqual({ ok: true, config: yunpianSettings, defaultCountry: 'US' });
  });

  it('reads numbers typed without + or 00 as mainland numbers by default', () => {
    expect(readYunpian(yunpianSettings)).toMatchObject({ ok: true, defaultCountry: 'CN' });
  });

  it('reads what {{$env.X}} rendered as the field type, and cleared fields as absent', () => {
    const result = readYunpian({
      ...yunpianSettings,
      templates: JSON.stringify(yunpianSettings.templates),
      enableInternational: 'false',
      timeout: '5000',
      maxRetries: '',
      proxy: null,
    });
    expect(result).toEqual({
      ok: true,
      config: { ...yunpianSettings, enableInternational: false, timeout: 5000 },
      defaultCountry: 'CN',
    });
  });

  it('names each field at fault, and where inside it', () => {
    const result = readYunpian({
      templates: [{ usageType: 'Generic', content: 'no placeholder' }],
      timeout: 'soon',
      endpoint: 'ftp://example.com',
      defaultCountry: 'XX',
    });
    expect(described(result)).toEqual([
      { field: 'defaultCountry', text: 'An ISO country code such as CN or US' },
      { field: 'apikey', text: 'Required' },
      {
        field: 'templates',
        text: '#1 › content: The template content must contain {{code}} where the verification code goes.',
      },
      { field: 'endpoint', text: 'must be an http(s) URL' },
      { field: 'timeout', text: 'Expected number, received string' },
    ]);
  });

  it('follows a union to the branch that says most', () => {
    const result = readYunpian({
      ...yunpianSettings,
      templates: [{ usageType: 'Generic', content: { china: '验证码{{code}}' } }],
    });
    expect(described(result)).toEqual([
      { field: 'templates', text: '#1 › content › overseas: Required' },
    ]);
  });

  it('never repeats a value it refuses: a secret in the wrong field stays out of the message', () => {
    const secret = 'sk-very-secret-value';
    const result = readSettings(
      { ...aliyunSettings, signatureVersion: secret, accessKeySecret: 42, regionId: [secret] },
      aliyunFields,
      aliyun.configGuard
    );
    const issues = issuesOf(result);
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      'accessKeySecret',
      'regionId',
      'signatureVersion',
    ]);
    expect(JSON.stringify(issues)).not.toContain(secret);
    expect(JSON.stringify(issues)).not.toContain('42');
  });

  it('names the variable that left a required field empty', () => {
    const raw = { ...yunpianSettings, apikey: '{{$env.YUNPIAN_APIKEY}}' };
    const { apikey: _rendered, ...rendered } = raw;
    expect(described(readYunpian(rendered, raw))).toEqual([
      {
        field: 'apikey',
        text: 'The variable YUNPIAN_APIKEY is not set (Settings › Variables and secrets)',
      },
    ]);
  });

  it('refuses settings that are not an object', () => {
    expect(described(readYunpian('apikey=x'))).toEqual([
      { field: '', text: 'Settings must be an object' },
    ]);
  });

  it('translates its own messages and the type names in them, never the connector’s', () => {
    const result = readYunpian({
      templates: [{ usageType: 'Generic', content: 'x' }],
      timeout: 'soon',
    });
    const zh: Record<string, string> = {
      Required: '必填',
      'Expected {{expected}}, received {{received}}': '应为{{expected}}，实际为{{received}}',
      number: '数字',
      string: '文本',
    };
    const translate = (key: string, values: Record<string, string> = {}) =>
      (zh[key] ?? key).replace(/{{(\w+)}}/g, (_match, name: string) => values[name] ?? '');
    expect(issuesOf(result).map((issue) => describeSettingsIssue(issue, translate))).toEqual([
      '必填',
      '#1 › content: The template content must contain {{code}} where the verification code goes.',
      '应为数字，实际为文本',
    ]);
  });
});
