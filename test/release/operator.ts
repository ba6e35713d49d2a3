/**
 * An operator with no checkout: the emulator from `npx @duanxin/emulator`, its printed Aliyun
 * config pasted into a file, `npx @duanxin/cli send … --dry-run` and then a real send to it; and
 * the CLI installed globally (`npm i -g`, into a prefix of its own).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { run, startBackground } from './shell.js';

type InboxMessage = { provider: string; to: string; code: string };

export const operate = async (dir: string, env: NodeJS.ProcessEnv) => {
  const emulator = await startBackground('npx', ['--yes', '@duanxin/emulator', '--port', '0'], {
    cwd: dir,
    env,
    ready: /faults +POST/,
  });
  try {
    const output = emulator.output();
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    const aliyunConfig = /^ {4}aliyun: (.*)$/m.exec(output)?.[1];
    if (!url || !aliyunConfig) {
      throw new Error(`unexpected emulator banner:\n${output}`);
    }
    writeFileSync(path.join(dir, 'aliyun.json'), aliyunConfig);
    const inbox = async () =>
      (await (await fetch(new URL('/_inbox', url))).json()) as InboxMessage[];
    const duanxin = (...args: string[]) =>
      run('npx', ['--yes', '@duanxin/cli', ...args], { cwd: dir, env });

    const version = (await duanxin('--version')).stdout.trim();
    const send = ['send', 'aliyun', '--config', 'aliyun.json', '--to', '8613800138000'];
    const dryRun = await duanxin(...send, '--dry-run');
    if (!dryRun.stdout.includes('SendSms')) {
      throw new Error(`the dry run shows no SendSms request:\n${dryRun.stdout}`);
    }
    const afterDryRun = await inbox();
    await duanxin(...send);
    const afterSend = await inbox();

    const prefix = path.join(dir, 'global');
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '@duanxin/cli', '--loglevel=error'],
      {
        cwd: dir,
        env,
      }
    );
    const globalVersion = (
      await run(path.join(prefix, 'bin', 'duanxin'), ['--version'], { cwd: dir, env })
    ).stdout.trim();

    return { version, afterDryRun, afterSend, globalVersion };
  } finally {
    emulator.stop();
  }
};
