import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  aggregate,
  ConfigurationError,
  expandGlobs,
  formatBaseline,
  loadConfig,
  parseFailOn,
  readBaseline,
  renderJobSummary,
  renderJson,
  renderText,
  toSarifLog,
  type InputError,
  type Logger,
  type Report
} from '@devsecops/core';

import type { CliIo } from './main.js';

const FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Runs `devsecops report`: the same aggregation as the report action, printed locally. */
export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      output: { type: 'string' },
      'fail-on': { type: 'string' },
      workspace: { type: 'string' },
      config: { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' }
    }
  });

  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    throw new ConfigurationError(`--format "${values.format}" is not one of ${FORMATS.join(', ')}`);
  }
  if (positionals.length === 0) {
    throw new ConfigurationError('no SARIF file given; usage: devsecops report [options] FILE...');
  }

  const workspace = path.resolve(io.cwd, values.workspace ?? '.');
  const config = await loadConfig({ workspace, file: values.config });
  const failOn = values['fail-on'] !== undefined ? parseFailOn(values['fail-on'], '--fail-on') : (config.failOn ?? 'high');
  const baseline = values.baseline ? await readBaseline(path.resolve(io.cwd, values.baseline)) : undefined;

  const globs = expandGlobs(positionals, io.cwd);
  const errors: InputError[] = globs.unmatched.map((pattern) => ({ file: pattern, message: 'no such file, or no file matches the pattern' }));

  const report = await aggregate({
    files: globs.files,
    workspace,
    config,
    failOn,
    baseline,
    context: { serverUrl: 'https://github.com' },
    logger: stderrLogger(io),
    errors
  });

  const color = values['no-color'] ? false : (values.color ?? (values.output === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR));
  const rendered = render(report, format, color);
  if (values.output) {
    const output = path.resolve(io.cwd, values.output);
    await mkdir(path.dirname(output), { recursive: true });
    await writeFile(output, rendered);
  } else {
    io.stdout.write(rendered);
  }
  if (values['write-baseline']) {
    await writeFile(path.resolve(io.cwd, values['write-baseline']), formatBaseline(report.findings));
  }

  if (report.errors.length > 0) {
    return 2;
  }
  return report.policy.failed ? 1 : 0;
}

function render(report: Report, format: Format, color: boolean): string {
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

/**
 * Progress goes to standard error with DEVSECOPS_DEBUG=1, so standard output stays the report.
 * Warnings and errors are part of the report itself, so they are not repeated here.
 */
function stderrLogger(io: CliIo): Logger {
  const verbose = io.env.DEVSECOPS_DEBUG === '1';
  return {
    debug: (message) => {
      if (verbose) io.stderr.write(`debug: ${message}\n`);
    },
    info: (message) => {
      if (verbose) io.stderr.write(`${message}\n`);
    },
    warning: (message) => {
      if (verbose) io.stderr.write(`warning: ${message}\n`);
    },
    error: (message) => {
      if (verbose) io.stderr.write(`error: ${message}\n`);
    }
  };
}
