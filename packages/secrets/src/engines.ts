import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import type { Finding, Logger } from '@devsecops/core';
import { installBinaryTool, runTool, TOOLS } from '@devsecops/tools';

import { parseSecretReport } from './reports/adapters.js';
import type { SecretsSettings } from './settings.js';

export type ExternalEngine = 'gitleaks' | 'trufflehog';
export const EXTERNAL_ENGINES: readonly ExternalEngine[] = ['gitleaks', 'trufflehog'];

/** Returns the path of a tool's executable; the default installs the pinned, checksum-verified release. */
export type ToolResolver = (name: ExternalEngine, logger: Logger) => Promise<string>;

export const installPinnedTool: ToolResolver = (name, logger) => installBinaryTool(TOOLS[name], { logger });

export interface ExternalRun {
  workspace: string;
  /** Folder or file to scan. */
  target: string;
  settings: SecretsSettings;
  /** `git log` range in history mode, such as `base..head`. */
  range?: string;
  logger: Logger;
  resolveTool: ToolResolver;
  onSecret?: (secret: string) => void;
}

/** The command line of an engine for a scan, without the executable. */
export function engineArguments(engine: ExternalEngine, run: Pick<ExternalRun, 'target' | 'workspace' | 'settings' | 'range'>, reportPath: string): string[] {
  const { mode } = run.settings;
  if (engine === 'gitleaks') {
    const common = ['--report-format', 'json', '--report-path', reportPath, '--exit-code', '0', '--no-banner', '--log-level', 'warn'];
    if (mode === 'files') {
      return ['dir', run.target, ...common];
    }
    if (mode === 'staged') {
      return ['git', run.workspace, '--staged', ...common];
    }
    return ['git', run.workspace, `--log-opts=${run.range ?? 'HEAD'}`, ...common];
  }
  const common = ['--json', '--no-update', '--no-verification'];
  if (mode === 'files') {
    return ['filesystem', run.target, ...common];
  }
  const [base, head] = (run.range ?? 'HEAD').includes('..') ? (run.range ?? '').split('..') : [undefined, run.range];
  return ['git', `file://${run.workspace}`, ...(base ? [`--since-commit=${base}`] : []), ...(head && head !== 'HEAD' ? [`--branch=${head}`] : []), ...common];
}

/**
 * Runs gitleaks or TruffleHog with the settings' timeout and parses its report with the
 * report adapters, so the secrets are redacted exactly as for report files. The raw report
 * is read from a private temporary folder that is deleted afterwards.
 */
export async function runExternalEngine(engine: ExternalEngine, run: ExternalRun): Promise<{ findings: Finding[]; warnings: string[] }> {
  const executable = await run.resolveTool(engine, run.logger);
  const folder = await mkdtemp(path.join(os.tmpdir(), `devsecops-${engine}-`));
  try {
    const reportPath = path.join(folder, 'report.json');
    const args = engineArguments(engine, run, reportPath);
    const result = await runTool({ command: executable, args, cwd: run.workspace, timeoutMs: run.settings.toolTimeoutMs, logger: run.logger, maxOutputBytes: 512 * 1024 * 1024 });
    if (result.timedOut) {
      throw new Error(`${engine} timed out after ${run.settings.toolTimeoutMs / 1000} s; raise secrets.tool-timeout in the config file.`);
    }
    if (result.exitCode !== 0) {
      throw new Error(`${engine} failed with exit code ${result.exitCode ?? result.signal}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
    const text = engine === 'gitleaks' ? await readFile(reportPath, 'utf8').catch(() => '') : result.stdout;
    const parsed = parseSecretReport(text, `${engine} output`, run.workspace, run.onSecret);
    return { findings: parsed.findings, warnings: parsed.warnings };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
