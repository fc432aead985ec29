import { ReportError, type Finding, type InputError, type Scanner, type ScannerOptions, type ScannerResult } from '@devsecops/core';
import { findOnPath } from '@devsecops/tools';

import { resolveMergeBase } from './baseline.js';
import { codeqlSarifFiles } from './codeql.js';
import { runEslintEngine } from './eslint-engine.js';
import { readSastReport } from './report-files.js';
import { resolveSastSettings, SAST_ENGINES, type SastEngine, type SastSettings } from './settings.js';
import { collectSourceFiles } from './source-files.js';
import { runBandit, runSemgrep } from './tool-runners.js';

/**
 * Chooses the engines when none are named: eslint where JavaScript or TypeScript is found,
 * semgrep when it is on PATH or may be installed, and codeql when its SARIF is given.
 */
export async function defaultEngines(options: Pick<ScannerOptions, 'workspace' | 'target'>, settings: SastSettings, env: NodeJS.ProcessEnv = process.env): Promise<SastEngine[]> {
  const engines: SastEngine[] = [];
  const walk = await collectSourceFiles({ workspace: options.workspace, target: options.target, exclude: settings.exclude });
  if (walk.files.length > 0) {
    engines.push('eslint');
  }
  if (settings.install || (await findOnPath('semgrep', env))) {
    engines.push('semgrep');
  }
  if (settings.codeqlSarif) {
    engines.push('codeql');
  }
  return engines;
}

/** Runs the chosen SAST engines and reads the given reports; one failing engine or report never hides the others. */
export async function scanSast(options: ScannerOptions): Promise<ScannerResult> {
  const settings = resolveSastSettings(options);
  const engines = settings.engines ?? (await defaultEngines(options, settings));
  const findings: Finding[] = [];
  const errors: InputError[] = [];
  const warnings: string[] = [];
  const stats: Record<string, number> = {};
  const ran: string[] = [];

  const attempt = async (name: string, step: () => Promise<void>): Promise<void> => {
    try {
      await step();
      ran.push(name);
    } catch (error) {
      errors.push({ file: name, message: error instanceof Error ? error.message : String(error) });
    }
  };

  for (const engine of engines) {
    await attempt(engine, async () => {
      switch (engine) {
        case 'eslint': {
          const result = await runEslintEngine({ ...options, exclude: settings.exclude });
          findings.push(...result.findings);
          warnings.push(...result.warnings);
          Object.assign(stats, result.stats);
          break;
        }
        case 'semgrep': {
          const baselineCommit = settings.baselineCommit ?? (await resolveMergeBase({ workspace: options.workspace, base: settings.base, logger: options.logger }));
          const result = await runSemgrep({ ...options, configs: settings.semgrepConfig, baselineCommit, timeoutMs: settings.timeoutMs, install: settings.install });
          findings.push(...result.findings);
          warnings.push(...result.warnings);
          stats.semgrepFindings = result.findings.length;
          break;
        }
        case 'bandit': {
          const result = await runBandit({ ...options, timeoutMs: settings.timeoutMs, install: settings.install });
          findings.push(...result.findings);
          warnings.push(...result.warnings);
          stats.banditFindings = result.findings.length;
          break;
        }
        case 'codeql': {
          if (!settings.codeqlSarif) {
            throw new Error('the codeql engine reads the SARIF of github/codeql-action; set codeql-sarif to its output folder');
          }
          for (const file of await codeqlSarifFiles(settings.codeqlSarif)) {
            const report = await readSastReport(file, { workspace: options.workspace });
            findings.push(...report.findings);
            warnings.push(...report.warnings);
          }
          break;
        }
      }
    });
  }

  for (const file of options.reportFiles ?? []) {
    try {
      const report = await readSastReport(file, { workspace: options.workspace });
      findings.push(...report.findings);
      warnings.push(...report.warnings);
      options.logger.info(`${file}: ${report.format}, ${report.findings.length} finding(s).`);
    } catch (error) {
      errors.push({ file, message: error instanceof ReportError ? error.detail : error instanceof Error ? error.message : String(error) });
    }
  }

  return { findings, errors, warnings, stats, engines: ran };
}

export const sastScanner: Scanner = {
  category: 'sast',
  engines: [...SAST_ENGINES],
  scan: scanSast
};
