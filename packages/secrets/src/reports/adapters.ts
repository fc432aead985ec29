import { readFile } from 'node:fs/promises';

import { locateJsonError, parseJsonText, parseSarif, ReportError, type Finding } from '@devsecops/core';

import { SECRET_CWE } from '../findings.js';
import { redact, secretPartialFingerprints } from '../redact.js';
import { integerValue, isObject, reportedFinding, severityWord, stringValue, type AdapterContext } from './common.js';

export type SecretReportFormat = 'gitleaks' | 'sarif' | 'trufflehog-v2' | 'trufflehog-v3' | 'trufflehog3' | 'detect-secrets' | 'ggshield' | 'empty';

export interface SecretReportResult {
  format: SecretReportFormat;
  findings: Finding[];
  warnings: string[];
}

/** Largest report read, in bytes. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** Reads a secret scanner's report from disk; see `parseSecretReport`. */
export async function readSecretReport(file: string, workspace: string, displayName = file, onSecret?: (secret: string) => void): Promise<SecretReportResult> {
  let text: string;
  try {
    const buffer = await readFile(file);
    if (buffer.length > MAX_REPORT_BYTES) {
      throw new ReportError(displayName, `larger than ${MAX_REPORT_BYTES} bytes`);
    }
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof ReportError) {
      throw error;
    }
    throw new ReportError(displayName, `cannot be read: ${(error as Error).message}`);
  }
  return parseSecretReport(text, displayName, workspace, onSecret);
}

/**
 * Parses a report of gitleaks (v7 and v8 JSON, SARIF), TruffleHog (v2 and v3 JSON lines),
 * trufflehog3, detect-secrets or ggshield, recognised by its shape. An empty file, `null`
 * and `[]` are reports with no findings. Anything else is a ReportError naming the file.
 */
export function parseSecretReport(text: string, file: string, workspace: string, onSecret?: (secret: string) => void): SecretReportResult {
  const context: AdapterContext = { workspace, file, warnings: [], onSecret };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '' || trimmed === 'null' || trimmed === '[]' || trimmed === '{}') {
    return { format: 'empty', findings: [], warnings: [] };
  }

  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch {
    return jsonLinesReport(parseJsonLines(trimmed, file), context);
  }

  if (Array.isArray(document)) {
    return arrayReport(document, context);
  }
  if (!isObject(document)) {
    throw new ReportError(file, `expected a JSON object or array, got ${typeof document}`);
  }
  if (Array.isArray(document['runs'])) {
    return sarifReport(trimmed, context);
  }
  if (isObject(document['results']) && ('plugins_used' in document || 'generated_at' in document || 'version' in document)) {
    return { format: 'detect-secrets', findings: detectSecrets(document['results'], context), warnings: context.warnings };
  }
  if (Array.isArray(document['scans']) || Array.isArray(document['entities_with_incidents'])) {
    return { format: 'ggshield', findings: ggshield(document, context), warnings: context.warnings };
  }
  if ('SourceMetadata' in document || 'stringsFound' in document) {
    return jsonLinesReport([document], context);
  }
  throw new ReportError(file, 'not a secret scanner report this suite reads: expected gitleaks, TruffleHog, trufflehog3, detect-secrets, ggshield or SARIF output');
}

/**
 * Parses a JSON lines report (one object a line, as TruffleHog writes). A text that is neither
 * JSON nor JSON lines gets the position of its first error. Error messages never quote the
 * text, because it may contain secrets.
 */
function parseJsonLines(text: string, file: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') {
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (index === 0) {
        parseJsonText(text, file);
      }
      const error = locateJsonError(line);
      throw new ReportError(file, `line ${index + 1}, column ${error.column + lines[index]!.indexOf(line)}: invalid JSON in a JSON lines report: expected ${error.expected}`);
    }
    if (!isObject(value)) {
      throw new ReportError(file, `line ${index + 1}: expected a JSON object`);
    }
    records.push(value);
  }
  return records;
}

function jsonLinesReport(records: Record<string, unknown>[], context: AdapterContext): SecretReportResult {
  const findings: Finding[] = [];
  let format: SecretReportFormat = 'trufflehog-v2';
  records.forEach((record, index) => {
    if ('SourceMetadata' in record) {
      format = 'trufflehog-v3';
      findings.push(trufflehogV3(record, context));
    } else if (Array.isArray(record['stringsFound'])) {
      findings.push(...trufflehogV2(record, context));
    } else {
      throw new ReportError(context.file, `record ${index + 1}: neither a TruffleHog v2 nor a v3 result (no stringsFound or SourceMetadata)`);
    }
  });
  return { format, findings, warnings: context.warnings };
}

