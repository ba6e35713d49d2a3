/**
 * The loopback guard itself: connections outside loopback are refused before they are made,
 * however they are asked for (net.connect and HTTP agents pass their arguments as one array), in
 * the test process and in a process a test starts with loopback-preload.ts. Only unroutable
 * documentation addresses (192.0.2.0/24) and the reserved `.invalid` domain are tried.
 */
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

import { repoRoot } from './support/commands.js';

const violations = () => (globalThis as { duanxinViolations?: string[] }).duanxinViolations!;

const failure = (start: (done: (outcome: string) => void) => void) =>
  new Promise<string>((resolve) => start(resolve));

describe('loopback guard', () => {
  it('refuses net.connect, http.get and a socket connect outside loopback, and reports each', async () => {
    const outcomes = [
      await failure((done) => {
        const socket = net.connect(80, '192.0.2.1');
        socket.on('error', (error) => done(error.message));
        socket.on('connect', () => done('connected'));
      }),
      await failure((done) => {
        const request = http.get('http://example.invalid/');
        request.on('error', (error) => done(error.message));
        request.on('response', () => done('answered'));
      }),
      await failure((done) => {
        const socket = new net.Socket();
        socket.on('error', (error) => done(error.message));
        socket.connect({ port: 443, host: '192.0.2.2' }, () => done('connected'));
      }),
    ];
    expect(outcomes).toEqual([
      'loopback guard: tests may not connect to 192.0.2.1',
      'loopback guard: tests may not connect to example.invalid',
      'loopback guard: tests may not connect to 192.0.2.2',
    ]);
    // Taken off the list, so that this test's own afterEach check passes.
    expect(violations().splice(0)).toEqual(['192.0.2.1', 'example.invalid', '192.0.2.2']);
  });

  it('lets loopback through', async () => {
    const server = http.createServer((_request, response) => response.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const body = await (await fetch(`http://localhost:${port}/`)).text();
    server.close();
    expect(body).toBe('ok');
  });

  it('in a process started with loopback-preload.ts: refused, and the process exits 70', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        `${repoRoot}packages/shared/test/loopback-preload.ts`,
        '--eval',
        "require('node:net').connect(80, '192.0.2.1').on('error', (e) => console.log(e.message))",
      ],
      { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 }
    );
    expect(result.stdout.trim()).toBe('loopback guard: tests may not connect to 192.0.2.1');
    expect(result.stderr).toContain('refused a connection to 192.0.2.1');
    expect(result.status).toBe(70);
  });
});
