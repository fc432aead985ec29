import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

import type { EmulatedRoute, Operation } from './openapi.js';
import { paginate } from './pagination.js';
import { errorReply, invalidRequest, notFound, validationFailed, type Reply } from './replies.js';
import {
  annotationRepresentation,
  checkRunRepresentation,
  commentRepresentation,
  pullFileRepresentation,
  timestamp,
  userType,
  type Annotation,
  type EmulatorState,
  type StoredCheckRun
} from './state.js';

/** GitHub lists at most 3,000 files of a pull request. */
export const MAX_PULL_FILES = 3000;
/** Maximum length of an issue comment body, in characters. */
export const MAX_COMMENT_CHARACTERS = 65536;
/** GitHub's documented limit on check run output summary and text (the OpenAPI maxLength). */
export const MAX_CHECK_OUTPUT_CHARACTERS = 65535;
/** GitHub's documented limit on a SARIF upload after gzip: 10 MB, taken here as 10 MiB. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;
/** Decompression stops here, so a gzip bomb fails the upload instead of the test process. */
const MAX_SARIF_JSON_BYTES = 512 * 1024 * 1024;

export interface HandlerContext {
  state: EmulatorState;
  operation: Operation;
  /** Path and query parameters, coerced to their schema types and with schema defaults applied. */
  params: Record<string, unknown>;
  /** The parsed JSON body, already validated against the operation's request schema. */
  body: Record<string, unknown>;
  requestUrl: URL;
  /** Login of the user the token acts as. */
  login: string;
}

type Handler = (context: HandlerContext) => Reply;

/** "METHOD template" for each emulated route, so HANDLERS must cover exactly those routes. */
export type RouteKey = EmulatedRoute extends infer Route
  ? Route extends EmulatedRoute
    ? `${Route['method']} ${Route['template']}`
    : never
  : never;

export const HANDLERS: Record<RouteKey, Handler> = {
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': listPullFiles,
  'POST /repos/{owner}/{repo}/check-runs': createCheckRun,
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}': getCheckRun,
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': updateCheckRun,
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': listAnnotations,
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': listCheckRunsForRef,
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': listComments,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': createComment,
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': updateComment,
  'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': deleteComment,
  'POST /repos/{owner}/{repo}/code-scanning/sarifs': uploadSarif
};

function pagedReply(status: number, body: unknown, link: string | undefined): Reply {
  return link === undefined ? { status, body } : { status, body, headers: { link } };
}

function listPullFiles({ state, params, requestUrl }: HandlerContext): Reply {
  const pullNumber = params.pull_number as number;
  const files = state.pullFiles[pullNumber];
  if (files === undefined) {
    return notFound();
  }

  const visible = files.slice(0, MAX_PULL_FILES);
  const page = paginate(visible, params, requestUrl);
  return pagedReply(200, page.items.map((file) => pullFileRepresentation(state, pullNumber, file)), page.link);
}

function createCheckRun({ state, operation, body }: HandlerContext): Reply {
  const rejection = checkConclusionGiven(body, operation) ?? checkOutputBytes(body, operation);
  if (rejection !== undefined) {
    return rejection;
  }

  const now = timestamp();
  const run: StoredCheckRun = {
    id: state.allocateCheckRunId(),
    name: body.name as string,
    head_sha: body.head_sha as string,
    status: 'queued',
    started_at: now,
    output: { annotations: [] }
  };
  applyCheckRunChanges(run, body);
  state.checkRuns.push(run);
  return { status: 201, body: checkRunRepresentation(state, run) };
}

function getCheckRun({ state, params }: HandlerContext): Reply {
  const run = findCheckRun(state, params);
  return run === undefined ? notFound() : { status: 200, body: checkRunRepresentation(state, run) };
}

function updateCheckRun({ state, operation, params, body }: HandlerContext): Reply {
  const run = findCheckRun(state, params);
  if (run === undefined) {
    return notFound();
  }

  const rejection = checkOutputBytes(body, operation);
  if (rejection !== undefined) {
    return rejection;
  }

  applyCheckRunChanges(run, body);
  return { status: 200, body: checkRunRepresentation(state, run) };
}

