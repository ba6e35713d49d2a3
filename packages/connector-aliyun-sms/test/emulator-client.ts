/**
 * Test client for the Aliyun emulator: builds requests with the connector's signers (V1 and V3, fresh
 * nonce and timestamp from the emulator's pinned clock) and sends them over real HTTP.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';

import { type Emulator, type EmulatorOptions, startEmulator } from '@duanxin/emulator';
import { percentEncode } from '@duanxin/shared';

import { signAliyunAcs3 } from '../src/signing/acs3.js';
import { signAliyunRpc } from '../src/signing/rpc.js';

export const KEY = { accessKeyId: 'LTAI-duanxin-demo', secret: 'duanxin-demo-secret' };
export const SEND_ONLY = {
  accessKeyId: 'LTAI-duanxin-sendonly',
  secret: 'duanxin-sendonly-secret',
};
export const STS = { accessKeyId: 'STS.duanxin-demo-sts', secret: 'duanxin-sts-secret' };
export const CODE_SMS = {
  PhoneNumbers: '13800138000',
  SignName: 'duanxin',
  TemplateCode: 'SMS_100001',
  TemplateParam: '{"code":"123456"}',
};
const START = Date.parse('2025-06-01T08:00:00Z');

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const encodeParams = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');

export type Answer = { status: number; contentType: string | null; body: Record<string, unknown> };

export const toAnswer = async (response: Response): Promise<Answer> => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  body: (await response.json()) as Record<string, unknown>,
});

export type V1Options = {
  method?: 'GET' | 'POST';
  key?: { accessKeyId: string; secret: string };
  signWith?: string;
  timestamp?: number;
  nonce?: string;
  /** Changes the parameters after signing. */
  tamper?: Record<string, string>;
};

export type V3Options = {
  key?: { accessKeyId: string; secret: string };
  signWith?: string;
  date?: number;
  nonce?: string;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Replaces the body after signing. */
  tamperedBody?: string;
};

/** A fresh emulator per test, its clock at `clock` (tests move it forward). */
export const useAliyunEmulator = () => {
  const harness = {
    clock: START,
    emulator: undefined as unknown as Emulator,
    async restart(options: EmulatorOptions = {}): Promise<void> {
      await harness.emulator.close();
      harness.emulator = await startEmulator({ now: () => harness.clock, ...options });
    },
  };
  beforeEach(async () => {
    harness.clock = START;
    harness.emulator = await startEmulator({ now: () => harness.clock });
  });
  afterEach(async () => {
    await harness.emulator.close();
  });

  const sendV1 = async (
    action: string,
    params: Record<string, string>,
    options: V1Options = {}
  ) => {
    const method = options.method ?? 'POST';
    const key = options.key ?? KEY;
    const all: Record<string, string> = {
      AccessKeyId: key.accessKeyId,
      Action: action,
      Format: 'JSON',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: options.nonce ?? randomUUID(),
      SignatureVersion: '1.0',
      Timestamp: isoSeconds(options.timestamp ?? harness.clock),
      Version: '2017-05-25',
      ...params,
    };
    all.Signature = signAliyunRpc(all, options.signWith ?? key.secret, method);
    const sent = encodeParams({ ...all, ...options.tamper });
    const url = harness.emulator.url;
    return method === 'GET'
      ? fetch(`${url}/?${sent}`)
      : fetch(`${url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: sent,
        });
  };

  const sendV3 = async (action: string, query: Record<string, string>, options: V3Options = {}) => {
    const key = options.key ?? KEY;
    const body = options.form ? encodeParams(options.form) : '';
    const signed = signAliyunAcs3({
      method: 'POST',
      query,
      headers: {
        host: new URL(harness.emulator.url).host,
        'x-acs-action': action,
        'x-acs-version': '2017-05-25',
        'x-acs-date': isoSeconds(options.date ?? harness.clock),
        'x-acs-signature-nonce': options.nonce ?? randomUUID().replace(/-/g, ''),
        ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...options.headers,
      },
      body,
      accessKeyId: key.accessKeyId,
      secret: options.signWith ?? key.secret,
    });
    // fetch sets Host itself, to the same origin that was signed.
    const { host: _host, ...headers } = signed.headers;
    return fetch(`${harness.emulator.url}/?${encodeParams(query)}`, {
      method: 'POST',
      headers: { ...headers, authorization: signed.authorization, accept: 'application/json' },
      body: options.tamperedBody ?? body,
    });
  };

  return Object.assign(harness, { sendV1, sendV3 });
};
