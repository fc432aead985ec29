import { ReportError, type Finding, type PackageRef } from '@devsecops/core';

import { cwesFromText, isObject, optionalString, regionOf, severityFromWord, stringOr, stringsOf, typeName, type JsonObject, type ReportContext } from './report-context.js';
import { owaspFromTags } from './taxonomy.js';

export const SEMGREP_TOOL_NAME = 'Semgrep';

/**
 * Reads the JSON of `semgrep scan --json`: `results[]` with `check_id`, `path`, `start`, `end`
 * and `extra` (message, severity, metadata with `cwe` and `owasp`, `is_ignored`). A result that
 * a `nosemgrep` comment ignored (`is_ignored: true`, present with `--disable-nosem`) is kept
 * as suppressed. Entries of `errors[]` become warnings.
 */
export function readSemgrepJson(log: JsonObject, context: ReportContext): Finding[] {
  const results = arrayAt(log, 'results', context);
  for (const [index, error] of (Array.isArray(log.errors) ? log.errors : []).entries()) {
    const message = isObject(error) ? stringOr(error.message, stringOr(error.type, 'error')) : String(error);
    context.warn(`errors[${index}]`, `Semgrep reported: ${message.slice(0, 300)}`);
  }

  return results.map((result, index) => {
    const place = `results[${index}]`;
    if (!isObject(result)) {
      throw new ReportError(context.label, `${place} must be an object, got ${typeName(result)}`);
    }
    const extra = isObject(result.extra) ? result.extra : {};
    const metadata = isObject(extra.metadata) ? extra.metadata : {};
    const start = isObject(result.start) ? result.start : {};
    const end = isObject(result.end) ? result.end : {};
    const ruleId = stringOr(result.check_id, 'unknown-rule');
    const helpUri = optionalString(metadata.source) ?? optionalString(metadata.shortlink) ?? stringsOf(metadata.references)[0];

    const finding = context.finish(
      {
        tools: [SEMGREP_TOOL_NAME],
        rule: helpUri ? { id: ruleId, name: ruleId, helpUri } : { id: ruleId, name: ruleId },
        severity: severityFromWord(extra.severity, 'medium'),
        message: stringOr(extra.message, ruleId).trim(),
        location: context.location(place, result.path, {
          ...regionOf(start.line, start.col, end.line, end.col),
          ...(typeof extra.lines === 'string' && extra.lines !== 'requires login' ? { snippet: extra.lines } : {})
        }),
        cwes: cwesFromText(stringsOf(metadata.cwe)),
        vulnerabilityIds: []
      },
      owaspFromTags(stringsOf(metadata.owasp))
    );
    if (extra.is_ignored === true) {
      finding.suppression = { kind: 'inline', justification: 'nosemgrep comment' };
    }
    return finding;
  });
}

/**
 * Reads a Semgrep AppSec Platform findings export (`findings[]` from the findings API):
 * `rule_name`, `rule_message`, `location` and the rule's `cwe_names` and `owasp_names`.
 */
export function readSemgrepPlatformJson(log: JsonObject, context: ReportContext): Finding[] {
  return arrayAt(log, 'findings', context).map((entry, index) => {
    const place = `findings[${index}]`;
    if (!isObject(entry)) {
      throw new ReportError(context.label, `${place} must be an object, got ${typeName(entry)}`);
    }
    const rule = isObject(entry.rule) ? entry.rule : {};
    const location = isObject(entry.location) ? entry.location : {};
    const ruleId = stringOr(entry.rule_name, stringOr(rule.name, 'unknown-rule'));
    const finding = context.finish(
      {
        tools: [SEMGREP_TOOL_NAME],
        engine: 'Semgrep AppSec Platform',
        rule: { id: ruleId, name: ruleId },
        severity: severityFromWord(entry.severity, 'medium'),
        message: stringOr(entry.rule_message, stringOr(rule.message, ruleId)).trim(),
        location: context.location(place, location.file_path, regionOf(location.line, location.column, location.end_line, location.end_column)),
        cwes: cwesFromText(stringsOf(rule.cwe_names)),
        vulnerabilityIds: []
      },
      owaspFromTags(stringsOf(rule.owasp_names))
    );
    return finding;
  });
}

/**
 * Reads a Semgrep Supply Chain vulnerabilities export (`vulns[]`): one finding per vulnerable
 * dependency, placed at the line of the manifest or lock file that declares it.
 */
export function readSemgrepSupplyChainJson(log: JsonObject, context: ReportContext): Finding[] {
  return arrayAt(log, 'vulns', context).map((entry, index) => {
    const place = `vulns[${index}]`;
    if (!isObject(entry)) {
      throw new ReportError(context.label, `${place} must be an object, got ${typeName(entry)}`);
    }
    const advisory = isObject(entry.advisory) ? entry.advisory : {};
    const references = isObject(advisory.references) ? advisory.references : {};
    const dependency = isObject(entry.matchedDependency) ? entry.matchedDependency : {};
    const fileLocation = isObject(entry.dependencyFileLocation) ? entry.dependencyFileLocation : {};
    const ruleId = stringOr(advisory.ruleId, 'unknown-rule');
    const urls = stringsOf(references.urls);
    const ghsa = urls.flatMap((url) => /\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/i.exec(url)?.[1] ?? []);

    const finding = context.finish(
      {
        tools: [SEMGREP_TOOL_NAME],
        engine: 'Semgrep Supply Chain',
        rule: urls[0] ? { id: ruleId, name: stringOr(advisory.title, ruleId), helpUri: urls[0] } : { id: ruleId, name: stringOr(advisory.title, ruleId) },
        severity: severityFromWord(advisory.severity, 'medium'),
        message: stringOr(entry.title, stringOr(advisory.title, ruleId)),
        location: context.location(place, fileLocation.path, regionOf(fileLocation.startLine, undefined, fileLocation.endLine)),
        cwes: cwesFromText(stringsOf(references.cweIds)),
        vulnerabilityIds: [...new Set([...stringsOf(references.cveIds), ...ghsa])]
      },
      owaspFromTags(stringsOf(references.owaspIds))
    );
    const packageRef = packageOf(dependency, advisory);
    if (packageRef) {
      finding.package = packageRef;
    }
    return finding;
  });
}

function packageOf(dependency: JsonObject, advisory: JsonObject): PackageRef | undefined {
  const name = optionalString(dependency.name);
  if (!name) {
    return undefined;
  }
  const packageRef: PackageRef = { name };
  const version = optionalString(dependency.versionSpecifier);
  const ecosystem = optionalString(advisory.ecosystem);
  if (version) {
    packageRef.version = version;
  }
  if (ecosystem) {
    packageRef.ecosystem = ecosystem;
  }
  return packageRef;
}

function arrayAt(log: JsonObject, key: string, context: ReportContext): unknown[] {
  const value = log[key];
  if (!Array.isArray(value)) {
    throw new ReportError(context.label, `"${key}" must be an array, got ${typeName(value)}`);
  }
  return value;
}
