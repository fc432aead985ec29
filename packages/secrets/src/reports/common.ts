import { isSeverity, toRepoPath, type Finding, type Severity } from '@devsecops/core';

import { MAX_SNIPPET_LENGTH, SECRET_CWE } from '../findings.js';
import { redact, redactedExcerpt, secretPartialFingerprints } from '../redact.js';

/** Fields an adapter reads about one reported secret. */
export interface ReportedSecret {
  tool: string;
  ruleId: string;
  ruleName?: string;
  severity: Severity;
  /** Path as the report wrote it. */
  path?: string;
  line?: number;
  endLine?: number;
  /** The secret in clear, when the report contains it. It is hashed and redacted, never kept. */
  secret?: string;
  /** A stable identity the tool gives instead of the secret, such as detect-secrets' hash. */
  secretHash?: string;
  /** A line of source the report quotes; it is kept only with the secret redacted. */
  lineText?: string;
  commit?: string;
  verified?: boolean;
}

export interface AdapterContext {
  workspace: string;
  /** The report file, for messages. */
  file: string;
  warnings: string[];
  /** Receives each secret value found in clear, for the runner's log masking. */
  onSecret?: (secret: string) => void;
}

/**
 * Builds a finding from a reported secret. The secret itself never reaches the finding: the
 * message and snippet show its redacted form, and the fingerprint hashes it with the rule id.
 * A path outside the workspace is dropped from the location with a warning.
 */
export function reportedFinding(reported: ReportedSecret, context: AdapterContext): Finding {
  const secrets = reported.secret ? [reported.secret] : [];
  if (reported.secret) {
    context.onSecret?.(reported.secret);
  }
  const properties: Record<string, unknown> = {};
  if (reported.secret) {
    properties['redacted'] = redact(reported.secret);
  }
  if (reported.commit) {
    properties['commit'] = reported.commit;
  }
  if (reported.verified !== undefined) {
    properties['verified'] = reported.verified;
  }

  const finding: Finding = {
    tools: [reported.tool],
    category: 'secrets',
    rule: { id: reported.ruleId, name: reported.ruleName ?? reported.ruleId },
    severity: reported.severity,
    message: `${reported.ruleName ?? reported.ruleId}${reported.secret ? `: ${redact(reported.secret)}` : ''}${reported.commit ? ` (commit ${reported.commit.slice(0, 12)})` : ''}`,
    cwes: [SECRET_CWE],
    vulnerabilityIds: [],
    fingerprint: '',
    controls: [],
    sourceFile: context.file,
    properties
  };
  const identity = reported.secret ?? reported.secretHash;
  if (identity) {
    finding.partialFingerprints = secretPartialFingerprints(reported.ruleId, identity);
  }

  if (reported.path !== undefined && reported.path !== '') {
    const repoPath = toRepoPath(context.workspace, reported.path);
    if (repoPath === undefined) {
      context.warnings.push(`${context.file}: path "${reported.path}" is outside the workspace; the finding of rule ${reported.ruleId} is kept without a location.`);
    } else {
      finding.location = { path: repoPath };
      if (reported.line !== undefined && Number.isInteger(reported.line) && reported.line > 0) {
        finding.location.startLine = reported.line;
        finding.location.endLine = reported.endLine && reported.endLine >= reported.line ? reported.endLine : reported.line;
      }
      if (reported.lineText !== undefined && secrets.length > 0) {
        finding.location.snippet = redactedExcerpt(reported.lineText, secrets[0]!, secrets, MAX_SNIPPET_LENGTH);
      }
    }
  }
  return finding;
}

/** Maps a tool's severity word, or returns the fallback. */
export function severityWord(value: unknown, fallback: Severity): Severity {
  if (typeof value !== 'string') {
    return fallback;
  }
  const word = value.trim().toLowerCase();
  return isSeverity(word) ? word : fallback;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function integerValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}