function listAnnotations({ state, params, requestUrl }: HandlerContext): Reply {
  const run = findCheckRun(state, params);
  if (run === undefined) {
    return notFound();
  }

  const page = paginate(run.output.annotations, params, requestUrl);
  return pagedReply(200, page.items.map((annotation) => annotationRepresentation(state, run, annotation)), page.link);
}

/**
 * Lists check runs whose head_sha equals the ref. NOTE: the emulator has no branches or tags,
 * so a ref that is not a commit sha matches nothing.
 */
function listCheckRunsForRef({ state, params, requestUrl }: HandlerContext): Reply {
  let runs = state.checkRuns.filter((run) => run.head_sha === params.ref);
  if (params.check_name !== undefined) {
    runs = runs.filter((run) => run.name === params.check_name);
  }
  if (params.status !== undefined) {
    runs = runs.filter((run) => run.status === params.status);
  }
  if (params.filter === 'latest') {
    runs = runs.filter((run) => !runs.some((other) => other.name === run.name && other.id > run.id));
  }
  runs = [...runs].sort((left, right) => right.id - left.id);

  const page = paginate(runs, params, requestUrl);
  const body = { total_count: runs.length, check_runs: page.items.map((run) => checkRunRepresentation(state, run)) };
  return pagedReply(200, body, page.link);
}

function listComments({ state, params, requestUrl }: HandlerContext): Reply {
  const since = params.since === undefined ? undefined : Date.parse(params.since as string);
  const comments = state.comments.filter(
    (comment) => comment.issue_number === params.issue_number && (since === undefined || Date.parse(comment.updated_at) >= since)
  );

  const page = paginate(comments, params, requestUrl);
  return pagedReply(200, page.items.map((comment) => commentRepresentation(state, comment)), page.link);
}

function createComment({ state, operation, params, body, login }: HandlerContext): Reply {
  const text = body.body as string;
  const rejection = checkCommentLength(text, operation);
  if (rejection !== undefined) {
    return rejection;
  }

  const now = timestamp();
  const comment = {
    id: state.allocateCommentId(),
    issue_number: params.issue_number as number,
    body: text,
    user: { login, type: userType(login) },
    created_at: now,
    updated_at: now
  };
  state.comments.push(comment);
  const representation = commentRepresentation(state, comment);
  return { status: 201, body: representation, headers: { location: representation.url as string } };
}

function updateComment({ state, operation, params, body }: HandlerContext): Reply {
  const comment = state.comments.find((candidate) => candidate.id === params.comment_id);
  if (comment === undefined) {
    return notFound();
  }

  const text = body.body as string;
  const rejection = checkCommentLength(text, operation);
  if (rejection !== undefined) {
    return rejection;
  }

  comment.body = text;
  comment.updated_at = timestamp();
  return { status: 200, body: commentRepresentation(state, comment) };
}

function deleteComment({ state, params }: HandlerContext): Reply {
  const index = state.comments.findIndex((candidate) => candidate.id === params.comment_id);
  if (index === -1) {
    return notFound();
  }

  state.comments.splice(index, 1);
  return { status: 204 };
}

/**
 * Decodes and stores a SARIF upload. GitHub processes uploads later and reports SARIF errors on
 * the upload status. The emulator rejects undecodable data at once with 400, so the test fails.
 */
