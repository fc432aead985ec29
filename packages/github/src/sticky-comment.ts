import type { Logger } from '@devsecops/core';

import type { GitHubClient } from './client.js';
import { COMMENT_BODY_LIMIT, fitCharacters } from './text-limits.js';

export type CommentMode = 'auto' | 'always' | 'never';

/** The login GitHub shows for comments written with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface UpsertStickyCommentOptions {
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** Pull request or issue number. */
  issueNumber: number;
  /** Tells apart several sticky comments on one pull request, such as one per workflow. */
  key: string;
  body: string;
  /**
   * `always` creates or updates; `auto` creates only when `hasNewFindings` but always
   * updates an existing comment, so a fixed pull request shows the all-clear; `never` skips.
   */
  mode: CommentMode;
  hasNewFindings: boolean;
  logger: Logger;
  /** Preferred author when several comments carry the marker; defaults to the Actions bot. */
  authorLogin?: string;
}

export interface StickyCommentResult {
  id?: number;
  action: 'created' | 'updated' | 'skipped';
  url?: string;
}

/**
 * Replaces every character outside `[A-Za-z0-9._/-]` with `_`, so a key cannot close the
 * HTML comment early (`-->`) or smuggle Markdown into the marker. An empty key becomes
 * `default`.
 */
export function sanitizeCommentKey(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9._/-]/g, '_');
  return safe === '' ? 'default' : safe;
}

/** Returns the hidden HTML comment that identifies a sticky comment; it starts the body. */
export function commentMarker(key: string): string {
  return `<!-- devsecops-report:${sanitizeCommentKey(key)} -->`;
}

/**
 * Creates or updates the one comment on a pull request that carries this key's marker.
 * Only a comment by `authorLogin` (default `github-actions[bot]`) that contains the exact
 * marker is ever edited; when there are several, the first listed wins.
 */
export async function upsertStickyComment(options: UpsertStickyCommentOptions): Promise<StickyCommentResult> {
  const { octokit, owner, repo, issueNumber, mode, logger } = options;
  if (mode === 'never') {
    logger.info('Pull request comment skipped: comment mode is never');
    return { action: 'skipped' };
  }

  const marker = commentMarker(options.key);
  const existing = await findStickyComment({ ...options, marker });
  const body = buildBody(marker, options.body, logger);

  if (existing) {
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    logger.info(`Updated pull request comment ${existing.id} on #${issueNumber}`);
    return { id: updated.data.id, action: 'updated', url: updated.data.html_url };
  }

  if (mode === 'auto' && !options.hasNewFindings) {
    logger.info(`Pull request comment skipped: no new findings and no earlier comment on #${issueNumber}`);
    return { action: 'skipped' };
  }

  const created = await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
  logger.info(`Created pull request comment ${created.data.id} on #${issueNumber}`);
  return { id: created.data.id, action: 'created', url: created.data.html_url };
}

interface CommentSummary {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

async function findStickyComment(
  options: UpsertStickyCommentOptions & { marker: string }
): Promise<CommentSummary | undefined> {
  const { octokit, owner, repo, issueNumber, marker, logger } = options;
  const comments: CommentSummary[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100
  });

  const matching = comments.filter((comment) => comment.body?.includes(marker));
  if (matching.length > 1 && matching.filter((comment) => comment.user?.login === (options.authorLogin ?? ACTIONS_BOT_LOGIN)).length > 1) {
    logger.warning(`${matching.length} comments on #${issueNumber} carry ${marker}; updating one of them`);
  }
  // Only a comment this suite's own account wrote is edited: anyone can paste the marker into a
  // comment of theirs, and editing it would overwrite their words with ours.
  const author = options.authorLogin ?? ACTIONS_BOT_LOGIN;
  return matching.find((comment) => comment.user?.login === author);
}

function buildBody(marker: string, body: string, logger: Logger): string {
  const full = body.startsWith(marker) ? body : `${marker}\n${body}`;
  const fitted = fitCharacters(full, COMMENT_BODY_LIMIT, commentNotice);
  if (fitted.length !== full.length) {
    logger.warning(`Pull request comment was ${full.length} characters; cut to fit ${COMMENT_BODY_LIMIT}`);
  }
  return fitted;
}

function commentNotice(omitted: number): string {
  return `\n\n_${omitted} more characters not shown: GitHub limits a comment to ${COMMENT_BODY_LIMIT} characters. The workflow run has the full report._\n`;
}
