/**
 * `pnpm -s duanxin …`: the CLI from its sources, no build needed. pnpm runs scripts in the
 * repository root, but paths on the command line (`--config aliyun.json`) are the caller's: they
 * are read from the directory pnpm was called in, as `pnpm create-connector --dir` does.
 */
if (process.env.INIT_CWD) {
  process.chdir(process.env.INIT_CWD);
}
// `pnpm duanxin -- check …`, as npm wants it: pnpm passes the `--` on.
if (process.argv[2] === '--') {
  process.argv.splice(2, 1);
}
await import('../packages/cli/src/cli.js');
