import path from 'node:path';
import { parseArgs } from 'node:util';

import { aggregate, ConfigurationError, expandGlobs, UNMATCHED_PATTERN_MESSAGE, formatBaseline, loadConfig, parseFailOn, readBaseline, type InputError } from '@devsecops/core';
import { writeFile } from 'node:fs/promises';

import type { CliIo } from './main.js';
import { emitReport, OUTPUT_OPTIONS, parseFormat, stderrLogger } from './output.js';

/** Runs `devsecops report`: the same aggregation as the report action, printed locally. */
export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' }
    }
  });

  const format = parseFormat(values.format);
  if (positionals.length === 0) {
    throw new ConfigurationError('no SARIF file given; usage: devsecops report [options] FILE...');
  }

  const workspace = path.resolve(io.cwd, values.workspace ?? '.');
  const config = await loadConfig({ workspace, file: values.config });
  const failOn = values['fail-on'] !== undefined ? parseFailOn(values['fail-on'], '--fail-on') : (config.failOn ?? 'high');
  const baseline = values.baseline ? await readBaseline(path.resolve(io.cwd, values.baseline)) : undefined;

  const globs = expandGlobs(positionals, io.cwd, workspace);
  const errors: InputError[] = [...globs.unmatched.map((pattern) => ({ file: pattern, message: UNMATCHED_PATTERN_MESSAGE })), ...globs.rejected];

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

  if (values['write-baseline']) {
    await writeFile(path.resolve(io.cwd, values['write-baseline']), formatBaseline(report.findings));
  }
  return emitReport(report, { format, output: values.output, color: values.color, noColor: values['no-color'] }, io);
}
