/**
 * The registry of the release test: a Verdaccio on 127.0.0.1 with temporary storage and config.
 * It has no uplinks, so it holds only what was published to it; a user's install takes
 * `@duanxin/*` from it (a scoped registry) and everything else from npm, as with a company
 * registry for its own scope.
 */
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { runServer } from 'verdaccio';

export type LocalRegistry = {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A user's npm config: the scope on this registry, and a token that may publish to it. */
  npmrc: string;
  close: () => Promise<void>;
};

const config = (dir: string) => `storage: ${path.join(dir, 'storage')}
auth:
  htpasswd:
    file: ${path.join(dir, 'htpasswd')}
    max_users: 1
uplinks: {}
packages:
  '@duanxin/*':
    access: $all
    publish: $authenticated
  '**':
    access: $all
web:
  enable: false
log: { type: stdout, format: pretty, level: error }
`;

export const startLocalRegistry = async (dir: string): Promise<LocalRegistry> => {
  const configFile = path.join(dir, 'verdaccio.yaml');
  writeFileSync(configFile, config(dir));
  const server = (await runServer(configFile)) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;

  // What `npm adduser` does.
  const response = await fetch(new URL('-/user/org.couchdb.user:duanxin', url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'duanxin', password: 'release-test' }),
  });
  const { token } = (await response.json()) as { token?: string };
  if (!response.ok || !token) {
    throw new Error(`the local registry refused a user: ${response.status}`);
  }
  const npmrc = path.join(dir, 'npmrc');
  writeFileSync(
    npmrc,
    [
      `@duanxin:registry=${url}`,
      `//127.0.0.1:${port}/:_authToken=${token}`,
      'update-notifier=false',
      'fund=false',
      'audit=false',
      '',
    ].join('\n')
  );

  return {
    url,
    npmrc,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
