import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { parseJsonText, ReportError, type Finding, type Logger } from '@devsecops/core';
import { checkExitCode, findOnPath, installBinaryTool, installPipTool, runTool, TOOLS, ToolError } from '@devsecops/tools';

import { readCheckovReport } from './reports/checkov.js';
import { readKicsReport } from './reports/kics.js';
import { readTfsecReport } from './reports/tfsec.js';
import { readTrivyReport } from './reports/trivy.js';

export type ExternalEngine = 'checkov' | 'tfsec' | 'trivy' | 'kics';

export interface ExternalEngineOptions {
  workspace: string;
  target: string;
  logger: Logger;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Executable to run instead of looking on PATH and installing; tests pass a stand-in. */
  executable?: string;
  /** Tool cache for installs; defaults to the tools package's choice. */
  cacheDir?: string;
  /** Extra environment variables for the tool, on top of the basics runTool passes on. */
  env?: Record<string, string | undefined>;
}

/** Returns the arguments of each tool, given the folder to scan and a scratch folder for output files. */
export function engineArguments(engine: ExternalEngine, target: string, outputDir: string): string[] {
  switch (engine) {
    case 'checkov':
      return ['--directory', target, '--output', 'json', '--soft-fail', '--quiet', '--skip-download'];
    case 'tfsec':
      return [target, '--format', 'json', '--no-colour', '--soft-fail'];
    case 'trivy':
      return ['config', '--format', 'json', '--quiet', '--exit-code', '0', target];
    case 'kics':
      return ['scan', '--path', target, '--output-path', outputDir, '--report-formats', 'json', '--no-progress', '--ignore-on-exit', 'results', '--disable-secrets'];
  }
}

/**
 * Runs checkov, tfsec, trivy (config scanning) or kics on the target and reads its JSON
 * report. The executable is `options.executable`, else the tool on PATH, else the pinned
 * version from the tools manifest, downloaded and checked against its sha256 (checkov with pip).
 * Throws ToolError or ReportError naming the tool when it fails.
 */
export async function runExternalEngine(engine: string, options: ExternalEngineOptions): Promise<Finding[]> {
  const name = engine as ExternalEngine;
  const executable = options.executable ?? (await findOnPath(name)) ?? (await install(name, options));
  const outputDir = mkdtempSync(path.join(os.tmpdir(), `devsecops-${name}-`));
  try {
    const result = await runTool({
      command: executable,
      args: engineArguments(name, options.target, outputDir),
      cwd: options.workspace,
      env: options.env,
      timeoutMs: options.timeoutMs,
      logger: options.logger
    });
    checkExitCode(name, result);
    const text = name === 'kics' ? readFileSync(path.join(outputDir, 'results.json'), 'utf8') : result.stdout;
    const label = `${name} output`;
    const document = parseJsonText(text, label);
    const report = readEngineReport(name, document, label, options);
    for (const warning of report.warnings) {
      options.logger.warning(warning);
    }
    return report.findings;
  } finally {
    rmSync(outputDir, { recursive: true, force: true });
  }
}

function readEngineReport(engine: ExternalEngine, document: unknown, label: string, options: ExternalEngineOptions) {
  switch (engine) {
    case 'checkov':
      return readCheckovReport(document, label, options.workspace);
    case 'tfsec':
      return readTfsecReport(document, label, options.workspace);
    case 'trivy':
      // Trivy names files relative to the folder it scanned.
      return readTrivyReport(document, label, options.workspace, options.target);
    case 'kics':
      return readKicsReport(document, label, options.workspace);
  }
}

async function install(engine: ExternalEngine, options: ExternalEngineOptions): Promise<string> {
  switch (engine) {
    case 'checkov':
      return installPipTool(TOOLS.checkov, { logger: options.logger, cacheDir: options.cacheDir });
    case 'tfsec':
    case 'trivy':
    case 'kics':
      return installBinaryTool(TOOLS[engine], { logger: options.logger, cacheDir: options.cacheDir });
    default:
      throw new ToolError(engine, `"${engine}" is not an external IaC engine`);
  }
}
