import { ReportError, type Finding, type InputError, type Scanner, type ScannerOptions, type ScannerResult } from '@devsecops/core';

import { runBuiltinPolicies } from './builtin.js';
import { mergeEquivalentFindings } from './merge.js';
import { readIacReportFile } from './reports/index.js';
import { IAC_ENGINES, resolveIacSettings } from './settings.js';
import { runExternalEngine } from './tool-runners.js';

/**
 * The IaC scanner: the built-in policies by default, external tools when `engines` names
 * them, and reports that other steps wrote (`report-files`). Findings of a tool check that
 * is equivalent to a built-in policy at the same place are merged into the built-in one.
 */
export const iacScanner: Scanner = {
  category: 'iac',
  engines: [...IAC_ENGINES],
  scan: scanIac
};

export async function scanIac(options: ScannerOptions): Promise<ScannerResult> {
  const settings = resolveIacSettings(options);
  const findings: Finding[] = [];
  const errors: InputError[] = [];
  const warnings: string[] = [];
  const stats: Record<string, number> = {};
  const engines: string[] = [];

  if (settings.engines.includes('builtin')) {
    let files = 0;
    let bytes = 0;
    const builtin = runBuiltinPolicies({
      workspace: options.workspace,
      target: options.target,
      frameworks: settings.frameworks,
      exclude: settings.exclude,
      skipPolicies: settings.skipPolicies,
      logger: options.logger,
      onFile: (file, size) => {
        files += 1;
        bytes += size;
        options.onProgress?.({ files, bytes, current: file.path });
      }
    });
    findings.push(...builtin.findings);
    warnings.push(...builtin.notices.map((notice) => `${notice.path}:${notice.line}:${notice.column}: ${notice.message}`));
    Object.assign(stats, { files: Object.values(builtin.files).reduce((sum, count) => sum + count, 0), bytes: builtin.bytes, unparsable: builtin.notices.length });
    for (const [platform, count] of Object.entries(builtin.files)) {
      stats[`${platform}Files`] = count;
    }
    engines.push('builtin');
  }

  for (const engine of settings.engines.filter((name) => name !== 'builtin')) {
    try {
      findings.push(...(await runExternalEngine(engine, { workspace: options.workspace, target: options.target, logger: options.logger, timeoutMs: settings.timeoutMs, signal: options.signal })));
      engines.push(engine);
    } catch (error) {
      errors.push({ file: engine, message: error instanceof Error ? error.message : String(error) });
    }
  }

  for (const file of options.reportFiles ?? []) {
    try {
      const report = readIacReportFile(file, options.workspace);
      findings.push(...report.findings);
      warnings.push(...report.warnings);
      engines.push(`report:${report.format}`);
    } catch (error) {
      if (error instanceof ReportError) {
        errors.push({ file: error.file, message: error.detail });
      } else {
        throw error;
      }
    }
  }

  const merged = mergeEquivalentFindings(findings);
  stats.merged = findings.length - merged.length;
  return { findings: merged, errors, warnings, stats, engines };
}
