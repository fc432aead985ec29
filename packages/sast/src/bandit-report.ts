import { ReportError, type Finding } from '@devsecops/core';

import { cwesFromText, isObject, optionalString, regionOf, severityFromWord, stringOr, typeName, type JsonObject, type ReportContext } from './report-context.js';

export const BANDIT_TOOL_NAME = 'Bandit';

/**
 * Reads the JSON of `bandit -f json`: `results[]` with `filename`, `line_number`,
 * `line_range`, `col_offset` (0-based, from Bandit 1.7.3), `test_id`, `issue_severity` and
 * `issue_cwe` (from Bandit 1.7.3; older reports get the CWE from the test id). Entries of
 * `errors[]` (files Bandit could not parse) become warnings.
 */
export function readBanditJson(log: JsonObject, context: ReportContext): Finding[] {
  if (!Array.isArray(log.results)) {
    throw new ReportError(context.label, `"results" must be an array, got ${typeName(log.results)}`);
  }
  for (const [index, error] of (Array.isArray(log.errors) ? log.errors : []).entries()) {
    const detail = isObject(error) ? `${stringOr(error.filename, '?')}: ${stringOr(error.reason, 'error')}` : String(error);
    context.warn(`errors[${index}]`, `Bandit could not scan ${detail.slice(0, 300)}`);
  }

  return log.results.map((result: unknown, index) => {
    const place = `results[${index}]`;
    if (!isObject(result)) {
      throw new ReportError(context.label, `${place} must be an object, got ${typeName(result)}`);
    }
    const testId = stringOr(result.test_id, 'unknown-rule');
    const lineRange = Array.isArray(result.line_range) ? result.line_range.filter((line): line is number => typeof line === 'number') : [];
    const endLine = lineRange.length > 0 ? Math.max(...lineRange) : undefined;
    const column = typeof result.col_offset === 'number' ? result.col_offset + 1 : undefined;
    const endColumn = typeof result.end_col_offset === 'number' ? result.end_col_offset + 1 : undefined;
    const issueCwe = isObject(result.issue_cwe) ? result.issue_cwe.id : undefined;
    const helpUri = optionalString(result.more_info);

    const finding = context.finish({
      tools: [BANDIT_TOOL_NAME],
      rule: helpUri ? { id: testId, name: stringOr(result.test_name, testId), helpUri } : { id: testId, name: stringOr(result.test_name, testId) },
      severity: severityFromWord(result.issue_severity, 'medium'),
      message: stringOr(result.issue_text, testId),
      location: context.location(place, result.filename, regionOf(result.line_number, column, endLine, endColumn)),
      cwes: cwesFromText([issueCwe]),
      vulnerabilityIds: []
    });
    finding.properties = { ...finding.properties, confidence: stringOr(result.issue_confidence, 'UNDEFINED').toLowerCase() };
    return finding;
  });
}
