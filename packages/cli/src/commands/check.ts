import { Command } from 'commander';
import {
  formPlaceholders,
  placeholderItems,
  type CheckItem,
  type TemplateChoice,
} from '@duanxin/shared';

import { configIssues } from '../config-input.js';
import { exitCodes, type ExitCode } from '../exit-codes.js';
import { rows, type Output } from '../output.js';
import { providerEntry, providerNames, type ProviderName } from '../providers.js';
import {
  addConnectionOptions,
  providerArgument,
  runAction,
  type ActionContext,
  type ConnectionOptions,
} from './common.js';

const marks: Record<CheckItem['status'], [mark: string, colour: 'green' | 'red' | 'yellow']> = {
  ok: ['✓ ok', 'green'],
  problem: ['✗ PROBLEM', 'red'],
  unverified: ['? unverified', 'yellow'],
};

const printTemplates = (output: Output, choices: TemplateChoice[]) =>
  [
    output.paint('bold', 'Templates per usage type'),
    rows(
      choices.map(({ usageType, template, fellBackToGeneric }) => [
        usageType,
        fellBackToGeneric ? output.paint('dim', `Generic → ${template}`) : template,
      ])
    ),
  ].join('\n');

const printItems = (output: Output, items: CheckItem[]) => {
  const width = Math.max(0, ...items.map((item) => marks[item.status][0].length));
  const subjectWidth = Math.max(0, ...items.map((item) => item.subject.length));
  return items
    .map((item) => {
      const [mark, colour] = marks[item.status];
      const line = `  ${output.paint(colour, mark.padEnd(width))}  ${item.subject.padEnd(subjectWidth)}  ${item.detail}`;
      return item.hint && item.status !== 'ok'
        ? `${line}\n  ${' '.repeat(width)}  ${output.paint('dim', `hint: ${item.hint}`)}`
        : line;
    })
    .join('\n');
};

const check = async (context: ActionContext): Promise<ExitCode> => {
  const { output, provider, entry } = context;
  const { config } = await context.load();
  const issues = configIssues(config, entry);
  if (issues.length > 0) {
    if (output.json) {
      output.printJson({ ok: false, provider, issues, templates: [], items: [] });
    } else {
      output.out(
        [
          output.paint(
            'red',
            `✗ the ${provider} config is invalid (nothing was asked of the provider):`
          ),
          ...issues.map((issue) => `  - ${issue}`),
        ].join('\n')
      );
    }
    return exitCodes.configInvalid;
  }
  const templates = entry.templateChoices(config);
  const items = [
    // A connector over others (failover) has no templates of its own: its providers' have.
    ...(Array.isArray(config.templates)
      ? placeholderItems(
          config.templates as { usageType: string }[],
          formPlaceholders(entry.metadata)
        )
      : []),
    ...(await output.during(`asking ${provider} (no SMS is sent)`, entry.checkConfig(config))),
  ];
  const problems = items.filter((item) => item.status === 'problem').length;
  const unverified = items.filter((item) => item.status === 'unverified').length;
  if (output.json) {
    output.printJson({ ok: problems === 0, provider, issues, templates, items });
  } else {
    const summary =
      problems > 0
        ? output.paint('red', `✗ ${problems} problem(s), ${unverified} unverified`)
        : output.paint(
            unverified > 0 ? 'yellow' : 'green',
            `✓ no problems, ${unverified} unverified`
          );
    output.out(
      [
        output.paint('green', `✓ the ${provider} config is valid`),
        '',
        printTemplates(output, templates),
        '',
        output.paint('bold', `Checked against ${provider} (no SMS sent)`),
        printItems(output, items),
        '',
        summary,
      ].join('\n')
    );
  }
  return problems > 0 ? exitCodes.problemsFound : exitCodes.ok;
};

const checked = providerNames
  .map((name) => `  ${name.padEnd(8)} ${providerEntry(name).checks ?? 'the config alone'}`)
  .join('\n');

const examples = `
Examples:
  # Check a config before going live (exit code 6 on any problem):
  $ duanxin check aliyun --config aliyun.json

  # The secret from the environment ("accessKeySecret": "env:TENCENT_SECRET_KEY" in the file):
  $ TENCENT_SECRET_KEY=… duanxin check tencent --config tencent.json

  # From stdin, as JSON for a script:
  $ cat yunpian.json | duanxin check yunpian --config - --json

What is checked (no SMS is ever sent):
${checked}
Every provider: templates left as the form's placeholder (<template-code>), which fall back to
Generic. An item the key may not query (a send-only key) is "unverified", never "bad credentials".`;

export const checkCommand = (): Command => {
  const command = new Command('check')
    .summary('validate a config and check it against the provider, sending nothing')
    .description(
      'Validate the config, list the template each of the nine usage types takes, then ask the provider whether the credentials, signature and templates are right. Each item is ok, PROBLEM or unverified (with the reason). No SMS is sent.'
    )
    .addArgument(providerArgument());
  return addConnectionOptions(command)
    .addHelpText('after', examples)
    .action((provider: ProviderName, options: ConnectionOptions) =>
      runAction(provider, options, check)
    );
};
