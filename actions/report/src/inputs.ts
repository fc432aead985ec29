import path from 'node:path';

import * as core from '@actions/core';
import { ConfigurationError, parseFailOn, type FilterMode, type Severity } from '@devsecops/core';

export type CommentMode = 'auto' | 'always' | 'never';

/** Every input of the report action, parsed and validated once. */
export interface ReportSettings {
  workspace: string;
  sarifPatterns: string[];
  token: string;
  /** From the `fail-on` input; undefined when the input is empty and the config decides. */
  failOn?: Severity | 'none';
  /** From the `filter-mode` input; undefined when empty and the config decides. */
  filterMode?: FilterMode;
  comment: CommentMode;
  commentKey: string;
  /** Login whose comments may be edited: the account behind `github-token`. */
  commentAuthor: string;
  checkName: string;
  baseline?: string;
  codeScanning: boolean;
  configFile?: string;
  reportFile: string;
}

const FILTER_MODES: readonly FilterMode[] = ['added', 'diff_context', 'file', 'nofilter'];
const COMMENT_MODES: readonly CommentMode[] = ['auto', 'always', 'never'];

/** Reads the action's inputs from the runner environment into one typed settings object. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): ReportSettings {
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const runnerTemp = env.RUNNER_TEMP || path.join(workspace, '..', 'tmp');
  const defaultDir = path.join(runnerTemp, 'devsecops');

  const sarifInput = core.getMultilineInput('sarif');
  const failOnInput = core.getInput('fail-on');
  const filterModeInput = core.getInput('filter-mode');
  const configInput = core.getInput('config');
  const reportInput = core.getInput('report-file');
  const baselineInput = core.getInput('baseline');

  const settings: ReportSettings = {
    workspace,
    sarifPatterns: sarifInput.length > 0 ? sarifInput : [defaultDir],
    token: core.getInput('github-token'),
    failOn: failOnInput ? parseFailOn(failOnInput, 'fail-on') : undefined,
    filterMode: filterModeInput ? oneOf(filterModeInput, FILTER_MODES, 'filter-mode') : undefined,
    comment: oneOf(core.getInput('comment') || 'auto', COMMENT_MODES, 'comment'),
    commentKey: core.getInput('comment-key') || `${env.GITHUB_WORKFLOW ?? 'workflow'}/${env.GITHUB_JOB ?? 'job'}`,
    commentAuthor: core.getInput('comment-author') || 'github-actions[bot]',
    checkName: core.getInput('check-name') || 'DevSecOps',
    baseline: baselineInput ? path.resolve(workspace, baselineInput) : undefined,
    codeScanning: parseBoolean(core.getInput('code-scanning') || 'false', 'code-scanning'),
    configFile: configInput && configInput !== '.github/devsecops.yml' ? configInput : undefined,
    reportFile: reportInput ? path.resolve(workspace, reportInput) : path.join(defaultDir, 'report.json')
  };

  for (const [name, value] of Object.entries(settings)) {
    core.debug(`${name}: ${name === 'token' ? (value ? '(set)' : '(empty)') : JSON.stringify(value)}`);
  }
  return settings;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], input: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`input "${input}": "${value}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function parseBoolean(value: string, input: string): boolean {
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new ConfigurationError(`input "${input}": "${value}" is not a boolean; expected true or false`);
}
