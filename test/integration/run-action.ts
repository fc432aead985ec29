import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from '../corpus.js';

export const REPORT_BUNDLE = path.join(REPO_ROOT, 'dist', 'report', 'index.js');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli', 'index.js');
export const HEAD_SHA = 'a'.repeat(40);
export const BASE_SHA = 'b'.repeat(40);
export const PUSH_SHA = 'c'.repeat(40);

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The report the action wrote first (`report-file`), parsed. */
  report?: { findings: Array<Record<string, unknown>>; errors: Array<{ file: string; message: string }>; counts: Record<string, number> };
}

export interface ActionSetup {
  apiUrl: string;
  event: 'pull_request' | 'push' | 'schedule';
  pullNumber?: number;
  inputs?: Record<string, string>;
  /** Files of the checked-out repository, by repository-relative path. */
  files?: Record<string, string>;
  /** SARIF logs written to `$RUNNER_TEMP/devsecops/<name>` before the run. */
  sarif?: Record<string, unknown>;
  /** Reuse a scratch folder across runs (a re-run of the same job). */
  scratch?: string;
}

/** Creates a scratch folder with a workspace and a runner temp folder. */
export function makeScratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'devsecops-action-'));
}

/**
 * Runs the bundled report action as the runner does: a child process with INPUT_*
 * variables, an event payload file, and GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
 */
export async function runReportAction(setup: ActionSetup): Promise<ActionRun> {
  const scratch = setup.scratch ?? makeScratch();
  const workspace = path.join(scratch, 'workspace');
  const runnerTemp = path.join(scratch, 'runner-temp');
  const sarifDir = path.join(runnerTemp, 'devsecops');
  mkdirSync(sarifDir, { recursive: true });
  mkdirSync(workspace, { recursive: true });

  for (const [file, content] of Object.entries(setup.files ?? {})) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  for (const [name, log] of Object.entries(setup.sarif ?? {})) {
    writeFileSync(path.join(sarifDir, name), typeof log === 'string' ? log : JSON.stringify(log));
  }

  const eventPath = path.join(scratch, 'event.json');
  const payload =
    setup.event === 'pull_request'
      ? { action: 'synchronize', number: setup.pullNumber, pull_request: { number: setup.pullNumber, head: { sha: HEAD_SHA, ref: 'feature' }, base: { sha: BASE_SHA, ref: 'main' } }, repository: { name: 'octo-repo', owner: { login: 'octo-org' } } }
      : setup.event === 'push'
        ? { ref: 'refs/heads/main', before: BASE_SHA, after: PUSH_SHA, repository: { name: 'octo-repo', owner: { login: 'octo-org' } } }
        : { schedule: '0 3 * * *' };
  writeFileSync(eventPath, JSON.stringify(payload));

  const outputFile = path.join(scratch, `output-${Date.now()}`);
  const summaryFile = path.join(scratch, `summary-${Date.now()}`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');

  const inputs: Record<string, string> = { 'github-token': 'test-token', 'fail-on': '', 'filter-mode': '', comment: 'auto', 'check-name': 'DevSecOps', 'code-scanning': 'false', config: '.github/devsecops.yml', ...setup.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_EVENT_NAME: setup.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SHA: setup.event === 'pull_request' ? 'd'.repeat(40) : PUSH_SHA,
    GITHUB_REF: setup.event === 'pull_request' ? `refs/pull/${setup.pullNumber}/merge` : 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: setup.apiUrl,
    GITHUB_WORKFLOW: 'Security',
    GITHUB_JOB: 'scan',
    GITHUB_RUN_ID: '1001',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }

  const { status, stdout, stderr } = await runNode([REPORT_BUNDLE], env, workspace);

  const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
  let report: ActionRun['report'];
  if (outputs['report-file']) {
    try {
      report = JSON.parse(readFileSync(outputs['report-file'], 'utf8'));
    } catch {
      report = undefined;
    }
  }
  return { status, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8'), report };
}

/** Exit status and collected output of one child Node process. */
export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` with exactly the given environment and no stdin, and collects its exit status and output. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs the bundled CLI in `cwd` with only PATH and HOME in its environment. */
export function runCli(args: string[], cwd = REPO_ROOT): Promise<NodeRun> {
  return runNode([CLI_BUNDLE, ...args], { PATH: process.env.PATH, HOME: process.env.HOME }, cwd);
}

/** Parses the `name<<DELIMITER` blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index]);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    index++;
    while (index < lines.length && lines[index] !== delimiter) {
      value.push(lines[index]);
      index++;
    }
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** Builds a minimal SARIF log with one result per entry, as a tool would write it. */
export function sarifLog(tool: string, results: Array<{ ruleId: string; level?: string; message: string; path?: string; line?: number; cwe?: string; securitySeverity?: string }>): object {
  const ruleIds = [...new Set(results.map((result) => result.ruleId))];
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: tool,
            rules: ruleIds.map((id) => {
              const sample = results.find((result) => result.ruleId === id)!;
              return {
                id,
                shortDescription: { text: `Rule ${id}` },
                properties: {
                  ...(sample.cwe ? { tags: [`external/cwe/${sample.cwe.toLowerCase()}`] } : {}),
                  ...(sample.securitySeverity ? { 'security-severity': sample.securitySeverity } : {})
                }
              };
            })
          }
        },
        results: results.map((result) => ({
          ruleId: result.ruleId,
          level: result.level ?? 'error',
          message: { text: result.message },
          locations: result.path
            ? [{ physicalLocation: { artifactLocation: { uri: result.path }, region: result.line ? { startLine: result.line } : undefined } }]
            : []
        }))
      }
    ]
  };
}

/** Builds a unified-diff patch that adds `lines` as a new file. */
export function addedFilePatch(lines: string[]): string {
  return `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join('\n')}`;
}
