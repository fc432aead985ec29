import type { Severity } from './finding.js';

/**
 * Severity of a SARIF result, decided by the first source that gives one:
 *
 * 1. `security-severity` (result properties, then rule properties): a CVSS-like score
 *    0.0-10.0, in GitHub code scanning's bands:
 *      score >= 9.0 critical | >= 7.0 high | >= 4.0 medium | > 0.0 low | 0.0 info
 * 2. A tool's own rank in a property (result properties, then rule properties), under one of
 *    the keys in TOOL_RANK_KEYS, matched without case:
 *      CRITICAL                               critical
 *      HIGH, ERROR                            high
 *      MEDIUM, MODERATE, WARNING              medium
 *      LOW, RECOMMENDATION                    low
 *      INFO, INFORMATIONAL, NEGLIGIBLE        info
 *    These cover Trivy and Grype (CRITICAL to NEGLIGIBLE), Semgrep (ERROR, WARNING, INFO),
 *    Bandit and Checkov (HIGH, MEDIUM, LOW) and CodeQL's `problem.severity` (error, warning,
 *    recommendation). Trivy also writes the word as an upper-case rule tag
 *    (`tags: ["vulnerability", "HIGH"]`), which is read when the driver name contains
 *    "trivy". UNKNOWN and any other value carry no rank, so the next source decides.
 * 3. SARIF `level`:
 *      error high | warning medium | note low | none info
 *    When `level` is absent, SARIF 2.1.0 (section 3.27.10) takes the rule's
 *    `defaultConfiguration.level`, else `warning`; but a result whose `kind` is present and
 *    not `fail` (informational, review, open, pass, notApplicable) defaults to `none`.
 */

export const SECURITY_SEVERITY_BANDS: ReadonlyArray<{ min: number; severity: Severity }> = [
  { min: 9.0, severity: 'critical' },
  { min: 7.0, severity: 'high' },
  { min: 4.0, severity: 'medium' },
  { min: Number.MIN_VALUE, severity: 'low' },
  { min: 0, severity: 'info' }
];

/** Property keys that carry a tool's own severity word, in the order they are tried. */
export const TOOL_RANK_KEYS = ['severity', 'issue_severity', 'problem.severity', 'cvssv3_baseSeverity'] as const;

export const TOOL_RANKS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  high: 'high',
  error: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  low: 'low',
  recommendation: 'low',
  info: 'info',
  informational: 'info',
  negligible: 'info'
};

export const LEVEL_SEVERITIES: Readonly<Record<string, Severity>> = {
  error: 'high',
  warning: 'medium',
  note: 'low',
  none: 'info'
};

export interface SarifSeverityInput {
  level?: string;
  kind?: string;
  /** `security-severity` as the file holds it: a number or a numeric string. */
  securitySeverity?: unknown;
  ruleDefaultLevel?: string;
  /** The driver name; it selects tool-specific places to look, such as Trivy's tags. */
  toolName: string;
  /** The result's `properties`. */
  properties?: Record<string, unknown>;
  /** The rule's `properties`. */
  ruleProperties?: Record<string, unknown>;
}

/** Maps a SARIF result to a severity with the table above. */
export function severityFromSarif(input: SarifSeverityInput): Severity {
  const score =
    parseSecuritySeverity(input.securitySeverity) ??
    parseSecuritySeverity(input.properties?.['security-severity']) ??
    parseSecuritySeverity(input.ruleProperties?.['security-severity']);
  if (score !== undefined) {
    return severityFromScore(score);
  }

  const rank = toolRank(input.properties) ?? toolRank(input.ruleProperties) ?? trivyTagRank(input.toolName, input.ruleProperties);
  if (rank) {
    return rank;
  }

  return LEVEL_SEVERITIES[effectiveLevel(input)] ?? 'medium';
}

/** Maps a 0.0-10.0 score to a severity by GitHub's bands; scores above 10 count as critical. */
export function severityFromScore(score: number): Severity {
  for (const band of SECURITY_SEVERITY_BANDS) {
    if (score >= band.min) {
      return band.severity;
    }
  }
  return 'info';
}

/** Returns the SARIF level in force for a result, applying the defaults of SARIF 3.27.10. */
export function effectiveLevel(input: Pick<SarifSeverityInput, 'level' | 'kind' | 'ruleDefaultLevel'>): string {
  if (input.level !== undefined && Object.hasOwn(LEVEL_SEVERITIES, input.level)) {
    return input.level;
  }
  if (input.kind !== undefined && input.kind !== 'fail') {
    return 'none';
  }
  if (input.ruleDefaultLevel !== undefined && Object.hasOwn(LEVEL_SEVERITIES, input.ruleDefaultLevel)) {
    return input.ruleDefaultLevel;
  }
  return 'warning';
}

function parseSecuritySeverity(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) {
    return Number.parseFloat(value);
  }
  return undefined;
}

function toolRank(properties: Record<string, unknown> | undefined): Severity | undefined {
  if (!properties) {
    return undefined;
  }
  for (const key of TOOL_RANK_KEYS) {
    const value = properties[key];
    const rank = typeof value === 'string' ? rankFromWord(value) : undefined;
    if (rank) {
      return rank;
    }
  }
  return undefined;
}

/** Trivy writes its severity as an upper-case rule tag, next to `vulnerability` and `security`. */
function trivyTagRank(toolName: string, ruleProperties: Record<string, unknown> | undefined): Severity | undefined {
  const tags = ruleProperties?.['tags'];
  if (!/trivy/i.test(toolName) || !Array.isArray(tags)) {
    return undefined;
  }
  for (const tag of tags) {
    const rank = typeof tag === 'string' && tag === tag.toUpperCase() ? rankFromWord(tag) : undefined;
    if (rank) {
      return rank;
    }
  }
  return undefined;
}

function rankFromWord(word: string): Severity | undefined {
  const key = word.trim().toLowerCase();
  return Object.hasOwn(TOOL_RANKS, key) ? TOOL_RANKS[key] : undefined;
}
