/**
 * A problem with what the user supplied: an input, a config file or a report. Its message
 * quotes the bad value and states what was expected. Anything else thrown is a bug.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** A report file that cannot be read. The message names the file and the place in it. */
export class ReportError extends Error {
  override name = 'ReportError';
  constructor(
    readonly file: string,
    readonly detail: string
  ) {
    super(`${file}: ${detail}`);
  }
}
