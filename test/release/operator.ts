/**
 * An operator with no checkout: the emulator from `npx @duanxin/emulator`, its printed Aliyun
 * config pasted into a file, `npx @duanxin/cli send … --dry-run` and then a real send to it; the
 * same with its Huawei Cloud config (every provider of the registry is built in); and the CLI
 * installed globally (`npm i -g`, into a prefix of its own).
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
    const huaweiConfig = /^ {4}huawei: (.*)$/m.exec(output)?.[1];
    if (!url || !aliyunConfig || !huaweiConfig) {
      throw new Error(`unexpected emulator banner:\n${output}`);
    }
    writeFileSync(path.join(dir, 'aliyun.json'), aliyunConfig);
    writeFileSync(path.join(dir, 'huawei.json'), huaweiConfig);
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
    await duanxin('send', 'huawei', '--config', 'huawei.json', '--to', '85291234567');
    const afterHuaweiSend = (await inbox()).slice(afterSend.length);

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

    return { version, afterDryRun, afterSend, afterHuaweiSend, globalVersion };
  } finally {
    emulator.stop();
  }
};
