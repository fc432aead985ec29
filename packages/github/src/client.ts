import type { Logger } from '@devsecops/core';
import type { Octokit as CoreOctokit, OctokitOptions } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

export const DEFAULT_API_URL = 'https://api.github.com';
export const DEFAULT_RETRIES = 3;

/**
 * Statuses plugin-retry does not retry. 403 and 429 are left to plugin-throttling, which
 * retries them only when GitHub reports a rate limit, so a fork's read-only token
 * ("Resource not accessible by integration") fails on the first response.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

export interface ClientOptions {
  token: string;
  /** REST API root, `GITHUB_API_URL` on a runner. */
  baseUrl?: string;
  logger: Logger;
  userAgent?: string;
  /** Retries after the first attempt, for server errors and rate limits alike. */
  retries?: number;
  /**
   * Milliseconds per second of computed wait, for both plugins. The default 1000 waits as
   * long as GitHub requests. Tests pass 1, so a `retry-after: 2` waits 2 ms.
   */
  retryAfterBaseValue?: number;
  /**
   * plugin-throttling spaces write requests 1 s apart (3 s for writes that notify users),
   * as GitHub's REST best practices ask. Tests against a local server set this to false.
   */
  paceWrites?: boolean;
}

export type GitHubClient = InstanceType<typeof Octokit>;

interface RetryLogSettings {
  logger: Logger;
  retries: number;
}

/**
 * Logs each response that plugin-retry is about to retry. Registered before plugin-retry,
 * so its error hook runs on every attempt rather than only on the last one.
 */
function logRetries(octokit: CoreOctokit, options: OctokitOptions): void {
  const settings = options.devsecopsRetryLog as RetryLogSettings | undefined;
  if (!settings) return;

  octokit.hook.error('request', (error, requestOptions) => {
    const status = (error as { status?: number }).status ?? 0;
    const retryCount = Number(requestOptions.request?.retryCount ?? 0);
    const willRetry = status >= 400 && !DO_NOT_RETRY.includes(status) && retryCount < settings.retries;
    if (willRetry) {
      // plugin-retry 8 waits (retryCount + 1)^2 seconds before the next attempt.
      const waitSeconds = (retryCount + 1) ** 2;
      settings.logger.warning(
        `GitHub API returned ${status} on ${requestOptions.method} ${requestOptions.url}; ` +
          `retrying in ${waitSeconds} s (retry ${retryCount + 1} of ${settings.retries})`
      );
    }
    throw error;
  });
}

const RetryingOctokit = Octokit.plugin(logRetries, retry, throttling);

/** A plugin-throttling group that runs every request at once, for tests. */
const unpacedGroup = {
  key: () => ({
    schedule: (_jobOptions: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      Promise.resolve().then(() => task(...args))
  })
} as unknown as NonNullable<Extract<ThrottlingOptions, { onRateLimit: unknown }>['write']>;

/**
 * Creates an Octokit that retries 5xx responses and GitHub rate limits with backoff, and
 * logs every wait through `logger`.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const { logger } = options;
  const retries = options.retries ?? DEFAULT_RETRIES;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const where = `${request.method} ${request.url}`;
      if (retryCount >= retries) {
        logger.error(`GitHub ${kind} on ${where}; giving up after ${retries} retries`);
        return false;
      }
      logger.warning(`GitHub ${kind} on ${where}; retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})`);
      return true;
    };

  const throttle: ThrottlingOptions = {
    retryAfterBaseValue,
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    ...(options.paceWrites === false ? { write: unpacedGroup, notifications: unpacedGroup } : {})
  };

  return new RetryingOctokit({
    auth: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'devsecops-actions',
    // plugin-request-log writes every failed attempt, retried ones included, at error
    // level. The caller receives the final error, so those lines are debug detail here.
    log: {
      debug: (message: string) => logger.debug(message),
      info: (message: string) => logger.debug(message),
      warn: (message: string) => logger.warning(message),
      error: (message: string) => logger.debug(message)
    },
    retry: { retries, retryAfterBaseValue, doNotRetry: DO_NOT_RETRY },
    throttle,
    devsecopsRetryLog: { logger, retries } satisfies RetryLogSettings
  });
}
