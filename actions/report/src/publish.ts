import { EOL } from 'node:os';

import {
  renderCheckSummary,
  renderCheckTitle,
  renderComment,
  renderJobSummary,
  toSarifLog,
  type FilterMode,
  type Finding,
  type Logger,
  type Report
} from '@devsecops/core';
import {
  createClient,
  commentMarker,
  emitWorkflowAnnotations,
  listChangedFiles,
  publishCheckRun,
  toAnnotation,
  uploadSarif,
  upsertStickyComment,
  writeJobSummary,
  type RunContext
} from '@devsecops/github';

import type { ReportSettings } from './inputs.js';

/** GitHub's limits on what one check run, comment and job summary may hold. */
const CHECK_OUTPUT_LIMIT = 65_535;
const COMMENT_LIMIT = 65_536;
const JOB_SUMMARY_LIMIT = 1_048_576;
/**
 * Most annotations one check run gets (20 requests of 50). The rest are counted in the
 * summary and kept in the report file; past this many, a reviewer reads the report.
 */
export const MAX_ANNOTATIONS = 1_000;
/** GitHub shows at most 10 workflow-command annotations of each level in a step. */
const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

export interface PublishResult {
  checkRunId?: number;
  commentId?: number;
  /** Posts that failed for a reason other than a read-only token. */
  failures: string[];
}

export interface Publisher {
  /** Whether a finding lies in the pull request's diff; undefined off pull requests. */
  inChange?: (finding: Finding) => boolean;
  publish(report: Report): Promise<PublishResult>;
}

interface PrepareOptions {
  settings: ReportSettings;
  context: RunContext;
  logger: Logger;
  filterMode: FilterMode;
}

export const publishToGitHub = {
  /** Creates the API client and, on a pull request, reads its changed lines. */
  async prepare({ settings, context, logger, filterMode }: PrepareOptions): Promise<Publisher> {
    const octokit = settings.token ? createClient({ token: settings.token, baseUrl: context.apiUrl, logger }) : undefined;
    let inChange: Publisher['inChange'];

    if (context.pullRequest && octokit) {
      const pullRequest = context.pullRequest;
      try {
        const changed = await listChangedFiles({ octokit, owner: context.owner, repo: context.repo, pullNumber: pullRequest.number, logger });
        logger.info(`Filter mode ${filterMode}: new findings are those ${describeFilterMode(filterMode)}.`);
        inChange = (finding) => changed.isFindingInDiff(finding, filterMode);
      } catch (error) {
        logger.error(`Could not list the files of pull request #${pullRequest.number}: ${errorMessage(error)}. Every finding counts as new.`);
        inChange = () => true;
      }
    }

    return {
      inChange,
      publish: (report) => publish({ settings, context, logger, report, octokit })
    };
  }
};

interface PublishOptions {
  settings: ReportSettings;
  context: RunContext;
  logger: Logger;
  report: Report;
  octokit?: ReturnType<typeof createClient>;
}

