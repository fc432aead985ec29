import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import * as core from '@actions/core';
import {
  aggregate,
  expandGlobs,
  UNMATCHED_PATTERN_MESSAGE,
  loadConfig,
  readBaseline,
  renderJson,
  renderJobSummary,
  type InputError,
  type Logger,
  type Report
} from '@devsecops/core';
import { actionLogger, readRunContext, type RunContext } from '@devsecops/github';

import { readSettings, type ReportSettings } from './inputs.js';
import { checkConclusion, publishToGitHub, type PublishResult } from './publish.js';

/** Runs the report action; any error fails the step with one line naming the action. */
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const context = readRunContext();
    await report(settings, context, actionLogger());
  } catch (error) {
    core.setFailed(`devsecops report: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function report(settings: ReportSettings, context: RunContext, logger: Logger): Promise<void> {
  const config = await loadConfig({ workspace: settings.workspace, file: settings.configFile });
  const failOn = settings.failOn ?? config.failOn ?? 'high';
  const filterMode = settings.filterMode ?? config.filterMode ?? 'added';
  const baseline = settings.baseline ? await readBaseline(settings.baseline) : undefined;

  const globs = expandGlobs(settings.sarifPatterns, settings.workspace, settings.workspace);
  const errors: InputError[] = [...globs.rejected];
  const warnings: string[] = [];
  for (const pattern of globs.unmatched) {
    if (settings.sarifPatterns.length === 1 && pattern === settings.sarifPatterns[0] && !core.getInput('sarif')) {
      const warning = `No SARIF files found under ${pattern}: did the scanner steps run? The check is neutral.`;
      logger.warning(warning);
      warnings.push(warning);
    } else {
      errors.push({ file: pattern, message: UNMATCHED_PATTERN_MESSAGE });
    }
  }
  logger.info(`Reading ${globs.files.length} SARIF file(s).`);

  const publisher = await publishToGitHub.prepare({ settings, context, logger, filterMode });
  const result = await aggregate({
    files: globs.files,
    workspace: settings.workspace,
    config,
    failOn,
    baseline,
    inChange: publisher.inChange,
    context: { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}`, sha: context.sha, pullRequest: context.pullRequest?.number, eventName: context.eventName },
    logger,
    errors,
    warnings
  });
  logger.info(`${result.findings.length} findings after deduplication: ${result.newFindings.length} new, ${result.existingFindings.length} existing, ${result.suppressedFindings.length} suppressed.`);

  await writeReportFiles(settings.reportFile, result);
  const published = await publisher.publish(result);
  setOutputs(settings, result, published);

  if (result.errors.length > 0) {
    core.setFailed(`${result.errors.length} input(s) could not be read: ${result.errors.map((error) => error.file).join(', ')}`);
  } else if (published.failures.length > 0) {
    core.setFailed(`The report was written to ${settings.reportFile}, but the action ${published.failures.join(' and ')}.`);
  } else if (result.policy.failed) {
    core.setFailed(result.policy.reason);
  } else {
    logger.info(result.policy.reason);
  }
}

/** Writes the full report first, so a failure to post never loses the results. */
async function writeReportFiles(reportFile: string, result: Report): Promise<void> {
  await mkdir(path.dirname(reportFile), { recursive: true });
  await writeFile(reportFile, renderJson(result));
  await writeFile(markdownPath(reportFile), renderJobSummary(result, { limit: Number.MAX_SAFE_INTEGER }));
}

export function markdownPath(reportFile: string): string {
  return reportFile.endsWith('.json') ? `${reportFile.slice(0, -'.json'.length)}.md` : `${reportFile}.md`;
}

function setOutputs(settings: ReportSettings, result: Report, published: PublishResult): void {
  const total = Object.values(result.counts).reduce((sum, count) => sum + count, 0);
  core.setOutput('findings', total);
  core.setOutput('new-findings', result.newFindings.length);
  for (const [severity, count] of Object.entries(result.counts)) {
    core.setOutput(severity, count);
  }
  core.setOutput('suppressed', result.suppressedFindings.length);
  core.setOutput('conclusion', checkConclusion(result));
  core.setOutput('check-run-id', published.checkRunId ?? '');
  core.setOutput('comment-id', published.commentId ?? '');
  core.setOutput('report-file', settings.reportFile);
}

