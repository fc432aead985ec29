import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ConfigurationError, renderJobSummary, renderJson, renderText, toSarifLog, type Logger, type Report } from '@devsecops/core';

import type { CliIo } from './main.js';

export const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Options shared by `devsecops report` and `devsecops scan`, in parseArgs form. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string', default: 'text' },
  output: { type: 'string' },
  'fail-on': { type: 'string' },
  workspace: { type: 'string' },
  config: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' }
} as const;

export function parseFormat(value: string | undefined): Format {
  const format = (value ?? 'text') as Format;
  if (!FORMATS.includes(format)) {
    throw new ConfigurationError(`--format "${value}" is not one of ${FORMATS.join(', ')}`);
  }
  return format;
}

export function render(report: Report, format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderJobSummary(report, { limit: Number.MAX_SAFE_INTEGER });
    case 'sarif':
      return `${JSON.stringify(toSarifLog(report.findings), null, 2)}\n`;
    case 'text':
      return renderText(report, { color });
  }
}

/** Writes the rendered report to `--output` or standard output and returns the exit status. */
export async function emitReport(
  report: Report,
  options: { format: Format; output?: string; color?: boolean; noColor?: boolean },
  io: CliIo
): Promise<number> {
  const color = options.noColor ? false : (options.color ?? (options.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR));
  const rendered = render(report, options.format, color);
  if (options.output) {
    const output = path.resolve(io.cwd, options.output);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, rendered);
  } else {
    io.stdout.write(rendered);
  }
  if (report.errors.length > 0) {
    return 2;
  }
  return report.policy.failed ? 1 : 0;
}

/**
 * Progress goes to standard error with DEVSECOPS_DEBUG=1, so standard output stays the report.
 * Warnings and errors are part of the report itself, so they are not repeated here.
 */
export function stderrLogger(io: CliIo): Logger {
  const verbose = io.env.DEVSECOPS_DEBUG === '1';
  const write = (prefix: string) => (message: string) => {
    if (verbose) io.stderr.write(`${prefix}${message}\n`);
  };
  return { debug: write('debug: '), info: write(''), warning: write('warning: '), error: write('error: ') };
}