function arrayReport(items: unknown[], context: AdapterContext): SecretReportResult {
  const first = items.find(isObject);
  if (!first) {
    throw new ReportError(context.file, 'expected an array of result objects');
  }
  if ('RuleID' in first || 'StartLine' in first) {
    return { format: 'gitleaks', findings: items.map((item, index) => gitleaksV8(objectAt(item, index, context), context)), warnings: context.warnings };
  }
  if ('offender' in first || ('rule' in first && 'file' in first)) {
    return { format: 'gitleaks', findings: items.map((item, index) => gitleaksV7(objectAt(item, index, context), context)), warnings: context.warnings };
  }
  if ('stringsFound' in first || ('secret' in first && 'rule' in first)) {
    return { format: 'trufflehog3', findings: items.flatMap((item, index) => trufflehog3(objectAt(item, index, context), context)), warnings: context.warnings };
  }
  throw new ReportError(context.file, 'an array, but not of gitleaks or trufflehog3 results');
}

function objectAt(item: unknown, index: number, context: AdapterContext): Record<string, unknown> {
  if (!isObject(item)) {
    throw new ReportError(context.file, `result ${index + 1}: expected an object`);
  }
  return item;
}

/** gitleaks 8: capitalised keys; severity only from a tag such as "HIGH". */
function gitleaksV8(item: Record<string, unknown>, context: AdapterContext): Finding {
  const tags = Array.isArray(item['Tags']) ? item['Tags'] : [];
  const tagged = tags.map((tag) => severityWord(tag, 'info')).find((severity, index) => severity !== 'info' || String(tags[index]).toLowerCase() === 'info');
  return reportedFinding(
    {
      tool: 'gitleaks',
      ruleId: stringValue(item['RuleID']) ?? stringValue(item['Description']) ?? 'gitleaks',
      ruleName: stringValue(item['Description']),
      severity: tagged ?? 'high',
      path: stringValue(item['File']),
      line: integerValue(item['StartLine']),
      endLine: integerValue(item['EndLine']),
      secret: stringValue(item['Secret']) ?? stringValue(item['Match']),
      lineText: stringValue(item['Line']) ?? stringValue(item['Match']),
      commit: stringValue(item['Commit'])
    },
    context
  );
}

/** gitleaks 7: lower-case keys, `lineNumber` (absent in early 7.x), `offender` is the secret. */
function gitleaksV7(item: Record<string, unknown>, context: AdapterContext): Finding {
  return reportedFinding(
    {
      tool: 'gitleaks',
      ruleId: stringValue(item['rule']) ?? 'gitleaks',
      severity: 'high',
      path: stringValue(item['file']),
      line: integerValue(item['lineNumber']),
      secret: stringValue(item['offender']),
      lineText: stringValue(item['line']),
      commit: stringValue(item['commit'])
    },
    context
  );
}

/**
 * TruffleHog 2: one result per commit and file with the diff and the strings found. Each
 * string is one finding; its line is found in the diff's added or context lines, so a string
 * that only a removed line holds has no line.
 */
function trufflehogV2(record: Record<string, unknown>, context: AdapterContext): Finding[] {
  const strings = (record['stringsFound'] as unknown[]).filter((value): value is string => typeof value === 'string');
  const diff = stringValue(record['diff']) ?? '';
  const reason = stringValue(record['reason']) ?? 'TruffleHog';
  return strings.map((secret) =>
    reportedFinding(
      {
        tool: 'trufflehog',
        ruleId: reason,
        severity: /entropy/i.test(reason) ? 'medium' : 'high',
        path: stringValue(record['path']),
        line: lineInDiff(diff, secret),
        secret,
        commit: stringValue(record['commitHash'])
      },
      context
    )
  );
}

/** Returns the new-file line of the first added or context line that contains `text`. */
export function lineInDiff(diff: string, text: string): number | undefined {
  let line = 0;
  let inHunk = false;
  for (const row of diff.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      line = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk || row.startsWith('-') || row.startsWith('\\')) {
      continue;
    }
    if (row.includes(text)) {
      return line;
    }
    line++;
  }
  return undefined;
}

/** TruffleHog 3: one JSON line per result; the place is under SourceMetadata.Data.<source>. */
function trufflehogV3(record: Record<string, unknown>, context: AdapterContext): Finding {
  const data = isObject(record['SourceMetadata']) && isObject(record['SourceMetadata']['Data']) ? record['SourceMetadata']['Data'] : {};
  const source = Object.values(data).find(isObject) ?? {};
  const detector = stringValue(record['DetectorName']) ?? String(record['DetectorType'] ?? 'TruffleHog');
  const verified = record['Verified'] === true;
  return reportedFinding(
    {
      tool: 'trufflehog',
      ruleId: detector,
      severity: verified ? 'critical' : 'high',
      path: stringValue(source['file']) ?? stringValue(source['path']),
      line: integerValue(source['line']),
      secret: stringValue(record['Raw']) ?? stringValue(record['RawV2']),
      commit: stringValue(source['commit']),
      verified
    },
    context
  );
}

/**
 * trufflehog3: the current format has `rule`, `secret` and a string `line`; the legacy format
 * (as TruffleHog 2) has `stringsFound`, diff lines without line numbers, one finding each.
 */