function uploadSarif({ state, operation, body }: HandlerContext): Reply {
  const encoded = body.sarif as string;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    return errorReply(400, 'Invalid request.\n\nThe sarif field is not valid base64.', operation.documentationUrl);
  }

  const gzipped = Buffer.from(encoded, 'base64');
  if (gzipped.length > MAX_SARIF_GZIP_BYTES) {
    // NOTE: GitHub documents the 413 status but not its message, so this wording is the emulator's.
    const message = `Payload Too Large: the sarif field is ${gzipped.length} bytes after gzip; the maximum is ${MAX_SARIF_GZIP_BYTES} bytes.`;
    return errorReply(413, message, operation.documentationUrl);
  }

  let sarif: unknown;
  try {
    sarif = JSON.parse(gunzipSync(gzipped, { maxOutputLength: MAX_SARIF_JSON_BYTES }).toString('utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return errorReply(400, `Invalid request.\n\nThe sarif field is not gzip-compressed JSON: ${reason}`, operation.documentationUrl);
  }
  if (sarif === null || typeof sarif !== 'object' || Array.isArray(sarif)) {
    return errorReply(400, 'Invalid request.\n\nThe sarif field does not contain a SARIF log object.', operation.documentationUrl);
  }

  const id = randomUUID();
  state.sarifUploads.push({
    id,
    commit_sha: body.commit_sha as string,
    ref: body.ref as string,
    sarif,
    category: sarifCategory(sarif),
    tool_name: body.tool_name as string | undefined,
    checkout_uri: body.checkout_uri as string | undefined
  });
  const { baseUrl, owner, repo } = state.context;
  return { status: 202, body: { id, url: `${baseUrl}/repos/${owner}/${repo}/code-scanning/sarifs/${id}` } };
}

function findCheckRun(state: EmulatorState, params: Record<string, unknown>): StoredCheckRun | undefined {
  return state.checkRuns.find((run) => run.id === params.check_run_id);
}

/**
 * Copies the fields of a create or update body onto a stored check run. Title, summary and text
 * replace the previous ones. Annotations are appended to those already stored, as GitHub does.
 */
function applyCheckRunChanges(run: StoredCheckRun, body: Record<string, unknown>): void {
  for (const field of ['name', 'details_url', 'external_id', 'started_at', 'completed_at'] as const) {
    if (typeof body[field] === 'string') {
      run[field] = body[field] as string;
    }
  }
  if (typeof body.status === 'string') {
    run.status = body.status;
  }
  if (Array.isArray(body.actions)) {
    run.actions = body.actions;
  }

  // A conclusion completes the run, whatever status the body gives.
  if (typeof body.conclusion === 'string') {
    run.conclusion = body.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed' && run.completed_at === undefined) {
    run.completed_at = timestamp();
  }

  const output = body.output as { title?: string; summary?: string; text?: string; annotations?: Annotation[] } | undefined;
  if (output === undefined) {
    return;
  }
  for (const field of ['title', 'summary', 'text'] as const) {
    if (output[field] !== undefined) {
      run.output[field] = output[field];
    }
  }
  run.output.annotations.push(...(output.annotations ?? []));
}

/**
 * Rejects a completed run without a conclusion. GitHub's documentation requires conclusion with
 * `status: completed` or a `completed_at`, but the create operation's schema does not encode it.
 */
function checkConclusionGiven(body: Record<string, unknown>, operation: Operation): Reply | undefined {
  const completes = body.status === 'completed' || body.completed_at !== undefined;
  if (completes && body.conclusion === undefined) {
    return invalidRequest(`Invalid request.\n\n"conclusion" wasn't supplied.`, operation.documentationUrl);
  }
  return undefined;
}

/**
 * GitHub also measures summary and text in UTF-8 bytes: text within 65,535 characters but over
 * 65,535 bytes gets `Validation Failed` with "summary exceeds a maximum bytesize of 65535"
 * (GitHub's reply as quoted in a 2024 report to the github/docs repository). The character
 * limit is in the schema.
 */
function checkOutputBytes(body: Record<string, unknown>, operation: Operation): Reply | undefined {
  const output = body.output as Record<string, unknown> | undefined;
  for (const field of ['summary', 'text']) {
    const value = output?.[field];
    if (typeof value === 'string' && Buffer.byteLength(value, 'utf8') > MAX_CHECK_OUTPUT_CHARACTERS) {
      return validationFailed(operation.documentationUrl, {
        resource: 'CheckRun',
        code: 'custom',
        field,
        message: `${field} exceeds a maximum bytesize of ${MAX_CHECK_OUTPUT_CHARACTERS}`
      });
    }
  }
  return undefined;
}

/** Rejects a comment body over the limit, counted in Unicode code points as Ruby counts characters. */
function checkCommentLength(text: string, operation: Operation): Reply | undefined {
  if (Array.from(text).length <= MAX_COMMENT_CHARACTERS) {
    return undefined;
  }
  return validationFailed(operation.documentationUrl, {
    resource: 'IssueComment',
    code: 'unprocessable',
    field: 'data',
    message: `Body is too long (maximum is ${MAX_COMMENT_CHARACTERS} characters)`
  });
}

function sarifCategory(sarif: object): string | undefined {
  const runs = (sarif as { runs?: Array<{ automationDetails?: { id?: unknown } }> }).runs;
  const id = Array.isArray(runs) ? runs[0]?.automationDetails?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}
