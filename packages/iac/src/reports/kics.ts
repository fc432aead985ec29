import { asNumber, asObject, asString, FindingCollector, requireArray, toolSeverity, type IacReport } from './common.js';

export function isKicsReport(document: unknown): boolean {
  const object = asObject(document);
  return object !== undefined && 'queries' in object && ('kics_version' in object || 'total_counter' in object || 'queries_total' in object);
}

/** Reads KICS JSON: one finding per file entry of each query, with the query's CWE when given. */
export function readKicsReport(document: unknown, label: string, workspace: string): IacReport {
  const collector = new FindingCollector(label, workspace);
  for (const entry of requireArray(asObject(document)!.queries, label, '"queries"')) {
    const query = asObject(entry) ?? {};
    const id = asString(query.query_id) ?? 'unknown-query';
    const cwe = asString(query.cwe) ?? (asNumber(query.cwe) !== undefined ? String(query.cwe) : undefined);
    for (const fileEntry of requireArray(query.files, label, `query ${id} "files"`)) {
      const file = asObject(fileEntry) ?? {};
      collector.add({
        tool: 'KICS',
        equivalentsKey: 'kics',
        ruleId: id,
        ruleName: asString(query.query_name),
        helpUri: asString(query.query_url),
        severity: toolSeverity(query.severity),
        message: `${asString(query.query_name) ?? id}: ${asString(file.actual_value) || asString(query.description) || ''}`.replace(/: $/, ''),
        file: asString(file.file_name),
        startLine: asNumber(file.line),
        cwes: cwe ? [`CWE-${cwe}`] : [],
        properties: { searchKey: asString(file.search_key) }
      });
    }
  }
  return collector.result('kics');
}
