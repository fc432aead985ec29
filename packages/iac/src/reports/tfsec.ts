import { asObject, asString, asNumber, FindingCollector, requireArray, toolSeverity, type IacReport } from './common.js';

export function isTfsecReport(document: unknown): boolean {
  const object = asObject(document);
  // tfsec writes an object with `results` alone. Terrascan's `results` is an object, and its check runs first.
  return object !== undefined && 'results' in object && Object.keys(object).every((key) => key === 'results');
}

/**
 * Reads tfsec JSON, current (`status: "failed"`) and legacy (`passed: false`). Results that
 * passed, which tfsec lists with --include-passed, are skipped. Severities ERROR and WARNING
 * of the legacy format are read as high and medium.
 */
export function readTfsecReport(document: unknown, label: string, workspace: string): IacReport {
  const collector = new FindingCollector(label, workspace);
  for (const entry of requireArray(asObject(document)!.results, label, '"results"')) {
    const result = asObject(entry) ?? {};
    if (result.status === 'passed' || result.passed === true) {
      continue;
    }
    const location = asObject(result.location) ?? {};
    const id = asString(result.long_id) ?? asString(result.rule_id) ?? 'unknown-rule';
    collector.add({
      tool: 'tfsec',
      equivalentsKey: 'tfsec',
      ruleId: id,
      ruleName: asString(result.rule_description),
      helpUri: asString((result.links as unknown[] | undefined)?.[0]) ?? asString(result.link)?.replace(/^See (\S+).*$/, '$1'),
      severity: toolSeverity(result.severity),
      message: asString(result.description) ?? id,
      file: asString(location.filename),
      startLine: asNumber(location.start_line),
      endLine: asNumber(location.end_line),
      properties: asString(result.legacy_rule_id) ? { legacyRuleId: result.legacy_rule_id } : undefined
    });
  }
  return collector.result('tfsec');
}
