import type { Finding } from '../finding.js';
import type { FindingState, Report } from '../report.js';

/** One finding in the JSON report. Absent values are `null`, so every entry has every key. */
export interface JsonFinding {
  ruleId: string;
  ruleName: string | null;
  severity: string;
  state: FindingState;
  category: string;
  path: string | null;
  line: number | null;
  endLine: number | null;
  column: number | null;
  endColumn: number | null;
  message: string;
  tools: string[];
  fingerprint: string;
  cwes: string[];
  vulnerabilityIds: string[];
  package: { name: string; version: string | null; ecosystem: string | null; fixedVersion: string | null } | null;
  url: string | null;
  suppression: { kind: string; justification: string | null; source: string | null } | null;
  helpUri: string | null;
  controls: string[];
}

/**
 * Render the report as pretty-printed JSON (two-space indent, trailing newline) with keys in
 * a fixed order: findings, errors, counts, policy, fixed, expiredSuppressions, warnings.
 * `counts.total` is the number of findings that are not suppressed, the sum of the
 * per-severity counts.
 */
export function renderJson(report: Report): string {
  const newFingerprints = new Set(report.newFindings.map((finding) => finding.fingerprint));
  const stateOf = (finding: Finding): FindingState =>
    report.states.get(finding.fingerprint) ??
    (finding.suppression !== undefined ? 'suppressed' : newFingerprints.has(finding.fingerprint) ? 'new' : 'existing');

  const { counts } = report;
  const document = {
    findings: report.findings.map((finding) => toJsonFinding(finding, stateOf(finding))),
    errors: report.errors.map((error) => ({ file: error.file, message: error.message })),
    counts: {
      critical: counts.critical,
      high: counts.high,
      medium: counts.medium,
      low: counts.low,
      info: counts.info,
      total: counts.critical + counts.high + counts.medium + counts.low + counts.info,
      new: report.newFindings.length,
      existing: report.existingFindings.length,
      suppressed: report.suppressedFindings.length,
      fixed: report.fixed.length,
      errors: report.errors.length
    },
    policy: { failOn: report.policy.failOn, failed: report.policy.failed, reason: report.policy.reason },
    fixed: [...report.fixed],
    expiredSuppressions: report.expiredSuppressions.map((entry) => ({
      rule: entry.rule,
      path: entry.path ?? null,
      reason: entry.reason,
      expires: entry.expires,
      source: entry.source
    })),
    warnings: [...report.warnings]
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function toJsonFinding(finding: Finding, state: FindingState): JsonFinding {
  const location = finding.location;
  return {
    ruleId: finding.rule.id,
    ruleName: finding.rule.name ?? null,
    severity: finding.severity,
    state,
    category: finding.category,
    path: location?.path ?? null,
    line: location?.startLine ?? null,
    endLine: location?.endLine ?? null,
    column: location?.startColumn ?? null,
    endColumn: location?.endColumn ?? null,
    message: finding.message,
    tools: [...finding.tools],
    fingerprint: finding.fingerprint,
    cwes: [...finding.cwes],
    vulnerabilityIds: [...finding.vulnerabilityIds],
    package:
      finding.package === undefined
        ? null
        : {
            name: finding.package.name,
            version: finding.package.version ?? null,
            ecosystem: finding.package.ecosystem ?? null,
            fixedVersion: finding.package.fixedVersion ?? null
          },
    url: finding.url ?? null,
    suppression:
      finding.suppression === undefined
        ? null
        : {
            kind: finding.suppression.kind,
            justification: finding.suppression.justification ?? null,
            source: finding.suppression.source ?? null
          },
    helpUri: finding.rule.helpUri ?? null,
    controls: [...finding.controls]
  };
}
