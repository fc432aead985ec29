import path from 'node:path';

import { ConfigurationError, type Finding, type Logger } from '@devsecops/core';
import { checkExitCode, findOnPath, installPipTool, runTool, TOOLS, type PipToolSpec } from '@devsecops/tools';

import { parseSastReport } from './report-files.js';

/** Folders Semgrep and Bandit are told to leave out, as the bundled engine does. */
const EXCLUDED_FOLDERS = ['node_modules', 'dist', '.git'];

export interface ToolRunOptions {
  workspace: string;
  target: string;
  logger: Logger;
  timeoutMs: number;
  /** Install the tool with pip (hash-pinned) when it is not on PATH. */
  install: boolean;
  /** Cache folder for installed tools; default: the tools package's. */
  cacheDir?: string;
  /** Process environment to look the executable up in; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export interface ToolRunResult {
  findings: Finding[];
  warnings: string[];
  /** The arguments the tool was run with, after the executable. */
  args: string[];
}

/** Returns the tool on PATH, else installs it when allowed, else throws a ConfigurationError saying how to get it. */
export async function locateTool(spec: PipToolSpec, options: ToolRunOptions): Promise<string> {
  const onPath = await findOnPath(spec.executable, options.env ?? process.env);
  if (onPath) {
    options.logger.info(`${spec.name}: using ${onPath} from PATH.`);
    return onPath;
  }
  if (!options.install) {
    throw new ConfigurationError(`${spec.name} is not on PATH; set install: true to install ${spec.name} ${spec.version} with pip, or install it in an earlier step`);
  }
  return installPipTool(spec, { logger: options.logger, cacheDir: options.cacheDir });
}

export interface SemgrepRunOptions extends ToolRunOptions {
  /** Registry packs and rule files, each passed as `--config`. */
  configs: string[];
  /** Commit to compare against; only findings new since it are reported. */
  baselineCommit?: string;
}

/**
 * Builds Semgrep's arguments: JSON on stdout, metrics and the version check off, each rule set
 * as `--config`, the baseline commit on pull requests, and the folders the suite never scans
 * excluded. `nosemgrep` comments are honoured because `--disable-nosem` is not passed.
 */
export function semgrepArguments(options: Pick<SemgrepRunOptions, 'workspace' | 'target' | 'configs' | 'baselineCommit' | 'timeoutMs'>): string[] {
  const args = ['scan', '--json', '--metrics=off', '--disable-version-check', '--quiet'];
  for (const config of options.configs) {
    args.push('--config', config);
  }
  if (options.baselineCommit) {
    args.push('--baseline-commit', options.baselineCommit);
  }
  for (const folder of EXCLUDED_FOLDERS) {
    args.push('--exclude', folder);
  }
  args.push('--timeout', '30', '--timeout-threshold', '3');
  args.push(relativeTarget(options.workspace, options.target));
  return args;
}

/** Runs Semgrep on the target and reads its JSON; exit status 0 and 1 (findings) are success. */
export async function runSemgrep(options: SemgrepRunOptions): Promise<ToolRunResult> {
  const executable = await locateTool(TOOLS.semgrep, options);
  const args = semgrepArguments(options);
  const result = checkExitCode(
    'semgrep',
    await runTool({
      command: executable,
      args,
      cwd: options.workspace,
      env: { SEMGREP_SEND_METRICS: 'off', SEMGREP_ENABLE_VERSION_CHECK: '0' },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      allowedExitCodes: [0, 1]
    }),
    [0, 1]
  );
  const report = parseSastReport(result.stdout, 'semgrep output', { workspace: options.workspace });
  return { findings: report.findings, warnings: report.warnings, args };
}

/** Builds Bandit's arguments: recursive, JSON on stdout, quiet, the suite's excluded folders left out. */
export function banditArguments(options: Pick<ToolRunOptions, 'workspace' | 'target'>): string[] {
  const target = relativeTarget(options.workspace, options.target);
  return ['-r', '-f', 'json', '-q', '-x', EXCLUDED_FOLDERS.map((folder) => `${target === '.' ? '.' : target}/${folder}`).join(','), target];
}

/** Runs Bandit on the target and reads its JSON; exit status 1 means findings, not failure. */
export async function runBandit(options: ToolRunOptions): Promise<ToolRunResult> {
  const executable = await locateTool(TOOLS.bandit, options);
  const args = banditArguments(options);
  const result = checkExitCode(
    'bandit',
    await runTool({ command: executable, args, cwd: options.workspace, timeoutMs: options.timeoutMs, logger: options.logger, allowedExitCodes: [0, 1] }),
    [0, 1]
  );
  const report = parseSastReport(result.stdout, 'bandit output', { workspace: options.workspace });
  return { findings: report.findings, warnings: report.warnings, args };
}

function relativeTarget(workspace: string, target: string): string {
  const relative = path.relative(path.resolve(workspace), path.resolve(workspace, target));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
