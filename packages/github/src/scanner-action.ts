import path from 'node:path';

import * as core from '@actions/core';
import {
  classifyFindings,
  ConfigurationError,
  expandGlobs,
  UNMATCHED_PATTERN_MESSAGE,
  loadConfig,
  parseFailOn,
  renderJobSummary,
  toRepoPath,
  writeSarifFile,
  type InputError,
  type Report,
  type Scanner
} from '@devsecops/core';

import { actionLogger } from './action-logger.js';
import { writeJobSummary } from './job-summary.js';

/** Share of the 1 MiB job summary one scanner step may use, leaving room for the report step. */
const SCANNER_SUMMARY_BYTES = 256 * 1024;

export interface ScannerActionOptions {
  /** Action name, used for the default SARIF path `${RUNNER_TEMP}/devsecops/<action>.sarif`. */
  action: string;
  scanner: Scanner;
  /** Action-specific inputs passed to the scanner as settings, such as `mode` or `frameworks`. */
  settingInputs: string[];
}

/** Common inputs of every scanner action, parsed once. */
export interface ScannerActionSettings {
  workspace: string;
  target: string;
  configFile?: string;
  engines?: string[];
  reportPatterns: string[];
  sarifFile: string;
  failOn: ReturnType<typeof parseFailOn>;
  settings: Record<string, string | undefined>;
}

/**
 * Runs one scanner action: reads the common inputs, runs the scanner, writes its SARIF for the
 * report action, sets the outputs and fails the step on unreadable input or on findings at or
 * above `fail-on`. Any thrown value fails the step with one line naming the action.
 */
export async function runScannerAction(options: ScannerActionOptions): Promise<void> {
  try {
    const settings = readScannerSettings(options);
    const report = await scanAndReport(options, settings);
    if (report.errors.length > 0) {
      core.setFailed(`${report.errors.length} engine(s) or report(s) failed: ${report.errors.map((error) => `${error.file}: ${error.message}`).join('; ')}`);
    } else if (report.policy.failed) {
      core.setFailed(report.policy.reason);
    }
  } catch (error) {
    core.setFailed(`devsecops ${options.action}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readScannerSettings(options: ScannerActionOptions, env: NodeJS.ProcessEnv = process.env): ScannerActionSettings {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const runnerTemp = env.RUNNER_TEMP || path.join(workspace, '..', 'tmp');
  const targetInput = core.getInput('path') || '.';
  if (toRepoPath(workspace, targetInput) === undefined && path.resolve(workspace, targetInput) !== workspace) {
    throw new ConfigurationError(`input "path": "${targetInput}" is outside the workspace ${workspace}`);
  }
  const enginesInput = core.getInput('engines');
  const configInput = core.getInput('config');
  const settings: ScannerActionSettings = {
    workspace,
    target: path.resolve(workspace, targetInput),
    configFile: configInput && configInput !== '.github/devsecops.yml' ? configInput : undefined,
    engines: enginesInput ? splitList(enginesInput) : undefined,
    reportPatterns: core.getMultilineInput('report-files'),
    sarifFile: path.resolve(workspace, core.getInput('sarif-file') || path.join(runnerTemp, 'devsecops', `${options.action}.sarif`)),
    failOn: parseFailOn(core.getInput('fail-on') || 'none', 'fail-on'),
    settings: Object.fromEntries(options.settingInputs.map((name) => [name, core.getInput(name) || undefined]))
  };
  for (const [name, value] of Object.entries(settings)) {
    core.debug(`${name}: ${JSON.stringify(value)}`);
  }
  return settings;
}

async function scanAndReport(options: ScannerActionOptions, settings: ScannerActionSettings): Promise<Report> {
  const logger = actionLogger();
  const config = await loadConfig({ workspace: settings.workspace, file: settings.configFile });
  const globs = expandGlobs(settings.reportPatterns, settings.workspace, settings.workspace);
  const errors: InputError[] = [...globs.unmatched.map((pattern) => ({ file: pattern, message: UNMATCHED_PATTERN_MESSAGE })), ...globs.rejected];

  const started = Date.now();
  core.startGroup(`Scanning ${toRepoPath(settings.workspace, settings.target) ?? '.'} (${options.scanner.category})`);
  let result;
  try {
    result = await options.scanner.scan({
      workspace: settings.workspace,
      target: settings.target,
      config,
      logger,
      engines: settings.engines,
      reportFiles: globs.files,
      settings: settings.settings,
      mask: (value) => core.setSecret(value)
    });
  } finally {
    core.endGroup();
  }
  logger.info(`${options.scanner.category}: ${result.engines.join(', ') || 'no engine'} ran in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.findings.length} finding(s); ${formatStats(result.stats)}`);

  const report = classifyFindings(result.findings, {
    workspace: settings.workspace,
    config,
    failOn: settings.failOn,
    context: { serverUrl: process.env.GITHUB_SERVER_URL || 'https://github.com', repository: process.env.GITHUB_REPOSITORY, sha: process.env.GITHUB_SHA },
    logger,
    errors: [...errors, ...result.errors],
    warnings: result.warnings
  });

  await writeSarifFile(settings.sarifFile, report.findings, { toolName: `devsecops-${options.action}` });
  logger.info(`SARIF written to ${settings.sarifFile}.`);
  await writeJobSummary({
    file: process.env.GITHUB_STEP_SUMMARY,
    markdown: renderJobSummary(report, { limit: SCANNER_SUMMARY_BYTES, title: `DevSecOps ${options.action}`, reportFile: settings.sarifFile }),
    logger
  });

  const total = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
  core.setOutput('sarif-file', settings.sarifFile);
  core.setOutput('findings', total);
  for (const [severity, count] of Object.entries(report.counts)) {
    core.setOutput(severity, count);
  }
  core.setOutput('suppressed', report.suppressedFindings.length);
  return report;
}

function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function formatStats(stats: Record<string, number>): string {
  const entries = Object.entries(stats);
  return entries.length === 0 ? 'no statistics' : entries.map(([name, value]) => `${name} ${value}`).join(', ');
}
