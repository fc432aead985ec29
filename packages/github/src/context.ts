import { readFileSync } from 'node:fs';

import { ConfigurationError } from '@devsecops/core';

import { DEFAULT_API_URL } from './client.js';

export interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
}

/** Repository, event and run of the current workflow, from the runner's environment variables. */
export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  /**
   * The commit results belong to: the pull request head on `pull_request` and
   * `pull_request_target` (GITHUB_SHA is the merge commit there), the queue's head commit
   * on `merge_group`, else GITHUB_SHA.
   */
  sha: string;
  pullRequest?: PullRequestRef;
  serverUrl: string;
  apiUrl: string;
  workflow: string;
  job: string;
  runId: string;
}

export interface ReadRunContextOptions {
  /** Defaults to `process.env`; tests pass their own. */
  env?: NodeJS.ProcessEnv;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * Builds the run context from `GITHUB_*` variables and the event payload file. The payload
 * is read on every call, not cached, so tests can change the environment between calls.
 */
export function readRunContext(options: ReadRunContextOptions = {}): RunContext {
  const env = options.env ?? process.env;

  const repository = requireVariable(env, 'GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) {
    throw new ConfigurationError(`GITHUB_REPOSITORY is "${repository}"; expected "owner/name"`);
  }
  const eventName = requireVariable(env, 'GITHUB_EVENT_NAME');
  const payload = readEventPayload(env, eventName);

  let sha = requireVariable(env, 'GITHUB_SHA');
  let pullRequest: PullRequestRef | undefined;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    pullRequest = readPullRequest(payload.value, payload.path);
    sha = pullRequest.headSha;
  } else if (eventName === 'merge_group') {
    sha = requireString(payload.value, ['merge_group', 'head_sha'], payload.path);
  }

  return {
    owner,
    repo,
    eventName,
    sha,
    ...(pullRequest ? { pullRequest } : {}),
    serverUrl: trimSlash(env.GITHUB_SERVER_URL || 'https://github.com'),
    apiUrl: trimSlash(env.GITHUB_API_URL || DEFAULT_API_URL),
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: env.GITHUB_RUN_ID ?? ''
  };
}

/** Returns the Actions run page URL, for check run `details_url` and links in comments. */
export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

function requireVariable(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new ConfigurationError(`Environment variable ${name} is missing; run inside GitHub Actions or set it`);
  }
  return value;
}

/**
 * Reads GITHUB_EVENT_PATH. A missing variable is only an error for events whose context
 * needs the payload (pull requests and merge groups).
 */
function readEventPayload(env: NodeJS.ProcessEnv, eventName: string): { path: string; value: unknown } {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) {
    if (PULL_REQUEST_EVENTS.has(eventName) || eventName === 'merge_group') {
      throw new ConfigurationError(`GITHUB_EVENT_PATH is missing; the ${eventName} event needs its payload file`);
    }
    return { path: '', value: {} };
  }

  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Event payload ${path} could not be read: ${(error as Error).message}`);
  }
  try {
    return { path, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ConfigurationError(`Event payload ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function readPullRequest(payload: unknown, path: string): PullRequestRef {
  const number = valueAt(payload, ['pull_request', 'number']);
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new ConfigurationError(
      `Event payload ${path}: pull_request.number is ${JSON.stringify(number)}; expected a positive integer`
    );
  }
  return {
    number,
    baseSha: requireString(payload, ['pull_request', 'base', 'sha'], path),
    headSha: requireString(payload, ['pull_request', 'head', 'sha'], path)
  };
}

function requireString(payload: unknown, keys: string[], path: string): string {
  const value = valueAt(payload, keys);
  if (typeof value !== 'string' || value === '') {
    throw new ConfigurationError(
      `Event payload ${path}: ${keys.join('.')} is ${JSON.stringify(value)}; expected a non-empty string`
    );
  }
  return value;
}

function valueAt(payload: unknown, keys: string[]): unknown {
  let current = payload;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
