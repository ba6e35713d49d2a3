import { execFileSync } from 'node:child_process';
import os from 'node:os';

import { packageVersion } from './packages.js';
import { repoRoot } from './paths.js';

export type MachineInfo = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** 1-minute load average when the run started and ended: others' work on a shared machine. */
  load: { start: number; end: number };
};

export const describeMachine = (): Omit<MachineInfo, 'load'> => ({
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
});

export const loadAverage = (): number => os.loadavg()[0] ?? Number.NaN;

const gitDescription = (): string => {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], {
      cwd: repoRoot,
    }).length;
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
};

/** Versions of everything compared, as installed. */
export const describeVersions = (): Record<string, string> => ({
  duanxin: `${packageVersion('@duanxin/connector-aliyun-sms')} (git ${gitDescription()})`,
  '@logto/connector-aliyun-sms': packageVersion('@logto/connector-aliyun-sms'),
  '@logto/connector-tencent-sms': packageVersion('@logto/connector-tencent-sms'),
  '@logto/connector-yunpian-sms': packageVersion('@logto/connector-yunpian-sms'),
  '@logto/connector-kit': packageVersion('@logto/connector-kit'),
  '@alicloud/dysmsapi20170525': packageVersion('@alicloud/dysmsapi20170525'),
  '@alicloud/openapi-client': packageVersion('@alicloud/openapi-client'),
  'tencentcloud-sdk-nodejs-sms': packageVersion('tencentcloud-sdk-nodejs-sms'),
  got: packageVersion('got'),
});
