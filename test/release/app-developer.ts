/**
 * An app developer (not Logto): `npm i @duanxin/verification @duanxin/connector-tencent-sms`,
 * a TypeScript file that sends a sign-in code and verifies it, `tsc --noEmit`, then the compiled
 * file run against the emulator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { emulatorConnectorConfigs, type Emulator } from '@duanxin/emulator';

import { run } from './shell.js';
import { readJson } from './tarballs.js';

const app = `import createTencentSmsConnector from '@duanxin/connector-tencent-sms';
import { createSmsVerifier, isSmsVerificationError } from '@duanxin/verification';

const endpoint = process.env.SMS_EMULATOR ?? '';
const config: unknown = JSON.parse(process.env.TENCENT_SMS_CONFIG ?? '{}');

const connector = await createTencentSmsConnector({ getConfig: async () => config });
const verifier = createSmsVerifier({ connector, secret: process.env.VERIFIER_SECRET });

const phone = '+8613800138000';
const sent = await verifier.send({ phone, scene: 'sign-in' });

// The person reads the code on their phone: here, in the emulator's inbox.
const inbox = await fetch(\`\${endpoint}/_inbox?to=\${encodeURIComponent(sent.phone)}\`);
const [message] = (await inbox.json()) as { code: string }[];

const verified = await verifier.verify({ phone, scene: 'sign-in', code: message?.code ?? '' });
let reused: string | undefined;
try {
  await verifier.verify({ phone, scene: 'sign-in', code: message?.code ?? '' });
} catch (error) {
  if (!isSmsVerificationError(error)) throw error;
  reused = error.code;
}
console.log(JSON.stringify({ sent: sent.phone, verified: verified.phone === sent.phone, reused }));
`;

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    outDir: 'dist',
  },
  include: ['app.ts'],
};

export const developApp = async (dir: string, env: NodeJS.ProcessEnv, emulator: Emulator) => {
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'sms-app', private: true, type: 'module' })
  );
  writeFileSync(path.join(dir, 'app.ts'), app);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const npm = (...args: string[]) =>
    run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env });
  await npm('install', '@duanxin/verification', '@duanxin/connector-tencent-sms');
  await npm('install', '--save-dev', 'typescript@~5.9.3', '@types/node@^20.19.0');

  await run('npx', ['tsc', '--noEmit'], { cwd: dir, env });
  await run('npx', ['tsc'], { cwd: dir, env });
  emulator.inbox.clear();
  const output = await run('node', ['dist/app.js'], {
    cwd: dir,
    env: {
      ...env,
      SMS_EMULATOR: emulator.url,
      TENCENT_SMS_CONFIG: JSON.stringify(emulatorConnectorConfigs(emulator.url).tencent),
      VERIFIER_SECRET: 'an app secret of at least thirty-two bytes',
    },
  });

  const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(
    path.join(dir, 'package-lock.json')
  );
  const resolvedFrom = Object.fromEntries(
    ['@duanxin/connector-tencent-sms', '@duanxin/verification'].map((name) => [
      name,
      lock.packages[`node_modules/${name}`]?.resolved,
    ])
  );
  return {
    resolvedFrom,
    run: JSON.parse(output.stdout.trim().split('\n').at(-1) ?? 'null') as unknown,
    received: emulator.inbox.list(),
  };
};
