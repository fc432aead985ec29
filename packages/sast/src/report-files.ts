import { parseJsonText, parseSarif, readReportText, ReportError, type Finding } from '@devsecops/core';

import { readBanditJson } from './bandit-report.js';
import { readEslintJson } from './eslint-report.js';
import { isObject, ReportContext, type JsonObject } from './report-context.js';
import { sarifResultTags } from './sarif-extras.js';
import { readSemgrepJson, readSemgrepPlatformJson, readSemgrepSupplyChainJson } from './semgrep-report.js';
import { enrichTaxonomy, owaspFromTags } from './taxonomy.js';

export type SastReportFormat = 'sarif' | 'semgrep-json' | 'semgrep-platform-json' | 'semgrep-supply-chain-json' | 'bandit-json' | 'eslint-json';

export interface SastReportOptions {
  workspace: string;
  /** Name of the report in messages; default: the path as given. */
  displayName?: string;
}

export interface SastReport {
  format: SastReportFormat;
  findings: Finding[];
  warnings: string[];
}

/**
 * Tells the report formats apart by their shape: SARIF has `version` and `runs`; Semgrep's
 * CLI JSON has `results` (with `check_id`) and `errors`; Bandit's has `results` with
 * `test_id` and `metrics`; ESLint's is an array of file results; the Semgrep platform exports
 * have `findings` or `vulns`.
 */
export function detectReportFormat(log: unknown): SastReportFormat | undefined {
  if (Array.isArray(log)) {
    return 'eslint-json';
  }
  if (!isObject(log)) {
    return undefined;
  }
  if (log.runs !== undefined || (typeof log.version === 'string' && /^2\./.test(log.version) && log.results === undefined)) {
    return 'sarif';
  }
  if (Array.isArray(log.results)) {
    const first: unknown = log.results[0];
    if (log.metrics !== undefined || log.generated_at !== undefined || (isObject(first) && first.test_id !== undefined)) {
      return 'bandit-json';
    }
    return 'semgrep-json';
  }
  if (Array.isArray(log.findings)) {
    return 'semgrep-platform-json';
  }
  if (Array.isArray(log.vulns)) {
    return 'semgrep-supply-chain-json';
  }
  return undefined;
}

/** Reads a SAST report from disk; see parseSastReport. An unreadable or oversized file is a ReportError. */
export async function readSastReport(file: string, options: SastReportOptions): Promise<SastReport> {
  const text = await readReportText(file, options.displayName ?? file);
  return parseSastReport(text, file, options);
}

/**
 * Turns a report of any supported format into findings with CWE ids and OWASP categories.
 * SARIF goes through core's reader; the tool's own OWASP 2021 tag, where its rule or result
 * has one, wins over the category derived from the CWE.
 */
export function parseSastReport(text: string, file: string, options: SastReportOptions): SastReport {
  const label = options.displayName ?? file;
  const log = parseJson(text, label);
  const format = detectReportFormat(log);
  const context = new ReportContext(options.workspace, label, file);

  switch (format) {
    case 'sarif':
      return { format, ...readSarifReport(text, log as JsonObject, file, options) };
    case 'semgrep-json':
      return { format, findings: readSemgrepJson(log as JsonObject, context), warnings: context.finishWarnings() };
    case 'semgrep-platform-json':
      return { format, findings: readSemgrepPlatformJson(log as JsonObject, context), warnings: context.finishWarnings() };
    case 'semgrep-supply-chain-json':
      return { format, findings: readSemgrepSupplyChainJson(log as JsonObject, context), warnings: context.finishWarnings() };
    case 'bandit-json':
      return { format, findings: readBanditJson(log as JsonObject, context), warnings: context.finishWarnings() };
    case 'eslint-json':
      return { format, findings: readEslintJson(log as unknown[], context), warnings: context.finishWarnings() };
    default:
      throw new ReportError(
        label,
        'is not a known report format; expected SARIF 2.1.0, Semgrep JSON (`semgrep --json`), Bandit JSON (`bandit -f json`) or ESLint JSON (`eslint -f json`)'
      );
  }
}

function readSarifReport(text: string, log: JsonObject, file: string, options: SastReportOptions): { findings: Finding[]; warnings: string[] } {
  const result = parseSarif(text, file, options);
  const tags = sarifResultTags(log);
  const findings = result.findings.map((finding, index) =>
    finding.category === 'sast' ? enrichTaxonomy(finding, owaspFromTags(tags[index] ?? [])) : finding
  );
  return { findings, warnings: result.warnings };
}

function parseJson(text: string, label: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new ReportError(label, 'is empty; expected a JSON report');
  }
  return parseJsonText(body, label);
}
