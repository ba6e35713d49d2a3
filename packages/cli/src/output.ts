import { redactSecrets } from '@duanxin/shared';

/**
 * Everything the CLI writes goes through here: secrets are scrubbed from every line as a last line
 * of defence, colour only on a terminal without NO_COLOR, and a spinner on stderr while waiting.
 */
type Colour = 'red' | 'green' | 'yellow' | 'dim' | 'bold';

const ansi: Record<Colour, [open: number, close: number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  dim: [2, 22],
  bold: [1, 22],
};

// https://no-color.org: any non-empty value switches colour off.
const colourFor = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !process.env.NO_COLOR;

const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class Output {
  private readonly secrets: string[] = [];
  private readonly colourOut = colourFor(process.stdout);
  private readonly colourErr = colourFor(process.stderr);

  constructor(readonly json: boolean) {}

  /** Values that must never be printed, whatever prints them. */
  hide(values: readonly string[]): void {
    this.secrets.push(...values.filter((value) => value.length > 0));
  }

  /** Secrets go in any encoding: a provider's text may carry one URL-encoded or in base64. */
  scrub(text: string): string {
    return redactSecrets(text, this.secrets);
  }

  out(text: string): void {
    process.stdout.write(`${this.scrub(text)}\n`);
  }

  err(text: string): void {
    process.stderr.write(`${this.scrub(text)}\n`);
  }

  printJson(value: unknown): void {
    this.out(JSON.stringify(value, null, 2));
  }

  /** Colours text for stdout (`toErr` for stderr), or leaves it plain off a terminal. */
  paint(colour: Colour, text: string, toErr = false): string {
    const [open, close] = ansi[colour];
    return (toErr ? this.colourErr : this.colourOut)
      ? `\u001B[${open}m${text}\u001B[${close}m`
      : text;
  }

  /** Shows a spinner on stderr (on a terminal only) until `work` settles. */
  async during<T>(label: string, work: Promise<T>): Promise<T> {
    if (!process.stderr.isTTY) {
      return work;
    }
    let frame = 0;
    const draw = () => {
      process.stderr.write(`\r${spinnerFrames[frame % spinnerFrames.length] ?? ''} ${label}`);
      frame++;
    };
    draw();
    const timer = setInterval(draw, 80);
    try {
      return await work;
    } finally {
      clearInterval(timer);
      process.stderr.write('\r\u001B[K');
    }
  }
}

/**
 * `duanxin --help | head`: the reader closes the pipe before everything is written. What is left
 * is dropped quietly rather than with an EPIPE stack trace; the exit code stays the command's.
 */
export const tolerateClosedPipes = (): void => {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') {
        process.exitCode = 1;
      }
    });
  }
};

/**
 * Commander quotes an invalid option value in its error (`argument '…' is invalid`): it may be a
 * secret, a number or a code, so it is left out; the option and the reason are enough.
 */
export const withoutArgumentValues = (message: string): string =>
  message
    .replace(/ argument '[\s\S]*' is invalid\./, ' argument is invalid:')
    .replace(/(unknown option '[^'=]*)=[^']*'/, "$1=…'");

/** `label  value` rows with the labels padded to one width. */
export const rows = (
  entries: readonly (readonly [string, string | undefined])[],
  indent = '  '
) => {
  const shown = entries.filter(
    (entry): entry is readonly [string, string] => entry[1] !== undefined
  );
  const width = Math.max(0, ...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`).join('\n');
};
