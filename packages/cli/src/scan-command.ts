import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { classifyFindings, ConfigurationError, expandGlobs, UNMATCHED_PATTERN_MESSAGE, loadConfig, parseFailOn, toRepoPath, type Finding, type InputError, type ScanProgress } from '@devsecops/core';

import type { CliIo } from './main.js';
import { emitReport, OUTPUT_OPTIONS, parseFormat, stderrLogger } from './output.js';
import { SCANNERS } from './scanners.js';

/** Scanner settings that have their own flag; `--setting NAME=VALUE` passes any other. */
const SETTING_FLAGS = ['mode', 'base', 'head', 'frameworks'] as const;

/** Runs `devsecops scan`: the scanner actions' engines on a local folder. */
export async function runScan(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...OUTPUT_OPTIONS,
      only: { type: 'string' },
      engines: { type: 'string' },
      'report-files': { type: 'string', multiple: true },
      setting: { type: 'string', multiple: true },
      progress: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
      ...Object.fromEntries(SETTING_FLAGS.map((flag) => [flag, { type: 'string' as const }]))
    }
  });

  const format = parseFormat(values.format as string | undefined);
  if (positionals.length > 1) {
    throw new ConfigurationError(`scan takes one PATH, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  const categories = selectCategories(values.only as string | undefined);
  const target = path.resolve(io.cwd, positionals[0] ?? '.');
  const workspace = resolveWorkspace(values.workspace as string | undefined, target, io.cwd);
  if (target !== workspace && toRepoPath(workspace, target) === undefined) {
    throw new ConfigurationError(`PATH "${positionals[0]}" is outside the workspace ${workspace}; pass a --workspace that contains it`);
  }

  const config = await loadConfig({ workspace, file: values.config as string | undefined });
  const failOn = values['fail-on'] !== undefined ? parseFailOn(values['fail-on'] as string, '--fail-on') : (config.failOn ?? 'high');
  const logger = stderrLogger(io);
  const globs = expandGlobs((values['report-files'] as string[] | undefined) ?? [], io.cwd, workspace);
  const settings = scannerSettings(values);
  const showProgress = values['no-progress'] ? false : ((values.progress as boolean | undefined) ?? (io.stderr as { isTTY?: boolean }).isTTY === true);

  const findings: Finding[] = [];
  const errors: InputError[] = [...globs.unmatched.map((pattern) => ({ file: pattern, message: UNMATCHED_PATTERN_MESSAGE })), ...globs.rejected];
  const warnings: string[] = [];
  for (const category of categories) {
    const scanner = await SCANNERS[category]();
    const result = await scanner.scan({
      workspace,
      target,
      config,
      logger,
      engines: values.engines ? (values.engines as string).split(',').map((name) => name.trim()) : undefined,
      reportFiles: globs.files,
      settings,
      onProgress: showProgress ? progressLine(io, category) : undefined
    });
    if (showProgress) {
      io.stderr.write('\r\u001b[2K');
    }
    findings.push(...result.findings);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
  }

  const report = classifyFindings(findings, { workspace, config, failOn, context: { serverUrl: 'https://github.com' }, logger, errors, warnings });
  return emitReport(report, { format, output: values.output as string | undefined, color: values.color as boolean | undefined, noColor: values['no-color'] as boolean | undefined }, io);
}

/**
 * Returns the repository root that finding paths are relative to: --workspace when given,
 * else the current directory when PATH is inside it, else PATH itself (or its folder, for a
 * file), so `devsecops scan ../other-repo` reports paths relative to that repository.
 */
function resolveWorkspace(option: string | undefined, target: string, cwd: string): string {
  if (option !== undefined) {
    return path.resolve(cwd, option);
  }
  if (target === cwd || toRepoPath(cwd, target) !== undefined) {
    return cwd;
  }
  return existsSync(target) && statSync(target).isFile() ? path.dirname(target) : target;
}

function selectCategories(only: string | undefined): string[] {
  const available = Object.keys(SCANNERS);
  if (available.length === 0) {
    throw new ConfigurationError('no scanner is built into this version');
  }
  if (!only) {
    return available;
  }
  const requested = only.split(',').map((name) => name.trim());
  for (const name of requested) {
    if (!available.includes(name)) {
      throw new ConfigurationError(`--only "${name}" is not one of ${available.join(', ')}`);
    }
  }
  return requested;
}

function scannerSettings(values: Record<string, unknown>): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = {};
  for (const flag of SETTING_FLAGS) {
    settings[flag] = values[flag] as string | undefined;
  }
  for (const entry of (values.setting as string[] | undefined) ?? []) {
    const separator = entry.indexOf('=');
    if (separator <= 0) {
      throw new ConfigurationError(`--setting "${entry}" is not NAME=VALUE`);
    }
    settings[entry.slice(0, separator)] = entry.slice(separator + 1);
  }
  return settings;
}

/** Rewrites one status line on standard error at most ten times a second. */
function progressLine(io: CliIo, category: string): (progress: ScanProgress) => void {
  let last = 0;
  return (progress) => {
    const now = Date.now();
    if (now - last < 100) {
      return;
    }
    last = now;
    const megabytes = (progress.bytes / 1e6).toFixed(1);
    io.stderr.write(`\r\u001b[2K${category}: ${progress.files} files, ${megabytes} MB`);
  };
}
