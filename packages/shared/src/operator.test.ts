import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { destroyAgents } from './http.js';
import {
  chinaDay,
  listTemplateChoices,
  queryProvider,
  regionalRoles,
  templateKindFinding,
  templateUses,
} from './operator.js';

describe('chinaDay', () => {
  it('is the calendar day in UTC+8, as Aliyun and Tencent file messages', () => {
    // 2025-01-01T17:00Z is already 2025-01-02 in Beijing.
    expect(chinaDay(undefined, Date.parse('2025-01-01T17:00:00Z')).compact).toBe('20250102');
    expect(chinaDay('2025-01-02')).toEqual({
      compact: '20250102',
      beginSeconds: Date.parse('2025-01-01T16:00:00Z') / 1000,
      endSeconds: Date.parse('2025-01-02T15:59:59Z') / 1000,
    });
  });
});

describe('regionalRoles and listTemplateChoices', () => {
  it('tells a plain template (all numbers) from { china, overseas }', () => {
    expect(regionalRoles('A')).toEqual([{ value: 'A', role: 'both' }]);
    expect(regionalRoles({ china: 'A', overseas: 'B' })).toEqual([
      { value: 'A', role: 'china' },
      { value: 'B', role: 'overseas' },
    ]);
  });

  it('gives every usage type its template, Generic standing in', () => {
    const choices = listTemplateChoices(
      [
        { usageType: 'SignIn', code: 'S' },
        { usageType: 'Generic', code: 'G' },
      ],
      (template) => template.code,
      'test'
    );
    expect(choices).toHaveLength(9);
    expect(choices[0]).toEqual({ usageType: 'SignIn', template: 'S', fellBackToGeneric: false });
    expect(choices[1]).toEqual({ usageType: 'Register', template: 'G', fellBackToGeneric: true });
  });
});

describe('templateUses', () => {
  type Template = { usageType: string; templateCode: string | { china: string; overseas: string } };
  const uses = (
    templates: Template[],
    sent: (template: Template, mainland: boolean) => unknown[] = (_, mainland) => [mainland]
  ) => templateUses(templates, sent, String);

  it('gives a plain template one use for all numbers, each usage type named once', () => {
    const plain = uses(
      [
        { usageType: 'SignIn', templateCode: 'SMS_1' },
        { usageType: 'Register', templateCode: 'SMS_1' },
      ],
      () => ['code']
    );
    expect(plain).toEqual([
      { code: 'SMS_1', role: 'both', sent: ['code'], usageTypes: ['SignIn', 'Register'] },
    ]);
  });

  it('splits a regional template into its mainland and overseas uses', () => {
    const regional = uses([{ usageType: 'Generic', templateCode: { china: 'C', overseas: 'O' } }]);
    expect(regional.map(({ code, role, sent }) => [code, role, sent])).toEqual([
      ['C', 'china', [true]],
      ['O', 'overseas', [false]],
    ]);
  });

  it('tells apart two sends of one plain template that fill different values', () => {
    const split = uses([{ usageType: 'Generic', templateCode: 'SMS_1' }]);
    expect(split.map(({ role, sent }) => [role, sent])).toEqual([
      ['both', [true]],
      ['both', [false]],
    ]);
  });
});

describe('templateKindFinding', () => {
  it('says a domestic template cannot serve overseas numbers, unless allowedCountries is CN', () => {
    expect(templateKindFinding('both', false, undefined, 'fix it')?.problem).toBe(
      'a domestic template, used for numbers outside mainland China too'
    );
    expect(templateKindFinding('both', false, ['CN'], 'fix it')).toBeUndefined();
    expect(templateKindFinding('china', false, undefined, 'fix it')).toBeUndefined();
  });

  it('hints a regional template for a plain one, the template fix for a regional one', () => {
    expect(templateKindFinding('both', true, undefined, 'fix it')?.hint).toMatch(/"china"/);
    expect(templateKindFinding('china', true, undefined, 'fix it')).toEqual({
      problem: 'an international template, used for mainland numbers',
      hint: 'fix it',
    });
  });
});

describe('queryProvider', () => {
  const secret = 'S3cr3t+/=&"';
  let server: http.Server;
  let origin: string;
  beforeAll(async () => {
    // `/echo` answers as a provider repeating the request would: the key in its form encoding.
    server = http.createServer((request, response) =>
      response.end(
        request.url === '/echo'
          ? JSON.stringify({
              Message: `refused key=${encodeURIComponent(secret)}`,
              [secret]: [secret],
            })
          : '{"ok":true}'
      )
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    destroyAgents();
    await new Promise((resolve) => server.close(resolve));
  });

  const request = (url: string) => () => ({
    url: new URL(url),
    method: 'GET' as const,
    headers: {},
  });

  it('answers without the secrets it was given, in any encoding', async () => {
    const reply = await queryProvider('test', request(`${origin}/echo`), {}, [secret]);
    expect(reply.json).toEqual({ Message: 'refused key=***', '***': ['***'] });
    expect(reply.text).not.toContain(encodeURIComponent(secret));
  });

  it('answers like callProvider', async () => {
    const reply = await queryProvider('test', request(`${origin}/`), {}, []);
    expect(reply.json).toEqual({ ok: true });
  });

  it('a failure speaks of a query, not of a message that may have been sent', async () => {
    const error = (await queryProvider(
      'test',
      request('http://127.0.0.1:1/'),
      { maxRetries: 0 },
      []
    ).then(
      () => expect.unreachable('the query succeeded'),
      (caught: unknown) => caught
    )) as { data: { errorDescription: string; outcome: string } };
    expect(error.data.errorDescription).toMatch(/^\[duanxin\] \[test\] Query failed: Request to/);
    expect(error.data.errorDescription).not.toContain('message');
    expect(error.data.outcome).toBe('not_sent');
  });
});
