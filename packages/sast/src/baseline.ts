import type { Logger } from '@devsecops/core';
import { runTool } from '@devsecops/tools';

export interface BaselineOptions {
  workspace: string;
  /** Base branch or commit of the pull request; default `GITHUB_BASE_REF` on pull_request events. */
  base?: string;
  env?: NodeJS.ProcessEnv;
  logger: Logger;
}

/**
 * Returns the merge base of HEAD and the pull request's base, for Semgrep's
 * `--baseline-commit`, or undefined outside a pull request. When git cannot find it (a shallow
 * checkout without the base branch), it warns and Semgrep scans everything.
 */
export async function resolveMergeBase(options: BaselineOptions): Promise<string | undefined> {
  const env = options.env ?? process.env;
  const onPullRequest = env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
  const base = options.base ?? (onPullRequest && env.GITHUB_BASE_REF ? `origin/${env.GITHUB_BASE_REF}` : undefined);
  if (!base) {
    return undefined;
  }
  let commit = '';
  let reason = '';
  try {
    const result = await runTool({ command: 'git', args: ['merge-base', 'HEAD', base], cwd: options.workspace, timeoutMs: 60_000, logger: options.logger });
    commit = result.exitCode === 0 ? result.stdout.trim() : '';
    reason = `git exited with ${result.exitCode}`;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit)) {
    options.logger.warning(`No merge base of HEAD and ${base} (${reason}); Semgrep scans every file. Check out with fetch-depth: 0 to report only new findings.`);
    return undefined;
  }
  return commit;
}
