import { ReportError } from '@devsecops/core';

import { asNumber, asObject, asString, FindingCollector, type IacReport } from './common.js';

/** hadolint levels: error, warning, info and style. */
const LEVELS: Record<string, 'high' | 'medium' | 'low' | 'info'> = { error: 'high', warning: 'medium', info: 'low', style: 'info' };

export function isHadolintReport(document: unknown): boolean {
  const first = asObject(Array.isArray(document) ? document[0] : undefined);
  return first !== undefined && 'code' in first && 'level' in first && 'file' in first;
}

/** Reads `hadolint -f json` output: a list of {file, line, column, code, level, message}. Windows paths are accepted. */
export function readHadolintReport(document: unknown, label: string, workspace: string): IacReport {
  const collector = new FindingCollector(label, workspace);
  for (const [index, entry] of (document as unknown[]).entries()) {
    const item = asObject(entry);
    if (!item) {
      throw new ReportError(label, `entry ${index} is not an object; expected a hadolint result`);
    }
    const code = asString(item.code) ?? 'unknown-rule';
    collector.add({
      tool: 'hadolint',
      equivalentsKey: 'hadolint',
      ruleId: code,
      helpUri: /^DL\d+$/.test(code) ? `https://github.com/hadolint/hadolint/wiki/${code}` : undefined,
      severity: LEVELS[asString(item.level) ?? ''] ?? 'medium',
      message: asString(item.message) ?? code,
      file: asString(item.file),
      startLine: asNumber(item.line),
      startColumn: asNumber(item.column)
    });
  }
  return collector.result('hadolint');
}
