import path from 'node:path';

import { asNumber, asObject, asString, FindingCollector, requireArray, toolSeverity, type IacReport } from './common.js';

export function isTerrascanReport(document: unknown): boolean {
  const results = asObject(asObject(document)?.results);
  return results !== undefined && 'violations' in results && 'scan_summary' in results;
}

/**
 * Reads Terrascan JSON. Paths are `plan_root` joined with `file`. Scan errors (such as "no
 * helm charts found") are kept as warnings, because Terrascan reports every IaC type it did not find.
 */
export function readTerrascanReport(document: unknown, label: string, workspace: string): IacReport {
  const results = asObject(asObject(document)!.results)!;
  const collector = new FindingCollector(label, workspace);
  for (const entry of requireArray(results.violations, label, '"results.violations"')) {
    const violation = asObject(entry) ?? {};
    const id = asString(violation.rule_id) ?? 'unknown-rule';
    const file = asString(violation.file);
    const root = asString(violation.plan_root) ?? '.';
    collector.add({
      tool: 'Terrascan',
      equivalentsKey: 'terrascan',
      ruleId: id,
      ruleName: asString(violation.rule_name),
      severity: toolSeverity(violation.severity),
      message: `${asString(violation.description) ?? id} (${asString(violation.resource_type) ?? ''}.${asString(violation.resource_name) ?? ''})`,
      file: file === undefined ? undefined : path.posix.join(root.replace(/\\/g, '/'), file.replace(/\\/g, '/')),
      startLine: asNumber(violation.line)
    });
  }
  for (const entry of requireArray(results.scan_errors, label, '"results.scan_errors"')) {
    const error = asObject(entry) ?? {};
    collector.warnings.push(`${label}: Terrascan could not scan ${asString(error.iac_type) ?? 'an IaC type'} in ${asString(error.directory) ?? '.'}: ${asString(error.errMsg) ?? 'no message'}`);
  }
  return collector.result('terrascan');
}
