/** Exit codes, distinct per kind of failure so scripts can tell them apart. */
export const exitCodes = {
  ok: 0,
  /** A bug or an unexpected failure. */
  unexpected: 1,
  usage: 2,
  configInvalid: 3,
  providerRefused: 4,
  /** Network failure, timeout, unreadable answer: for a send, the outcome may be unknown. */
  network: 5,
  /** `check` found problems; `status` found no receipt or a failed delivery. */
  problemsFound: 6,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

export const exitCodesHelp = `
Exit codes:
  0  success
  1  unexpected error (a bug: please report it)
  2  usage: unknown option, bad argument, a number or code that cannot be sent
  3  config invalid: unreadable file, bad JSON, missing env: variable, a field the connector refuses
  4  the provider refused (bad key, unapproved signature or template, flow control, no balance…)
  5  network failure or timeout: nothing was sent, or for a send the outcome is unknown
  6  check found problems; status found no receipt or a failed delivery`;

/** A failure the CLI itself detects, with the exit code it means. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string
  ) {
    super(message);
  }
}
