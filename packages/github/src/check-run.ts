import type { Finding, Logger, Severity } from '@devsecops/core';

import type { GitHubClient } from './client.js';
import {
  ANNOTATION_TEXT_BYTE_LIMIT,
  ANNOTATION_TITLE_LIMIT,
  CHECK_RUN_TEXT_LIMIT,
  fitCharacters,
  fitUtf8Bytes
} from './text-limits.js';

/** The Checks API accepts at most this many annotations in one request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export type CheckConclusion =
  | 'success'
  | 'failure'
  | 'neutral'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required';

/** One check run annotation, in the shape the Checks API takes. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  /** Sent only when `start_line === end_line`, as the API requires. */
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title: string;
  raw_details?: string;
}

const LEVEL_BY_SEVERITY: Record<Severity, AnnotationLevel> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice'
};

export function annotationLevel(severity: Severity): AnnotationLevel {
  return LEVEL_BY_SEVERITY[severity];
}

/**
 * Builds the check run annotation for a finding, or undefined when the finding has no file
 * path (a DAST finding about a URL). A finding with a path but no line is placed on line 1,
 * because the API requires a line.
 */
export function toAnnotation(finding: Finding): CheckAnnotation | undefined {
  const location = finding.location;
  if (!location?.path) return undefined;

  const startLine = positive(location.startLine) ?? 1;
  const endLine = Math.max(positive(location.endLine) ?? startLine, startLine);
  const annotation: CheckAnnotation = {
    path: location.path,
    start_line: startLine,
    end_line: endLine,
    annotation_level: annotationLevel(finding.severity),
    message: fitUtf8Bytes(finding.message || finding.rule.id, ANNOTATION_TEXT_BYTE_LIMIT, annotationNotice),
    title: annotationTitle(finding)
  };

  const startColumn = positive(location.startColumn);
  if (startLine === endLine && startColumn !== undefined) {
    annotation.start_column = startColumn;
    const endColumn = positive(location.endColumn);
    if (endColumn !== undefined && endColumn >= startColumn) annotation.end_column = endColumn;
  }

  const details = rawDetails(finding);
  if (details) annotation.raw_details = fitUtf8Bytes(details, ANNOTATION_TEXT_BYTE_LIMIT, annotationNotice);
  return annotation;
}

export interface PublishCheckRunOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  /** Markdown, at most 65,535 characters; longer text is cut with a notice. */
  summary: string;
  text?: string;
  annotations: CheckAnnotation[];
  logger: Logger;
  detailsUrl?: string;
}

export interface PublishedCheckRun {
  id: number;
  url: string;
  annotationsSent: number;
  /** API requests made: one create plus one update per further batch of 50. */
  requests: number;
}

/**
 * Creates one completed check run and attaches every annotation, 50 a request.
 *
 * The run is created with `status: completed` and its conclusion in the first request,
 * which also carries the first 50 annotations. Each update appends the next 50, because
 * GitHub appends annotations on update, to a completed run too. Creating it completed means an
 * error midway leaves a finished run with some annotations, never one stuck in progress.
 * Every workflow run, re-runs included, creates a new check run: GitHub keeps one check run
 * per run attempt, so nothing here looks for an earlier one to update.
 */
export async function publishCheckRun(options: PublishCheckRunOptions): Promise<PublishedCheckRun> {
  const { octokit, owner, repo, logger, annotations } = options;
  const output = {
    title: options.title,
    summary: fitCharacters(options.summary, CHECK_RUN_TEXT_LIMIT, checkRunNotice),
    ...(options.text !== undefined ? { text: fitCharacters(options.text, CHECK_RUN_TEXT_LIMIT, checkRunNotice) } : {})
  };
  if (output.summary.length !== options.summary.length) {
    logger.warning(`Check run summary was ${options.summary.length} characters; cut to fit ${CHECK_RUN_TEXT_LIMIT}`);
  }
  if (options.text !== undefined && output.text?.length !== options.text.length) {
    logger.warning(`Check run text was ${options.text.length} characters; cut to fit ${CHECK_RUN_TEXT_LIMIT}`);
  }

  const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
  const created = await octokit.rest.checks.create({
    owner,
    repo,
    name: options.name,
    head_sha: options.headSha,
    status: 'completed',
    conclusion: options.conclusion,
    completed_at: new Date().toISOString(),
    ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    output: { ...output, annotations: batches[0] ?? [] }
  });
  const id = created.data.id;
  let annotationsSent = batches[0]?.length ?? 0;
  let requests = 1;
  logger.info(`Created check run "${options.name}" (${id}) with conclusion ${options.conclusion}`);

  for (const batch of batches.slice(1)) {
    try {
      await octokit.rest.checks.update({ owner, repo, check_run_id: id, output: { ...output, annotations: batch } });
    } catch (error) {
      logger.error(`Check run ${id}: sending annotations failed after ${annotationsSent} of ${annotations.length}`);
      throw error;
    }
    annotationsSent += batch.length;
    requests += 1;
  }
  logger.info(`Check run ${id}: sent ${annotationsSent} annotations in ${requests} requests`);

  return { id, url: created.data.html_url ?? '', annotationsSent, requests };
}

function annotationTitle(finding: Finding): string {
  const { id, name } = finding.rule;
  const title = name && name !== id ? `${id}: ${name}` : id;
  return title.length <= ANNOTATION_TITLE_LIMIT ? title : `${title.slice(0, ANNOTATION_TITLE_LIMIT - 1)}…`;
}

/** Plain-text facts shown under "Raw details": the tools, identifiers and fingerprint. */
function rawDetails(finding: Finding): string {
  const lines: string[] = [`Severity: ${finding.severity}`];
  if (finding.tools.length > 0) lines.push(`Reported by: ${finding.tools.join(', ')}`);
  if (finding.cwes.length > 0) lines.push(`CWE: ${finding.cwes.join(', ')}`);
  if (finding.vulnerabilityIds.length > 0) lines.push(`Advisories: ${finding.vulnerabilityIds.join(', ')}`);
  if (finding.package) {
    const { name, version, fixedVersion } = finding.package;
    lines.push(`Package: ${name}${version ? `@${version}` : ''}${fixedVersion ? ` (fixed in ${fixedVersion})` : ''}`);
  }
  if (finding.rule.helpUri) lines.push(`Help: ${finding.rule.helpUri}`);
  if (finding.fingerprint) lines.push(`Fingerprint: ${finding.fingerprint}`);
  return lines.join('\n');
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function chunk<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let index = 0; index < items.length; index += size) batches.push(items.slice(index, index + size));
  return batches;
}

function checkRunNotice(omitted: number): string {
  return `\n\n_${omitted} more characters not shown: GitHub limits check run output to ${CHECK_RUN_TEXT_LIMIT} characters._\n`;
}

function annotationNotice(omitted: number): string {
  return `\n[${omitted} more bytes not shown: GitHub limits annotation text to 64 KB]`;
}
