import { ReportError } from '@devsecops/core';

import { asArray, asNumber, asObject, asString, FindingCollector, toolSeverity, type IacReport, type JsonObject } from './common.js';

/** True for Checkov's `-o json` output: one check-type object, a list of them, or the summary-only form. */
export function isCheckovReport(document: unknown): boolean {
  const first = Array.isArray(document) ? document[0] : document;
  const object = asObject(first);
  return object !== undefined && (('check_type' in object && 'results' in object) || ('checkov_version' in object && 'passed' in object && 'failed' in object));
}

/**
 * Reads Checkov JSON. Each failed check becomes a finding on the resource's line range. Paths
 * in `repo_file_path` (else `file_path`) start with `/` but are relative to the repository
 * (`file_path`: to the scanned folder), so the slash is dropped. The summary-only form, which
 * Checkov writes when nothing was scanned, has no findings. Checkov without a platform key
 * writes no severity; those findings take the severity of the equivalent built-in policy, or
 * medium.
 */
export function readCheckovReport(document: unknown, label: string, workspace: string): IacReport {
  const collector = new FindingCollector(label, workspace);
  const reports = Array.isArray(document) ? document : [document];
  for (const [index, entry] of reports.entries()) {
    const report = asObject(entry);
    if (!report) {
      throw new ReportError(label, `entry ${index} is not an object; expected a Checkov check-type report`);
    }
    if (!('results' in report)) {
      continue;
    }
    const results = asObject(report.results);
    if (!results) {
      throw new ReportError(label, `entry ${index}: "results" is not an object`);
    }
    for (const check of asArray(results.failed_checks)) {
      addCheck(collector, asObject(check) ?? {}, asString(report.check_type));
    }
  }
  return collector.result('checkov');
}

function addCheck(collector: FindingCollector, check: JsonObject, checkType: string | undefined): void {
  const id = asString(check.check_id) ?? 'unknown-check';
  const file = asString(check.repo_file_path) ?? asString(check.file_path);
  const range = asArray(check.file_line_range).map(asNumber);
  const resource = asString(check.resource);
  collector.add({
    tool: 'Checkov',
    equivalentsKey: 'checkov',
    ruleId: id,
    ruleName: asString(check.check_name),
    helpUri: asString(check.guideline),
    severity: toolSeverity(check.severity),
    message: `${asString(check.check_name) ?? id}${resource ? ` (${resource})` : ''}`,
    file: file?.replace(/^\/+/, ''),
    startLine: range[0],
    endLine: range[1],
    properties: checkType ? { checkType } : undefined
  });
}