function trufflehog3(item: Record<string, unknown>, context: AdapterContext): Finding[] {
  if (Array.isArray(item['stringsFound'])) {
    const reason = stringValue(item['reason']) ?? 'trufflehog3';
    return (item['stringsFound'] as unknown[])
      .filter((value): value is string => typeof value === 'string')
      .map((found) =>
        reportedFinding(
          {
            tool: 'trufflehog3',
            ruleId: reason,
            severity: /entropy/i.test(reason) ? 'medium' : 'high',
            path: stringValue(item['path']),
            secret: found.replace(/^[+-]/, '').trim(),
            commit: stringValue(item['commitHash'])
          },
          context
        )
      );
  }
  const rule = isObject(item['rule']) ? item['rule'] : {};
  const line = integerValue(item['line']);
  const contextLines = isObject(item['context']) ? item['context'] : {};
  const lineText = line === undefined ? undefined : stringValue(contextLines[String(line)]);
  return [
    reportedFinding(
      {
        tool: 'trufflehog3',
        ruleId: stringValue(rule['id']) ?? 'trufflehog3',
        ruleName: stringValue(rule['message']),
        severity: severityWord(rule['severity'], 'high'),
        path: stringValue(item['path']),
        line,
        secret: stringValue(item['secret']),
        lineText,
        commit: stringValue(item['commit'])
      },
      context
    )
  ];
}

/** detect-secrets baseline: results by file; secrets are SHA-1 hashed, never in clear. */
function detectSecrets(results: Record<string, unknown>, context: AdapterContext): Finding[] {
  const findings: Finding[] = [];
  for (const [file, entries] of Object.entries(results)) {
    if (!Array.isArray(entries)) {
      throw new ReportError(context.file, `results["${file}"]: expected an array`);
    }
    for (const entry of entries) {
      if (!isObject(entry)) {
        throw new ReportError(context.file, `results["${file}"]: expected objects`);
      }
      const type = stringValue(entry['type']) ?? 'detect-secrets';
      const finding = reportedFinding(
        {
          tool: 'detect-secrets',
          ruleId: type,
          severity: entry['is_verified'] === true ? 'critical' : 'high',
          path: stringValue(entry['filename']) ?? file,
          line: integerValue(entry['line_number']),
          secretHash: stringValue(entry['hashed_secret']),
          verified: entry['is_verified'] === true
        },
        context
      );
      if (entry['is_secret'] === false) {
        finding.suppression = { kind: 'config', justification: 'marked is_secret: false in the detect-secrets baseline', source: context.file };
      }
      findings.push(finding);
    }
  }
  return findings;
}

/** ggshield: a commit-range report (`scans`) or a path report (`entities_with_incidents`). Matches are already masked. */
function ggshield(document: Record<string, unknown>, context: AdapterContext): Finding[] {
  const scans = Array.isArray(document['scans']) ? document['scans'] : [document];
  const findings: Finding[] = [];
  for (const scan of scans) {
    if (!isObject(scan)) {
      continue;
    }
    const commit = scan['type'] === 'commit' ? stringValue(scan['id']) : undefined;
    for (const entity of Array.isArray(scan['entities_with_incidents']) ? scan['entities_with_incidents'] : []) {
      if (!isObject(entity)) {
        continue;
      }
      for (const incident of Array.isArray(entity['incidents']) ? entity['incidents'] : []) {
        if (!isObject(incident)) {
          continue;
        }
        for (const occurrence of Array.isArray(incident['occurrences']) ? incident['occurrences'] : []) {
          if (!isObject(occurrence)) {
            continue;
          }
          findings.push(
            reportedFinding(
              {
                tool: 'ggshield',
                ruleId: stringValue(incident['type']) ?? 'ggshield',
                severity: incident['validity'] === 'valid' ? 'critical' : 'high',
                path: stringValue(entity['filename']),
                line: integerValue(occurrence['line_start']),
                endLine: integerValue(occurrence['line_end']),
                secretHash: stringValue(incident['ignore_sha']),
                commit
              },
              context
            )
          );
        }
      }
    }
  }
  return findings;
}

/**
 * Reads SARIF with the core reader, then removes what gitleaks and others put there in
 * clear: the snippet and the `offender`, `secret` and `match` properties become a hash and a
 * redacted form.
 */
function sarifReport(text: string, context: AdapterContext): SecretReportResult {
  const result = parseSarif(text, context.file, { workspace: context.workspace });
  for (const finding of result.findings) {
    const properties = finding.properties ?? {};
    const secret = [properties['offender'], properties['secret'], properties['Secret'], properties['match']].find((value): value is string => typeof value === 'string' && value !== '');
    const kept: Record<string, unknown> = {};
    if (typeof properties['commit'] === 'string') {
      kept['commit'] = properties['commit'];
    }
    if (secret) {
      context.onSecret?.(secret);
      kept['redacted'] = redact(secret);
      finding.partialFingerprints = { ...finding.partialFingerprints, ...secretPartialFingerprints(finding.rule.id, secret) };
      finding.message = finding.message.split(secret).join(redact(secret));
    }
    finding.properties = kept;
    finding.category = 'secrets';
    finding.cwes = [...new Set([...finding.cwes, SECRET_CWE])];
    if (finding.location) {
      delete finding.location.snippet;
    }
  }
  return { format: 'sarif', findings: result.findings, warnings: [...context.warnings, ...result.warnings] };
}