async function publish({ settings, context, logger, report, octokit }: PublishOptions): Promise<PublishResult> {
  const result: PublishResult = { failures: [] };
  const reportFile = settings.reportFile;

  await writeJobSummary({
    file: process.env.GITHUB_STEP_SUMMARY,
    markdown: renderJobSummary(report, { limit: JOB_SUMMARY_LIMIT, reportFile }),
    logger
  });

  if (!octokit) {
    logger.info('No github-token given: findings are shown as workflow annotations and in the job summary only.');
    emitFallbackAnnotations(report, logger);
    return result;
  }

  let forbidden = false;
  const annotated = annotatedFindings(report).filter(
    (finding) => finding.location?.startLine !== undefined
  );
  try {
    const checkRun = await publishCheckRun({
      octokit,
      owner: context.owner,
      repo: context.repo,
      name: settings.checkName,
      headSha: context.sha,
      conclusion: checkConclusion(report),
      title: renderCheckTitle(report),
      summary: renderCheckSummary(report, { limit: CHECK_OUTPUT_LIMIT, reportFile }),
      annotations: annotated
        .slice(0, MAX_ANNOTATIONS)
        .map(toAnnotation)
        .filter((annotation) => annotation !== undefined),
      logger
    });
    result.checkRunId = checkRun.id;
    if (annotated.length > MAX_ANNOTATIONS) {
      logger.info(`${annotated.length - MAX_ANNOTATIONS} finding(s) were not annotated; the full list is in ${reportFile}.`);
    }
  } catch (error) {
    const isForbidden = handlePostError(error, 'create the check run', logger);
    forbidden ||= isForbidden;
    recordFailure(result, isForbidden, 'create the check run');
  }

  if (context.pullRequest && settings.comment !== 'never') {
    try {
      const comment = await upsertStickyComment({
        octokit,
        owner: context.owner,
        repo: context.repo,
        issueNumber: context.pullRequest.number,
        key: settings.commentKey,
        authorLogin: settings.commentAuthor,
        body: renderComment(report, { limit: COMMENT_LIMIT, reportFile, marker: commentMarker(settings.commentKey) }),
        mode: settings.comment,
        // A change that only silences its findings is news to a reviewer too.
        hasNewFindings: report.newFindings.length > 0 || (report.suppressedInChange?.length ?? 0) > 0,
        logger
      });
      result.commentId = comment.id;
    } catch (error) {
      const isForbidden = handlePostError(error, 'write the summary comment', logger);
      forbidden ||= isForbidden;
      recordFailure(result, isForbidden, 'write the summary comment');
    }
  }

  if (forbidden) {
    logger.info('The token cannot write checks or comments (a pull request from a fork?): falling back to workflow annotations.');
    emitFallbackAnnotations(report, logger);
  }

  if (settings.codeScanning) {
    try {
      const upload = await uploadSarif({
        octokit,
        owner: context.owner,
        repo: context.repo,
        commitSha: process.env.GITHUB_SHA || context.sha,
        ref: process.env.GITHUB_REF || '',
        sarif: toSarifLog(report.findings),
        logger
      });
      logger.info(`Uploaded ${upload.ids.length} SARIF run(s) to code scanning.`);
    } catch (error) {
      recordFailure(result, handlePostError(error, 'upload to code scanning', logger), 'upload to code scanning');
    }
  }

  return result;
}

function describeFilterMode(mode: FilterMode): string {
  switch (mode) {
    case 'added':
      return 'on lines the pull request adds';
    case 'diff_context':
      return 'on lines of the diff hunks';
    case 'file':
      return 'in files the pull request changes';
    case 'nofilter':
      return 'anywhere';
  }
}

/** Logs a failed API call; returns true when it was a 403 that the fallback covers. */
function handlePostError(error: unknown, action: string, logger: Logger): boolean {
  if ((error as { status?: unknown } | undefined)?.status === 403) {
    logger.warning(`Could not ${action}: ${errorMessage(error)}`);
    return true;
  }
  logger.error(`Could not ${action}: ${errorMessage(error)}`);
  return false;
}

/** Records a failed post unless it was a 403, which the fallback covers; the rest fail the step. */
function recordFailure(result: PublishResult, forbidden: boolean, action: string): void {
  if (!forbidden) {
    result.failures.push(`could not ${action}`);
  }
}

/** Returns the findings a reviewer is shown on the code: new ones on a pull request, else every unsuppressed one. */
function annotatedFindings(report: Report): Finding[] {
  return report.context.pullRequest ? report.newFindings : report.findings.filter((finding) => !finding.suppression);
}

function emitFallbackAnnotations(report: Report, logger: Logger): void {
  const findings = annotatedFindings(report);
  const counts = emitWorkflowAnnotations({
    findings,
    write: (line) => process.stdout.write(line + EOL),
    maxPerLevel: WORKFLOW_ANNOTATIONS_PER_LEVEL
  });
  const notShown = counts.notShown.error + counts.notShown.warning + counts.notShown.notice;
  if (notShown > 0) {
    logger.info(`${notShown} finding(s) beyond GitHub's ${WORKFLOW_ANNOTATIONS_PER_LEVEL} annotations per level are listed in the job summary.`);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Returns the check's conclusion: failure on a failed policy or an unreadable input, neutral
 * when no SARIF file was read at all (a scanner step that wrote nothing is not a pass), and
 * success otherwise.
 */
export function checkConclusion(report: Report): 'failure' | 'neutral' | 'success' {
  if (report.policy.failed || report.errors.length > 0) {
    return 'failure';
  }
  return report.files.length === 0 ? 'neutral' : 'success';
}
